"""The items list and detail: what the site shows, the site's search and filters, stable pages."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article

pytestmark = pytest.mark.django_db


def items(api, **params):
    response = api.get(reverse("api:items"), params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(page) -> list[str]:
    return [item["title"] for item in page["results"]]


def walk(api, url, params=None) -> list[dict]:
    """Every entry of a list, following `next` to the end."""
    seen, response = [], api.get(url, params or {})
    while True:
        assert response.status_code == 200, response.content
        page = response.json()
        seen += page["results"]
        if page["next"] is None:
            return seen
        response = api.get(page["next"])


def test_newest_first_lists_public_items_with_undated_last(api, archive):
    page = items(api)
    assert titles(page) == [
        "Breitband für alle Schulen",
        "Zweites Digitalisierungskabinett tagt",
        "Erster E-Government-Kongress in Erfurt",
        "Leitfaden ohne Datum zur Digitalisierung",
    ]
    assert page["total"] == 4 and page["total_is_exact"] and page["sort"] == "newest"


def test_oldest_first_keeps_undated_items_last(api, archive):
    assert titles(items(api, sort="oldest")) == [
        "Erster E-Government-Kongress in Erfurt",
        "Zweites Digitalisierungskabinett tagt",
        "Breitband für alle Schulen",
        "Leitfaden ohne Datum zur Digitalisierung",
    ]


def test_search_uses_the_sites_syntax_and_finds_what_suche_finds(api, client, archive):
    page = items(api, q="Politik -Erfurt")
    found = set(titles(page))
    assert found == {"Zweites Digitalisierungskabinett tagt"}
    # The same query on the results page lists the same items.
    html = client.get(reverse("articles:search"), {"q": "Politik -Erfurt"}).text
    assert "Zweites Digitalisierungskabinett tagt" in html
    assert "Erster E-Government-Kongress in Erfurt" not in html
    assert set(titles(items(api, q='"Erster E-Government-Kongress" OR Schulen'))) == {
        "Erster E-Government-Kongress in Erfurt",
        "Breitband für alle Schulen",
    }
    umlauts = items(api, q="Thueringen")
    assert "Zweites Digitalisierungskabinett tagt" in titles(umlauts)


def test_relevance_is_the_default_with_a_query(api, archive):
    page = items(api, q="Breitband")
    assert page["sort"] == "relevance"
    assert titles(page)[0] == "Breitband für alle Schulen"  # the word in the title ranks first
    assert set(titles(items(api, q="Breitband", sort="newest"))) == set(titles(page))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"keyword": "politik"}, {"Zweites Digitalisierungskabinett tagt",
                                  "Erster E-Government-Kongress in Erfurt"}),
        ({"person": "hartmut-schubert", "year": 2016}, {"Erster E-Government-Kongress in Erfurt"}),
        ({"source": "finanzministerium"}, {"Erster E-Government-Kongress in Erfurt"}),
        ({"kind": "event"}, {"Erster E-Government-Kongress in Erfurt"}),
        ({"from": "2018-01-01", "to": "2018-12-31"}, {"Zweites Digitalisierungskabinett tagt"}),
        ({"q": "Digitalisierung", "keyword": "digitalisierung", "from": "2019-01-01"},
         {"Breitband für alle Schulen"}),
    ],
)  # fmt: skip
def test_filters_select_like_the_timeline_and_the_search(api, archive, params, expected):
    page = items(api, **params)
    assert set(titles(page)) == expected
    assert page["total"] == len(expected)


def test_cursor_pages_cover_every_item_once_in_every_order(api, make_article):
    for n in range(23):
        make_article(f"Meldung {n}", published_on=datetime.date(2020, 1, 1 + n % 5))
    for n in range(3):
        make_article(f"Undatiert {n}", published_on=None)
    expected = set(Article.objects.listed().values_list("id", flat=True))
    for sort in ("newest", "oldest"):
        seen = [
            item["id"] for item in walk(api, reverse("api:items"), {"sort": sort, "page_size": 4})
        ]
        assert len(seen) == len(set(seen)) == len(expected) and set(seen) == expected
        dates = [Article.objects.get(pk=pk).published_on for pk in seen]
        dated = [d for d in dates if d is not None]
        assert dated == sorted(dated, reverse=sort == "newest") and dates[-3:] == [None] * 3
    relevance = walk(api, reverse("api:items"), {"q": "Meldung", "page_size": 5})
    assert len(relevance) == len({item["id"] for item in relevance}) == 23


def test_pages_stay_stable_when_items_arrive_between_requests(api, make_article):
    for n in range(6):
        make_article(f"Meldung {n}", published_on=datetime.date(2020, 1, 1 + n))
    first = items(api, page_size=3)
    make_article("Ganz neue Meldung", published_on=datetime.date(2024, 1, 1))
    Article.objects.filter(title="Meldung 5").delete()  # one already shown goes away
    second = api.get(first["next"]).json()
    assert titles(first) == ["Meldung 5", "Meldung 4", "Meldung 3"]
    assert titles(second) == ["Meldung 2", "Meldung 1", "Meldung 0"]


def test_detail_has_everything_the_article_page_shows(api, archive):
    main = archive["main"]
    response = api.get(reverse("api:item", kwargs={"pk": main.pk}))
    assert response.status_code == 200
    item = response.json()
    assert item["title"] == main.title and item["kicker"] == "Thüringen"
    assert (item["date"], item["date_precision"], item["date_iso"]) == (
        "2018-12-13",
        "day",
        "2018-12-13",
    )
    assert item["body"].startswith("Erster Absatz") and item["author"] == "ba"
    assert item["source"]["slug"] == "kommune21"
    assert [k["name"] for k in item["keywords"]] == ["Digitalisierung", "Politik"]
    assert [(p["name"], p["role"]) for p in item["people"]] == [
        ("Hartmut Schubert", "Thüringen-CIO"),
        ("Valentina Kerst", "Staatssekretärin"),
    ]
    assert [link["url"] for link in item["links"]] == [None, None, "https://www.thueringen.de"]
    assert [r["title"] for r in item["related"]] == ["Gemeinsame OZG-Umsetzung"]
    assert item["web_url"] == "http://testserver" + main.get_absolute_url()
    assert item["original_url"] is None
    assert "staff" not in item
    # Every address in the answer works.
    for url in [
        item["source"]["url"],
        *(k["url"] for k in item["keywords"]),
        *(p["url"] for p in item["people"]),
        item["related"][0]["url"],
    ]:
        assert api.get(url).status_code == 200, url  # fmt: skip


def test_month_precision_is_kept(api, archive):
    item = api.get(reverse("api:item", kwargs={"pk": archive["month"].pk})).json()
    assert (item["date_precision"], item["date_iso"]) == ("month", "2025-12")


def test_teaser_only_items_have_a_detail_but_stay_out_of_lists(api, archive):
    teaser = archive["teaser"]
    assert api.get(reverse("api:item", kwargs={"pk": teaser.pk})).status_code == 200
    assert teaser.title not in titles(items(api, q="OZG"))
    assert items(api, q="OZG")["total"] == 0


def test_article_page_links_its_json(client, api, archive):
    html = client.get(archive["main"].get_absolute_url()).text
    href = reverse("api:item", kwargs={"pk": archive["main"].pk})
    assert (
        f'<link rel="alternate" type="application/json" title="Diese Meldung als JSON (API)" href="{href}">'
        in html
    )
    assert api.get(href)["Content-Type"] == "application/json"


def test_feeds_and_sitemap_keep_working(client, archive):
    assert client.get(reverse("articles:feed")).status_code == 200
    assert archive["main"].get_absolute_url() in client.get("/sitemap.xml").text


def test_original_address_only_when_it_is_http(api, make_article):
    page = make_article("Mit Quelle", original_url="https://example.org/pm/112")
    script = make_article("Mit Skript", original_url="javascript:alert(1)")
    assert api.get(reverse("api:item", kwargs={"pk": page.pk})).json()["original_url"] == (
        "https://example.org/pm/112"
    )
    assert api.get(reverse("api:item", kwargs={"pk": script.pk})).json()["original_url"] is None


def test_a_list_entry_says_what_the_detail_says(api, archive):
    """Lists build their entries by hand (for speed); the detail through REST framework."""
    for entry in items(api)["results"]:
        detail = api.get(entry["url"]).json()
        assert entry == {key: detail[key] for key in entry}


def test_people_list_their_latest_role_and_detail_their_dated_roles(api, archive):
    people = {p["slug"]: p for p in api.get(reverse("api:people")).json()["results"]}
    assert people["hartmut-schubert"]["latest_role"] == "Thüringen-CIO"  # 2018 over 2016
    assert people["hartmut-schubert"]["count"] == 2
    detail = api.get(people["hartmut-schubert"]["url"]).json()
    assert [(r["role"], r["first_date"], r["last_date"]) for r in detail["roles"]] == [
        ("Finanzstaatssekretär", "2016-11-09", "2016-11-09"),
        ("Thüringen-CIO", "2018-12-13", "2018-12-13"),
    ]


def test_facets_after_a_search_list_with_the_same_query_still_count(api, archive):
    # The items list asks the search for no facets; its cached results must not stand in for
    # the facets endpoint's.
    assert titles(items(api, q="Digitalisierung"))
    response = api.get(reverse("api:facets"), {"q": "Digitalisierung"})
    assert response.status_code == 200, response.content
    keywords = {entry["value"] for entry in response.json()["facets"]["keyword"]}
    assert "digitalisierung" in keywords
