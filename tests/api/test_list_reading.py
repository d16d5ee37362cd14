"""A keyword's or person's items are read one of two ways (api/filters.py): same pages either way."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, set_script_prefix
from django.utils import timezone

from articles.models import Article, Keyword, Person

pytestmark = pytest.mark.django_db


def walk(api, params: dict) -> list[int]:
    """The ids of every entry, following `next` to the end."""
    seen, response = [], api.get(reverse("api:items"), params)
    while True:
        assert response.status_code == 200, response.content
        page = response.json()
        seen += [item["id"] for item in page["results"]]
        if page["next"] is None:
            return seen
        response = api.get(page["next"])


def in_order(items: list[Article], sort: str) -> list[int]:
    """Dated items by date (then id), undated ones last by id."""
    dated = sorted((a.published_on, a.pk) for a in items if a.published_on is not None)
    undated = sorted(a.pk for a in items if a.published_on is None)
    if sort == "newest":
        return [pk for _, pk in reversed(dated)] + undated[::-1]
    return [pk for _, pk in dated] + undated


@pytest.fixture
def items(make_article) -> list[Article]:
    """30 listed items: "Oft" on all, "Selten" and Anna Beispiel on three; hidden ones too."""
    listed = [
        make_article(
            f"Meldung {n}",
            published_on=None if n % 10 == 9 else datetime.date(2020, 1 + n % 12, 1 + n % 3),
            keywords=["Oft", "Selten"] if n % 10 == 3 else ["Oft"],
            people=[("Anna Beispiel", "Sprecherin")] if n % 10 == 3 else [],
        )
        for n in range(30)
    ]
    later = timezone.now() + datetime.timedelta(days=2)
    for fields in ({"status": Article.Status.DRAFT}, {"publish_at": later},
                   {"kind": Article.Kind.TEASER}):  # fmt: skip
        make_article(f"Verborgen {fields}", keywords=["Oft", "Selten", "Nur verborgen"],
                     people=[("Anna Beispiel", "Sprecherin"), ("Gerd Verborgen", "Zeuge")],
                     **fields)  # fmt: skip
    return listed


@pytest.mark.parametrize(
    "filters",
    [{"keyword": "Oft"}, {"keyword": "Selten"}, {"person": "Anna Beispiel"},
     {"keyword": "Oft", "person": "Anna Beispiel"}],
)  # fmt: skip
def test_filtered_pages_list_every_item_once_in_date_order(api, items, filters):
    params, expected = {}, items
    if "keyword" in filters:
        params["keyword"] = Keyword.objects.get(name=filters["keyword"]).slug
        expected = [a for a in expected if filters["keyword"] in a.keywords.names()]
    if "person" in filters:
        params["person"] = Person.objects.get(name=filters["person"]).slug
        expected = [a for a in expected if a.mentions.filter(person__slug=params["person"])]
    for sort in ("newest", "oldest"):
        # Two items a page and a hundred: "Oft" is read both ways (the page size decides).
        for size in (2, 100):
            assert walk(api, {**params, "sort": sort, "page_size": size}) == in_order(
                expected, sort
            ), (sort, size)
    page = api.get(reverse("api:items"), params).json()
    assert page["total"] == len(expected) and page["total_is_exact"]


def test_a_common_keyword_is_walked_by_date_and_a_rare_one_read_by_its_ids(api, items):
    def sql(**params) -> str:
        with CaptureQueriesContext(connection) as queries:
            assert api.get(reverse("api:items"), params).status_code == 200
        return " ".join(query["sql"] for query in queries)

    assert "ANY(ARRAY" not in sql(keyword="oft", page_size=2)  # 30 of 30 items
    assert "ANY(ARRAY" in sql(keyword="oft", page_size=100)
    assert "ANY(ARRAY" in sql(keyword="selten", page_size=2)  # 3 of 30 items


def test_a_keyword_or_person_only_hidden_or_teaser_items_have_is_refused(api, items):
    # A draft, a scheduled and a teaser-only item carry it: none of them is listed.
    for name, value in (("keyword", "nur-verborgen"), ("person", "gerd-verborgen")):
        response = api.get(reverse("api:items"), {name: value})
        assert response.status_code == 400 and name in response.json()["fields"]
    Article.objects.filter(title__startswith="Verborgen").update(publish_at=None)
    # Now the scheduled item is listed (its time has come): the keyword is public.
    for name, value in (("keyword", "nur-verborgen"), ("person", "gerd-verborgen")):
        page = api.get(reverse("api:items"), {name: value}).json()
        assert page["total"] == 1 and page["results"][0]["title"].startswith("Verborgen")


@pytest.fixture(params=["", "/archiv"])
def script_name(request):
    """The site under a path of its own (SCRIPT_NAME), as behind a proxy."""
    set_script_prefix(f"{request.param}/")
    yield request.param
    set_script_prefix("/")


def test_entries_built_from_rows_say_what_the_detail_says(api, make_article, source, script_name):
    make_article("Früh", published_on=datetime.date(987, 3, 4), source=source,
                 date_precision=Article.DatePrecision.YEAR, keywords=["Zeit", "Alter"],
                 people=[("Anna Beispiel", "Chronistin"), ("Bert Zweiter", "")])  # fmt: skip
    make_article("Ohne Datum", published_on=None, kicker="Dachzeile")
    make_article("Monat", published_on=datetime.date(2021, 10, 1),
                 date_precision=Article.DatePrecision.MONTH, date_inferred=True)  # fmt: skip
    origin = f"http://testserver{script_name}"
    page = api.get("/api/v1/items/", SCRIPT_NAME=script_name).json()
    assert len(page["results"]) == 3
    for entry in page["results"]:
        assert entry["url"].startswith(f"{origin}/api/v1/items/")
        detail = api.get(entry["url"].removeprefix(origin), SCRIPT_NAME=script_name).json()
        assert entry == {key: detail[key] for key in entry}
        assert entry["web_url"].startswith(f"{origin}/meldungen/")


def test_totals_count_what_is_listed_whether_or_not_items_are_scheduled(api, make_article):
    def totals() -> tuple[int, int]:
        everything = api.get(reverse("api:items")).json()
        keyword = api.get(reverse("api:items"), {"keyword": "thema"}).json()
        assert len(everything["results"]) == everything["total"]
        return everything["total"], keyword["total"]

    for n in range(3):
        make_article(f"Meldung {n}", keywords=["Thema"])
    assert totals() == (3, 3)  # nothing scheduled
    later = timezone.now() + datetime.timedelta(days=1)
    make_article("Später", publish_at=later, keywords=["Thema"])
    make_article("Anriss für später", publish_at=later, kind=Article.Kind.TEASER,
                 keywords=["Thema"])  # fmt: skip
    assert totals() == (3, 3)
    Article.objects.update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    assert totals() == (4, 4)  # the teaser-only item is never listed
