"""The article page's "Ältere"/"Neuere" links: every listed item in order, and a bounded query."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.views.article import ArticleDetailView

pytestmark = pytest.mark.django_db


def _link(html: str, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', html)
    return found.group(1) if found else None


def test_the_links_walk_every_listed_item_once_in_date_order(client, make_article):
    day = datetime.date(2019, 5, 1)
    listed = []
    for number, published_on in enumerate(
        [day, day, day, day + datetime.timedelta(days=1), day - datetime.timedelta(days=400)]
    ):
        listed.append(make_article(f"Meldung {number}", published_on=published_on))
    # Never in the chain: a draft, a teaser-only item, a scheduled item, all on the same days.
    make_article("Entwurf", published_on=day, status=Article.Status.DRAFT)
    make_article("Nur Anriss", published_on=day, kind=Article.Kind.TEASER)
    make_article(
        "Geplant", published_on=day, publish_at=timezone.now() + datetime.timedelta(days=1)
    )
    expected = [a.get_absolute_url() for a in sorted(listed, key=lambda a: (a.published_on, a.id))]

    walked = [expected[-1]]
    while (older := _link(client.get(walked[-1]).text, "prev")) and len(walked) < 20:
        walked.append(older)
    assert walked == expected[::-1]
    back = [expected[0]]
    while (newer := _link(client.get(back[-1]).text, "next")) and len(back) < 20:
        back.append(newer)
    assert back == expected


def test_the_neighbour_query_starts_at_the_items_date(make_article):
    """At 20,000 items the query walked ~10,000 newer index entries for a mid-archive item."""
    start = datetime.date(2000, 1, 1)
    Article.objects.bulk_create(
        Article(
            title=f"Meldung {n}", slug=f"meldung-{n}", status=Article.Status.PUBLISHED,
            published_on=start + datetime.timedelta(days=n // 3),
        )
        for n in range(3000)
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    middle = Article.objects.order_by("published_on", "id")[1500]
    view = ArticleDetailView()
    for older in (True, False):
        with CaptureQueriesContext(connection) as queries:
            neighbour = view._neighbour(middle, older=older)
        assert neighbour is not None
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + queries.captured_queries[-1]["sql"])
            plan = cursor.fetchone()[0]
        plan = plan if isinstance(plan, list) else json.loads(plan)
        assert _rows_read(plan[0]["Plan"]) < 100, plan


def _rows_read(node: dict) -> int:
    own = node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
    return own + sum(_rows_read(child) for child in node.get("Plans", []))
