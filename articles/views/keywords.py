from __future__ import annotations

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from articles.cache import cached, request_parts
from articles.models import Article, Keyword, Mention, TaggedArticle
from articles.views.mixins import ArticleListMixin

RELATED_LIMIT = 12


class KeywordIndexView(ListView):
    template_name = "articles/keyword_index.html"
    context_object_name = "keywords"

    def get_queryset(self):
        return cached(
            "keyword-index",
            (),
            lambda: list(
                TaggedArticle.objects.filter(content_object__in=Article.objects.listed())
                .values("tag__name", "tag__slug")
                .annotate(count=Count("id"))
                .order_by("tag__name")
            ),
        )


class KeywordView(ArticleListMixin, ListView):
    template_name = "articles/keyword_detail.html"

    def get_queryset(self):
        self.keyword = get_object_or_404(Keyword, slug=self.kwargs["slug"])
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


def co_keywords(items, exclude_keyword=None) -> list[dict]:
    """Keywords of these items with how often they occur, most frequent first."""
    rows = TaggedArticle.objects.filter(content_object__in=items)
    if exclude_keyword is not None:
        rows = rows.exclude(tag=exclude_keyword)
    return list(
        rows.values("tag__name", "tag__slug")
        .annotate(count=Count("id"))
        .order_by("-count", "tag__name")[:RELATED_LIMIT]
    )


def co_people(items, exclude_person=None) -> list[dict]:
    rows = Mention.objects.filter(article__in=items)
    if exclude_person is not None:
        rows = rows.exclude(person=exclude_person)
    return list(
        rows.values("person__name", "person__slug")
        .annotate(count=Count("id"))
        .order_by("-count", "person__name")[:RELATED_LIMIT]
    )
