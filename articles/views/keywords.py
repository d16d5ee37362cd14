from __future__ import annotations

from django.views.generic import ListView

from articles.models import Article
from articles.tallies import Tallies
from articles.views.mixins import ArticleListMixin
from articles.views.usage import RELATED_LIMIT, public_keyword, public_person_named

PINNED_LIMIT = 5


class KeywordIndexView(ListView):
    template_name = "articles/keyword_index.html"
    context_object_name = "keywords"

    def get_queryset(self):
        return Tallies().keywords()


class KeywordView(ArticleListMixin, ListView):
    template_name = "articles/keyword_detail.html"

    def get_queryset(self):
        self.keyword = public_keyword(self.kwargs["slug"])
        self.chart_title = f"Meldungen zum Stichwort {self.keyword.name}"
        return super().get_queryset().filter(keywords=self.keyword)

    def get_tallied_periods(self):
        return self.tallies.periods(keyword=self.keyword)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            keyword=self.keyword,
            co_keywords=self.tallies.keywords_with(keyword=self.keyword, limit=RELATED_LIMIT),
            co_people=self.tallies.people_with(keyword=self.keyword, limit=RELATED_LIMIT),
            same_name_person=public_person_named(self.keyword.name),
            pinned=list(
                self.keyword.pinned.filter(pk__in=Article.objects.listed().values("pk"))
                .select_related("source")
                .order_by("-published_on")[:PINNED_LIMIT]
            ),
            **kwargs,
        )
