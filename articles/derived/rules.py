"""What "listed" and "the period of an item" mean: the one definition for Python and the ORM.

The database has the same rules as SQL functions (sql/tallies.sql: articles_listed(),
articles_tally_period()); tests/derived/test_rules.py holds every expression of them equal.
Nothing here imports the models: they import this.
"""

from __future__ import annotations

import datetime

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import ExtractMonth

PUBLISHED = "published"
TEASER = "teaser"
YEAR_PRECISION = "year"
UNKNOWN_MONTH = 0  # the item's date is known only to the year (stored as 1 January)

Period = tuple[int | None, int]  # (year, or None when undated; month, or UNKNOWN_MONTH)


def listed_q() -> Q:
    """Listed, but the publish time: published and more than a teaser (articles_listed())."""
    return Q(status=PUBLISHED) & ~Q(kind=TEASER)


def is_listed(status: str, kind: str) -> bool:
    """listed_q() for one item's values (articles_listed() in SQL)."""
    return status == PUBLISHED and kind != TEASER


def period_of(published_on: datetime.date | None, precision: str) -> Period:
    """The period an item counts in (articles_tally_period() in sql/tallies.sql)."""
    if published_on is None:
        return (None, UNKNOWN_MONTH)
    if precision == YEAR_PRECISION:
        return (published_on.year, UNKNOWN_MONTH)
    return (published_on.year, published_on.month)


def month_of_period() -> Case:
    """The ORM expression of the period's month (its year is ExtractYear("published_on"))."""
    return Case(
        When(date_precision=YEAR_PRECISION, then=Value(UNKNOWN_MONTH)),
        When(published_on__isnull=True, then=Value(UNKNOWN_MONTH)),
        default=ExtractMonth("published_on"),
        output_field=IntegerField(),
    )
