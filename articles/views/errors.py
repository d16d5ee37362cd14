"""Error pages in the site's design."""

from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
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
