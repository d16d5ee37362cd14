"""Every list answers odd page numbers alike, with the nearest page that exists; older
parameter names lead to the same page under today's German ones."""

import re

import pytest
from django.urls import reverse

from articles.models import Article

pytestmark = pytest.mark.django_db

LISTS = [
    # (URL, listed items in the `archive` fixture)
    (reverse("articles:timeline"), 5),
    (reverse("articles:archive_year", args=[2018]), 2),
    (reverse("articles:archive_month", args=[2025, 12]), 2),
    (reverse("articles:keyword", args=["politik"]), 3),
    (reverse("articles:person", args=["hartmut-schubert"]), 2),
    (reverse("articles:search") + "?q=Kongress", 2),
]


@pytest.fixture
def one_per_page(monkeypatch):
    monkeypatch.setattr("articles.views.mixins.ArticleListMixin.paginate_by", 1)
    monkeypatch.setattr("articles.views.timeline.TimelineView.paginate_by", 1, raising=False)
    monkeypatch.setattr("articles.views.people.PersonView.paginate_by", 1)
    monkeypatch.setattr("articles.views.search.PAGE_SIZE", 1)


def with_query(url: str, query: str) -> str:
    return url + ("&" if "?" in url else "?") + query


@pytest.mark.parametrize("url, count", LISTS)
def test_a_page_past_the_end_leads_to_the_last_page(client, archive, one_per_page, url, count):
    for number in ("99", str(count + 1), "9" * 30, "9" * 5000):
        response = client.get(with_query(url, f"seite={number}"))
        assert response.status_code == 302, number
        assert response["Location"] == with_query(url, f"seite={count}")
    html = client.get(response["Location"]).text
    assert f"Seite {count} von {count}" in html
    assert client.get(with_query(url, f"seite={count}")).status_code == 200


@pytest.mark.parametrize("url, count", LISTS)
def test_a_page_number_that_is_none_leads_to_the_first_page(
    client, archive, one_per_page, url, count
):
    for number in ("abc", "-1", "0", "", "1.5", "²"):
        response = client.get(with_query(url, f"seite={number}"))
        assert response.status_code == 302, number
        assert response["Location"] == url, number
    assert f"Seite 1 von {count}" in client.get(url).text


def test_filters_stay_when_the_page_number_is_corrected(client, archive, one_per_page):
    response = client.get("/", {"stichwort": "politik", "seite": "7"})
    assert response["Location"] == "/?stichwort=politik&seite=3"
    assert "Seite 3 von 3" in client.get(response["Location"]).text


def test_links_between_pages_use_the_german_names(client, archive, one_per_page):
    html = client.get("/", {"stichwort": "politik"}).text
    assert '<a rel="next" href="?stichwort=politik&amp;seite=2">' in html
    html = client.get("/", {"seite": "2"}).text
    assert '<link rel="canonical" href="http://testserver/?seite=2">' in html
    html = client.get(reverse("articles:search"), {"q": "Kongress"}).text
    assert 'href="?q=Kongress&amp;seite=2"' in html
    assert 'name="sortierung"' in html
    assert re.search(r'href="\?q=Kongress&amp;art=meldung">Meldung</a> \(2\)', html)
    for english in ("page=", "sort=", "art=news", "press_release"):
        assert english not in html


@pytest.mark.parametrize(
    "old, new",
    [
        ("/?page=2", "/?seite=2"),
        ("/?stichwort=politik&page=2", "/?stichwort=politik&seite=2"),
        ("/?page=2&seite=3", "/?seite=3"),  # today's name wins
        ("/meldungen/2018/?page=2", "/meldungen/2018/?seite=2"),
        ("/personen/hartmut-schubert/?page=2", "/personen/hartmut-schubert/?seite=2"),
        ("/suche/?q=Kongress&sort=datum&page=2", "/suche/?q=Kongress&sortierung=datum&seite=2"),
        ("/suche/?q=Kongress&art=press_release", "/suche/?q=Kongress&art=pressemitteilung"),
        ("/suche/?q=Kongress&art=event", "/suche/?q=Kongress&art=veranstaltung"),
    ],
)
def test_old_addresses_move_permanently_to_the_german_names(
    client, archive, one_per_page, old, new
):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_old_and_new_search_addresses_show_the_same_items(client, archive):
    archive["older"].kind = Article.Kind.PRESS_RELEASE
    archive["older"].save()
    old = client.get("/suche/?q=Kongress&art=press_release&sort=datum", follow=True)
    new = client.get("/suche/?q=Kongress&art=pressemitteilung&sortierung=datum")
    assert old.redirect_chain[-1][1] == 301
    shown = re.sub(r"</?mark>", "", new.text)
    assert "Erster E-Government-Kongress" in shown
    assert "Kongress ohne Datum" not in shown
    assert old.text == new.text


def test_staff_status_filter_uses_german_words(admin_client, archive):
    html = admin_client.get(reverse("articles:search"), {"q": "Entwurf", "status": "entwurf"}).text
    assert "Geheimer <mark>Entwurf</mark>" in html
    assert '<option value="entwurf" selected>' in html
    response = admin_client.get(reverse("articles:search"), {"q": "Entwurf", "status": "draft"})
    assert response["Location"] == "/suche/?q=Entwurf&status=entwurf"
