"""On big result sets the page stays bounded: capped count, capped ranking, and says so."""

import datetime
import re

import pytest
from django.urls import reverse

from articles import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_matches(make_article):
    for day in range(1, 13):
        make_article(f"Glasfaser Nummer {day}", published_on=datetime.date(2020, 1, day))


def test_count_stops_at_the_limit_and_says_more(client, many_matches, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATE_LIMIT", 4)
    html = client.get(reverse("articles:search"), {"q": "Glasfaser"}).text
    assert "Mehr als 4 Treffer für „Glasfaser“" in html
    assert "die neuesten 4 Treffer" in html
    titles = re.findall(r'class="item-title"><a href="[^"]+">(.*?)</a>', html)
    assert [re.sub(r"</?mark>", "", t) for t in titles] == [
        f"Glasfaser Nummer {day}" for day in (12, 11, 10, 9)
    ]


def test_facets_count_the_newest_matches_when_capped(client, many_matches, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATE_LIMIT", 4)
    html = client.get(reverse("articles:search"), {"q": "Glasfaser"}).text
    assert re.search(r">2020</a> \(4\)", html)


def test_run_is_exact_up_to_the_limit(many_matches, monkeypatch):
    from articles.models import Article

    parsed = search.parse("Glasfaser")
    results = search.run(Article.objects.listed(), parsed, by_date=True)
    assert results.total == search.Total(12)
    assert len(results.ids) == 12
    monkeypatch.setattr(search, "CANDIDATE_LIMIT", 5)
    capped = search.run(Article.objects.listed(), parsed, by_date=True)
    assert (capped.total.value, capped.total.exact, len(capped.ids)) == (5, False, 5)


def test_a_left_out_word_stays_out_of_older_title_matches(make_article, monkeypatch):
    # Beyond the newest CANDIDATE_LIMIT matches, older matches in the titles join the ranking;
    # one whose body holds the word the query leaves out is no match.
    from articles.models import Article

    for day in range(1, 6):
        make_article(f"Notiz {day}", body="Glasfaser im Kreis.",
                     published_on=datetime.date(2021, 1, day))  # fmt: skip
    make_article("Glasfaser für Schulen", body="Der Breitband-Ausbau und das Funknetz.",
                 published_on=datetime.date(2019, 1, 1))  # fmt: skip
    make_article("Glasfaser für Ämter", body="Ein Funknetz für alle.",
                 published_on=datetime.date(2018, 1, 1))  # fmt: skip
    monkeypatch.setattr(search, "CANDIDATE_LIMIT", 3)
    results = search.run(Article.objects.listed(), search.parse("Glasfaser -Breitband"))
    titles = set(Article.objects.filter(id__in=results.ids).values_list("title", flat=True))
    assert "Glasfaser für Ämter" in titles  # an older title match joins
    assert "Glasfaser für Schulen" not in titles
