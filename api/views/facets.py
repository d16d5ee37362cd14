"""Facet counts for a search query, as the results page /suche/ shows them."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError

from api.filters import Selection, select
from api.params import FacetQuery
from api.serializers.pages import FacetResultSerializer
from api.views.base import ReadEndpoint
from api.views.items import ERRORS

# The search's facet names (the site's URL parameters) → the API's.
FACET_NAMES = {"jahr": "year", "stichwort": "keyword", "person": "person", "quelle": "source",
               "art": "kind"}  # fmt: skip


class FacetView(ReadEndpoint):
    query_class = FacetQuery

    @extend_schema(
        operation_id="facets_retrieve",
        description=(
            "The facets of the results page /suche/ for a query and filters: counts per "
            "year, keyword, person, source and kind of the matching items."
        ),
        summary="Facet counts (year, keyword, person, source, kind) for a search query",
        parameters=[FacetQuery],
        responses={200: FacetResultSerializer, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def prepare(self, params: dict, **kwargs) -> Selection:
        selection = select(params, self.tallies)
        if selection.parsed is None:
            raise ValidationError({"q": ["Give a search query."]})
        return selection

    def build(self, selection: Selection) -> dict:
        results = selection.results()
        facets = {name: [] for name in FACET_NAMES.values()}
        for name, values in results.facets.items():
            if name in FACET_NAMES:
                facets[FACET_NAMES[name]] = [
                    {"value": v["value"], "label": v["label"], "count": v["count"]} for v in values
                ]
        return FacetResultSerializer(
            {
                "query": selection.parsed.text,
                "notices": selection.notices,
                "total": results.total.value,
                "total_is_exact": results.total.exact,
                "total_estimate": results.total.estimate,
                "facets": facets,
            }
        ).data
