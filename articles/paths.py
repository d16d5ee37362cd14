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
from functools import lru_cache

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse

SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SAMPLE_DAY = datetime.date(2000, 1, 2)  # month and day below 10: the padding shows
SAMPLE_SLUG = "x"


@lru_cache(maxsize=64)
def _head(name: str, sample: tuple[tuple[str, object], ...], tail: str, *_scope) -> str | None:
    """The part of `name`'s address before `tail`, or None if its sample does not end so.

    `_scope` (script prefix, resolver) only keys the cache: a test's other URL configuration
    or a deployment under a path prefix gets heads of its own.
    """
    address = reverse(name, kwargs=dict(sample))
    return address[: -len(tail)] if address.endswith(tail) else None


def _path(name: str, sample: dict, tail, values: dict) -> str:
    head = _head(
        name,
        tuple(sample.items()),
        tail(**sample),
        get_script_prefix(),
        get_resolver(get_urlconf()),
    )
    return reverse(name, kwargs=values) if head is None else head + tail(**values)


def _dated(year: int, month: int, day: int, slug: str) -> str:
    return f"{year:04d}/{month:02d}/{day:02d}/{slug}/"


def _month(year: int, month: int) -> str:
    return f"{year:04d}/{month:02d}/"


def _year(year: int) -> str:
    return f"{year:04d}/"


def _slug(slug: str) -> str:
    return f"{slug}/"


_ITEM_SAMPLE = {
    "year": SAMPLE_DAY.year,
    "month": SAMPLE_DAY.month,
    "day": SAMPLE_DAY.day,
    "slug": SAMPLE_SLUG,
}


def item_path(day: datetime.date, slug: str) -> str:
    """reverse("articles:article", …): the page of a dated item."""
    values = {"year": day.year, "month": day.month, "day": day.day, "slug": slug}
    if not SLUG.fullmatch(slug):
        return reverse("articles:article", kwargs=values)
    return _path("articles:article", _ITEM_SAMPLE, _dated, values)


def month_path(year: int, month: int) -> str:
    """reverse("articles:archive_month", …)."""
    sample = {"year": SAMPLE_DAY.year, "month": SAMPLE_DAY.month}
    return _path("articles:archive_month", sample, _month, {"year": year, "month": month})


def year_path(year: int) -> str:
    """reverse("articles:archive_year", …)."""
    return _path("articles:archive_year", {"year": SAMPLE_DAY.year}, _year, {"year": year})


def slug_path(name: str, slug: str) -> str:
    """reverse(name, kwargs={"slug": slug}) for a page named by its slug alone
    ("articles:keyword", "articles:person")."""
    if not SLUG.fullmatch(slug or ""):
        return reverse(name, kwargs={"slug": slug})
    return _path(name, {"slug": SAMPLE_SLUG}, _slug, {"slug": slug})
