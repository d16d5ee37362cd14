"""Items: a summary in lists, everything the article page shows in the detail."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.links import api_url, public_address, site_url
from articles.models import ArticleKind, ArticleStatus, DatePrecision, SourceKind
from articles.templatetags.archive_tags import iso_precise

NULLABLE_URI = {"type": "string", "format": "uri", "nullable": True}


class _WithRequest(serializers.Serializer):
    @property
    def request(self):
        return self.context.get("request")


class SourceRefSerializer(_WithRequest):
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=SourceKind.choices)
    url = serializers.SerializerMethodField(help_text="The source in this API.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, source) -> str | None:
        return api_url(self.request, "source", slug=source.slug)


class KeywordRefSerializer(_WithRequest):
    """A keyword of an item (read from the item's keyword row)."""

    slug = serializers.CharField(source="tag.slug")
    name = serializers.CharField(source="tag.name")
    url = serializers.SerializerMethodField(help_text="The keyword in this API.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, tagged) -> str | None:
        return api_url(self.request, "keyword", slug=tagged.tag.slug)


class PersonRefSerializer(_WithRequest):
    """A person named in an item, with the role the text gives them there."""

    slug = serializers.CharField(source="person.slug")
    name = serializers.CharField(source="person.name")
    role = serializers.CharField(help_text="As written in the item; may be empty.")
    url = serializers.SerializerMethodField(help_text="The person in this API.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, mention) -> str | None:
        return api_url(self.request, "person", slug=mention.person.slug)


class _Dated(_WithRequest):
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField(help_text="This item in the API.")
    web_url = serializers.SerializerMethodField(help_text="The item's page (canonical URL).")
    title = serializers.CharField()
    kicker = serializers.CharField(help_text="The line above the title; may be empty.")
    date = serializers.DateField(
        source="published_on",
        allow_null=True,
        help_text="ISO 8601 day; for items dated to the month or year, its first day.",
    )
    date_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, help_text="How much of `date` the text gives."
    )
    date_iso = serializers.SerializerMethodField(
        help_text="The date at its precision: 2025-12-16, 2025-12 or 2025 (null: undated)."
    )
    kind = serializers.ChoiceField(choices=ArticleKind.choices)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, article) -> str | None:
        return api_url(self.request, "item", pk=article.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, article) -> str | None:
        return site_url(self.request, article)

    def get_date_iso(self, article) -> str | None:
        return iso_precise(article) or None


class RelatedItemSerializer(_Dated):
    """Another item, as the article page lists it."""


class ItemSummarySerializer(_Dated):
    """An item in a list.

    The fields describe it (and the schema); lists build the same dict from rows
    (api/serializers/listing.py), several times faster than REST framework's walk over
    model instances. The schemathesis tests check every answer against the schema, so
    the two cannot drift apart unnoticed.
    """

    date_inferred = serializers.BooleanField(
        help_text="The date is not fully given in the text; it was inferred from it."
    )
    teaser = serializers.CharField()
    source = SourceRefSerializer(allow_null=True)
    keywords = KeywordRefSerializer(source="tagged_items.all", many=True)
    people = PersonRefSerializer(source="mentions.all", many=True)


class LinkSerializer(serializers.Serializer):
    label = serializers.CharField()
    url = serializers.SerializerMethodField(
        help_text="The address if it is http(s); null when the text names none."
    )
    format = serializers.CharField(help_text='e.g. "PDF"; may be empty.')
    size = serializers.CharField(help_text='As written, e.g. "4,4 MB"; may be empty.')

    @extend_schema_field(NULLABLE_URI)
    def get_url(self, link) -> str | None:
        return public_address(link.url)


class DocumentSerializer(serializers.Serializer):
    file_name = serializers.CharField()
    sha256 = serializers.CharField()
    encoding = serializers.CharField()
    parser = serializers.CharField()
    imported_at = serializers.DateTimeField()
    warnings = serializers.ListField(child=serializers.CharField())
    raw_text = serializers.CharField()


class StaffFieldsSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ArticleStatus.choices)
    publish_at = serializers.DateTimeField(allow_null=True)
    created = serializers.DateTimeField()
    updated = serializers.DateTimeField()
    document = DocumentSerializer(
        allow_null=True, help_text="The raw document the item was imported from, if any."
    )


class ItemSerializer(ItemSummarySerializer):
    """The detail: everything the article page shows (staff fields for staff only)."""

    body = serializers.CharField()
    author = serializers.CharField(help_text="Author's initials; may be empty.")
    category = serializers.CharField()
    image_credit = serializers.CharField()
    original_url = serializers.SerializerMethodField(
        help_text="Where the item was first published, if known (http(s) only)."
    )
    links = LinkSerializer(source="links.all", many=True)
    related = RelatedItemSerializer(
        source="related.all", many=True, help_text="Items this item lists as related."
    )
    listed_in = RelatedItemSerializer(
        source="related_from.all", many=True, help_text="Items that list this one as related."
    )
    staff = StaffFieldsSerializer(
        source="*",
        required=False,
        help_text="Only with a staff session or token (permission articles.view_article).",
    )

    @extend_schema_field(NULLABLE_URI)
    def get_original_url(self, article) -> str | None:
        return public_address(article.original_url)


class PublicItemSerializer(ItemSerializer):
    """The detail as anyone may see it: no staff fields at all."""

    staff = None
