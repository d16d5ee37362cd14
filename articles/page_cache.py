"""Whole responses of the public pages for anonymous readers, cached per archive generation.

A reader without a session gets the same page as every other such reader, so the response
built for one (status, headers, body) is kept in this process's cache alias "pages" under the
archive generation (articles/cache.py), the scheme, the host and the full address with its
query. The generation moves on with every write, in whatever process, and is read once per
request, so a kept page never outlives an edit: a withdrawn item or a draft's new title is
gone from the next request on, as without this cache.

Kept: answers to GET (served for GET and HEAD) of the reader site's own views (namespace
"articles" and the sitemap) with status 200, 301 or 404, that set no cookie and do not say
private / no-store / no-cache. Never kept nor served: requests with a session or messages
cookie or an Authorization header (signed-in editors, staff), anything else (admin, API,
health check, POST). The response's Vary headers are part of the key (Accept for the feeds);
Cookie is covered by the rule on cookies, Accept-Language by the language it selects.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_request

from articles.cache import generation

ALIAS = "pages"
KEPT_STATUS = frozenset({200, 301, 404})
CACHED_NAMESPACES = frozenset({"articles"})
CACHED_URL_NAMES = frozenset({"sitemap"})
UNCACHEABLE_DIRECTIVES = frozenset({"private", "no-store", "no-cache"})
# Correctness rests on the generation in the key, not on time; the TTL and PAGE_CACHE_ENTRIES
# only bound memory. An hour keeps pages between two edits on a quiet archive.
TTL = 3600


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def anonymous_reader(request: HttpRequest) -> bool:
    """A GET or HEAD from someone who cannot be signed in and has no pending messages."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _address(request: HttpRequest) -> str:
    # get_host() validates the host against ALLOWED_HOSTS (a bad one is a 400, as uncached).
    return f"{generation()}|{request.scheme}|{request.get_host()}|{request.get_full_path()}"


def _vary_names(response: HttpResponseBase) -> tuple[str, ...] | None:
    """The request headers this answer depends on; None for Vary: *."""
    if not response.has_header("Vary"):
        return ()
    names = tuple(sorted({n.strip().lower() for n in cc_delim_re.split(response["Vary"]) if n}))
    return None if "*" in names else names


def _variant(request: HttpRequest, names: tuple[str, ...]) -> str:
    values = []
    for name in names:
        if name == "cookie":
            continue  # only requests without session or messages cookies come here
        if name == "accept-language":
            values.append(get_language_from_request(request))
        else:
            values.append(request.META.get("HTTP_" + name.upper().replace("-", "_"), ""))
    return "\x1f".join(values)


def _reader_view(match) -> bool:
    """A view of the reader site (never the admin, the API or the health check)."""
    return match is not None and bool(
        CACHED_NAMESPACES.intersection(match.namespaces) or match.url_name in CACHED_URL_NAMES
    )


def _resolved(request: HttpRequest):
    try:
        return resolve(request.path_info)
    except Resolver404:
        return None


def _cacheable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if request.method != "GET" or response.status_code not in KEPT_STATUS:
        return False
    if response.streaming or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if not _reader_view(getattr(request, "resolver_match", None)):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "")
    directives = {part.strip().split("=")[0].lower() for part in cache_control.split(",")}
    return not directives & UNCACHEABLE_DIRECTIVES


def _replay(status: int, headers: list[tuple[str, str]], content: bytes) -> HttpResponse:
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class AnonymousPageCacheMiddleware:
    """Serve and keep whole public pages for anonymous readers (see the module's docstring).

    Sits after the security, CSP and host-independent middleware (they add their headers to
    every answer, kept or not) and before sessions, CSRF and authentication, which a kept
    page does not need.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        # The admin and the API never read a kept page (nor the generation for one).
        if not anonymous_reader(request) or not _reader_view(_resolved(request)):
            return self.get_response(request)
        pages = caches[ALIAS]
        address = _address(request)
        names = pages.get("vary:" + _digest(address))
        if names is not None:
            kept = pages.get("page:" + _digest(address + "\x1e" + _variant(request, names)))
            if kept is not None:
                return _replay(*kept)
        response = self.get_response(request)
        if _cacheable(request, response):
            names = _vary_names(response)
            if names is not None:
                variant = _digest(address + "\x1e" + _variant(request, names))
                pages.set("vary:" + _digest(address), names, TTL)
                kept = (response.status_code, list(response.headers.items()), response.content)
                pages.set("page:" + variant, kept, TTL)
        return response
