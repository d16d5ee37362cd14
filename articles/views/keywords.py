from __future__ import annotations

from django.views.generic import ListView

from articles.cache import cached, request_parts
from articles.models import Article
from articles.views.mixins import ArticleListMixin
from articles.views.usage import co_keywords, co_people, keyword_index, public_keyword


class KeywordIndexView(ListView):
    template_name = "articles/keyword_index.html"
    context_object_name = "keywords"

    def get_queryset(self):
        return keyword_index()


class KeywordView(ArticleListMixin, ListView):
    template_name = "articles/keyword_detail.html"

    def get_queryset(self):
        self.keyword = public_keyword(self.kwargs["slug"])
        self.chart_title = f"Meldungen zum Stichwort {self.keyword.name}"
        return super().get_queryset().filter(keywords=self.keyword)

    def get_context_data(self, **kwargs):
        items = Article.objects.listed().filter(keywords=self.keyword).values("id")
        parts = request_parts(self.request, ignore=("page",))
        return super().get_context_data(
            keyword=self.keyword,
            co_keywords=cached("co-keywords", parts, lambda: co_keywords(items, self.keyword)),
            co_people=cached("co-people", parts, lambda: co_people(items)),
            **kwargs,
        )
