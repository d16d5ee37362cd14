"""The item writer: set-based batches, idempotent on the import reference, derived data
current after it (search text, counts)."""

import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.derived.counts import ListedCounts
from articles.derived.search_text import stale_search_text
from articles.ingest import parse_file
from articles.models import Article, Keyword, Person
from articles.search import matching
from articles.writer import CREATED, FAILED, SKIPPED, UPDATED, from_parsed, write_items

sys.path.insert(0, str(Path(settings.BASE_DIR)))
from bench.documents import write_documents

pytestmark = pytest.mark.django_db
SEEDS = sorted(Path(settings.DOCUMENTS_DIR).glob("*.txt"))


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[Path]:
    return write_documents(tmp_path_factory.mktemp("docs"), 45)


def rows(paths):
    return [from_parsed(parse_file(path)) for path in paths]


def queries(batch) -> int:
    with CaptureQueriesContext(connection) as captured:
        write_items(batch)
    return len(captured)


def test_queries_do_not_grow_with_the_batch(documents):
    small = queries(rows(documents[:5]))
    large = queries(rows(documents[5:45]))
    assert large <= small
    assert Article.objects.filter(import_ref__isnull=False).count() == 45


def test_created_then_skipped_then_updated(tmp_path):
    outcomes = write_items(rows(SEEDS))
    assert [o.status for o in outcomes] == [CREATED] * 5
    assert [o.status for o in write_items(rows(SEEDS))] == [SKIPPED] * 5
    changed = tmp_path / SEEDS[1].name
    changed.write_text(SEEDS[1].read_text().replace("115 Millionen", "120 Millionen"))
    outcome = write_items(rows([changed]))[0]
    assert outcome.status == UPDATED
    assert "120 Millionen" in Article.objects.get(pk=outcome.article_id).body
    assert Article.objects.filter(import_ref=f"file:{changed.name}").count() == 1


def test_derived_data_is_current_after_a_batch(documents):
    write_items(rows(documents[:20]))
    assert stale_search_text() == []
    person = Person.objects.filter(mentions__isnull=False).first()
    surname = person.name.split()[-1]
    assert matching(Article.objects.all(), surname).filter(mentions__person=person).exists()
    listed = Article.objects.listed()
    assert sum(ListedCounts().periods().values()) == listed.count()
    keyword = Keyword.objects.filter(tagged_articles__isnull=False).first()
    counted = {usage.name: usage.count for usage in ListedCounts().keywords()}
    assert counted[keyword.name] == listed.filter(keywords=keyword).count()


def test_a_duplicate_in_the_same_batch_fails_alone():
    first, second = rows([SEEDS[0], SEEDS[0]])
    second.import_ref, second.label = "file:copy.txt", "copy.txt"
    second.document.sha256 = "0" * 64
    outcomes = write_items([first, second])
    assert [o.status for o in outcomes] == [CREATED, FAILED]
    assert "same title and date" in outcomes[1].message


def test_the_timeline_shows_an_import_at_once(client, django_capture_on_commit_callbacks):
    assert "Freistaat will Vorreiter" not in client.get("/").content.decode()  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        write_items(rows(SEEDS[:1]))
    assert "Freistaat will Vorreiter" in client.get("/").content.decode()


def test_the_writers_search_parts_are_the_triggers(documents):
    """The writer computes the compound parts itself (one tokenisation per batch); the
    trigger, run again on every row, finds the same parts and search vectors."""
    write_items(rows(documents[:20] + SEEDS))
    columns = "search_parts, search_head_parts, search_vector::text, search_head::text"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {columns} FROM articles_article ORDER BY id")
        written = cursor.fetchall()
        cursor.execute("UPDATE articles_article SET title = title")
        cursor.execute(f"SELECT id, {columns} FROM articles_article ORDER BY id")
        assert cursor.fetchall() == written
    with_parts = [row for row in written if row[1].strip()]
    assert len(with_parts) > len(written) // 2  # most items have compounds: the test bites
    assert Article.objects.filter(kind=Article.Kind.TEASER).exists()
