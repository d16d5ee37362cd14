from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from articles import cache
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


CACHED_HEADERS = ("Content-Type", "X-Robots-Tag", "Last-Modified")


def cached_sitemap(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml, rendered once per archive generation (5,000 article addresses took about
    2 s of a worker's time on every request)."""

    def render() -> tuple[bytes, int, dict[str, str]]:
        response = sitemap(request, sitemaps=SITEMAPS)
        response.render()
        headers = {name: response[name] for name in CACHED_HEADERS if name in response}
        return response.content, response.status_code, headers

    # The addresses carry the request's scheme and host.
    parts = (request.scheme, request.get_host(), cache.request_parts(request, ignore=()))
    content, status, headers = cache.cached("sitemap", parts, render)
    response = HttpResponse(content, status=status)
    for name, value in headers.items():
        response[name] = value
    return response
