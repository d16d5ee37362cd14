from __future__ import annotations

from django.db.models import F
from django.views.generic import ListView

from articles.derived.counts import ListedCounts
from articles.derived.rules import period_of
from articles.models import Article, TaggedArticle
from articles.models.article import list_fields
from articles.models.item_copies import listed_copies_q
from articles.views.mixins import RELATED_LIMIT, ArticleListMixin
from articles.views.windows import page_in_window
from articles.visibility import public_keyword_or_404, public_person_named

PINNED_LIMIT = 5


class KeywordIndexView(ListView):
    template_name = "articles/keyword_index.html"
    context_object_name = "keywords"

    def get_queryset(self):
        return ListedCounts().keywords()


class KeywordView(ArticleListMixin, ListView):
    template_name = "articles/keyword_detail.html"

    def get_queryset(self):
        self.keyword = public_keyword_or_404(self.kwargs["slug"], self.counts)
        self.chart_title = f"Meldungen zum Stichwort {self.keyword.name}"
        return super().get_queryset().filter(keywords=self.keyword)

    def numbered_page(self, paginator, queryset, number: int):
        """The keyword's rows with their items' dates (articles/models/item_copies.py): a page
        is one range of tagged_keyword_newest_idx and its 25 items, however rare the keyword."""
        rows = (
            TaggedArticle.objects.filter(listed_copies_q(), tag=self.keyword)
            .select_related("content_object__source")
            .only("content_object", *list_fields("content_object__"))
            .order_by(F("item_date").desc(nulls_last=True), "-content_object_id")
        )
        page = page_in_window(paginator, rows, number, self.periods, "item_date")
        page.object_list = [_entry(row) for row in page.object_list]
        return page

    def get_tallied_periods(self):
        return self.counts.periods(keyword=self.keyword)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            keyword=self.keyword,
            co_keywords=self.counts.keywords_with(keyword=self.keyword, limit=RELATED_LIMIT),
            co_people=self.counts.people_with(keyword=self.keyword, limit=RELATED_LIMIT),
            same_name_person=public_person_named(self.keyword.name, self.counts),
            pinned=list(
                self.keyword.pinned.filter(pk__in=Article.objects.listed().values("pk"))
                .as_list_entries()
                .order_by("-published_on")[:PINNED_LIMIT]
            ),
            **kwargs,
        )


def _entry(row: TaggedArticle | Article) -> Article:
    """The item of a keyword row, with the month the list groups it under (public_items())."""
    if not isinstance(row, TaggedArticle):
        return row  # a page the counts do not reach: read from the items themselves
    item = row.content_object
    item.period_month = period_of(item.published_on, item.date_precision)[1]
    return item
