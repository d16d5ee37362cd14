"""Items: the list (search, filters, sort, cursor) and one item with everything about it."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema

from api import pagination
from api.errors import ErrorSerializer
from api.filters import Selection, select
from api.params import PAGE_SIZE, ItemListQuery, NoQuery
from api.serializers import listing
from api.serializers.items import ItemSerializer, PublicItemSerializer
from api.serializers.pages import ItemPageSerializer
from api.views.base import ReadEndpoint
from articles.models import Article, Mention, TaggedArticle

ERRORS = {400: ErrorSerializer, 401: ErrorSerializer, 404: ErrorSerializer, 429: ErrorSerializer}


def with_relations(queryset: QuerySet[Article]) -> QuerySet[Article]:
    """Source, keywords and people in three queries, for the detail."""
    return queryset.select_related("source").prefetch_related(
        Prefetch("tagged_items", TaggedArticle.objects.select_related("tag").order_by("tag__name")),
        Prefetch("mentions", Mention.objects.select_related("person").order_by("position", "id")),
    )


@dataclass
class ListState:
    selection: Selection
    sort: str
    after: dict | None
    size: int


class ItemListView(ReadEndpoint):
    query_class = ItemListQuery

    @extend_schema(
        operation_id="items_list",
        description=(
            "Published items (never drafts, scheduled, withdrawn or teaser-only items), "
            "filtered like the timeline and the search. With `q` the default order is "
            "relevance, as on /suche/; without it newest first. Follow `next` to page "
            "through all results; in newest and oldest order the pages stay stable while "
            "the archive changes."
        ),
        summary="Items, newest first or by relevance, one page at a time",
        parameters=[ItemListQuery],
        responses={200: ItemPageSerializer, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def prepare(self, params: dict, **kwargs) -> ListState:
        selection = select(params, self.tallies)
        sort = params.get("sort") or "relevance"
        if sort == "relevance" and selection.parsed is None:
            sort = "newest"  # every item is equally relevant to no query
        after = None
        if "cursor" in params:
            after = pagination.decode(
                params["cursor"], sort=sort, selection=pagination.selection_hash(selection.key)
            )
        return ListState(selection, sort, after, params.get("page_size", PAGE_SIZE))

    def build(self, state: ListState) -> dict:
        selection = state.selection
        if state.sort == "relevance":
            results = selection.results(facets=False)
            window, position = pagination.list_page(results.ids, after=state.after, size=state.size)
            ids = results.ids[window]
            by_id = {item.id: item for item in listing.rows(selection.filtered.filter(id__in=ids))}
            items = [by_id[pk] for pk in ids if pk in by_id]
            total = results.total
        else:
            items, position = pagination.keyset_page(
                listing.rows(selection.in_date_order(state.size)),
                newest=state.sort == "newest",
                after=state.after,
                size=state.size,
            )
            total = selection.total(by_date=True)
        return {
            "total": total.value,
            "total_is_exact": total.exact,
            "total_estimate": total.estimate,
            "notices": selection.notices,
            "sort": state.sort,
            "next": self._next_url(state, position),
            "results": listing.entries(self.request, items),
        }

    def _next_url(self, state: ListState, position: dict | None) -> str | None:
        if position is None:
            return None
        token = pagination.encode(
            {"s": state.sort, "h": pagination.selection_hash(state.selection.key), **position}
        )
        query = {k: v for k, v in self.request.query_params.items() if k != "cursor"}
        query["cursor"] = token
        return self.request.build_absolute_uri(f"{self.request.path}?{urlencode(query)}")


class ItemDetailView(ReadEndpoint):
    query_class = NoQuery

    @extend_schema(
        operation_id="items_retrieve",
        description=(
            "A published item (teaser-only items too) with everything its page shows. "
            "`staff` (status, publish time, the raw document and the parser's warnings) "
            "appears only for a staff session or token."
        ),
        summary="One item: text, dates, source, keywords, people, links, related items",
        responses={200: ItemSerializer, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def prepare(self, params: dict, pk: str = "", **kwargs) -> int:
        # Only whether it is public: a client whose copy is current needs nothing more.
        return get_object_or_404(Article.objects.published().only("id"), pk=int(pk)).pk

    def build(self, pk: int) -> dict:
        public = Article.objects.published()
        items = with_relations(public).prefetch_related(
            "links", Prefetch("related", public), Prefetch("related_from", public)
        )
        if self.staff:
            items = items.select_related("document")
            serializer = ItemSerializer
        else:
            serializer = PublicItemSerializer
        article = get_object_or_404(items, pk=pk)
        return serializer(article, context=self.serializer_context).data
