"""Two gunicorn processes, each with its own local-memory cache, against one database.

An edit made through one process (or any other writer) is seen by the other on its very
next request, on the timeline and in search: both read the generation PostgreSQL keeps.
"""

from __future__ import annotations

import datetime
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection

from articles.models import Article

ROOT = Path(__file__).resolve().parents[2]
# The test database is emptied afterwards; articles/groups.py brings the editors' groups back.
pytestmark = pytest.mark.django_db(transaction=True)


def _database_url() -> str:
    settings = connection.settings_dict
    credentials = urllib.parse.quote(settings["USER"] or "", safe="")
    if settings.get("PASSWORD"):
        credentials += ":" + urllib.parse.quote(settings["PASSWORD"], safe="")
    host = urllib.parse.quote(settings["HOST"] or "", safe="")
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"postgresql://{credentials}@{host}{port}/{settings['NAME']}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One gunicorn process with one worker: anonymous readers and one editor's session."""

    def __init__(self, env: dict) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # A file, not a pipe: a pipe nobody reads could fill up and block the server.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "archive.wsgi", "--workers", "1",
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=self.log,
        )  # fmt: skip
        self.editor = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(self.log.read().decode(errors="replace"))
            try:
                self.get("/")
                return
            except urllib.error.HTTPError:
                raise
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer")

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

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture
def servers():
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DEBUG": "1",  # static files without collectstatic; caching is the same
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_POOL": "0",
    }
    started = [Server(env), Server(env)]
    try:
        for server in started:
            server.wait()
        yield started
    finally:
        for server in started:
            server.stop()


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
