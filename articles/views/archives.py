"""Year and month archives: Django's date-based generic views with the shared mixin."""

from __future__ import annotations

import datetime
from collections import Counter

from django.http import Http404
from django.views.generic.dates import MonthArchiveView, YearArchiveView

from articles.models import Article
from articles.tallies import Period
from articles.views.mixins import ArticleListMixin


class YearArchive(ArticleListMixin, YearArchiveView):
    template_name = "articles/archive_year.html"
    make_object_list = True
    # A year between the archive's first and last is a page, empty or not (the chart's
    # table lists it); a year outside is a 404.
    allow_empty = True
    # Items may be dated ahead (events): the timeline lists them, so their periods exist.
    allow_future = True

    def _years_with_items(self) -> list[int]:
        return sorted({year for year, _ in self.tallies.periods() if year is not None})

    def get_dated_items(self):
        years = self._years_with_items()
        if not years or not years[0] <= int(self.get_year()) <= years[-1]:
            raise Http404("Aus diesem Jahr hat das Archiv keine Meldungen.")
        return super().get_dated_items()

    # The neighbours are the nearest years with items (allow_empty would name any year).
    def get_previous_year(self, date):
        earlier = [year for year in self._years_with_items() if year < date.year]
        return datetime.date(earlier[-1], 1, 1) if earlier else None

    def get_next_year(self, date):
        later = [year for year in self._years_with_items() if year > date.year]
        return datetime.date(later[0], 1, 1) if later else None

    def get_tallied_periods(self) -> Counter[Period]:
        year = int(self.get_year())
        return Counter({p: n for p, n in self.tallies.periods().items() if p[0] == year})


class MonthArchive(ArticleListMixin, MonthArchiveView):
    template_name = "articles/archive_month.html"
    month_format = "%m"
    allow_empty = False
    allow_future = True

    def get_queryset(self):
        # An item known only to the year is stored as 1 January; it is not a January item.
        return super().get_queryset().exclude(date_precision=Article.DatePrecision.YEAR)

    def get_tallied_periods(self) -> Counter[Period]:
        period = (int(self.get_year()), int(self.get_month()))
        return Counter({period: self.tallies.periods()[period]})

    def get_chart(self):
        return None
