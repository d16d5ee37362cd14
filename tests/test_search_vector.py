"""The stored search vector is kept current by PostgreSQL, whoever writes the row."""

import datetime
import json

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command
from django.db import connection

from articles.models import Article


def matching(word: str) -> set[str]:
    query = SearchQuery(word, config="german")
    return set(Article.objects.filter(search_vector=query).values_list("title", flat=True))


@pytest.mark.django_db
class TestSearchVector:
    def test_filled_for_bulk_create(self):
        Article.objects.bulk_create(
            [
                Article(title="Verwaltungscloud", slug="a", body="Die Verwaltungscloud startet."),
                Article(title="Bauantrag", slug="b", body="Digitale Bauanträge in Erfurt."),
            ]
        )
        assert matching("Bauanträge") == {"Bauantrag"}
        assert matching("Erfurt") == {"Bauantrag"}

    def test_filled_for_raw_sql(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO articles_article (title, slug, kicker, teaser, body, author, category,"
                " image_credit, kind, status, date_precision, date_inferred, imported_values,"
                " search_text, version, created, updated) VALUES (%s, %s, '', %s, '', '', '', '',"
                " 'news', 'draft', 'day', false, '{}', '', 1, now(), now())",
                ["Rohes SQL", "rohes-sql", "Digitalisierungen in Thüringen"],
            )
        assert matching("Digitalisierung") == {"Rohes SQL"}

    def test_filled_for_loaddata(self, tmp_path):
        fixture = tmp_path / "items.json"
        fixture.write_text(
            json.dumps(
                [
                    {
                        "model": "articles.article",
                        "fields": {
                            "title": "Aus der Fixture",
                            "slug": "aus-der-fixture",
                            "published_on": "2018-11-09",
                            "body": "Kooperationsvereinbarung zur Cyber-Sicherheit",
                            "status": "published",
                        },
                    }
                ]
            )
        )
        call_command("loaddata", str(fixture), verbosity=0)
        assert matching("Kooperationsvereinbarung") == {"Aus der Fixture"}

    def test_follows_updates(self, make_article):
        article = make_article("Alt", body="Breitband")
        Article.objects.filter(pk=article.pk).update(body="Glasfaser")
        assert matching("Breitband") == set()
        assert matching("Glasfaser") == {"Alt"}

    def test_keywords_and_people_are_searchable_without_the_body(self, make_article):
        article = make_article(
            "Kabinett tagt",
            body="Nichts weiter.",
            keywords=["Cyber-Sicherheit"],
            people=[("Gerhard Schabhüser", "Vizepräsident")],
        )
        assert matching("Schabhüser") == {"Kabinett tagt"}
        assert matching("Cyber-Sicherheit") == {"Kabinett tagt"}
        article.keywords.clear()
        article.mentions.all().delete()
        assert matching("Schabhüser") == set()
        assert matching("Cyber-Sicherheit") == set()

    def test_title_weighs_more_than_body(self, make_article):
        from django.contrib.postgres.search import SearchRank
        from django.db.models import F

        make_article("Breitband im Titel", published_on=datetime.date(2020, 1, 1))
        make_article("Anderes", body="Breitband im Text", published_on=datetime.date(2020, 1, 2))
        query = SearchQuery("Breitband", config="german")
        ranked = (
            Article.objects.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank")
            .values_list("title", flat=True)
        )
        assert list(ranked) == ["Breitband im Titel", "Anderes"]
