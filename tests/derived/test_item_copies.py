"""Keyword rows and mentions carry their item's date and listed state, whoever writes.

The keyword and person pages, the person index and the offices read a keyword's or a
person's items through these copies (articles/models/item_copies.py); a copy that lags
behind its item would show a withdrawn item or hide a published one. Each write path below
changes an item, its keywords or its mentions; afterwards every copy equals its item and the
pages show what the items say.
"""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Keyword, Mention, Person, TaggedArticle

pytestmark = pytest.mark.django_db

NEW_DATE = datetime.date(2021, 3, 4)

STALE = """
SELECT count(*) FROM (
    SELECT t.item_date, t.item_listed, t.item_publish_at, a.published_on,
           articles_listed(a.status, a.kind) AS listed, a.publish_at
      FROM articles_taggedarticle t JOIN articles_article a ON a.id = t.content_object_id
    UNION ALL
    SELECT m.item_date, m.item_listed, m.item_publish_at, a.published_on,
           articles_listed(a.status, a.kind), a.publish_at
      FROM articles_mention m JOIN articles_article a ON a.id = m.article_id
) c
WHERE (item_date, item_listed, item_publish_at) IS DISTINCT FROM (published_on, listed, publish_at)
"""


def stale_copies() -> int:
    with connection.cursor() as cursor:
        cursor.execute(STALE)
        return cursor.fetchone()[0]


def _raw(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _loaddata(item: Article, tmp_path) -> None:
    """A fixture whose keyword row and mention come before their new item (deferred keys)."""
    keyword, person = Keyword.objects.get(name="Politik"), Person.objects.get(slug="anna-schmidt")
    rows = [
        {"model": "articles.taggedarticle", "pk": 9001,
         "fields": {"tag": keyword.pk, "content_object": 9001}},
        {"model": "articles.mention", "pk": 9001,
         "fields": {"article": 9001, "person": person.pk, "role": "CIO", "position": 0}},
        {"model": "articles.article", "pk": 9001,
         "fields": {"title": "Geladen", "slug": "geladen", "published_on": NEW_DATE.isoformat(),
                    "status": "published", "kind": "news"}},
    ]  # fmt: skip
    path = tmp_path / "items.json"
    path.write_text(json.dumps(rows))
    call_command("loaddata", str(path), verbosity=0)


def _bulk_create(item: Article, tmp_path) -> None:
    new = Article.objects.bulk_create(
        [Article(title="Neu", slug="neu", published_on=NEW_DATE, status="published")]
    )[0]
    TaggedArticle.objects.bulk_create(
        [TaggedArticle(content_object=new, tag=Keyword.objects.get(name="Politik"))]
    )
    Mention.objects.bulk_create(
        [Mention(article=new, person=Person.objects.get(slug="anna-schmidt"), role="CIO")]
    )


def _save(item: Article, **fields) -> None:
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()


def _admin_withdraw(item: Article, admin_client) -> None:
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "withdraw", "_selected_action": [item.pk]},
    )
    assert response.status_code == 302


WRITES = {
    "orm save: new date": lambda item, tmp, admin: _save(item, published_on=NEW_DATE),
    "orm save: undated": lambda item, tmp, admin: _save(item, published_on=None),
    "orm save: teaser": lambda item, tmp, admin: _save(item, kind=Article.Kind.TEASER),
    "orm save: scheduled": lambda item, tmp, admin: _save(
        item, publish_at=timezone.now() + datetime.timedelta(days=2)
    ),
    "queryset update: draft": lambda item, tmp, admin: Article.objects.filter(pk=item.pk).update(
        status=Article.Status.DRAFT
    ),
    "queryset update: date": lambda item, tmp, admin: Article.objects.update(published_on=NEW_DATE),
    "bulk_create": lambda item, tmp, admin: _bulk_create(item, tmp),
    "loaddata": lambda item, tmp, admin: _loaddata(item, tmp),
    "raw sql: item": lambda item, tmp, admin: _raw(
        "UPDATE articles_article SET published_on = %s, status = 'review' WHERE id = %s",
        [NEW_DATE, item.pk],
    ),
    "raw sql: rows": lambda item, tmp, admin: _raw(
        "INSERT INTO articles_mention (article_id, person_id, role, position)"
        " SELECT %s, id, 'Landrat', 1 FROM articles_person WHERE slug = 'eva-neu'",
        [item.pk],
    ),
    "raw sql: copy overwritten": lambda item, tmp, admin: _raw(
        "UPDATE articles_taggedarticle SET item_listed = false, item_date = NULL", []
    ),
    "keyword added": lambda item, tmp, admin: item.keywords.add("Neues Stichwort"),
    "mention moved to another item": lambda item, tmp, admin: Mention.objects.filter(
        article=item
    ).update(article=Article.objects.get(slug="entwurf")),
    "admin action": lambda item, tmp, admin: _admin_withdraw(item, admin),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_write_path_keeps_the_copies_of_the_items(
    make_article, client, admin_client, tmp_path, write
):
    item = make_article("Digitalstrategie", keywords=["Politik"], people=[("Anna Schmidt", "CIO")])
    make_article(
        "Entwurf", status=Article.Status.DRAFT, keywords=["Politik"],
        people=[("Eva Neu", "Landrätin")],
    )  # fmt: skip
    write(item, tmp_path, admin_client)
    assert stale_copies() == 0

    listed = set(Article.objects.listed().filter(keywords__name="Politik").values_list("title"))
    page = client.get(reverse("articles:keyword", args=["politik"]))
    shown = {title for (title,) in listed}
    if shown:
        assert {a.title for a in page.context["articles"]} == shown
    named = set(
        Article.objects.listed().filter(mentions__person__slug="anna-schmidt").values_list("title")
    )
    if named:
        page = client.get(reverse("articles:person", args=["anna-schmidt"]))
        assert {m.article.title for m in page.context["mentions"]} == {t for (t,) in named}


def test_the_pages_order_by_the_items_dates(client, make_article):
    for day in (3, 1, 2):
        make_article(f"Tag {day}", published_on=datetime.date(2019, 5, day), keywords=["Politik"],
                     people=[("Anna Schmidt", f"Rolle {day}")])  # fmt: skip
    make_article("Ohne Datum", published_on=None, keywords=["Politik"],
                 people=[("Anna Schmidt", "")])  # fmt: skip
    Article.objects.filter(title="Tag 1").update(published_on=datetime.date(2019, 5, 9))

    keyword_page = client.get(reverse("articles:keyword", args=["politik"]))
    person_page = client.get(reverse("articles:person", args=["anna-schmidt"]))
    expected = ["Tag 1", "Tag 3", "Tag 2", "Ohne Datum"]
    assert [a.title for a in keyword_page.context["articles"]] == expected
    assert [m.article.title for m in person_page.context["mentions"]] == expected
    people = client.get(reverse("articles:people"))
    assert people.context["roles"] == {"anna-schmidt": "Rolle 1"}
