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
