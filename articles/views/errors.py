"""Error pages in the site's design."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.defaults import page_not_found as django_page_not_found


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return django_page_not_found(request, exception, template_name="404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: whatever failed must not fail again while rendering the page.
    return HttpResponseServerError(loader.get_template("500.html").render({"request": request}))
