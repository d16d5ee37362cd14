"""Search results on the seed archive, pinned exactly."""

import re

import pytest
from django.urls import reverse

from articles.models import Article

pytestmark = pytest.mark.django_db

SEED_TITLES = {
    "000": "Freistaat will Vorreiter für Digitales werden",
    "001": "Zweites Digitalisierungskabinett",
    "002": "Thüringen setzt Kurs auf eine zukunftsfähige, bürgernahe Digitalpolitik",
    "003": "Thüringer E-Government Kongress Lösungen für die Verwaltung",
    "004": "Erster E-Government-Kongress",
}


def found(client, q, **params) -> list[str]:
    html = client.get(reverse("articles:search"), {"q": q, **params}).text
    titles = re.findall(r'class="item-title"><a href="[^"]+">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def found_full(client, q, **params) -> list[str]:
    """Results that are more than a teaser stub (stubs carry the label "Nur Anreißer")."""
    html = client.get(reverse("articles:search"), {"q": q, **params}).text
    items = re.findall(r'<li class="article-item">(.*?)</li>', html, re.S)
    titles = [re.search(r'class="item-title"><a href="[^"]+">(.*?)</a>', i).group(1)
              for i in items if "Nur Anreißer" not in i]  # fmt: skip
    return [re.sub(r"</?mark>", "", title) for title in titles]


def seed_titles(*numbers) -> set[str]:
    return {SEED_TITLES[number] for number in numbers}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Digitalisierungen", seed_titles("000", "001", "002", "003", "004")),  # stemming
        (
            "Strategie",
            seed_titles("000", "001", "002"),
        ),  # part of E-Government-Strategie, Smart-State-Strategie
        ("Thueringen", seed_titles("000", "001", "002", "003", "004")),
        ("Thuringen", seed_titles("000", "001", "002", "003", "004")),
        ("Schuetz", seed_titles("002")),
        ("Schütz", seed_titles("002")),
        ('"Digitale Gesellschaft"', seed_titles("000")),
        ("Tiefensee OR Schütz", seed_titles("000", "002")),
        ("Politik -Schubert", seed_titles("000", "002", "003")),  # 002: Digitalpolitik
        ("Schabhüser Kooperationsvereinbarung", seed_titles("004")),
        ("Cyber-Sicherheit", seed_titles("004")),
    ],
)
def test_query_syntax_and_german_language(client, seeds, query, expected):
    assert set(found_full(client, query)) == expected


def test_keywords_and_people_find_items_without_them_in_the_body(client, make_article):
    make_article("Kabinett tagt", body="Kein Name im Text.", keywords=["Breitbandausbau"],
                 people=[("Erika Mustermann", "Ministerin")])  # fmt: skip
    assert found(client, "Breitbandausbau") == ["Kabinett tagt"]
    assert found(client, "Mustermann") == ["Kabinett tagt"]


def test_relevance_puts_title_hits_first_and_date_sort_newest_first(client, seeds):
    assert found(client, "Digitalisierungskabinett")[0] == "Zweites Digitalisierungskabinett"
    assert found_full(client, "Thüringen", sortierung="datum") == [
        SEED_TITLES[n] for n in ("002", "001", "004", "003", "000")
    ]


def test_snippets_highlight_hits_and_escape_document_text(client, make_article):
    make_article(
        "Gefährlich <script>alert(1)</script>",
        body="Wenn 5 < 6 & 7 > 3, dann <b>fett</b> Breitband <img src=x onerror=alert(1)> danach.",
    )
    html = client.get(reverse("articles:search"), {"q": "Breitband"}).text
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html).group(1)
    assert "<mark>Breitband</mark>" in snippet
    assert "5 &lt; 6 &amp; 7 &gt; 3" in snippet
    assert "<b>" not in snippet and "<img" not in snippet
    assert "<script>alert(1)" not in html


def test_total_count_and_pagination(client, make_article):
    import datetime

    for day in range(1, 26):
        make_article(f"Glasfaser Nummer {day}", published_on=datetime.date(2020, 1, day))
    html = client.get(reverse("articles:search"), {"q": "Glasfaser", "sortierung": "datum"}).text
    assert "25 Treffer für „Glasfaser“" in html
    assert "Seite 1 von 2" in html
    assert found(client, "Glasfaser", sortierung="datum", seite="2") == [
        f"Glasfaser Nummer {day}" for day in range(5, 0, -1)
    ]


def test_facets_count_and_narrow(client, seeds):
    html = client.get(reverse("articles:search"), {"q": "Thüringen", "art": "meldung"}).text
    assert re.search(
        r'<a href="\?q=Th%C3%BCringen&amp;art=meldung&amp;jahr=2018">2018</a> \(2\)', html
    )
    assert re.search(r">Hartmut Schubert</a> \(2\)", html)
    assert re.search(r">Kommune21</a> \(3\)", html)
    assert set(found_full(client, "Thüringen", jahr="2018")) == seed_titles("001", "003", "004")
    assert set(found(client, "Thüringen", person="hartmut-schubert", jahr="2018")) == seed_titles(
        "001", "004"
    )
    assert set(found(client, "Thüringen", art="veranstaltung")) == seed_titles("003")
    assert set(found_full(client, "Thüringen", von="2018-11-08", bis="2018-12-31")) == seed_titles(
        "001", "004"
    )


def test_did_you_mean(client, seeds):
    html = client.get(reverse("articles:search"), {"q": "Tifensee"}).text
    assert "0 Treffer" in html
    assert re.search(r'Meinten Sie <a href="\?q=Tiefensee">Tiefensee</a>\?', html)
    assert "Meinten Sie" not in client.get(reverse("articles:search"), {"q": "Tiefensee"}).text


def test_public_search_leaves_out_drafts_and_reviews_and_labels_teasers(
    client, seeds, make_article
):
    make_article("Breitband im Entwurf", status=Article.Status.DRAFT)
    make_article("Breitband in Prüfung", status=Article.Status.REVIEW)
    make_article("Breitband veröffentlicht")
    assert found(client, "Breitband") == ["Breitband veröffentlicht"]
    assert found(client, "Breitband", status="entwurf") == ["Breitband veröffentlicht"]
    # A teaser-only item has a public page: it is found, labelled as a stub.
    html = client.get(reverse("articles:search"), {"q": "Zentralisierung Hemmnis"}).text
    assert "1 Treffer" in html and "Nur Anreißer" in html
    assert found_full(client, "Zentralisierung Hemmnis") == []


def test_staff_see_every_status_and_teasers_and_filter_by_status(staff_client, seeds, make_article):
    make_article("Breitband im Entwurf", status=Article.Status.DRAFT)
    make_article("Breitband veröffentlicht")
    assert set(found(staff_client, "Breitband")) == {
        "Breitband im Entwurf",
        "Breitband veröffentlicht",
    }
    assert found(staff_client, "Breitband", status="entwurf") == ["Breitband im Entwurf"]
    assert found(staff_client, "Zentralisierung Hemmnis") == [
        "Zentralisierung als Hemmnis oder Chance?"
    ]


def test_results_page_runs_a_bounded_number_of_queries(
    client, make_article, django_assert_max_num_queries
):
    for number in range(30):
        make_article(f"Breitband {number}", keywords=[f"Thema {number}"],
                     people=[(f"Anna Muster{number}", "Landrätin")])  # fmt: skip
    with django_assert_max_num_queries(10):
        assert client.get(reverse("articles:search"), {"q": "Breitband"}).status_code == 200
