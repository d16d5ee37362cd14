from __future__ import annotations

from django.views.generic import ListView

from articles.derived.counts import ListedCounts
from articles.models import Article
from articles.views.mixins import RELATED_LIMIT, ArticleListMixin
from articles.visibility import public_keyword_or_404, public_person_named

PINNED_LIMIT = 5


class KeywordIndexView(ListView):
    template_name = "articles/keyword_index.html"
    context_object_name = "keywords"

    def get_queryset(self):
        return ListedCounts().keywords()


class KeywordView(ArticleListMixin, ListView):
    template_name = "articles/keyword_detail.html"

    def get_queryset(self):
        self.keyword = public_keyword_or_404(self.kwargs["slug"], self.counts)
        self.chart_title = f"Meldungen zum Stichwort {self.keyword.name}"
        return super().get_queryset().filter(keywords=self.keyword)

    def get_tallied_periods(self):
        return self.counts.periods(keyword=self.keyword)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            keyword=self.keyword,
            co_keywords=self.counts.keywords_with(keyword=self.keyword, limit=RELATED_LIMIT),
            co_people=self.counts.people_with(keyword=self.keyword, limit=RELATED_LIMIT),
            same_name_person=public_person_named(self.keyword.name, self.counts),
            pinned=list(
                self.keyword.pinned.filter(pk__in=Article.objects.listed().values("pk"))
                .as_list_entries()
                .order_by("-published_on")[:PINNED_LIMIT]
            ),
            **kwargs,
        )
