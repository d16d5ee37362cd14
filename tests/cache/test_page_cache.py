"""Whole pages kept for anonymous readers (articles/page_cache.py), per archive generation."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from articles.models import Article
from articles.page_cache import AnonymousPageCacheMiddleware

pytestmark = pytest.mark.django_db


def _get(client, url: str, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries.captured_queries)


@pytest.fixture
def archive(make_article):
    make_article("Andere Meldung", keywords=["Politik"])
    return make_article(
        "Landkreis digitalisiert Bauanträge",
        keywords=["Politik"],
        people=[("Erika Muster", "Landrätin")],
    )


@pytest.fixture
def staff_client(client):
    user = User.objects.create_user("recherche", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    return client


def public_pages(item: Article) -> list[str]:
    return [
        reverse("articles:timeline"),
        item.get_absolute_url(),
        reverse("articles:archive_year", args=[2018]),
        reverse("articles:archive_month", args=[2018, 12]),
        reverse("articles:keywords"),
        reverse("articles:keyword", args=["politik"]),
        reverse("articles:people"),
        reverse("articles:search") + "?q=Bauanträge",
        reverse("articles:feed"),
        reverse("sitemap"),
        "/meldungen/2018/12/13/gibt-es-nicht/",
    ]


def test_a_second_reader_gets_the_same_page_for_one_query(client, archive):
    for url in public_pages(archive):
        first, rendering = _get(client, url)
        second, kept = _get(client, url)
        assert first.status_code in (200, 404), url
        assert (second.status_code, second.content) == (first.status_code, first.content), url
        # Same headers: Content-Type, Vary, Last-Modified of the feed, no Cache-Control added.
        assert dict(second.headers) == dict(first.headers), url
        assert not second.cookies, url
        assert kept == 1 < rendering, url  # the generation is all it reads


def test_an_edit_shows_on_the_next_request_and_drafts_never(client, archive):
    pages = [url for url in public_pages(archive) if "Bauanträge" in client.get(url).text]
    assert len(pages) >= 7  # timeline, item, year, month, keyword, search, feed
    archive.title = "Landkreis stoppt Bauanträge-Portal: vertraulicher Entwurf"
    archive.status = Article.Status.DRAFT
    archive.save()
    for url in pages:
        assert "vertraulicher" not in client.get(url).text, url
    assert client.get(archive.get_absolute_url()).status_code == 404
    Article.objects.filter(pk=archive.pk).update(status=Article.Status.PUBLISHED)
    assert "vertraulicher Entwurf" in client.get(reverse("articles:timeline")).text


def test_signed_in_staff_never_get_nor_leave_a_kept_page(staff_client, archive, make_article):
    anonymous = Client()
    make_article("Bauanträge im Entwurf", status=Article.Status.DRAFT)
    draft_title = "im Entwurf"  # the search word itself is highlighted
    search = reverse("articles:search") + "?q=Bauanträge"
    assert draft_title not in anonymous.get(search).text  # kept for anonymous readers
    staff_page, queries = _get(staff_client, search)
    assert draft_title in staff_page.text and queries > 1  # staff search drafts too
    assert draft_title not in anonymous.get(search).text  # and the staff page was not kept
    again, queries = _get(staff_client, search)
    assert draft_title in again.text and queries > 1


def test_the_feed_keeps_one_answer_per_accept_header(client, archive):
    feed = reverse("articles:feed")
    atom = client.get(feed)
    page = client.get(feed, headers={"Accept": "text/html"})
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert page["Content-Type"].startswith("text/html")
    assert client.get(feed, headers={"Accept": "text/html"}).content == page.content
    assert client.get(feed).content == atom.content


def test_head_is_answered_from_the_kept_page(client, archive):
    url = reverse("articles:timeline")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.head(url)
    assert response.status_code == 200 and len(queries.captured_queries) == 1


def test_a_page_with_a_csrf_token_is_never_kept(db):
    """A token is one reader's secret: handing it to the next reader would leak it."""
    rendered = []

    def view(request):
        request.resolver_match = resolve(reverse("articles:timeline"))
        rendered.append(get_token(request))
        return HttpResponse(rendered[-1])

    middleware = AnonymousPageCacheMiddleware(CsrfViewMiddleware(view))
    first = middleware(RequestFactory().get("/"))
    second = middleware(RequestFactory().get("/"))
    assert len(rendered) == 2 and first.content != second.content
    assert "csrftoken" in second.cookies


def test_the_admin_log_in_form_is_not_kept(client):
    first = client.get(reverse("admin:login"))
    client.cookies.clear()
    second = client.get(reverse("admin:login"))
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_session_cookie_bypasses_the_kept_pages(client, archive):
    url = reverse("articles:timeline")
    client.get(url)
    client.cookies["sessionid"] = "unknown"
    _, queries = _get(client, url)
    assert queries > 1
