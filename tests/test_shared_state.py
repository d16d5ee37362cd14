"""Two app server processes on one database share sessions and log-in throttle counts."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.models import User

from tests.servers import app_server, database_url

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "geheim-123"
REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


class Browser:
    """Cookies shared between the servers (same host, other port), as one browser would."""

    def __init__(self) -> None:
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirects(),
        )

    def get(self, url: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(url))

    def log_in(self, base: str, username: str, password: str) -> int:
        _, html = self.get(base + "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": password,
                "next": "/admin/",
            }
        ).encode()
        return self._open(urllib.request.Request(base + "/admin/login/", data=data))[0]

    def _open(self, request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def editor(db):
    return User.objects.create_user("redakteurin", password=PASSWORD, is_staff=True)


@pytest.fixture(scope="module", params=["database", "redis"])
def two_processes(request, django_db_setup, django_db_blocker):
    """Two app servers on the test database: sessions in PostgreSQL, or cached in Redis."""
    env = {}
    if request.param == "redis":
        if not redis_answers():
            pytest.skip("no Redis on 127.0.0.1:6379")
        env["REDIS_URL"] = REDIS_URL
    with django_db_blocker.unblock():
        url = database_url()
    with app_server(url, **env) as first, app_server(url, **env) as second:
        yield request.param, first, second


def test_a_session_started_on_one_process_is_valid_on_the_other(editor, two_processes):
    store, first, second = two_processes
    browser = Browser()
    assert browser.get(second + "/admin/")[0] == 302  # not logged in yet
    assert browser.log_in(first, "redakteurin", PASSWORD) == 302
    status, html = browser.get(second + "/admin/")
    assert status == 200 and "redakteurin" in html
    if store == "redis":
        import redis

        keys = redis.Redis.from_url(REDIS_URL).keys("archive-session*")
        assert keys  # the session was cached in Redis


def test_failures_on_either_process_count_towards_one_lock(editor, two_processes):
    _, first, second = two_processes
    for base in [first, second, first, second, second]:
        assert Browser().log_in(base, "redakteurin", "falsch") == 200
    assert Browser().log_in(first, "redakteurin", PASSWORD) == 429
    assert Browser().log_in(second, "redakteurin", PASSWORD) == 429
