"""One keyword, person or source: its number of items per year and what goes with it."""

from __future__ import annotations

from django.db.models import Count, Exists, F, Max, Min, OuterRef
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema

from api.serializers import catalogue as out
from api.views.base import ReadEndpoint
from api.views.catalogue import ERRORS, SourceEntry, years
from articles.models import Article, Keyword, Mention, Person, Source
from articles.views.mixins import RELATED_LIMIT
from articles.visibility import public_keyword_or_404, public_person_or_404


def public_source(slug: str) -> Source:
    """The source if a public item (teaser-only ones included) has it, else 404."""
    used = Article.objects.published().filter(source=OuterRef("pk"))
    return get_object_or_404(Source.objects.filter(Exists(used)), slug=slug)


def dated_roles(person: Person) -> list[dict]:
    """The roles listed items give a person, each with the first and last date it appears."""
    rows = (
        Mention.objects.filter(person=person, article__in=Article.objects.listed())
        .exclude(role="")
        .values("role")
        .annotate(
            first_date=Min("article__published_on"),
            last_date=Max("article__published_on"),
            count=Count("id"),
        )
        .order_by(F("first_date").asc(nulls_last=True), "role")
    )
    return list(rows)


class KeywordDetailView(ReadEndpoint):
    @extend_schema(
        operation_id="keywords_retrieve",
        description="404 unless a published item has the keyword.",
        summary="One keyword: items per year, keywords and people found with it",
        responses={200: out.KeywordDetailSerializer, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def prepare(self, params: dict, slug: str = "", **kwargs) -> Keyword:
        return public_keyword_or_404(slug)

    def build(self, keyword: Keyword) -> dict:
        periods = self.tallies.periods(keyword=keyword)
        data = {
            "slug": keyword.slug,
            "name": keyword.name,
            "count": sum(periods.values()),
            "years": years(periods),
            "co_keywords": self.tallies.keywords_with(keyword=keyword, limit=RELATED_LIMIT),
            "co_people": self.tallies.people_with(keyword=keyword, limit=RELATED_LIMIT),
        }
        return out.KeywordDetailSerializer(data, context=self.serializer_context).data


class PersonDetailView(ReadEndpoint):
    @extend_schema(
        operation_id="people_retrieve",
        description=(
            "404 unless a published item names the person. `roles` are the roles as the "
            "items write them, each with its first and last date."
        ),
        summary="One person: dated roles, items per year, people and keywords found with them",
        responses={200: out.PersonDetailSerializer, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def prepare(self, params: dict, slug: str = "", **kwargs) -> Person:
        return public_person_or_404(slug)

    def build(self, person: Person) -> dict:
        periods = self.tallies.periods(person=person)
        data = {
            "slug": person.slug,
            "name": person.name,
            "count": sum(periods.values()),
            "years": years(periods),
            "roles": dated_roles(person),
            "co_people": self.tallies.people_with(person=person, limit=RELATED_LIMIT),
            # A keyword that merely repeats the person's name tells nothing (as on the site).
            "co_keywords": self.tallies.keywords_with(
                person=person, limit=RELATED_LIMIT, exclude_name=person.name
            ),
        }
        return out.PersonDetailSerializer(data, context=self.serializer_context).data


class SourceDetailView(ReadEndpoint):
    @extend_schema(
        operation_id="sources_retrieve",
        description="404 unless a published item comes from the source.",
        summary="One source: its kind, homepage and items per year",
        responses={200: out.SourceDetailSerializer, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def prepare(self, params: dict, slug: str = "", **kwargs) -> Source:
        return public_source(slug)

    def build(self, source: Source) -> dict:
        periods = self.tallies.periods(source=source)
        entry = SourceEntry(source.name, source.slug, sum(periods.values()), source.kind,
                            source.homepage)  # fmt: skip
        data = {**entry.__dict__, "years": years(periods)}
        return out.SourceDetailSerializer(data, context=self.serializer_context).data
