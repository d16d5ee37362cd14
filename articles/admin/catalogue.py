"""People, keywords, sources and documents: what articles refer to."""

from __future__ import annotations

from django.contrib import admin
from reversion.admin import VersionAdmin

from articles.admin.safe_search import CleanSearchMixin
from articles.models import Document, Keyword, Person, Source


@admin.register(Person)
class PersonAdmin(CleanSearchMixin, VersionAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Keyword)
class KeywordAdmin(CleanSearchMixin, VersionAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(CleanSearchMixin, VersionAdmin):
    list_display = ["name", "kind", "homepage"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Document)
class DocumentAdmin(CleanSearchMixin, admin.ModelAdmin):
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
