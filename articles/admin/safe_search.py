"""Search terms the database can take: PostgreSQL text never holds a NUL character.

The changelist's search box validates its input, but the autocomplete behind every
select box passes `term` straight to get_search_results(); a NUL there was a 500.
"""

from __future__ import annotations

from django.contrib import admin


def clean_term(term: str) -> str:
    return term.replace("\x00", " ")


class CleanSearchMixin(admin.ModelAdmin):
    def get_search_results(self, request, queryset, search_term: str):
        return super().get_search_results(request, queryset, clean_term(search_term))
