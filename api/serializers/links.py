"""Addresses of API resources and of the site's pages, absolute."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from urllib.parse import quote, urlencode

from django.urls import NoReverseMatch, get_script_prefix, reverse

from articles.paths import SLUG, item_path, slug_path
from articles.templatetags.archive_tags import public_url

# What build_absolute_uri() leaves as it is in a path (django.utils.encoding.iri_to_uri).
_PLAIN_PATH = re.compile(r"/(?!/)[A-Za-z0-9_.~/#%\[\]=:;$&()+,!?*@'-]*")


def absolute(request, path: str | None) -> str | None:
    if path is None:
        return None
    if request is None:
        return path
    # A page names a hundred addresses: build_absolute_uri() once, then its scheme and host.
    if _PLAIN_PATH.fullmatch(path) and "/./" not in path and "/../" not in path:
        origin = getattr(request, "_api_origin", None)
        if origin is None:
            origin = request._api_origin = request.build_absolute_uri("/")[:-1]
        return origin + path
    return request.build_absolute_uri(path)


# Stand-ins that the URL patterns accept: a page names hundreds of addresses, and reverse()
# for each of them was a good part of the time a list took.
_PLACEHOLDERS = {"pk": "987654321987654321", "slug": "placeholder-slug-7f3a"}
_SLUG = re.compile(r"[-\w]{1,200}")


@lru_cache(maxsize=128)
def _path_template(script_prefix: str, name: str, key: str | None) -> str:
    if key is None:
        return reverse(f"api:{name}")
    return reverse(f"api:{name}", kwargs={key: _PLACEHOLDERS[key]})


def api_url(request, name: str, **kwargs) -> str | None:
    """The address of an API resource: api_url(request, "keyword", slug="politik")."""
    if not kwargs:
        return absolute(request, _path_template(get_script_prefix(), name, None))
    [(key, value)] = kwargs.items()
    value = str(value)
    if key == "slug" and not _SLUG.fullmatch(value):
        return None
    template = _path_template(get_script_prefix(), name, key)
    return absolute(request, template.replace(_PLACEHOLDERS[key], _quoted(value), 1))


@lru_cache(maxsize=4096)
def _quoted(value: str) -> str:
    return quote(value)


def article_url(request, published_on: datetime.date | None, slug: str) -> str | None:
    """An item's page, as site_url() gives it (Article.get_absolute_url()), from two fields."""
    if not SLUG.fullmatch(slug):
        return None  # the address pattern takes none other: no page
    if published_on is None:
        return absolute(request, slug_path("articles:article_undated", slug))
    return absolute(request, item_path(published_on, slug))


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
