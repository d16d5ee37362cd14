"""Addresses of API resources and of the site's pages, absolute."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse

from articles.templatetags.archive_tags import public_url


def absolute(request, path: str | None) -> str | None:
    if path is None:
        return None
    return request.build_absolute_uri(path) if request is not None else path


def api_url(request, name: str, **kwargs) -> str | None:
    try:
        return absolute(request, reverse(f"api:{name}", kwargs=kwargs or None))
    except NoReverseMatch:
        return None


def site_url(request, obj) -> str | None:
    """The public page of an item, keyword or person (None if it cannot be addressed)."""
    try:
        return absolute(request, obj.get_absolute_url())
    except NoReverseMatch:
        return None


def items_url(request, **filters) -> str | None:
    return absolute(request, f"{reverse('api:items')}?{urlencode(filters)}")


def public_address(value: str) -> str | None:
    """An address a client may follow (http or https), else None: documents are unvetted."""
    return public_url(value) or None
