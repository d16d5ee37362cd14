"""Search results at /suche/?q=… (the search issue replaces this first version)."""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F
from django.views.generic import ListView

from articles.models import Article

MAX_QUERY_LENGTH = 500


class SearchView(ListView):
    template_name = "articles/search.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.query = self.request.GET.get("q", "").replace("\x00", "")[:MAX_QUERY_LENGTH].strip()
        if not self.query:
            return Article.objects.none()
        query = SearchQuery(self.query, search_type="websearch", config="german")
        return (
            Article.objects.listed()
            .filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-published_on")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)
