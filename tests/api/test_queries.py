"""Each endpoint needs a bounded number of queries, whatever the number of items it shows."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Queries per request with a cold cache; 6 of them are the rate limit's (a database cache),
# the newest/oldest lists read dated and undated items apart (3 queries each), and each
# request reads the archive generation from PostgreSQL once. A search asks the planner for
# its tsquery and the table size (to pick the candidate walk) and ranks the kept rows apart;
# a keyword, person or source is first checked public in the count tables (its row and its
# count in one query), and in date order the count of all listed items decides how a
# keyword's or person's items are read (api/filters.py, in_date_order).
BOUNDS = {
    "items": 15,
    "items_search": 20,
    "items_relevance": 17,
    "items_filtered": 17,
    "item": 15,
    "keywords": 9,
    "people": 11,
    "sources": 10,
    "keyword": 14,
    "person": 15,
    "source": 10,
    "facets": 14,
}


def addresses(archive) -> dict[str, str]:
    return {
        "items": reverse("api:items") + "?page_size=100",
        "items_search": reverse("api:items") + "?q=Digitalisierung&sort=newest&page_size=100",
        "items_relevance": reverse("api:items") + "?q=Digitalisierung&page_size=100",
        "items_filtered": reverse("api:items")
        + "?keyword=politik&person=hartmut-schubert&from=2000-01-01&page_size=100",
        "item": reverse("api:item", kwargs={"pk": archive["main"].pk}),
        "keywords": reverse("api:keywords"),
        "people": reverse("api:people"),
        "sources": reverse("api:sources"),
        "keyword": reverse("api:keyword", kwargs={"slug": "politik"}),
        "person": reverse("api:person", kwargs={"slug": "hartmut-schubert"}),
        "source": reverse("api:source", kwargs={"slug": "kommune21"}),
        "facets": reverse("api:facets") + "?q=Digitalisierung",
    }


def count_queries(api, url: str) -> int:
    caches["default"].clear()  # cold: nothing from articles/cache.py or the version
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200, (url, response.content)
    return len(queries)


def more_items(make_article, source, n: int) -> None:
    for i in range(n):
        article = make_article(
            f"Digitalisierung Teil {i}",
            published_on=datetime.date(2010 + i % 15, 1 + i % 12, 1),
            source=source,
            keywords=["Politik", f"Thema {i}"],
            people=[("Hartmut Schubert", f"Rolle {i}"), (f"Person Nummer {i}", "Sprecher")],
        )
        article.related.add(article.__class__.objects.exclude(pk=article.pk).first())


def test_queries_are_bounded_and_do_not_grow_with_the_items(api, archive, make_article, source):
    small = {name: count_queries(api, url) for name, url in addresses(archive).items()}
    more_items(make_article, source, 40)
    large = {name: count_queries(api, url) for name, url in addresses(archive).items()}
    for name, bound in BOUNDS.items():
        assert large[name] <= bound, (name, large[name])
    assert large == small


def test_a_current_copy_costs_few_queries(api, archive):
    # 6 for the rate limit, the generation, and for a keyword or person its public gate.
    for url in addresses(archive).values():
        etag = api.get(url)["ETag"]
        with CaptureQueriesContext(connection) as queries:
            assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
        assert len(queries) <= 11, (url, [q["sql"][:80] for q in queries])
