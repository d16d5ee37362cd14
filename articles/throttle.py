"""Throttle admin log-ins: after LIMIT failures per user name and address, wait WINDOW seconds.

Counts live in Django's cache (per process with the default local-memory cache; set a
shared cache such as Redis or the database cache when running several processes).
"""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

LIMIT = 5
WINDOW = 15 * 60


def _key(request: HttpRequest | None, username: str) -> str:
    address = request.META.get("REMOTE_ADDR", "") if request else ""
    return f"login-failures:{address}:{username.strip().lower()[:150]}"


def is_locked(request: HttpRequest, username: str) -> bool:
    return cache.get(_key(request, username), 0) >= LIMIT


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs) -> None:
    key = _key(request, credentials.get("username", ""))
    if cache.add(key, 1, WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW)


@receiver(user_logged_in)
def forget_failures(sender, request, user, **kwargs) -> None:
    cache.delete(_key(request, user.get_username()))


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
