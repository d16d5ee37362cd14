"""Year and month archives: Django's date-based views, their dates taken from the counts.

Django's own date list reads every item of the period (DISTINCT over a date truncation) and
the neighbouring periods are found by walking the items; here both come from the count
tables (articles/derived/counts.py), which already know every period that has items.
"""

from __future__ import annotations

import datetime
from collections import Counter

from django.http import Http404
from django.views.generic.dates import MonthArchiveView, YearArchiveView

from articles.derived.rules import UNKNOWN_MONTH, Period
from articles.models import Article
from articles.views.mixins import ArticleListMixin


class PeriodsFromCounts(ArticleListMixin):
    def get_tallied_periods(self) -> Counter[Period]:
        return Counter({p: n for p, n in self.counts.periods().items() if self.covers(p)})

    def covers(self, period: Period) -> bool:
        raise NotImplementedError

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        if not self.periods and not self.get_allow_empty():
            raise Http404("Keine Meldungen in diesem Zeitraum.")
        months = sorted(p for p in self.periods if p[1] != UNKNOWN_MONTH)
        return [datetime.date(year, month, 1) for year, month in months]

    def _listed_periods(self) -> list[Period]:
        return sorted(p for p, n in self.counts.periods().items() if n > 0 and p[0])


class YearArchive(PeriodsFromCounts, YearArchiveView):
    template_name = "articles/archive_year.html"
    make_object_list = True
    # A year between the archive's first and last is a page, empty or not (the chart's
    # table lists it); a year outside is a 404.
    allow_empty = True
    # Items may be dated ahead (events): the timeline lists them, so their periods exist.
    allow_future = True

    def covers(self, period: Period) -> bool:
        return period[0] == int(self.get_year())

    def get_previous_year(self, date):
        years = [year for year, _ in self._listed_periods() if year < date.year]
        return datetime.date(years[-1], 1, 1) if years else None

    def get_next_year(self, date):
        years = [year for year, _ in self._listed_periods() if year > date.year]
        return datetime.date(years[0], 1, 1) if years else None

    def get_dated_items(self):
        years = sorted({year for year, _ in self._listed_periods()})
        if not years or not years[0] <= int(self.get_year()) <= years[-1]:
            raise Http404("Aus diesem Jahr hat das Archiv keine Meldungen.")
        return super().get_dated_items()


class MonthArchive(PeriodsFromCounts, MonthArchiveView):
    template_name = "articles/archive_month.html"
    month_format = "%m"
    allow_empty = False
    allow_future = True

    def get_queryset(self):
        # An item known only to the year is stored as 1 January; it is not a January item.
        return super().get_queryset().exclude(date_precision=Article.DatePrecision.YEAR)

    def covers(self, period: Period) -> bool:
        return period == (int(self.get_year()), int(self.get_month()))

    def _months(self) -> list[Period]:
        return [p for p in self._listed_periods() if p[1] != UNKNOWN_MONTH]

    def get_previous_month(self, date):
        months = [p for p in self._months() if p < (date.year, date.month)]
        return datetime.date(*months[-1], 1) if months else None

    def get_next_month(self, date):
        months = [p for p in self._months() if p > (date.year, date.month)]
        return datetime.date(*months[0], 1) if months else None

    def get_chart(self):
        return None
