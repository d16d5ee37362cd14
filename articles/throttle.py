"""Throttle log-ins: per user name from one address, and per address across all user names.

Every attempt is counted *before* the password is checked, with one atomic upsert in
PostgreSQL (table of `LoginFailures`), so every server process and machine sees the same
counts and a burst of parallel attempts gets exactly the allowed number of password checks.
A successful log-in takes its attempt back and clears the count for that user name.

- `LOGIN_FAILURES_PER_USER` (5) failures for one user name from one address lock that pair;
  the same user name from another address is not affected, so a stranger cannot lock an editor
  out by guessing her password.
- `LOGIN_FAILURES_PER_ADDRESS` (20) failures from one address, whatever the user names, lock
  the address (one password tried against many user names).
- A lock lasts `LOGIN_LOCK_SECONDS` (15 minutes) after the last attempt. Deleting the row (the
  admin's *Anmeldesperren*, or `manage.py unlock_logins`) lifts it at once.

The address is the connection's peer, or, when that peer is one of the operator's
`TRUSTED_PROXIES`, the last address in X-Forwarded-For that is not a trusted proxy.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from articles.models import LoginFailures

TABLE = LoginFailures._meta.db_table
UNIX_SOCKET = "unix"  # a TRUSTED_PROXIES entry for a proxy on a Unix socket (no peer address)


def limits() -> tuple[int, int, int]:
    """Failures per user name and address, failures per address, lock seconds."""
    return (
        getattr(settings, "LOGIN_FAILURES_PER_USER", 5),
        getattr(settings, "LOGIN_FAILURES_PER_ADDRESS", 20),
        getattr(settings, "LOGIN_LOCK_SECONDS", 15 * 60),
    )


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[list, bool]:
    networks = [ipaddress.ip_network(e, strict=False) for e in entries if e != UNIX_SOCKET]
    return networks, UNIX_SOCKET in entries


def _trusted(address: str) -> bool:
    networks, unix = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not address:
        return unix
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The client's address; X-Forwarded-For counts only when a trusted proxy sent it."""
    peer = request.META.get("REMOTE_ADDR", "") or ""
    if not _trusted(peer):
        return peer or "unbekannt"
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([a for a in forwarded if a]):
        if _trusted(address):
            continue
        try:
            return str(ipaddress.ip_address(address))
        except ValueError:
            break  # not written by a proxy of ours
    return peer or "unbekannt"


def _keys(address: str, username: str) -> tuple[str, str, str]:
    name = username.strip().lower()[:150]
    return f"a:{address}", f"u:{address}:{name}", name


def reserve(address: str, username: str) -> bool:
    """Count one attempt against the address and the user name; False when either is locked."""
    per_user, per_address, seconds = limits()
    address_key, user_key, name = _keys(address, username)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {TABLE} AS t (key, address, username, failures, expires)
            VALUES (%s, %s, '', 1, clock_timestamp() + make_interval(secs => %s)),
                   (%s, %s, %s, 1, clock_timestamp() + make_interval(secs => %s))
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN t.expires <= clock_timestamp() THEN 1
                                ELSE t.failures + 1 END,
                expires = EXCLUDED.expires
            RETURNING key, failures
            """,  # the table name is the model's, never input
            [address_key, address, seconds, user_key, address, name, seconds],
        )
        counts = dict(cursor.fetchall())
    return counts[address_key] <= per_address and counts[user_key] <= per_user


def forget(address: str, username: str) -> None:
    """A successful log-in: take its attempt back and clear the user name's failures."""
    address_key, user_key, _ = _keys(address, username)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE key = %s OR expires <= clock_timestamp()", [user_key]
        )
        cursor.execute(
            f"UPDATE {TABLE} SET failures = failures - 1 WHERE key = %s AND failures > 0",
            [address_key],
        )


class ThrottledModelBackend(ModelBackend):
    """Django's model backend, with every attempt counted before the password is checked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or username is None:
            return super().authenticate(request, username, password, **kwargs)
        address = client_address(request)
        if not reserve(address, username):
            request.login_throttled = True
            raise PermissionDenied  # stops authenticate(); no password is checked
        user = super().authenticate(request, username, password, **kwargs)
        if user is not None:
            forget(address, username)
        return user


class LoginThrottleMiddleware:
    """Answer a refused attempt with 429 and a German page instead of the log-in form."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "login_throttled", False):
            seconds = limits()[2]
            response = TemplateResponse(
                request, "admin/login_throttled.html", {"minutes": seconds // 60}, status=429
            )
            response["Retry-After"] = str(seconds)
            return response.render()
        return response
