"""/healthz, and a 503 page with Retry-After while the database cannot be reached."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.http import HttpRequest, HttpResponse
from django.template import loader

HEALTHZ_PATH = "/healthz"
RETRY_AFTER_SECONDS = 30
STATEMENT_TIMEOUT_MS = 1000

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def database_is_up() -> bool:
    """`SELECT 1` with a short statement timeout; False on any database error."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}")
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DATABASE_UNAVAILABLE:
        logger.warning("healthz: database unavailable")
        _forget_broken_connections()
        return False
    return True


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """The site's own German 503 page; rendered without the database or context processors."""
    _forget_broken_connections()
    body = loader.get_template("503.html").render({"request": request})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _forget_broken_connections() -> None:
    """Drop this process's connection (and pool), so the next request connects afresh.

    psycopg's pool retries failed connections with a growing delay (up to minutes); a new pool
    connects on the first request after the database is back.
    """
    connection.close_if_unusable_or_obsolete()
    if getattr(connection, "pool", None) is not None:
        try:
            connection.close()
        finally:
            connection.close_pool()


class HealthCheckMiddleware:
    """Answers /healthz: 200 "ok" or 503 "database unavailable". No session, no cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info != HEALTHZ_PATH:
            return self.get_response(request)
        if database_is_up():
            response = HttpResponse("ok\n", content_type="text/plain")
        else:
            response = HttpResponse("database unavailable\n", content_type="text/plain", status=503)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with Retry-After, not 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_UNAVAILABLE) and not settings.DEBUG_PROPAGATE_EXCEPTIONS:
            logger.warning("database unavailable: %s", exception)
            return service_unavailable(request)
        return None
