"""Timeline filters (keyword, person, source, date range) read from the URL, validated."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Model, QuerySet

from articles.cache import cached
from articles.models import Keyword, Person, Source
from articles.tallies import Tallies
from articles.widgets import IsoDateInput

TALLIED = {
    "stichwort": ("keyword", Keyword),
    "person": ("person", Person),
    "quelle": ("source", Source),
}


def public_choices(tallies: Tallies) -> dict[str, list[tuple[str, str]]]:
    """(slug, name) of the keywords, people and sources that listed items use; cached."""

    def compute() -> dict[str, list[tuple[str, str]]]:
        return {
            "stichwort": [(usage.slug, usage.name) for usage in tallies.keywords()],
            "person": [(usage.slug, usage.name) for usage in tallies.people()],
            "quelle": [(usage.slug, usage.name) for usage in tallies.sources()],
        }

    return cached("timeline-filter-choices", (), compute)


class TimelineFilterForm(forms.Form):
    stichwort = forms.ChoiceField(required=False, label="Stichwort")
    person = forms.ChoiceField(required=False, label="Person")
    quelle = forms.ChoiceField(required=False, label="Quelle")
    von = forms.DateField(required=False, label="Von", widget=IsoDateInput())
    bis = forms.DateField(required=False, label="Bis", widget=IsoDateInput())

    def __init__(self, *args, tallies: Tallies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only what public items use: a draft's keyword or person must not show up here.
        choices = public_choices(tallies)
        for key, options in choices.items():
            self.fields[key].choices = [("", "alle"), *options]
        self.names = {key: dict(options) for key, options in choices.items()}

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

    def tally_scope(self) -> dict[str, Model] | None:
        """The filter as an argument of Tallies.periods(), or None if tallies cannot count it.

        Tallies count per keyword, person or source; a date range or two filters at once
        are counted over the items.
        """
        data = {key: value for key, value in self.valid_data().items() if value}
        if not data:
            return {}
        if len(data) > 1:
            return None
        [(key, slug)] = data.items()
        if key not in TALLIED:
            return None
        scope, model = TALLIED[key]
        value = model.objects.filter(slug=slug).first()
        return {scope: value} if value is not None else None

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
