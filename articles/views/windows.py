"""Numbered pages read only the months they show, found in the count tables.

A list newest first (undated items last) knows from the counts how many items each month
holds, so page N's items lie in a few known months: the page reads those months' items (one
date range) instead of walking and skipping every newer item, whatever the page number and
however rare the keyword or person.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from articles.derived.rules import UNKNOWN_MONTH, Period


@dataclass(frozen=True)
class Window:
    """The dates that hold a page's items, and how many newer items in them come first."""

    where: Q
    skip: int


def _start(unit: tuple[int, int]) -> datetime.date:
    return datetime.date(unit[0], unit[1] or 1, 1)


def _end(unit: tuple[int, int]) -> datetime.date:
    year, month = unit
    if month == UNKNOWN_MONTH:
        return datetime.date(year + 1, 1, 1)
    return (_start(unit) + datetime.timedelta(days=31)).replace(day=1)


def window(periods: Counter[Period], skip: int, take: int, field: str) -> Window | None:
    """Where items skip … skip + take of the list lie (`field`: the item's date), or None
    when the counts do not reach that far."""
    # Units of dates: months, but a whole year where some items are known only to the year
    # (their stored day says nothing), and None for the undated.
    whole_years = {year for year, month in periods if year is not None and month == UNKNOWN_MONTH}
    months: Counter = Counter()
    for (year, month), count in periods.items():
        unit = None if year is None else (year, UNKNOWN_MONTH if year in whole_years else month)
        months[unit] += count
    # Newest first, undated (None) last: the lists' order.
    order = sorted(months, key=lambda m: (m is None, [-part for part in m or ()]))
    before = 0
    first = last = None
    for index, month in enumerate(order):
        if first is None and before + months[month] > skip:
            first, skip_within = index, skip - before
        before += months[month]
        if first is not None and before >= skip + take:
            last = index
            break
    if first is None:
        return None
    newest, oldest = order[first], order[last if last is not None else len(order) - 1]
    if newest is None:
        return Window(Q(**{f"{field}__isnull": True}), skip_within)
    where = Q(**{f"{field}__lt": _end(newest)})
    if oldest is not None:
        where &= Q(**{f"{field}__gte": _start(oldest)})
    else:
        where |= Q(**{f"{field}__isnull": True})
    return Window(where, skip_within)


def page_in_window(
    paginator: Paginator, queryset: QuerySet, number: int, periods: Counter[Period], field: str
) -> Page:
    """Page `number` of the paginator, its items read from the dates that hold them."""
    size = paginator.per_page
    found = window(periods, (number - 1) * size, size, field)
    if found is None:
        return paginator.page(number)
    paginator.validate_number(number)
    rows = queryset.filter(found.where)[found.skip : found.skip + size]
    return paginator._get_page(rows, number, paginator)
