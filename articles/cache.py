"""Derived figures (counts, charts, facets) cached per archive generation.

Every write through the ORM or an import moves the generation on, so no stale figure is
served after a change in this process; the TTL bounds staleness across processes and for
items whose publish time arrives without a write.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

GENERATION_KEY = "archive:generation"
TTL = 300
T = TypeVar("T")


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.set(GENERATION_KEY, value, None)
    return value


def bump() -> None:
    cache.set(GENERATION_KEY, time.time_ns(), None)


def cached(name: str, parts: object, compute: Callable[[], T]) -> T:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:24]
    key = f"archive:{generation()}:{name}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TTL)
    return value


def request_parts(request, *, ignore: tuple[str, ...] = ("page",)) -> tuple:
    """What identifies a page's figures: its path and its query minus paging."""
    params = sorted((k, v) for k, v in request.GET.lists() if k not in ignore)
    return (request.path, tuple((k, tuple(v)) for k, v in params))
