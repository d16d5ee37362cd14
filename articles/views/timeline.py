from __future__ import annotations

from django.views.generic import ListView

from articles.filters import TimelineFilterForm
from articles.params import PAGING
from articles.views.mixins import ArticleListMixin


class TimelineView(ArticleListMixin, ListView):
    """Home: all public items newest first, grouped by year and month, with filters."""

    template_name = "articles/timeline.html"
    chart_title = "Meldungen je Zeitraum"

    def get_queryset(self):
        self.filters = TimelineFilterForm(self.request.GET or None, counts=self.counts)
        return self.filters.apply(super().get_queryset())

    def get_tallied_periods(self):
        scope = self.filters.tally_scope()
        return None if scope is None else self.counts.periods(**scope)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        for name in PAGING:
            query.pop(name, None)
        return super().get_context_data(
            filters=self.filters,
            filter_labels=self.filters.active_filter_labels(),
            query=query.urlencode(),
            **kwargs,
        )
