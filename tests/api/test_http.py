"""HTTP: conditional GET, caching headers, CORS for GET under /api/ only, rate limits."""

import datetime

import pytest
from django.urls import reverse
from django.utils.http import http_date

from articles.models import Article

pytestmark = pytest.mark.django_db

ENDPOINTS = ["api:root", "api:items", "api:keywords", "api:people", "api:sources"]


@pytest.mark.parametrize("url_name", ENDPOINTS)
def test_conditional_get_answers_304_until_the_archive_changes(api, archive, url_name):
    url = reverse(url_name)
    first = api.get(url)
    assert first.status_code == 200 and first["ETag"].startswith('"')
    assert first["Cache-Control"] == "public, max-age=60"
    again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"] and again["Cache-Control"] == first["Cache-Control"]
    since = api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    # An edit moves the archive's generation on: the old copy is no longer current.
    archive["main"].title = "Drittes Digitalisierungskabinett"
    archive["main"].save()
    changed = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_a_due_scheduled_item_changes_the_version_without_any_write(api, archive):
    url = reverse("api:items")
    first = api.get(url)
    scheduled = Article.objects.waiting().get()
    # Its time comes: nothing is written, but it is listed now.
    Article.objects.filter(pk=scheduled.pk).update(
        publish_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    response = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert scheduled.title in [item["title"] for item in response.json()["results"]]


def test_detail_304_and_old_copies_of_other_addresses(api, archive):
    url = reverse("api:item", kwargs={"pk": archive["main"].pk})
    first = api.get(url)
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert api.get(url, HTTP_IF_NONE_MATCH='"anders"').status_code == 200
    old = http_date(0)
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=old).status_code == 200


def test_errors_are_not_cached_and_carry_no_validators(api, archive):
    response = api.get(reverse("api:items"), {"year": "x"})
    assert response["Cache-Control"] == "no-store" and not response.has_header("ETag")
    response = api.get(reverse("api:item", kwargs={"pk": 999999}))
    assert response["Cache-Control"] == "no-store"


def test_cors_allows_reading_from_any_origin_under_api_only(api, client, archive):
    origin = "https://partner.example"
    response = api.get(reverse("api:items"), HTTP_ORIGIN=origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response
    preflight = api.options(
        reverse("api:items"), HTTP_ORIGIN=origin, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get(reverse("articles:timeline"), HTTP_ORIGIN=origin)
    assert "Access-Control-Allow-Origin" not in page


def limit(settings, rate: str) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": rate, "authenticated": "5/min"},
    }


def test_rate_limit_answers_429_with_retry_after_per_client(api, archive, settings):
    limit(settings, "3/min")
    url = reverse("api:items")
    for _ in range(3):
        assert api.get(url, REMOTE_ADDR="192.0.2.1").status_code == 200
    response = api.get(url, REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["error"] == "too_many_requests"
    # Another client still gets answers; a forged X-Forwarded-For does not make a new client.
    assert api.get(url, REMOTE_ADDR="192.0.2.2").status_code == 200
    forged = api.get(url, REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert forged.status_code == 429


def test_rate_limit_is_kept_in_the_shared_cache(api, archive, settings):
    from django.core.cache import caches

    limit(settings, "2/min")
    api.get(reverse("api:items"), REMOTE_ADDR="192.0.2.7")
    # Another server process reads the same database table.
    assert caches["api"].get("throttle_anonymous_192.0.2.7")
    caches["default"].clear()
    api.get(reverse("api:items"), REMOTE_ADDR="192.0.2.7")
    assert api.get(reverse("api:items"), REMOTE_ADDR="192.0.2.7").status_code == 429


def test_signed_in_clients_are_limited_per_user(archive, researcher, settings):
    from rest_framework.test import APIClient

    limit(settings, "1/min")
    staff = APIClient()
    staff.force_login(researcher)
    for _ in range(5):
        assert staff.get(reverse("api:items"), REMOTE_ADDR="192.0.2.3").status_code == 200
    assert staff.get(reverse("api:items"), REMOTE_ADDR="192.0.2.4").status_code == 429


def test_docs_page_loads_everything_from_this_site(api):
    import re

    from django.contrib.staticfiles import finders

    page = api.get(reverse("api:docs"))
    assert page.status_code == 200
    html = page.content.decode()
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert addresses and all(address.startswith("/") for address in addresses), addresses
    assert "<style" not in html and not re.search(r"<script>[^<]", html)  # CSP without inline
    for address in addresses:
        if address.startswith("/static/"):
            assert finders.find(address.removeprefix("/static/")), address
    script = api.get(reverse("api:docs") + "?script")
    assert script.status_code == 200 and reverse("api:schema") in script.content.decode()
