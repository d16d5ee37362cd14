"""What every list of items shares: the public queryset, paging and the chart."""

from __future__ import annotations

from django.db.models import QuerySet

from articles.cache import TTL, cached, generation, request_parts
from articles.charts import items_per_period, month_known
from articles.models import Article

PAGE_SIZE = 25


def public_items() -> QuerySet[Article]:
    """Listed items; period_month groups them by month, items known only to the year apart."""
    return Article.objects.listed().select_related("source").annotate(period_month=month_known())


class ArticleListMixin:
    """For the stock date-based and list views: public items, newest first, paged."""

    model = Article
    date_field = "published_on"
    paginate_by = PAGE_SIZE
    context_object_name = "articles"
    allow_empty = True
    chart_title = "Meldungen je Zeitraum"

    def get_queryset(self) -> QuerySet[Article]:
        return public_items()

    def get_chart(self):
        return cached(
            "chart",
            request_parts(self.request),
            lambda: items_per_period(self.get_chart_queryset(), self.chart_title),
        )

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = cached("count", request_parts(self.request), queryset.count)
        return paginator

    def get_chart_queryset(self) -> QuerySet[Article]:
        return self.get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chart"] = self.get_chart()
        # The rendered list is cached with the figures: same generation, same URL, same HTML.
        context["fragment_key"] = (generation(), self.request.get_full_path())
        context["fragment_ttl"] = TTL
        return context
