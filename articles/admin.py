"""A first admin for every model; the editorial workflow builds on it."""

from __future__ import annotations

from django.contrib import admin

from articles.models import Article, Document, Keyword, Link, Mention, Person, Source


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    autocomplete_fields = ["person"]


class LinkInline(admin.TabularInline):
    model = Link
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published_on", "status", "kind", "source"]
    list_filter = ["status", "kind", "source", "date_precision"]
    search_fields = ["title", "teaser", "body", "search_text"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related"]
    raw_id_fields = ["document"]
    inlines = [MentionInline, LinkInline]
    list_select_related = ["source"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Keyword)
class KeywordAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "homepage"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["file_name", "sha256", "encoding", "parser", "imported_at"]
    list_filter = ["parser", "encoding"]
    search_fields = ["file_name", "sha256", "raw_text"]
    date_hierarchy = "imported_at"
