"""List entries built from rows: a page's items, keywords and people in three queries.

ItemSummarySerializer describes an entry (and the schema); model instances with their
prefetched keywords and people cost several times what the rows do (about 190 objects a
page), so lists read named rows and build the same dicts here. The list entry equals the
detail's fields (tests/api/test_items.py), so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet

from api.serializers.links import api_url, article_url
from articles.models import Mention, TaggedArticle
from articles.models.article import iso_precise

# What an entry shows, and the keyset's columns (published_on, id); never the body, the
# search columns or the imported values, which are most of a row's bytes.
COLUMNS = ("id", "title", "slug", "kicker", "published_on", "date_precision", "date_inferred",
           "teaser", "kind", "source__slug", "source__name", "source__kind")  # fmt: skip


def rows(queryset: QuerySet) -> QuerySet:
    """The items of a list as named rows of COLUMNS (row.id, row.published_on, …)."""
    return queryset.values_list(*COLUMNS, named=True)


def entries(request, items: list) -> list[dict]:
    """The entries of rows(), in their order, with their keywords and people."""
    ids = [item.id for item in items]
    keywords, people = defaultdict(list), defaultdict(list)
    tagged = (
        TaggedArticle.objects.filter(content_object_id__in=ids)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__slug", "tag__name")
    )
    for item_id, slug, name in tagged:
        keywords[item_id].append(
            {"slug": slug, "name": name, "url": api_url(request, "keyword", slug=slug)}
        )
    mentions = (
        Mention.objects.filter(article_id__in=ids)
        .order_by("position", "id")
        .values_list("article_id", "person__slug", "person__name", "role")
    )
    for item_id, slug, name, role in mentions:
        url = api_url(request, "person", slug=slug)
        people[item_id].append({"slug": slug, "name": name, "role": role, "url": url})
    return [_entry(request, item, keywords[item.id], people[item.id]) for item in items]


def _entry(request, item, keywords: list[dict], people: list[dict]) -> dict:
    return {
        "id": item.id,
        "url": api_url(request, "item", pk=item.id),
        "web_url": article_url(request, item.published_on, item.slug),
        "title": item.title,
        "kicker": item.kicker,
        "date": item.published_on.isoformat() if item.published_on else None,
        "date_precision": item.date_precision,
        "date_iso": iso_precise(item) or None,
        "kind": item.kind,
        "date_inferred": item.date_inferred,
        "teaser": item.teaser,
        "source": None
        if item.source__slug is None
        else {
            "slug": item.source__slug,
            "name": item.source__name,
            "kind": item.source__kind,
            "url": api_url(request, "source", slug=item.source__slug),
        },
        "keywords": keywords,
        "people": people,
    }
