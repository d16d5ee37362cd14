"""Keywords, people and sources with the number of listed items that have them."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.links import api_url, items_url, site_url
from articles.models import Keyword, Person, SourceKind

COUNT_HELP = "Listed items (published, not teaser-only) that have it."


def _slug(entry) -> str:
    return entry["slug"] if isinstance(entry, dict) else entry.slug


class _Entry(serializers.Serializer):
    """slug, name, count and addresses; `endpoint` names the API resource and items filter."""

    endpoint = ""
    model = None
    slug = serializers.CharField()
    name = serializers.CharField()
    count = serializers.IntegerField(help_text=COUNT_HELP)
    url = serializers.SerializerMethodField(help_text="This entry in the API.")
    items_url = serializers.SerializerMethodField(help_text="Its items in the API, newest first.")

    @property
    def request(self):
        return self.context.get("request")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, entry) -> str | None:
        return api_url(self.request, self.endpoint, slug=_slug(entry))

    @extend_schema_field(OpenApiTypes.URI)
    def get_items_url(self, entry) -> str | None:
        return items_url(self.request, **{self.endpoint: _slug(entry), "sort": "newest"})


class _WithPage(_Entry):
    web_url = serializers.SerializerMethodField(help_text="Its page on the site.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, entry) -> str | None:
        return site_url(self.request, self.model(slug=_slug(entry)))


class KeywordSerializer(_WithPage):
    endpoint = "keyword"
    model = Keyword


class PersonSerializer(_WithPage):
    endpoint = "person"
    model = Person


class PersonListEntrySerializer(PersonSerializer):
    latest_role = serializers.CharField(
        allow_null=True, help_text="The role in the newest listed item that gives one."
    )


class SourceSerializer(_Entry):
    endpoint = "source"
    kind = serializers.ChoiceField(choices=SourceKind.choices)
    homepage = serializers.CharField(help_text="The source's website; may be empty.")


class YearCountSerializer(serializers.Serializer):
    year = serializers.IntegerField(allow_null=True, help_text="null: undated items.")
    count = serializers.IntegerField()


class RoleSerializer(serializers.Serializer):
    role = serializers.CharField(help_text="As the items write it.")
    first_date = serializers.DateField(allow_null=True, help_text="Earliest dated item.")
    last_date = serializers.DateField(allow_null=True, help_text="Latest dated item.")
    count = serializers.IntegerField(help_text="Listed items naming the person so.")


class _Related(serializers.Serializer):
    co_keywords = KeywordSerializer(many=True, help_text="Keywords most often found with it.")
    co_people = PersonSerializer(many=True, help_text="People most often named with it.")


class KeywordDetailSerializer(KeywordSerializer, _Related):
    years = YearCountSerializer(many=True)


class PersonDetailSerializer(PersonSerializer, _Related):
    years = YearCountSerializer(many=True)
    roles = RoleSerializer(
        many=True, help_text="The roles the items give the person, with the dates they span."
    )


class SourceDetailSerializer(SourceSerializer):
    years = YearCountSerializer(many=True)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="The filter value (slug, year or kind).")
    label = serializers.CharField(help_text="As the site shows it (German).")
    count = serializers.IntegerField()


class FacetsSerializer(serializers.Serializer):
    year = FacetValueSerializer(many=True)
    keyword = FacetValueSerializer(many=True)
    person = FacetValueSerializer(many=True)
    source = FacetValueSerializer(many=True)
    kind = FacetValueSerializer(many=True)
