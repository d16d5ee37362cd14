"""Synonym groups: editors decide which abbreviations and spellings a search treats as one."""

from __future__ import annotations

from django.contrib import admin

from articles.models import SynonymGroup


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]
    fields = ["terms", "note"]
