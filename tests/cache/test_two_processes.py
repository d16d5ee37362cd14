"""Two gunicorn processes, each with its own local-memory cache, against one database.

An edit made through one process (or any other writer) is seen by the other on its very
next request, on the timeline and in search: both read the generation PostgreSQL keeps.
"""

from __future__ import annotations

import datetime
import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.models import User

from articles.models import Article
from tests.servers import app_server, database_url

# The test database is emptied afterwards; articles/groups.py brings the editors' groups back.
pytestmark = pytest.mark.django_db(transaction=True)


class Server:
    """One app server as anonymous readers and one editor's session see it."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.editor = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str, opener=None, **query) -> str:
        """The page as an anonymous reader sees it (or through the editor's session)."""
        url = self.base + path + ("?" + urllib.parse.urlencode(query) if query else "")
        with (opener or urllib.request.build_opener()).open(url, timeout=30) as response:
            return response.read().decode()

    def post(self, path: str, form: dict) -> str:
        """A form sent by the editor, with the CSRF token of the form page."""
        page = self.get(path, opener=self.editor)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": token}, doseq=True)
        request = urllib.request.Request(self.base + path, data=data.encode())
        request.add_header("Referer", self.base + path)
        with self.editor.open(request, timeout=30) as response:
            return response.read().decode()


@pytest.fixture
def servers():
    """Two gunicorn processes (one worker each) on the test database, without pooling."""
    url = database_url()
    with app_server(url, DATABASE_POOL="0") as one, app_server(url, DATABASE_POOL="0") as other:
        yield [Server(one), Server(other)]


def _make(title: str, day: int) -> Article:
    return Article.objects.create(
        title=title,
        slug=f"meldung-{day}",
        published_on=datetime.date(2021, 3, day),
        status=Article.Status.PUBLISHED,
    )


def _shows(server: Server, text: str, query: str) -> tuple[bool, bool]:
    return text in server.get("/"), text in server.get("/suche/", q=query)


def test_an_edit_in_one_process_is_seen_by_the_other_on_its_next_request(servers):
    one, other = servers
    User.objects.create_superuser("chefin", password="geheim-123")
    withdrawn = _make("Seilbahn Oberhof genehmigt", 1)
    rewritten = _make("Seilbahn Ilmenau geplant", 2)
    updated = _make("Seilbahn Suhl verworfen", 3)
    for server in servers:  # each process caches its pages and search results
        assert _shows(server, "Oberhof", "Seilbahn") == (True, True)
        assert _shows(server, "Ilmenau", "Seilbahn") == (True, True)

    # Withdrawn by an editor through the admin of the first process.
    one.post("/admin/login/?next=/admin/", {"username": "chefin", "password": "geheim-123"})
    one.post(
        "/admin/articles/article/",
        {"action": "withdraw", "_selected_action": [withdrawn.pk], "index": 0},
    )
    assert Article.objects.get(pk=withdrawn.pk).status == Article.Status.DRAFT
    for server in servers:
        assert _shows(server, "Oberhof", "Seilbahn") == (False, False)

    # Rewritten as a draft by another writer (a shell, an importer): saved through the ORM.
    rewritten.status = Article.Status.DRAFT
    rewritten.title = "Seilbahn Ilmenau: vertraulicher Entwurf"
    rewritten.save()
    for server in servers:
        assert _shows(server, "Ilmenau", "Seilbahn") == (False, False)
        assert "vertraulicher" not in server.get("/suche/", q="Seilbahn")

    # A queryset update(), which sends no signal at all.
    assert _shows(other, "Suhl", "Seilbahn") == (True, True)
    Article.objects.filter(pk=updated.pk).update(status=Article.Status.REVIEW)
    for server in servers:
        assert _shows(server, "Suhl", "Seilbahn") == (False, False)
