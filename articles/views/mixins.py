"""What every list of items shares: the public queryset, paging and the chart."""

from __future__ import annotations

from collections import Counter
from functools import cached_property

from django.db.models import QuerySet

from articles.cache import cached, request_parts
from articles.charts import items_per_period, month_known, period_counts
from articles.models import Article
from articles.tallies import Period, Tallies

PAGE_SIZE = 25


def public_items() -> QuerySet[Article]:
    """Listed items; period_month groups them by month, items known only to the year apart."""
    return Article.objects.listed().select_related("source").annotate(period_month=month_known())


class ArticleListMixin:
    """For the stock date-based and list views: public items, newest first, paged.

    The chart and the total come from the tallies (articles/tallies.py); a list the tallies
    do not cover returns None from get_tallied_periods() and is counted over its items.
    """

    model = Article
    date_field = "published_on"
    paginate_by = PAGE_SIZE
    context_object_name = "articles"
    allow_empty = True
    chart_title = "Meldungen je Zeitraum"

    def get_queryset(self) -> QuerySet[Article]:
        return public_items()

    @cached_property
    def tallies(self) -> Tallies:
        return Tallies()

    def get_tallied_periods(self) -> Counter[Period] | None:
        return self.tallies.periods()

    @cached_property
    def periods(self) -> Counter[Period]:
        """This list's items per period."""
        counts = self.get_tallied_periods()
        if counts is None:
            counts = cached(
                "periods",
                request_parts(self.request),
                lambda: period_counts(self.object_list),
            )
        return counts

    def get_chart(self):
        return items_per_period(self.periods, self.chart_title)

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = sum(self.periods.values())
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chart"] = self.get_chart()
        # The rendered list is cached per archive generation ({% cached_fragment %}).
        context["fragment_key"] = self.request.get_full_path()
        return context
