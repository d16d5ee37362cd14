"""Keywords, people and sources: lists with counts and one entry with its figures.

Counts come from the tallies (articles/derived/counts.py), as on the site's index pages; what may be
shown is what the site shows (articles/visibility.py): a keyword, person or source that
only unpublished items have does not exist here (404).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from drf_spectacular.utils import extend_schema
from rest_framework.serializers import Serializer

from api import pagination
from api.errors import ErrorSerializer
from api.params import CATALOGUE_PAGE_SIZE, CatalogueQuery
from api.serializers import catalogue as out
from api.serializers import pages
from api.views.base import ReadEndpoint
from articles.cache import cached
from articles.derived.counts import Usage
from articles.models import Source
from articles.offices import latest_roles

ERRORS = {400: ErrorSerializer, 401: ErrorSerializer, 404: ErrorSerializer, 429: ErrorSerializer}


@dataclass(frozen=True)
class SourceEntry:
    name: str
    slug: str
    count: int
    kind: str
    homepage: str


def years(periods: Counter) -> list[dict]:
    """Items per year, newest first, undated last."""
    per_year: Counter = Counter()
    for (year, _month), count in periods.items():
        per_year[year] += count
    ordered = sorted((y for y in per_year if y is not None), reverse=True)
    rows = [{"year": y, "count": per_year[y]} for y in ordered]
    if per_year.get(None):
        rows.append({"year": None, "count": per_year[None]})
    return rows


class CatalogueList(ReadEndpoint):
    """A catalogue sorted by name or count, paged by cursor."""

    query_class = CatalogueQuery
    endpoint = ""
    serializer_class: type[Serializer]

    def entries(self) -> list:
        raise NotImplementedError

    def prepare(self, params: dict, **kwargs) -> dict:
        sort = params.get("sort", "name")
        after = None
        if "cursor" in params:
            after = pagination.decode(params["cursor"], sort=sort, selection=self.endpoint)
        return {"sort": sort, "after": after, "size": params.get("page_size", CATALOGUE_PAGE_SIZE)}

    def build(self, state: dict) -> dict:
        entries = cached(f"api-{self.endpoint}s", len(self.tallies.scheduled), self.entries)
        if state["sort"] == "count":
            entries = sorted(entries, key=lambda entry: (-entry.count, entry.name))
        window, position = pagination.list_page(
            [entry.slug for entry in entries], after=state["after"], size=state["size"]
        )
        return {
            "total": len(entries),
            "next": self._next_url(state["sort"], position),
            "results": self.serializer_class(
                self.complete(entries[window]), many=True, context=self.serializer_context
            ).data,
        }

    def complete(self, entries: list) -> list:
        return entries

    def _next_url(self, sort: str, position: dict | None) -> str | None:
        if position is None:
            return None
        token = pagination.encode({"s": sort, "h": self.endpoint, **position})
        query = self.request.query_params.copy()
        query["cursor"] = token
        return self.request.build_absolute_uri(f"{self.request.path}?{query.urlencode()}")


class KeywordListView(CatalogueList):
    endpoint = "keyword"
    serializer_class = out.KeywordSerializer

    @extend_schema(
        operation_id="keywords_list",
        description="Keywords that listed items have; counts from the archive's tallies.",
        summary="Keywords of listed items with their number of items",
        parameters=[CatalogueQuery],
        responses={200: pages.KeywordPageSerializer, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def entries(self) -> list[Usage]:
        return self.tallies.keywords()


class PersonListView(CatalogueList):
    endpoint = "person"
    serializer_class = out.PersonListEntrySerializer

    @extend_schema(
        operation_id="people_list",
        description="People that listed items name; counts from the archive's tallies.",
        summary="People named in listed items with their number of items",
        parameters=[CatalogueQuery],
        responses={200: pages.PersonPageSerializer, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def entries(self) -> list[Usage]:
        return self.tallies.people()

    def complete(self, entries: list[Usage]) -> list[dict]:
        roles = latest_roles([entry.slug for entry in entries])
        return [{**entry.__dict__, "latest_role": roles.get(entry.slug)} for entry in entries]


class SourceListView(CatalogueList):
    endpoint = "source"
    serializer_class = out.SourceSerializer

    @extend_schema(
        operation_id="sources_list",
        description="Sources of listed items; counts from the archive's tallies.",
        summary="Sources of listed items with their number of items",
        parameters=[CatalogueQuery],
        responses={200: pages.SourcePageSerializer, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def entries(self) -> list[Usage]:
        return self.tallies.sources()

    def complete(self, entries: list[Usage]) -> list[SourceEntry]:
        slugs = [entry.slug for entry in entries]
        details = {
            slug: (kind, homepage)
            for slug, kind, homepage in Source.objects.filter(slug__in=slugs).values_list(
                "slug", "kind", "homepage"
            )
        }
        return [
            SourceEntry(entry.name, entry.slug, entry.count, *details[entry.slug])
            for entry in entries
            if entry.slug in details
        ]
