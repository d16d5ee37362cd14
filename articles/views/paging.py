"""Paging that stays bounded however deep a reader or a crawler goes.

The first MAX_NUMBERED pages keep their numbers (?seite=3). Beyond them, and from the last
numbered page on, "Ältere" links carry the position of the last item shown
(?vor=2018-12-13.1234: items after it in the list order), "Neuere" the first
(?nach=…). Each such page is one index range read of PAGE_SIZE + 1 rows, whatever its depth,
and its address stays the same while items are added at the top.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

MAX_NUMBERED = 20
CURSOR = re.compile(r"^(?:(\d{4})-(\d{2})-(\d{2})|ohne)\.(\d{1,18})$")
UNDATED = "ohne"


@dataclass(frozen=True)
class Position:
    """Where an item stands in the list order (newest first, undated last, then by id)."""

    date: datetime.date | None
    pk: int

    @classmethod
    def of(cls, item) -> Position:
        return cls(item.published_on, item.pk)

    @classmethod
    def parse(cls, value: str) -> Position | None:
        match = CURSOR.match(value or "")
        if match is None:
            return None
        year, month, day, pk = match.groups()
        try:
            date = datetime.date(int(year), int(month), int(day)) if year else None
        except ValueError:
            return None
        return cls(date, int(pk))

    def __str__(self) -> str:
        return f"{self.date.isoformat() if self.date else UNDATED}.{self.pk}"


def _row(operator: str, position: Position) -> RawSQL:
    # A row comparison: PostgreSQL reads it as one range of the (published_on, id) index.
    return RawSQL(
        f'("articles_article"."published_on", "articles_article"."id") {operator} (%s, %s)',
        [position.date, position.pk],
        output_field=BooleanField(),
    )


def after(queryset: QuerySet, position: Position, count: int) -> list:
    """Up to `count` items that follow `position` in the list order."""
    rows: list = []
    if position.date is not None:
        dated = queryset.filter(_row("<", position)).order_by("-published_on", "-id")
        rows = list(dated[:count])
    if len(rows) < count:
        undated = queryset.filter(published_on__isnull=True)
        if position.date is None:
            undated = undated.filter(pk__lt=position.pk)
        rows += list(undated.order_by("-id")[: count - len(rows)])
    return rows


def before(queryset: QuerySet, position: Position, count: int) -> list:
    """Up to `count` items that precede `position`, in the list order (nearest last)."""
    rows: list = []
    if position.date is None:
        undated = queryset.filter(published_on__isnull=True, pk__gt=position.pk)
        rows = list(undated.order_by("id")[:count])
        dated = queryset.filter(published_on__isnull=False)
    else:
        dated = queryset.filter(_row(">", position))
    if len(rows) < count:
        rows += list(dated.order_by("published_on", "id")[: count - len(rows)])
    return rows[::-1]


@dataclass
class PositionPage:
    """A page found by position: what the templates ask of a page, plus the two cursors."""

    object_list: list
    older: str = ""  # ?vor= of the next page, "" when this is the end
    newer: str = ""  # ?nach= of the previous page, "" when this is the start
    cursor_query: str = ""  # this page's own cursor, for its canonical address
    number = None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)


def page_by_position(queryset: QuerySet, older: str, newer: str, size: int) -> PositionPage | None:
    """The page after ?vor= or before ?nach=; None when the cursor is not one."""
    if older:
        position = Position.parse(older)
        if position is None:
            return None
        rows = after(queryset, position, size + 1)
        shown = rows[:size]
        page = PositionPage(shown, newer=str(Position.of(shown[0])) if shown else "")
        if len(rows) > size:
            page.older = str(Position.of(shown[-1]))
        page.cursor_query = f"vor={position}"
        return page
    position = Position.parse(newer)
    if position is None:
        return None
    rows = before(queryset, position, size + 1)
    shown = rows[-size:] if rows else []
    page = PositionPage(shown, older=str(Position.of(shown[-1])) if shown else "")
    if len(rows) > size:
        page.newer = str(Position.of(shown[0]))
    page.cursor_query = f"nach={position}"
    return page
