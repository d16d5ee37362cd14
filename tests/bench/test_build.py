"""The benchmark's fast build gives the archive the item writer gives it, derived data included.

The same 300 corpus items are written twice into the test database: through the item writer
(articles/writer/, triggers on, the path of imports and the paste page) and through
bench/build.py's load (COPY with triggers off, indexes and count tables rebuilt afterwards).
What readers see must not tell them apart: items with their search text, compound parts and
search vectors, keywords and mentions, every count table, the lexicon, search results.
"""

from __future__ import annotations

import pytest
from django.db import connection

from articles.cache import generation
from articles.lexicon import ensure_lexicon
from articles.models import Article, CompoundLexicon, Keyword
from articles.search import parse, run
from articles.writer import write_items
from bench import build, rows
from bench.corpus import COMMON_TERM, PART_TERM, SYNONYM_TERM, Corpus

pytestmark = pytest.mark.django_db

ITEMS = 300
QUERIES = [PART_TERM, SYNONYM_TERM, COMMON_TERM, "Digitalstrategie", "digitale Souveränität"]

COUNT_TABLES = {
    "periodcount": "SELECT s.name, t.year, t.month FROM articles_periodcount t"
    " LEFT JOIN articles_source s ON s.id = t.source_id",
    "keywordperiodcount": "SELECT k.name, t.year, t.month FROM articles_keywordperiodcount t"
    " JOIN articles_keyword k ON k.id = t.keyword_id",
    "personperiodcount": "SELECT p.name, t.year, t.month FROM articles_personperiodcount t"
    " JOIN articles_person p ON p.id = t.person_id",
    "keywordpaircount": "SELECT k.name, o.name, 0 FROM articles_keywordpaircount t"
    " JOIN articles_keyword k ON k.id = t.keyword_id JOIN articles_keyword o ON o.id = t.other_id",
    "keywordpersoncount": "SELECT k.name, p.name, 0 FROM articles_keywordpersoncount t"
    " JOIN articles_keyword k ON k.id = t.keyword_id JOIN articles_person p ON p.id = t.person_id",
    "personpaircount": "SELECT p.name, o.name, 0 FROM articles_personpaircount t"
    " JOIN articles_person p ON p.id = t.person_id JOIN articles_person o ON o.id = t.other_id",
}


def snapshot() -> dict:
    """Everything a reader or the search could notice, keyed by names, not ids."""
    found: dict = {}
    with connection.cursor() as cursor:
        for table, sql in COUNT_TABLES.items():
            cursor.execute(sql.replace("SELECT ", "SELECT t.count, ", 1) + " WHERE t.count <> 0")
            found[table] = sorted((row[1:], row[0]) for row in cursor.fetchall())
        cursor.execute(
            "SELECT a.slug, a.title, a.kicker, a.published_on, a.teaser, a.body, a.status,"
            " a.kind, s.name, a.search_text, a.search_parts, a.search_head_parts,"
            " a.search_vector::text, a.search_head::text"
            " FROM articles_article a LEFT JOIN articles_source s ON s.id = a.source_id"
            " ORDER BY a.slug"
        )
        found["items"] = cursor.fetchall()
        cursor.execute(
            "SELECT a.slug, k.name, k.slug, t.item_date, t.item_listed, t.item_publish_at"
            " FROM articles_taggedarticle t"
            " JOIN articles_article a ON a.id = t.content_object_id"
            " JOIN articles_keyword k ON k.id = t.tag_id ORDER BY 1, 2"
        )
        found["keywords"] = cursor.fetchall()
        cursor.execute(
            "SELECT a.slug, p.name, p.slug, m.role, m.position, m.item_date, m.item_listed,"
            " m.item_publish_at FROM articles_mention m"
            " JOIN articles_article a ON a.id = m.article_id"
            " JOIN articles_person p ON p.id = m.person_id ORDER BY 1, 5"
        )
        found["mentions"] = cursor.fetchall()
    found["lexicon"] = sorted(CompoundLexicon.objects.values_list("word", "parts"))
    slugs = dict(Article.objects.values_list("id", "slug"))
    found["search"] = {
        query: [slugs[pk] for pk in run(Article.objects.listed(), parse(query)).ids]
        for query in QUERIES
    }
    return found


def empty_archive() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # Django's foreign keys are deferred
        cursor.execute(
            "TRUNCATE articles_article, articles_keyword, articles_person, articles_source,"
            " articles_compoundlexicon RESTART IDENTITY CASCADE"
        )


def test_the_fast_build_gives_what_the_item_writer_gives():
    corpus = Corpus()
    items = corpus.items(0, ITEMS)
    empty_archive()
    ensure_lexicon(corpus.lexicon_texts())
    words = CompoundLexicon.objects.count()
    for start in range(0, ITEMS, 100):
        outcomes = write_items([rows.item_rows(item) for item in items[start : start + 100]])
        assert {outcome.status for outcome in outcomes} == {"created"}
    # The vocabulary seeds the lexicon completely: the writer found no word to add.
    assert CompoundLexicon.objects.count() == words
    written = snapshot()

    empty_archive()
    before = generation()
    build.load(ITEMS, loaders=0, say=lambda line: None)
    loaded = snapshot()

    assert generation() > before
    assert len(loaded["items"]) == ITEMS
    assert loaded["keywordperiodcount"] and loaded["keywordpaircount"]
    assert loaded["personperiodcount"] and loaded["personpaircount"]
    assert any(PART_TERM.lower() in item[10] for item in loaded["items"])
    assert all(loaded["search"][query] for query in (PART_TERM, SYNONYM_TERM, COMMON_TERM))
    # The keyword rows and mentions carry their items' dates and listed state.
    assert all(row[3] and row[4] for row in loaded["keywords"])
    for key in written:
        assert loaded[key] == written[key], key


def test_the_fast_build_restores_every_index_and_constraint():
    def definitions() -> list:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index"
                " WHERE indrelid = ANY(%s::regclass[]) ORDER BY 1",
                [list(build.ITEM_TABLES)],
            )
            return cursor.fetchall()

    empty_archive()
    before = definitions()
    build.load(40, loaders=0, say=lambda line: None)
    assert definitions() == before
    assert Keyword.objects.filter(slug="digitalstrategie").exists()
