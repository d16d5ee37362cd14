"""The query parameters of each endpoint, validated by REST framework serializers.

Unknown parameters, parameters given twice and empty values are refused (a typo such as
`keywords=` would otherwise return everything). The same serializers describe the
parameters in the OpenAPI schema.
"""

from __future__ import annotations

from django.http import QueryDict
from rest_framework import serializers

from articles.models import ArticleKind

ITEM_SORTS = ["relevance", "newest", "oldest"]
CATALOGUE_SORTS = ["name", "count"]
LISTED_KINDS = [kind for kind in ArticleKind.values if kind != ArticleKind.TEASER]
MAX_QUERY_LENGTH = 1000
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
CATALOGUE_PAGE_SIZE = 100
MAX_CATALOGUE_PAGE_SIZE = 1000


class StrictQuery(serializers.Serializer):
    """Query parameters: only known names, each at most once."""

    @classmethod
    def read(cls, params: QueryDict) -> dict:
        fields = cls().fields
        errors: dict[str, list[str]] = {}
        for name in params:
            if name not in fields:
                allowed = ", ".join(fields)
                errors[name] = [f"Unknown parameter. This endpoint takes: {allowed}."]
            elif len(params.getlist(name)) > 1:
                errors[name] = ["Give this parameter once."]
        if errors:
            raise serializers.ValidationError(errors)
        serializer = cls(data=params.dict())
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


def _slug(what: str) -> serializers.SlugField:
    return serializers.SlugField(
        required=False,
        max_length=200,
        help_text=f"Only items with this {what} (its slug, as in the `{what}s` endpoint).",
    )


class ItemFilterQuery(StrictQuery):
    """What selects items: the search query and the timeline's and search's filters."""

    q = serializers.CharField(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        trim_whitespace=False,
        help_text=(
            'Search query in the site\'s syntax: all words must match, "exact phrase", '
            "OR between alternatives, -word excludes. German stemming and spellings "
            "without umlauts as on /suche/. Over 200 characters it is cut (see `notices`)."
        ),
    )
    keyword = _slug("keyword")
    person = _slug("person")
    source = _slug("source")
    kind = serializers.ChoiceField(
        required=False, choices=LISTED_KINDS, help_text="Only items of this kind."
    )
    year = serializers.IntegerField(
        required=False, min_value=1, max_value=9999, help_text="Only items dated in this year."
    )

    def get_fields(self):
        fields = super().get_fields()
        # "from" is a Python keyword, so the two dates are added here.
        fields["from"] = serializers.DateField(
            required=False,
            input_formats=["iso-8601"],
            help_text="Only items dated on or after this day (ISO 8601, YYYY-MM-DD).",
        )
        fields["to"] = serializers.DateField(
            required=False,
            input_formats=["iso-8601"],
            help_text="Only items dated on or before this day (ISO 8601, YYYY-MM-DD).",
        )
        return fields

    def validate(self, attrs: dict) -> dict:
        if attrs.get("from") and attrs.get("to") and attrs["from"] > attrs["to"]:
            raise serializers.ValidationError({"to": ["`to` lies before `from`."]})
        return attrs


class ItemListQuery(ItemFilterQuery):
    sort = serializers.ChoiceField(
        required=False,
        choices=ITEM_SORTS,
        help_text=(
            "relevance (the default with `q`; without `q` it is newest), newest or oldest. "
            "Undated items come last in newest and oldest."
        ),
    )
    cursor = serializers.CharField(
        required=False,
        max_length=2000,
        help_text="Where the page starts: the `cursor` of the previous page's `next` address.",
    )
    page_size = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        help_text=f"Items per page, 1 to {MAX_PAGE_SIZE} (default {PAGE_SIZE}).",
    )


class FacetQuery(ItemFilterQuery):
    def get_fields(self):
        fields = super().get_fields()
        fields["q"] = serializers.CharField(
            max_length=MAX_QUERY_LENGTH,
            trim_whitespace=False,
            help_text="Search query (required), in the syntax of the items endpoint's `q`.",
        )
        return fields


class CatalogueQuery(StrictQuery):
    sort = serializers.ChoiceField(
        required=False,
        choices=CATALOGUE_SORTS,
        help_text="name (the default) or count (most items first).",
    )
    cursor = serializers.CharField(
        required=False,
        max_length=2000,
        help_text="Where the page starts: the `cursor` of the previous page's `next` address.",
    )
    page_size = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_CATALOGUE_PAGE_SIZE,
        help_text=f"Entries per page, 1 to {MAX_CATALOGUE_PAGE_SIZE} "
        f"(default {CATALOGUE_PAGE_SIZE}).",
    )


class NoQuery(StrictQuery):
    """Detail endpoints take no parameters."""
