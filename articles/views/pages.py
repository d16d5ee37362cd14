"""First public pages: the timeline and the article page (the reader issue extends them)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from articles.models import Article, Keyword, Person


class TimelineView(ListView):
    template_name = "articles/timeline.html"
    context_object_name = "articles"
    paginate_by = 30

    def get_queryset(self):
        return Article.objects.listed().select_related("source")


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None) -> Article:
        return get_object_or_404(
            Article.objects.published().select_related("source", "document"),
            slug=self.kwargs["slug"],
            published_on__year=self.kwargs["year"],
            published_on__month=self.kwargs["month"],
            published_on__day=self.kwargs["day"],
        )


class UndatedArticleDetailView(ArticleDetailView):
    def get_object(self, queryset=None) -> Article:
        return get_object_or_404(
            Article.objects.published().select_related("source", "document"),
            slug=self.kwargs["slug"],
            published_on__isnull=True,
        )


class KeywordView(ListView):
    template_name = "articles/keyword_detail.html"
    context_object_name = "articles"
    paginate_by = 30

    def get_queryset(self):
        self.keyword = get_object_or_404(Keyword, slug=self.kwargs["slug"])
        return Article.objects.listed().filter(keywords=self.keyword).select_related("source")

    def get_context_data(self, **kwargs):
        return super().get_context_data(keyword=self.keyword, **kwargs)


class PersonView(ListView):
    template_name = "articles/person_detail.html"
    context_object_name = "articles"
    paginate_by = 30

    def get_queryset(self):
        self.person = get_object_or_404(Person, slug=self.kwargs["slug"])
        return Article.objects.listed().filter(people=self.person).select_related("source")

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)
