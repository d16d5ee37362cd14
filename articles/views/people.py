from __future__ import annotations

from django.db.models import F
from django.views.generic import ListView

from articles.cache import cached, request_parts
from articles.charts import items_per_period
from articles.models import Article, Mention
from articles.views.mixins import PAGE_SIZE
from articles.views.usage import co_keywords, co_people, person_index, public_person


class PersonIndexView(ListView):
    template_name = "articles/person_index.html"
    context_object_name = "people"

    def get_queryset(self):
        return person_index()


class PersonView(ListView):
    """Every mention of a person, newest first, with the role held at that time."""

    template_name = "articles/person_detail.html"
    context_object_name = "mentions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.person = public_person(self.kwargs["slug"])
        return (
            Mention.objects.filter(person=self.person, article__in=Article.objects.listed())
            .select_related("article", "article__source")
            # Undated mentions last, as in the timeline (PostgreSQL sorts NULL first otherwise).
            .order_by(F("article__published_on").desc(nulls_last=True), "-article__id")
        )

    def get_context_data(self, **kwargs):
        items = Article.objects.listed().filter(people=self.person)
        ids = items.values("id")
        parts = request_parts(self.request)
        title = f"Meldungen mit {self.person.name}"
        return super().get_context_data(
            person=self.person,
            chart=cached("chart", parts, lambda: items_per_period(items, title)),
            co_people=cached("co-people", parts, lambda: co_people(ids, self.person)),
            co_keywords=cached(
                "co-keywords", parts, lambda: co_keywords(ids, exclude_name=self.person.name)
            ),
            **kwargs,
        )

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = cached("count", request_parts(self.request), queryset.count)
        return paginator
