"""Throttle admin log-ins: after LIMIT failures per user name and address, wait WINDOW seconds.

Counts live in the "login_attempts" cache (a database cache, so all server processes share
them; `manage.py createcachetable` creates its table). Without that cache, or while its table
is missing, the default cache is used, which counts per process.
"""

from __future__ import annotations

import logging

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import InvalidCacheBackendError, cache, caches
from django.core.cache.backends.base import BaseCache
from django.db import DatabaseError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

LIMIT = 5
WINDOW = 15 * 60
CACHE_ALIAS = "login_attempts"

logger = logging.getLogger(__name__)


def _store() -> BaseCache:
    try:
        return caches[CACHE_ALIAS]
    except InvalidCacheBackendError:
        return cache


def _key(request: HttpRequest | None, username: str) -> str:
    address = request.META.get("REMOTE_ADDR", "") if request else ""
    return f"login-failures:{address}:{username.strip().lower()[:150]}"


def _safely(operation, *args):
    """Run a cache operation; with the database cache's table missing, use the default cache."""
    try:
        return operation(_store(), *args)
    except DatabaseError:
        logger.warning("login throttle: cache table missing, run manage.py createcachetable")
        return operation(cache, *args)


def failures(request: HttpRequest, username: str) -> int:
    return _safely(lambda store, key: store.get(key, 0), _key(request, username))


def is_locked(request: HttpRequest, username: str) -> bool:
    return failures(request, username) >= LIMIT


def _count(store: BaseCache, key: str) -> None:
    if store.add(key, 1, WINDOW):
        return
    try:
        store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, WINDOW)


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs) -> None:
    _safely(_count, _key(request, credentials.get("username", "")))


@receiver(user_logged_in)
def forget_failures(sender, request, user, **kwargs) -> None:
    _safely(lambda store, key: store.delete(key), _key(request, user.get_username()))


class LoginThrottleMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.method == "POST"
            and request.path == reverse("admin:login")
            and is_locked(request, request.POST.get("username", ""))
        ):
            response = TemplateResponse(
                request, "admin/login_throttled.html", {"minutes": WINDOW // 60}, status=429
            )
            response["Retry-After"] = str(WINDOW)
            return response.render()
        return self.get_response(request)
