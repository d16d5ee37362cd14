"""What every list of items shares: the public queryset, paging and the chart."""

from __future__ import annotations

from collections import Counter
from functools import cached_property

from django.db.models import QuerySet
from django.http import Http404

from articles.cache import cached, request_parts
from articles.charts import items_per_period, period_counts
from articles.derived.counts import ListedCounts
from articles.derived.rules import Period, month_of_period
from articles.models import Article
from articles.params import NEWER, OLDER, PAGING
from articles.views.addresses import CanonicalQuery
from articles.views.paging import MAX_NUMBERED, Position, page_by_position
from articles.views.windows import page_in_window

PAGE_SIZE = 25
RELATED_LIMIT = 12  # co-occurring keywords and people on a keyword or person page


def public_items() -> QuerySet[Article]:
    """Listed items; period_month groups them by month, items known only to the year apart."""
    return Article.objects.listed().as_list_entries().annotate(period_month=month_of_period())


class ArticleListMixin(CanonicalQuery):
    """For the stock date-based and list views: public items, newest first, paged.

    The chart and the total come from the tallies (articles/derived/counts.py); a list the tallies
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
    def counts(self) -> ListedCounts:
        return ListedCounts()

    def get_tallied_periods(self) -> Counter[Period] | None:
        return self.counts.periods()

    @cached_property
    def periods(self) -> Counter[Period]:
        """This list's items per period."""
        counts = self.get_tallied_periods()
        if counts is None:
            counts = cached(
                "periods",
                request_parts(self.request, ignore=PAGING),
                lambda: period_counts(self.object_list),
            )
        return counts

    def get_chart(self):
        return items_per_period(self.periods, self.chart_title)

    def paginate_queryset(self, queryset, page_size):
        """Numbered pages up to MAX_NUMBERED, then pages found by position (views/paging.py)."""
        paginator = self.get_paginator(
            queryset, page_size, allow_empty_first_page=self.get_allow_empty()
        )
        older, newer = self.request.GET.get(OLDER, ""), self.request.GET.get(NEWER, "")
        if older or newer:
            page = page_by_position(queryset, older, newer, page_size)
            if page is None or not page.object_list:
                raise Http404("Keine Meldungen an dieser Stelle.")
            return (paginator, page, page.object_list, True)
        # Past the numbered pages the list goes on by position: the last numbered page links it.
        number = self.page_number(min(paginator.num_pages, MAX_NUMBERED))
        page = self.numbered_page(paginator, queryset, number)
        page.older = page.newer = ""
        if page.number == MAX_NUMBERED and page.has_next():
            page.older = str(Position.of(list(page.object_list)[-1]))
        return paginator, page, page.object_list, page.has_other_pages()

    def numbered_page(self, paginator, queryset: QuerySet[Article], number: int):
        """Page `number` of the list, read from the months that hold it."""
        return page_in_window(paginator, queryset, number, self.periods, self.date_field)

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
