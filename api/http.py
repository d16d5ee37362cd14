"""Conditional GET and caching headers, derived from the archive's generation.

Every write moves the generation on (articles.cache.generation()); an item whose publish time
comes writes nothing, so the number of items still waiting is part of the version too. The
ETag names that version (and whether the answer carries staff fields); Last-Modified is the
moment this process first answered from this version.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from articles.cache import generation

API_VERSION = "v1"


@dataclass(frozen=True)
class Version:
    etag: str
    last_modified: int  # seconds since the epoch


def archive_version(waiting: int, staff: bool) -> Version:
    """The version of everything the API may show, for one audience."""
    state = f"{generation()}:{waiting}"
    digest = hashlib.sha256(f"{API_VERSION}|{state}|{int(staff)}".encode()).hexdigest()[:32]
    return Version(etag=f'"{digest}"', last_modified=_first_seen(state))


def _first_seen(state: str) -> int:
    """When this process first answered from this version.

    Processes may disagree by the moments they first saw a version; either way a copy
    is called current only if it is from the same version (or the client's date is later).
    """
    key = f"api:version-seen:{state}"
    seen = int(time.time())
    if not cache.add(key, seen, timeout=86400):
        seen = cache.get(key, seen)
    return seen


def not_modified(request: HttpRequest, version: Version) -> HttpResponseBase | None:
    """A 304 when the client's copy (If-None-Match / If-Modified-Since) is current."""
    return get_conditional_response(request, etag=version.etag, last_modified=version.last_modified)


def set_validators(response: HttpResponseBase, version: Version) -> None:
    response["ETag"] = version.etag
    response["Last-Modified"] = http_date(version.last_modified)


def set_caching(response: HttpResponseBase, staff: bool) -> None:
    """Public answers may be cached briefly by anyone; staff answers by no one."""
    if staff:
        response["Cache-Control"] = "private, no-store"
    else:
        max_age = getattr(settings, "API_MAX_AGE", 60)
        response["Cache-Control"] = f"public, max-age={max_age}"
    # The same address answers differently to staff (session cookie or token).
    patch_vary_headers(response, ("Cookie", "Authorization"))
