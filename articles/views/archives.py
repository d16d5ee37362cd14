"""Year and month archives: Django's date-based generic views with the shared mixin."""

from __future__ import annotations

from collections import Counter

from django.views.generic.dates import MonthArchiveView, YearArchiveView

from articles.derived.rules import Period
from articles.models import Article
from articles.views.mixins import ArticleListMixin


class YearArchive(ArticleListMixin, YearArchiveView):
    template_name = "articles/archive_year.html"
    make_object_list = True
    allow_empty = False
    # Items may be dated ahead (events): the timeline lists them, so their periods exist.
    allow_future = True

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
