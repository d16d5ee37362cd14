"""Timeline filters (keyword, person, source, date range) read from the URL, validated."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Exists, OuterRef, QuerySet

from articles.cache import cached
from articles.models import Article, Keyword, Mention, Person, Source, TaggedArticle
from articles.widgets import IsoDateInput


def public_choices() -> dict[str, list[tuple[str, str]]]:
    """(slug, name) of keywords, people and sources that public items use; cached."""
    public = Article.objects.listed()

    def compute() -> dict[str, list[tuple[str, str]]]:
        used = {
            "stichwort": Keyword.objects.filter(
                Exists(TaggedArticle.objects.filter(tag=OuterRef("pk"), content_object__in=public))
            ),
            "person": Person.objects.filter(
                Exists(Mention.objects.filter(person=OuterRef("pk"), article__in=public))
            ),
            "quelle": Source.objects.filter(Exists(public.filter(source=OuterRef("pk")))),
        }
        return {
            key: list(queryset.order_by("name").values_list("slug", "name"))
            for key, queryset in used.items()
        }

    return cached("timeline-filter-choices", (), compute)


class TimelineFilterForm(forms.Form):
    stichwort = forms.ChoiceField(required=False, label="Stichwort")
    person = forms.ChoiceField(required=False, label="Person")
    quelle = forms.ChoiceField(required=False, label="Quelle")
    von = forms.DateField(required=False, label="Von", widget=IsoDateInput())
    bis = forms.DateField(required=False, label="Bis", widget=IsoDateInput())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only what public items use: a draft's keyword or person must not show up here.
        for key, choices in public_choices().items():
            self.fields[key].choices = [("", "alle"), *choices]
        self.names = {key: dict(choices) for key, choices in public_choices().items()}

    def clean(self):
        data = super().clean()
        if data.get("von") and data.get("bis") and data["von"] > data["bis"]:
            raise forms.ValidationError("Das Startdatum liegt nach dem Enddatum.")
        return data

    def apply(self, queryset: QuerySet) -> QuerySet:
        """The queryset narrowed by every valid filter; invalid ones are ignored (and shown)."""
        data = self.valid_data()
        if data.get("stichwort"):
            queryset = queryset.filter(keywords__slug=data["stichwort"])
        if data.get("person"):
            queryset = queryset.filter(people__slug=data["person"])
        if data.get("quelle"):
            queryset = queryset.filter(source__slug=data["quelle"])
        if data.get("von"):
            queryset = queryset.filter(published_on__gte=data["von"])
        if data.get("bis"):
            queryset = queryset.filter(published_on__lte=data["bis"])
        return queryset

    def active(self) -> bool:
        return self.is_bound

    def choices(self) -> list[str]:
        """What the active filters are, for the page to say what it shows."""
        return [
            f"{self.fields[key].label}: {_shown(self.names.get(key, {}).get(value, value))}"
            for key, value in self.valid_data().items()
            if value
        ]

    def valid_data(self) -> dict:
        """The fields that are valid, even when others are not."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return self.cleaned_data


def _shown(value) -> str:
    return value.strftime("%d.%m.%Y") if isinstance(value, datetime.date) else str(value)
