"""Cursor pagination: stable pages however the archive changes between two requests.

A cursor is a signed token (django.core.signing) naming the sort, the selection it belongs to
and where the previous page ended; a cursor that was altered, belongs to another sort or
another selection is refused with 400.

- newest/oldest: keyset pagination on (date, id), dated items first, then undated ones; an
  item added or removed before the cursor never shifts the next page. Each phase walks the
  date index (article_date_idx) from the cursor on, so page 1,000 costs what page 1 costs.
- relevance and the catalogues (keywords, people, sources): positions in an ordered list;
  the next page continues after the last entry shown, wherever it now stands.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Sequence
from typing import Any

from django.core import signing
from django.db.models import F, Q, QuerySet
from rest_framework.exceptions import ValidationError

SALT = "api.cursor.v1"
Row = Any


def selection_hash(parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def encode(payload: dict) -> str:
    return signing.dumps(payload, salt=SALT, compress=True)


def decode(token: str, *, sort: str, selection: str) -> dict:
    """The cursor's payload, or 400 if it is not one of ours for this sort and selection."""
    try:
        payload = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError, OverflowError):
        raise _invalid("This cursor is not valid: use the `next` address of a page.") from None
    if not isinstance(payload, dict) or payload.get("s") != sort:
        raise _invalid(f"This cursor belongs to another sort than {sort!r}.")
    if payload.get("h") != selection:
        raise _invalid("This cursor belongs to other query parameters.")
    return payload


def _invalid(message: str) -> ValidationError:
    return ValidationError({"cursor": [message]})


def keyset_page(
    queryset: QuerySet, *, newest: bool, after: dict | None, size: int
) -> tuple[list, dict | None]:
    """One page in date order and the position after it (None on the last page)."""
    dated = queryset.filter(published_on__isnull=False)
    undated = queryset.filter(published_on__isnull=True).order_by("-id" if newest else "id")
    if newest:
        dated = dated.order_by(F("published_on").desc(nulls_last=True), F("id").desc())
    else:
        # The date index read backwards (its NULLS LAST turns into NULLS FIRST; none here).
        dated = dated.order_by(F("published_on").asc(nulls_first=True), F("id").asc())
    if after is not None:
        day, last_id = _position(after)
        if day is None:
            dated = None
            undated = undated.filter(id__lt=last_id) if newest else undated.filter(id__gt=last_id)
        elif newest:
            dated = dated.filter(published_on__lte=day).filter(
                Q(published_on__lt=day) | Q(id__lt=last_id)
            )
        else:
            dated = dated.filter(published_on__gte=day).filter(
                Q(published_on__gt=day) | Q(id__gt=last_id)
            )
    rows = list(dated[: size + 1]) if dated is not None else []
    if len(rows) <= size:
        rows += list(undated[: size + 1 - len(rows)])
    if len(rows) <= size:
        return rows, None
    rows = rows[:size]
    last = rows[-1]
    day = last.published_on.isoformat() if last.published_on else None
    return rows, {"d": day, "i": last.id}


def _position(after: dict) -> tuple[datetime.date | None, int]:
    try:
        day = after["d"]
        last_id = after["i"]
        if not isinstance(last_id, int) or isinstance(last_id, bool):
            raise TypeError
        return (datetime.date.fromisoformat(day) if day is not None else None), last_id
    except (KeyError, TypeError, ValueError):
        raise _invalid("This cursor is not valid: use the `next` address of a page.") from None


def list_page(keys: Sequence, *, after: dict | None, size: int) -> tuple[slice, dict | None]:
    """One page of an ordered list of keys (ids or slugs) and the position after it."""
    start = 0
    if after is not None:
        position, last = after.get("p"), after.get("k")
        if not isinstance(position, int) or isinstance(position, bool) or position < 0:
            raise _invalid("This cursor is not valid: use the `next` address of a page.")
        if 0 < position <= len(keys) and keys[position - 1] == last:
            start = position
        else:
            # The list changed since: continue after the last entry shown, wherever it is now.
            try:
                start = list(keys).index(last) + 1
            except ValueError:
                start = min(position, len(keys))
    stop = min(start + size, len(keys))
    if stop >= len(keys):
        return slice(start, stop), None
    return slice(start, stop), {"p": stop, "k": keys[stop - 1]}
