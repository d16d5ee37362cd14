"""The cache generation lives in PostgreSQL and every write path moves it on."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.cache import generation
from articles.models import Article, Keyword, Link, Mention, Person, Source


def _fixture(tmp_path) -> str:
    path = tmp_path / "source.json"
    rows = [
        {
            "model": "articles.source",
            "fields": {
                "name": "Landesamt",
                "slug": "landesamt",
                "kind": "ministry",
                "homepage": "https://example.org",
            },
        }
    ]
    path.write_text(json.dumps(rows))
    return str(path)


def _raw_sql(item: Article) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_article SET title = 'Roh' WHERE id = %s", [item.pk])


WRITES = {
    "orm save": lambda item, tmp: item.save(),
    "queryset update": lambda item, tmp: Article.objects.filter(pk=item.pk).update(
        status=Article.Status.DRAFT
    ),
    "bulk_create": lambda item, tmp: Article.objects.bulk_create(
        [Article(title="Neu", slug="neu", published_on=datetime.date(2020, 1, 1))]
    ),
    "loaddata": lambda item, tmp: call_command("loaddata", _fixture(tmp), verbosity=0),
    "raw sql": lambda item, tmp: _raw_sql(item),
    "delete": lambda item, tmp: item.delete(),
    "queryset delete": lambda item, tmp: Article.objects.filter(pk=item.pk).delete(),
    "keyword added": lambda item, tmp: item.keywords.add("Neues Stichwort"),
    "keyword removed": lambda item, tmp: item.keywords.remove("Politik"),
    "keyword renamed": lambda item, tmp: Keyword.objects.update(name="Anders"),
    "mention added": lambda item, tmp: Mention.objects.create(
        article=item, person=Person.objects.create(name="Eva Neu", slug="eva-neu"), role="CIO"
    ),
    "mention removed": lambda item, tmp: Mention.objects.filter(article=item).delete(),
    "person renamed": lambda item, tmp: Person.objects.update(name="Anna Anders"),
    "link added": lambda item, tmp: Link.objects.create(article=item, label="PDF", url=""),
    "source renamed": lambda item, tmp: Source.objects.update(name="Andere Quelle"),
    "item pinned on a topic page": lambda item, tmp: Keyword.objects.get(name="Politik").pinned.add(
        item
    ),
    "related added": lambda item, tmp: item.related.add(
        Article.objects.create(title="Anreißer", slug="anreisser", kind=Article.Kind.TEASER)
    ),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_write_path_moves_the_generation_on(make_article, source, tmp_path, write):
    item = make_article(keywords=["Politik"], people=[("Anna Schmidt", "CIO")], source=source)
    before = generation()
    write(item, tmp_path)
    assert generation() != before


def test_an_arriving_publish_time_moves_the_generation_on(make_article, monkeypatch):
    make_article(publish_at=timezone.now() + datetime.timedelta(hours=1))
    before = generation()
    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr("articles.cache.timezone.now", lambda: later)  # no write, only time
    assert generation() != before


def test_a_queryset_update_to_draft_leaves_every_cached_page(client, make_article):
    """update() sends no signal: the old signal-based bump kept the item listed."""
    make_article("Andere Meldung", keywords=["Politik"])  # keeps the archives non-empty
    item = make_article("Stadtwerk meldet Quartalszahlen", keywords=["Politik"])
    pages = [
        reverse("articles:timeline"),
        reverse("articles:archive_year", args=[2018]),
        reverse("articles:archive_month", args=[2018, 12]),
        reverse("articles:keyword", args=["politik"]),
        reverse("articles:search") + "?q=Quartalszahlen",
    ]
    for url in pages:
        assert "Stadtwerk meldet" in client.get(url).text, url
    Article.objects.filter(pk=item.pk).update(status=Article.Status.DRAFT, title="Geheim")
    for url in pages:
        html = client.get(url).text
        assert "Stadtwerk meldet" not in html and "Geheim" not in html, url


def test_a_request_reads_the_generation_once(client, make_article):
    make_article(keywords=["Politik"])
    for url in (reverse("articles:timeline"), reverse("articles:search") + "?q=Thüringen"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        reads = [q["sql"] for q in queries.captured_queries if "articles_generation" in q["sql"]]
        assert len(reads) == 1, url
