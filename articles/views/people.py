from __future__ import annotations

from functools import cached_property

from django.db.models import F
from django.views.generic import ListView

from articles.charts import items_per_period
from articles.derived.counts import ListedCounts
from articles.models import Mention
from articles.models.article import list_fields
from articles.models.item_copies import listed_copies_q
from articles.offices import latest_roles, offices, surname_key
from articles.views.addresses import CanonicalQuery
from articles.views.mixins import PAGE_SIZE, RELATED_LIMIT
from articles.views.windows import page_in_window
from articles.visibility import public_keyword_named, public_person_or_404


class PersonIndexView(ListView):
    template_name = "articles/person_index.html"
    context_object_name = "people"

    def get_queryset(self):
        return sorted(ListedCounts().people(), key=lambda usage: surname_key(usage.name))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["roles"] = latest_roles([person.slug for person in context["people"]])
        return context


class PersonView(CanonicalQuery, ListView):
    """Every mention of a person, newest first, with the role held at that time."""

    template_name = "articles/person_detail.html"
    context_object_name = "mentions"
    paginate_by = PAGE_SIZE

    @cached_property
    def counts(self) -> ListedCounts:
        return ListedCounts()

    @cached_property
    def periods(self):
        return self.counts.periods(person=self.person)

    def get_queryset(self):
        self.person = public_person_or_404(self.kwargs["slug"], self.counts)
        # The mentions' copies of their items' dates (articles/models/item_copies.py): a
        # page is one range of mention_person_newest_idx and its 25 items.
        return (
            Mention.objects.filter(listed_copies_q(), person=self.person)
            .select_related("article__source")
            .only("role", "article", *list_fields("article__"))
            # Undated mentions last, as in the timeline (PostgreSQL sorts NULL first otherwise).
            .order_by(F("item_date").desc(nulls_last=True), "-article_id")
        )

    def get_context_data(self, **kwargs):
        person = self.person
        return super().get_context_data(
            person=person,
            chart=items_per_period(self.periods, f"Meldungen mit {person.name}"),
            offices=offices(person),
            same_name_keyword=public_keyword_named(person.name, self.counts),
            co_people=self.counts.people_with(person=person, limit=RELATED_LIMIT),
            # A keyword that merely repeats the person's name tells nothing here.
            co_keywords=self.counts.keywords_with(
                person=person, limit=RELATED_LIMIT, exclude_name=person.name
            ),
            **kwargs,
        )

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        number = self.page_number(paginator.num_pages)
        page = page_in_window(paginator, queryset, number, self.periods, "item_date")
        return paginator, page, page.object_list, page.has_other_pages()

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = sum(self.periods.values())
        return paginator
