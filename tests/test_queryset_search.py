"""`Article.objects.search(q)`: the public search's query language as a queryset method."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from articles.models import Article, ArticleQuerySet
from articles.search import matching

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(make_article):
    make_article("Breitband für alle Schulen", body="Glasfaser bis in jedes Klassenzimmer.")
    make_article("Thüringen startet Digitalstrategie", body="Breitband und Verwaltung online.")
    make_article("Kabinett berät Haushalt", body="Keine Rede von Netzen.", keywords=["Breitband"])
    make_article("Neues Rathausportal", body="Bürgerdienste in Erfurt.")
    make_article("Entwurf zum Breitband", status=Article.Status.DRAFT)


def titles(queryset) -> set[str]:
    return set(queryset.values_list("title", flat=True))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Breitband", {"Breitband für alle Schulen", "Thüringen startet Digitalstrategie",
                       "Kabinett berät Haushalt", "Entwurf zum Breitband"}),
        ("Breitband Glasfaser", {"Breitband für alle Schulen"}),
        ("Breitband -Schulen", {"Thüringen startet Digitalstrategie", "Kabinett berät Haushalt",
                                "Entwurf zum Breitband"}),
        ("Rathausportal OR Glasfaser", {"Neues Rathausportal", "Breitband für alle Schulen"}),
        ("Thueringen", {"Thüringen startet Digitalstrategie"}),
        ('"in Erfurt"', {"Neues Rathausportal"}),
        ("Mondlandung", set()),
        ("   ", set()),
    ],
)  # fmt: skip
def test_search_finds_exactly_the_matching_items(items, query, expected):
    assert titles(Article.objects.search(query)) == expected


def test_search_chains_with_the_other_queryset_methods(items):
    public = {"Breitband für alle Schulen", "Thüringen startet Digitalstrategie",
              "Kabinett berät Haushalt"}  # fmt: skip
    assert titles(Article.objects.listed().search("Breitband")) == public
    assert titles(Article.objects.search("Breitband").listed()) == public
    assert titles(Article.objects.search("Breitband").search("Schulen")) == {
        "Breitband für alle Schulen"
    }


def test_search_is_the_same_as_the_search_modules_matching(items):
    for query in ("Breitband", "Erfurt OR Glasfaser", "-Breitband"):
        assert titles(Article.objects.search(query)) == titles(
            matching(Article.objects.all(), query)
        )


def test_without_a_matcher_search_says_what_is_missing(items, monkeypatch):
    monkeypatch.setattr(ArticleQuerySet, "matcher", None)
    with pytest.raises(ImproperlyConfigured):
        Article.objects.search("Breitband")
