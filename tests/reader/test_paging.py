"""Deep pages stay bounded: numbered first pages, then pages by position that a crawler can
follow to the end and back, each with the same few queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from articles.views import paging

pytestmark = pytest.mark.django_db
NEXT = re.compile(r'<a rel="next" href="([^"]+)">Ältere')
PREV = re.compile(r'<a rel="prev" href="([^"]+)">« Neuere')
TITLE = re.compile(r"Meldung (\d+)<")


@pytest.fixture
def items(make_article):
    """60 items: several on the same day (ties broken by id), some undated, some hidden."""
    for number in range(60):
        date = (
            None
            if number % 13 == 0
            else datetime.date(2010, 1, 1) + datetime.timedelta(days=number // 3)
        )
        make_article(f"Meldung {number}", slug=f"m-{number}", published_on=date)
    make_article("Entwurf", slug="entwurf", status=Article.Status.DRAFT)
    return [f"{a.title[8:]}" for a in Article.objects.listed()]


def titles(html: str) -> list[str]:
    return TITLE.findall(html)


def follow(client, url: str, pattern) -> tuple[list[list[str]], list[int]]:
    pages, queries = [], []
    while url:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        queries.append(len(captured))
        html = response.content.decode()
        pages.append(titles(html))
        found = pattern.search(html)
        url = reverse("articles:timeline") + found.group(1).replace("&amp;", "&") if found else ""
    return pages, queries


def test_a_crawler_reaches_every_item_once_and_comes_back(client, items, monkeypatch):
    monkeypatch.setattr(paging, "MAX_NUMBERED", 1)
    monkeypatch.setattr("articles.views.mixins.MAX_NUMBERED", 1)
    monkeypatch.setattr("articles.views.mixins.PAGE_SIZE", 7)
    monkeypatch.setattr("articles.views.timeline.TimelineView.paginate_by", 7)
    forward, queries = follow(client, reverse("articles:timeline"), NEXT)
    assert [title for page in forward for title in page] == items  # all, in order, once
    # Every page by position costs the same few queries (one more where dated items end).
    assert max(queries[1:]) <= min(queries[1:]) + 1 <= 5
    html = client.get(reverse("articles:timeline")).content.decode()
    last_url = None
    url = NEXT.search(html).group(1).replace("&amp;", "&")
    while url:  # to the last page by its links
        last_url = url
        found = NEXT.search(client.get("/" + url).content.decode())
        url = found.group(1).replace("&amp;", "&") if found else ""
    backward, _ = follow(client, "/" + last_url, PREV)
    assert [title for page in reversed(backward) for title in page] == items
    assert (
        '<link rel="canonical" href="http://testserver/?vor='
        in client.get("/" + NEXT.search(html).group(1).replace("&amp;", "&")).content.decode()
    )


def test_odd_positions_are_not_found(client, items):
    for query in ("vor=kaputt", "vor=2010-13-40.5", "nach=ohne.x", "vor=ohne.1"):
        assert client.get(f"/?{query}").status_code == 404, query


def test_a_number_past_the_numbered_pages_leads_to_the_last_one_and_on(client, items, monkeypatch):
    monkeypatch.setattr("articles.views.mixins.MAX_NUMBERED", 2)
    monkeypatch.setattr("articles.views.timeline.TimelineView.paginate_by", 7)
    response = client.get("/", {"seite": 40})
    assert response.status_code == 302 and response["Location"] == "/?seite=2"
    html = client.get(response["Location"]).text
    assert "Seite 2 von 9" in html
    assert NEXT.search(html).group(1).startswith("?vor=")  # the rest by position


def test_numbered_pages_read_from_their_months_show_the_same_items(
    client, make_article, monkeypatch
):
    """Pages found through the monthly counts equal plain slices of the list, across
    months, items known only to the year (1 January), undated items and hidden ones."""
    dates = [datetime.date(2019, 1, 1), datetime.date(2019, 1, 20), datetime.date(2019, 2, 3),
             datetime.date(2018, 12, 31), None, datetime.date(2019, 1, 1)]  # fmt: skip
    for number in range(40):
        precision = "year" if number % 7 == 0 else "day"
        make_article(f"Meldung {number}", slug=f"m-{number}", published_on=dates[number % 6],
                     date_precision=precision, people=[("Eva Muster", "Rolle")],
                     status="draft" if number % 11 == 5 else "published")  # fmt: skip
    monkeypatch.setattr("articles.views.timeline.TimelineView.paginate_by", 4)
    monkeypatch.setattr("articles.views.people.PersonView.paginate_by", 4)
    expected = [a.title[8:] for a in Article.objects.listed()]
    for url in ("/", reverse("articles:person", args=["eva-muster"])):
        shown = []
        for number in range(1, 10):
            response = client.get(url, {"seite": number})
            if response.status_code == 302:
                break
            shown += titles(response.text)
        assert shown == expected, url
