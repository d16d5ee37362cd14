"""Two gunicorn processes keep whole pages for anonymous readers; an edit made through one is
seen by both on their next request (articles/page_cache.py, keyed by the shared generation)."""

from __future__ import annotations

import datetime
import urllib.error

import pytest
from django.contrib.auth.models import User

from articles.models import Article
from tests.cache.test_two_processes import Server, servers  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def _status_and_text(server: Server, path: str) -> tuple[int, str]:
    try:
        return 200, server.get(path)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_kept_pages_follow_an_edit_made_in_the_other_process(servers):  # noqa: F811
    one, other = servers
    User.objects.create_superuser("chefin", password="geheim-123")
    item = Article.objects.create(
        title="Glasfaser für Schmalkalden",
        slug="glasfaser-schmalkalden",
        published_on=datetime.date(2022, 5, 4),
        status=Article.Status.PUBLISHED,
    )
    item.keywords.add("Breitband")
    Article.objects.create(
        title="Breitband in Gotha",
        slug="breitband-gotha",
        published_on=datetime.date(2022, 5, 5),
        status=Article.Status.PUBLISHED,
    ).keywords.add("Breitband")
    pages = [item.get_absolute_url(), "/stichwoerter/breitband/", "/meldungen/2022/05/", "/feed/"]
    for _ in range(2):  # the second round is answered from each process's kept pages
        for server in servers:
            for path in pages:
                assert "Schmalkalden" in _status_and_text(server, path)[1], path

    one.post("/admin/login/?next=/admin/", {"username": "chefin", "password": "geheim-123"})
    one.post(
        "/admin/articles/article/",
        {"action": "withdraw", "_selected_action": [item.pk], "index": 0},
    )
    for server in (other, one):
        assert _status_and_text(server, item.get_absolute_url())[0] == 404
        for path in pages[1:]:
            status, text = _status_and_text(server, path)
            assert status == 200 and "Schmalkalden" not in text and "Gotha" in text, path
