from __future__ import annotations

import datetime

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.views.generic import DetailView

from articles.models import Article, Document
from articles.models.article import UNSHOWN_FIELDS, iso_precise
from articles.related import related_by_content


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("source", "document")
            .defer("document__raw_text", *UNSHOWN_FIELDS)
        )

    def get_object(self, queryset=None) -> Article:
        lookup = {"slug": self.kwargs["slug"]}
        if "year" in self.kwargs:
            try:  # /meldungen/10000/1/1/…/ or a year past any integer: no such day
                day = datetime.date(self.kwargs["year"], self.kwargs["month"], self.kwargs["day"])
            except (ValueError, OverflowError) as error:
                raise Http404("Dieses Datum gibt es nicht.") from error
            lookup["published_on"] = day
        else:
            lookup["published_on__isnull"] = True
        return get_object_or_404(self.get_queryset(), **lookup)

    def get_context_data(self, **kwargs):
        article: Article = self.object
        context = super().get_context_data(**kwargs)
        context.update(
            keywords=list(article.keywords.order_by("name")),
            mentions=list(article.mentions.select_related("person").order_by("position", "id")),
            links=list(article.links.all()),
            related=list(article.related.published().as_list_entries()),
            listed_in=list(article.related_from.published().as_list_entries()),
            previous_item=self._neighbour(article, older=True),
            next_item=self._neighbour(article, older=False),
            raw_text=self._raw_text(article),
        )
        context["similar"] = self._similar(article, context["keywords"], context["mentions"])
        context["json_ld"] = self._json_ld(article, context["keywords"])
        return context

    def _neighbour(self, article: Article, older: bool) -> Article | None:
        if article.published_on is None or article.kind == Article.Kind.TEASER:
            return None
        date = article.published_on
        items = Article.objects.listed().only("title", "slug", "published_on")
        # The plain bound on the date (beside the OR for items of the same day) lets PostgreSQL
        # start its index scan at the item's date instead of walking every newer or older item.
        if older:
            items = items.filter(
                Q(published_on__lt=date) | Q(published_on=date, id__lt=article.id),
                published_on__lte=date,
            ).order_by("-published_on", "-id")
        else:
            items = items.filter(
                Q(published_on__gt=date) | Q(published_on=date, id__gt=article.id),
                published_on__gte=date,
            ).order_by("published_on", "id")
        return items.first()

    def _similar(self, article: Article, keywords: list, mentions: list) -> list[Article]:
        if article.kind == Article.Kind.TEASER:
            return []
        return related_by_content(
            article, [k.pk for k in keywords], [m.person_id for m in mentions]
        )

    def _raw_text(self, article: Article) -> str | None:
        """The source document's raw text, for staff only."""
        if not (self.request.user.is_staff and article.document_id):
            return None
        return Document.objects.values_list("raw_text", flat=True).get(pk=article.document_id)

    def _json_ld(self, article: Article, keywords: list) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title[:110],
            "description": article.teaser,
            "url": self.request.build_absolute_uri(article.get_absolute_url()),
            "inLanguage": "de",
        }
        if article.published_on:
            # ISO 8601 at the text's precision: "2025-12" for an item dated to the month.
            data["datePublished"] = iso_precise(article)
        if keywords:
            data["keywords"] = [keyword.name for keyword in keywords]
        if article.source:
            data["publisher"] = {"@type": "Organization", "name": article.source.name}
        if article.author:
            data["author"] = {"@type": "Person", "name": article.author}
        return data


def padded_address(
    request: HttpRequest, year: str, month: str, day: str, slug: str
) -> HttpResponse:
    """A permanent redirect from an old unpadded article address to today's padded one."""
    try:
        date = datetime.date(int(year), int(month), int(day))
        url = reverse(
            "articles:article",
            kwargs={"year": date.year, "month": date.month, "day": date.day, "slug": slug},
        )
    except (ValueError, NoReverseMatch):
        raise Http404("Keine Meldung unter dieser Adresse.") from None
    return redirect(url, permanent=True)
