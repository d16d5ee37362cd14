"""Addresses of items, archive periods, keywords and people without reverse() for each one.

A list page links dozens of items, a chart dozens of periods, an index every keyword or
person; reverse() matches the patterns anew for each address (about 25 µs). Here each
pattern is reversed once per URL configuration and script prefix, for a sample, and every
other address is the sample's head plus its own tail in the converters' formats
(articles/converters.py). Should a pattern no longer end the way the tail says, or a slug not
be one Django's slug converter accepts, the address comes from reverse() as before.
tests/reader/test_paths.py holds these addresses equal to reverse()'s.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from functools import lru_cache

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse

SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SAMPLE_DAY = datetime.date(2000, 1, 2)  # month and day below 10: the padding shows
SAMPLE_SLUG = "x"


@lru_cache(maxsize=64)
def _head(name: str, *_scope) -> str | None:
    """The part of `name`'s address before its tail, or None if its sample does not end so.

    `_scope` (script prefix, resolver) only keys the cache: a test's other URL configuration
    or a deployment under a path prefix gets heads of its own.
    """
    sample, tail = _PATTERNS[name]
    address = reverse(name, kwargs=sample)
    end = tail(**sample)
    return address[: -len(end)] if address.endswith(end) else None


def _path(name: str, values: dict) -> str:
    head = _head(name, get_script_prefix(), get_resolver(get_urlconf()))
    return reverse(name, kwargs=values) if head is None else head + _PATTERNS[name][1](**values)


def _dated(year: int, month: int, day: int, slug: str) -> str:
    return f"{year:04d}/{month:02d}/{day:02d}/{slug}/"


def _month(year: int, month: int) -> str:
    return f"{year:04d}/{month:02d}/"


def _year(year: int) -> str:
    return f"{year:04d}/"


def _slug(slug: str) -> str:
    return f"{slug}/"


_YEAR, _MONTH, _DAY = SAMPLE_DAY.year, SAMPLE_DAY.month, SAMPLE_DAY.day
# Each pattern: a sample of its arguments, and the tail of its address after the fixed head.
_PATTERNS: dict[str, tuple[dict, Callable[..., str]]] = {
    "articles:article": (
        {"year": _YEAR, "month": _MONTH, "day": _DAY, "slug": SAMPLE_SLUG},
        _dated,
    ),
    "articles:archive_month": ({"year": _YEAR, "month": _MONTH}, _month),
    "articles:archive_year": ({"year": _YEAR}, _year),
    "articles:keyword": ({"slug": SAMPLE_SLUG}, _slug),
    "articles:person": ({"slug": SAMPLE_SLUG}, _slug),
    "articles:article_undated": ({"slug": SAMPLE_SLUG}, _slug),
}


def item_path(day: datetime.date, slug: str) -> str:
    """reverse("articles:article", …): the page of a dated item."""
    values = {"year": day.year, "month": day.month, "day": day.day, "slug": slug}
    if not SLUG.fullmatch(slug):
        return reverse("articles:article", kwargs=values)
    return _path("articles:article", values)


def month_path(year: int, month: int) -> str:
    """reverse("articles:archive_month", …)."""
    return _path("articles:archive_month", {"year": year, "month": month})


def year_path(year: int) -> str:
    """reverse("articles:archive_year", …)."""
    return _path("articles:archive_year", {"year": year})


def slug_path(name: str, slug: str) -> str:
    """reverse(name, kwargs={"slug": slug}) for a page named by its slug alone
    ("articles:keyword", "articles:person", "articles:article_undated")."""
    if name not in _PATTERNS or not SLUG.fullmatch(slug or ""):
        return reverse(name, kwargs={"slug": slug})
    return _path(name, {"slug": slug})
