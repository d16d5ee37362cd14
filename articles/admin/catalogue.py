"""People, keywords, sources and documents: what articles refer to."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.postgres.forms import SimpleArrayField
from reversion.admin import VersionAdmin

from articles.models import Document, Keyword, Person, Source


class SuperuserDeletes:
    """Deleting a person, keyword or source strips it from every item: superusers only."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


@admin.register(Person)
class PersonAdmin(SuperuserDeletes, VersionAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Keyword)
class KeywordAdmin(SuperuserDeletes, VersionAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "introduction", "pinned"]
    autocomplete_fields = ["pinned"]


class SourceForm(forms.ModelForm):
    aliases = SimpleArrayField(
        forms.CharField(max_length=200),
        delimiter="\n",
        required=False,
        label="Andere Namen",
        help_text="Eine Schreibweise je Zeile, z. B. der volle Name des Ministeriums. Beim "
        "Einlesen wird die Quelle auch unter diesen Namen erkannt.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Source
        fields = ["name", "slug", "aliases", "kind", "homepage"]

    def clean_aliases(self) -> list[str]:
        return [alias.strip() for alias in self.cleaned_data["aliases"] if alias.strip()]


@admin.register(Source)
class SourceAdmin(SuperuserDeletes, VersionAdmin):
    form = SourceForm
    list_display = ["name", "kind", "homepage"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Document)
class DocumentAdmin(SuperuserDeletes, admin.ModelAdmin):
    list_display = ["file_name", "encoding", "parser", "imported_at", "warning_count"]
    list_filter = ["parser", "encoding"]
    search_fields = ["file_name", "sha256"]
    date_hierarchy = "imported_at"
    readonly_fields = [
        "file_name",
        "sha256",
        "encoding",
        "parser",
        "warnings",
        "imported_at",
        "raw_text",
    ]

    @admin.display(description="Warnungen")
    def warning_count(self, document: Document) -> int:
        return len(document.warnings or [])

    def has_add_permission(self, request) -> bool:
        return False  # documents come from imports only
