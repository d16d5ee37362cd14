"""/api/v1/: where everything is."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers

from api.serializers.links import api_url
from api.views.base import ReadEndpoint
from api.views.items import ERRORS

ENDPOINTS = ["items", "keywords", "people", "sources", "facets", "schema", "docs"]


class RootView(ReadEndpoint):
    @extend_schema(
        operation_id="root",
        description="Links to every endpoint, the schema and the docs page.",
        summary="The addresses of the endpoints",
        responses={
            200: inline_serializer("Root", {name: serializers.URLField() for name in ENDPOINTS}),
            **ERRORS,
        },
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, state) -> dict:
        return {name: api_url(self.request, name) for name in ENDPOINTS}
