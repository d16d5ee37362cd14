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
    monkeypatch.setattr(search, "COUNT_LIMIT", 8)
    html = client.get(reverse("articles:search"), {"q": "Glasfaser"}).text
    assert "Mehr als 8 Treffer für „Glasfaser“" in html
    assert "die neuesten 4 Treffer" in html
    titles = re.findall(r'class="item-title"><a href="[^"]+">(.*?)</a>', html)
    assert [re.sub(r"</?mark>", "", t) for t in titles] == [
        f"Glasfaser Nummer {day}" for day in (12, 11, 10, 9)
    ]


def test_exact_count_between_the_limits(client, many_matches, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATE_LIMIT", 4)
    monkeypatch.setattr(search, "COUNT_LIMIT", 100)
    html = client.get(reverse("articles:search"), {"q": "Glasfaser"}).text
    assert "12 Treffer für „Glasfaser“" in html
    assert "Mehr als" not in html


def test_total_is_exact_below_the_limit_and_estimated_above(many_matches, monkeypatch):
    from articles.models import Article

    parsed = search.parse("Glasfaser")
    assert search.total(Article.objects.listed(), parsed) == search.Total(12)
    monkeypatch.setattr(search, "COUNT_LIMIT", 5)
    capped = search.total(Article.objects.listed(), parsed)
    assert (capped.value, capped.exact) == (5, False)
