"""The envelopes of list answers: one page of results and the address of the next one."""

from __future__ import annotations

from rest_framework import serializers

from api.serializers.catalogue import (
    FacetsSerializer,
    KeywordSerializer,
    PersonListEntrySerializer,
    SourceSerializer,
)
from api.serializers.items import ItemSummarySerializer

NEXT_HELP = "The next page (same parameters, a new cursor); null on the last page."


class _Page(serializers.Serializer):
    total = serializers.IntegerField(help_text="How many entries the parameters select.")
    next = serializers.URLField(allow_null=True, help_text=NEXT_HELP)


class _SearchTotal(serializers.Serializer):
    total = serializers.IntegerField(
        help_text="How many items the parameters select; a lower bound if total_is_exact is false."
    )
    total_is_exact = serializers.BooleanField(
        help_text="False when a search has more matches than it counts exactly (see the README)."
    )
    total_estimate = serializers.IntegerField(
        allow_null=True, help_text="The database's estimate when the total is not exact."
    )
    notices = serializers.ListField(
        child=serializers.CharField(),
        help_text="What the search changed in the query (cut, terms dropped), as the site says it.",
    )


class ItemPageSerializer(_SearchTotal):
    sort = serializers.ChoiceField(
        choices=["relevance", "newest", "oldest"], help_text="The order of this list."
    )
    next = serializers.URLField(allow_null=True, help_text=NEXT_HELP)
    results = ItemSummarySerializer(many=True)


class KeywordPageSerializer(_Page):
    results = KeywordSerializer(many=True)


class PersonPageSerializer(_Page):
    results = PersonListEntrySerializer(many=True)


class SourcePageSerializer(_Page):
    results = SourceSerializer(many=True)


class FacetResultSerializer(_SearchTotal):
    query = serializers.CharField(help_text="The query as the search read it (cleaned, cut).")
    facets = FacetsSerializer(help_text="Counts per value, as on the results page.")
