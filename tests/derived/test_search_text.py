"""The copied search text follows one rule whoever writes: ORM, update(), bulk, loaddata,
raw SQL, renames, the item writer; the Python and the SQL expression of the rule agree."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.derived.search_text import refresh_search_text, search_text, stale_search_text
from articles.models import Article, Keyword, Mention, Person, TaggedArticle
from articles.search import matching

pytestmark = pytest.mark.django_db


def found(word: str) -> set[str]:
    return set(matching(Article.objects.all(), word).values_list("title", flat=True))


def test_orm_writes_keep_it(make_article):
    article = make_article("Erste Meldung", keywords=["Breitband"], people=[("Heike Taubert", "")])
    assert found("Breitband") == {"Erste Meldung"} and found("Taubert") == {"Erste Meldung"}
    article.keywords.remove("Breitband")
    article.mentions.all().delete()
    assert found("Breitband") == set() and found("Taubert") == set()
    assert stale_search_text() == []


def test_bulk_writes_update_raw_sql_and_renames_keep_it(make_article):
    article = make_article("Zweite Meldung")
    keyword = Keyword.objects.create(name="Glasfaser", slug="glasfaser")
    TaggedArticle.objects.bulk_create([TaggedArticle(content_object=article, tag=keyword)])
    assert found("Glasfaser") == {"Zweite Meldung"}
    Keyword.objects.filter(pk=keyword.pk).update(name="Funkmast")
    assert found("Funkmast") == {"Zweite Meldung"} and found("Glasfaser") == set()
    person = Person.objects.create(name="Anna Müller", slug="anna-mueller")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO articles_mention (article_id, person_id, role, position)"
            " VALUES (%s, %s, '', 0)",
            [article.pk, person.pk],
        )
    assert found("Müller") == {"Zweite Meldung"}
    Person.objects.filter(pk=person.pk).update(name="Anna Schmidt")
    Article.objects.filter(pk=article.pk).update(search_text="von Hand überschrieben")
    assert found("Schmidt") == {"Zweite Meldung"} and found("überschrieben") == set()
    assert stale_search_text() == []


def test_loaddata_keeps_it(tmp_path):
    objects = [
        {"model": "articles.keyword", "fields": {"name": "Registermodernisierung",
                                                 "slug": "registermodernisierung"}},
        {"model": "articles.article", "fields": {
            "title": "Geladen", "slug": "geladen", "published_on": "2020-01-02",
            "status": "published", "imported_values": {}}},
        {"model": "articles.taggedarticle", "fields": {
            "content_object": ["geladen", "2020-01-02"], "tag": ["Registermodernisierung"]}},
    ]  # fmt: skip
    fixture = tmp_path / "f.json"
    fixture.write_text(json.dumps(objects))
    call_command("loaddata", str(fixture), verbosity=0, stdout=io.StringIO())
    assert found("Registermodernisierung") == {"Geladen"}


def test_stale_rows_are_found_and_repaired(make_article):
    article = make_article("Dritte Meldung", keywords=["Cloud"])
    with connection.cursor() as cursor:
        # A writer that claims to fill the text itself and does not.
        cursor.execute("SELECT set_config('articles.search_text_by_writer', 'on', true)")
        cursor.execute("UPDATE articles_article SET search_text = '' WHERE id = %s", [article.pk])
        cursor.execute("SELECT set_config('articles.search_text_by_writer', '', true)")
    assert stale_search_text() == [article.pk]
    assert refresh_search_text() == 1
    assert stale_search_text() == []


names = st.lists(
    st.text(alphabet="aAäÄöÖüÜßzZ -É1", min_size=1, max_size=8).map(str.strip).filter(bool),
    max_size=4,
    unique_by=str.lower,
)


@settings(max_examples=25, deadline=None)
@given(keywords=names, people=names)
def test_the_python_rule_is_the_sql_rule(keywords, people):
    article = Article.objects.create(
        title="Regel", slug="regel", published_on=datetime.date(2020, 1, 1)
    )
    try:
        for name in keywords:
            keyword = Keyword.objects.create(name=name, slug=f"k-{len(Keyword.objects.all())}")
            TaggedArticle.objects.create(content_object=article, tag=keyword)
        for position, name in enumerate(dict.fromkeys(people)):
            person = Person.objects.create(name=name, slug=f"p-{Person.objects.count()}")
            Mention.objects.create(article=article, person=person, position=position)
        article.refresh_from_db()
        assert article.search_text == search_text(keywords, dict.fromkeys(people))
    finally:
        Article.objects.all().delete()
        Keyword.objects.all().delete()
        Person.objects.all().delete()
