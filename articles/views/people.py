from __future__ import annotations

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from articles.charts import items_per_period
from articles.models import Article, Mention, Person
from articles.views.keywords import co_keywords, co_people
from articles.views.mixins import PAGE_SIZE


class PersonIndexView(ListView):
    template_name = "articles/person_index.html"
    context_object_name = "people"

    def get_queryset(self):
        return (
            Mention.objects.filter(article__in=Article.objects.listed())
            .values("person__name", "person__slug")
            .annotate(count=Count("id"))
            .order_by("person__name")
        )


class PersonView(ListView):
    """Every mention of a person, newest first, with the role held at that time."""

    template_name = "articles/person_detail.html"
    context_object_name = "mentions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.person = get_object_or_404(Person, slug=self.kwargs["slug"])
        return (
            Mention.objects.filter(person=self.person, article__in=Article.objects.listed())
            .select_related("article", "article__source")
            .order_by("-article__published_on", "-article__id")
        )

    def get_context_data(self, **kwargs):
        items = Article.objects.listed().filter(people=self.person)
        ids = items.values("id")
        return super().get_context_data(
            person=self.person,
            chart=items_per_period(items, f"Meldungen mit {self.person.name}"),
            co_people=co_people(ids, exclude_person=self.person),
            co_keywords=co_keywords(ids),
            **kwargs,
        )
