"""The admin's review list puts items the parser was unsure of first."""

import datetime

from django.urls import reverse

from articles.models import Article, Document


def document(name: str, warnings: list[str]) -> Document:
    return Document.objects.create(
        file_name=f"{name}.txt", sha256=name * 64, encoding="utf-8", raw_text="…",
        parser="press@1", warnings=warnings,
    )  # fmt: skip


def titles(client, params: dict) -> list[str]:
    response = client.get(reverse("admin:articles_article_changelist"), params)
    return [row.title for row in response.context_data["cl"].result_list]


def test_unsure_items_come_first_in_the_review_list(editor_client, make_article):
    make_article(
        "Sicher und neu", published_on=datetime.date(2024, 1, 2), status=Article.Status.REVIEW,
        document=document("a", ["navigation removed: Startseite"]),
    )  # fmt: skip
    make_article(
        "Unsicher und alt", published_on=datetime.date(2019, 1, 2), status=Article.Status.REVIEW,
        document=document("b", ["unsure: title (a single word)"]),
    )  # fmt: skip
    make_article(
        "Erster Satz", published_on=datetime.date(2018, 1, 2), status=Article.Status.REVIEW,
        document=document("c", ["title taken from the first sentence"]),
    )  # fmt: skip
    for params in ({"pruefen": "ja"}, {"status__exact": "review"}):
        assert titles(editor_client, params) == [
            "Unsicher und alt",
            "Erster Satz",
            "Sicher und neu",
        ]
    # The ordinary list keeps its order: newest first.
    assert titles(editor_client, {})[0] == "Sicher und neu"
