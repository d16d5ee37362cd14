from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse

from articles.models import Article, Keyword, Mention, Person, TaggedArticle


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        # Teaser-only pages are reachable from their lists but are not indexed on their own.
        return Article.objects.listed().only("slug", "published_on", "updated")

    def lastmod(self, item: Article):
        return item.updated


class KeywordSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        used = TaggedArticle.objects.filter(
            tag=OuterRef("pk"), content_object__in=Article.objects.listed()
        )
        return Keyword.objects.filter(Exists(used)).order_by("name")


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        used = Mention.objects.filter(person=OuterRef("pk"), article__in=Article.objects.listed())
        return Person.objects.filter(Exists(used)).order_by("name")


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["articles:timeline", "articles:keywords", "articles:people"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "keywords": KeywordSitemap,
    "people": PersonSitemap,
}
