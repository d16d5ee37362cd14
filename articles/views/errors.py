"""Error pages in the site's design."""

from __future__ import annotations

import sys

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseServerError,
)
from django.template import loader
from django.views.defaults import page_not_found as django_page_not_found


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return django_page_not_found(request, exception, template_name="404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    from archive.health import DATABASE_UNAVAILABLE, service_unavailable

    # A middleware (sessions, throttle) that could not reach the database: 503, not 500.
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    # No context processors: whatever failed must not fail again while rendering the page.
    return HttpResponseServerError(loader.get_template("500.html").render({"request": request}))


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400, also for a form larger than DATA_UPLOAD_MAX_MEMORY_SIZE: the text stays in the
    browser, and the page says how to get it back."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    context = {"request": request, "max_megabytes": limit // (1024 * 1024) if limit else None}
    return HttpResponseBadRequest(loader.get_template("400.html").render(context))


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return HttpResponseForbidden(loader.get_template("403.html").render({"request": request}))
