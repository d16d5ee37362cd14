"""Fixtures name everything by natural keys, so they load into any database, twice."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article, Document, Keyword, Link, Mention, Person, Source

MODELS = [Article, Document, Keyword, Link, Mention, Person, Source]


def snapshot() -> dict:
    return {
        "articles": sorted(
            Article.objects.values_list(
                "slug", "published_on", "title", "source__name", "document__sha256", "search_text"
            )
        ),
        "keywords": sorted(
            Article.keywords.through.objects.values_list("content_object__slug", "tag__name")
        ),
        "mentions": sorted(Mention.objects.values_list("article__slug", "person__slug", "role")),
        "links": sorted(Link.objects.values_list("article__slug", "position", "label", "url")),
        "related": sorted(
            Article.related.through.objects.values_list("from_article__slug", "to_article__slug")
        ),
        "counts": {model.__name__: model.objects.count() for model in MODELS},
    }


@pytest.mark.django_db(transaction=True)
def test_dump_flush_load_gives_the_same_rows(make_article, source, tmp_path):
    document = Document.objects.create(
        file_name="000.txt", sha256="a" * 64, encoding="utf-8", raw_text="…", parser="kommune21@1"
    )
    main = make_article(
        "Freistaat will Vorreiter für Digitales werden",
        source=source,
        document=document,
        keywords=["Politik", "E-Government-Strategie"],
        people=[("Wolfgang Tiefensee", "Wirtschaftsminister")],
    )
    teaser = make_article("Gemeinsame OZG-Umsetzung", kind=Article.Kind.TEASER)
    main.related.add(teaser)
    Link.objects.create(article=main, position=0, label="Grundlagenpapier", format="PDF")
    before = snapshot()

    dump = tmp_path / "archive.json"
    out = io.StringIO()
    call_command(
        "dumpdata", "articles", "--natural-foreign", "--natural-primary", "--indent=1", stdout=out
    )
    dump.write_text(out.getvalue())
    assert '"pk"' not in out.getvalue()

    call_command("flush", "--no-input", verbosity=0)
    assert Article.objects.count() == 0
    call_command("loaddata", str(dump), verbosity=0)
    assert snapshot() == before

    call_command("loaddata", str(dump), verbosity=0)
    assert snapshot() == before
