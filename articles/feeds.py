"""Atom feeds: all items, per keyword, per person."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.feedgenerator import Atom1Feed

from articles.models import Article, Keyword, Person
from articles.views.usage import public_keyword, public_person

FEED_SIZE = 30


def wants_a_page(request: HttpRequest) -> bool:
    """A browser opening the feed's address (it asks for HTML and names no feed type)."""
    accept = request.headers.get("Accept", "").lower()
    return "text/html" in accept and "atom" not in accept and "rss" not in accept


class PlainTextSummaryFeed(Atom1Feed):
    """Atom whose <summary> is declared plain text: teasers are text, never markup."""

    def add_item_elements(self, handler, item) -> None:
        summary = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if summary:
            handler.addQuickElement("summary", summary, {"type": "text"})


class LatestItemsFeed(Feed):
    feed_type = PlainTextSummaryFeed
    title = "Pressearchiv Thüringen"

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not wants_a_page(request):
            response = super().__call__(request, *args, **kwargs)
        else:
            # The same entries as a page that says how to subscribe, not raw XML.
            obj = self.get_object(request, *args, **kwargs)
            response = render(
                request,
                "articles/feed_page.html",
                {
                    "title": self._get_dynamic_attr("title", obj),
                    "link": self._get_dynamic_attr("link", obj),
                    "feed_url": request.build_absolute_uri(request.path),
                    "articles": list(self._get_dynamic_attr("items", obj)),
                },
            )
        patch_vary_headers(response, ["Accept"])
        return response

    subtitle = "Neue Meldungen zu E-Government und Digitalpolitik in Thüringen"

    def link(self) -> str:
        return reverse("articles:timeline")

    def items(self):
        return Article.objects.listed().select_related("source")[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.teaser

    def item_pubdate(self, item: Article):
        if item.published_on is None:
            return None
        moment = datetime.datetime.combine(item.published_on, datetime.time(12))
        return timezone.make_aware(moment)

    def item_updateddate(self, item: Article):
        return item.updated

    def item_author_name(self, item: Article) -> str | None:
        return item.source.name if item.source else None


class KeywordFeed(LatestItemsFeed):
    def get_object(self, request, slug: str) -> Keyword:
        return public_keyword(slug)

    def title(self, keyword: Keyword) -> str:
        return f"Pressearchiv Thüringen: {keyword.name}"

    def link(self, keyword: Keyword) -> str:
        return keyword.get_absolute_url()

    def items(self, keyword: Keyword):
        return Article.objects.listed().filter(keywords=keyword)[:FEED_SIZE]


class PersonFeed(LatestItemsFeed):
    def get_object(self, request, slug: str) -> Person:
        return public_person(slug)

    def title(self, person: Person) -> str:
        return f"Pressearchiv Thüringen: {person.name}"

    def link(self, person: Person) -> str:
        return person.get_absolute_url()

    def items(self, person: Person):
        return Article.objects.listed().filter(people=person)[:FEED_SIZE]
