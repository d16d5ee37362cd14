"""Timeline filters (keyword, person, source, date range) read from the URL, validated."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet

from articles.models import Keyword, Person, Source


def _choice(queryset, label: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=queryset, to_field_name="slug", required=False, label=label, empty_label="alle"
    )


class TimelineFilterForm(forms.Form):
    stichwort = _choice(
        Keyword.objects.filter(tagged_articles__isnull=False).distinct(), "Stichwort"
    )
    person = _choice(Person.objects.filter(mentions__isnull=False).distinct(), "Person")
    quelle = _choice(Source.objects.all(), "Quelle")
    von = forms.DateField(
        required=False, label="Von", widget=forms.DateInput(attrs={"type": "date"})
    )
    bis = forms.DateField(
        required=False, label="Bis", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("von") and data.get("bis") and data["von"] > data["bis"]:
            raise forms.ValidationError("Das Startdatum liegt nach dem Enddatum.")
        return data

    def apply(self, queryset: QuerySet) -> QuerySet:
        """The queryset narrowed by every valid filter; invalid ones are ignored (and shown)."""
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("stichwort"):
            queryset = queryset.filter(keywords=data["stichwort"])
        if data.get("person"):
            queryset = queryset.filter(people=data["person"])
        if data.get("quelle"):
            queryset = queryset.filter(source=data["quelle"])
        if data.get("von"):
            queryset = queryset.filter(published_on__gte=data["von"])
        if data.get("bis"):
            queryset = queryset.filter(published_on__lte=data["bis"])
        return queryset

    def active(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    def choices(self) -> list[str]:
        """What the active filters are, for the page to say what it shows."""
        if not self.is_valid():
            return []
        return [
            f"{self.fields[key].label}: {value}"
            for key, value in self.cleaned_data.items()
            if value
        ]
