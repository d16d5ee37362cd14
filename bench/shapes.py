"""The pages the benchmark requests: every search shape and every reader page of issues 12–14.

Each shape is (label, URL, icontains term or None, target p95 in ms). Targets: search p95
≤ 50 ms at 100,000 items and ≤ 150 ms at 1,000,000 (issue 13); reader pages ≤ 30 ms
(issue 12).
"""

from __future__ import annotations

from urllib.parse import quote

SEARCH_TARGET_SMALL, SEARCH_TARGET_LARGE, PAGE_TARGET = 50, 150, 30
DEEP_PAGE = 20_000  # issue 12: "the 20,000th timeline page"


def deep_cursor(page: int) -> tuple[int, str]:
    """(page number, ?vor= cursor) of the timeline's `page`th page, or of its last page.

    Pages past the numbered ones are found by the position of the item before them
    (articles/views/paging.py); this finds that item once, with an OFFSET the reader
    never pays for.
    """
    from articles.models import Article
    from articles.views.mixins import PAGE_SIZE
    from articles.views.paging import Position

    listed = Article.objects.listed().order_by("-published_on", "-id")
    total = listed.count()
    page = max(2, min(page, (total - 1) // PAGE_SIZE + 1))
    before = listed.only("id", "published_on")[(page - 1) * PAGE_SIZE - 1]
    return page, str(Position.of(before))


def shapes(total: int) -> list[tuple[str, str, str | None, int]]:
    from django.urls import reverse

    from articles.models import Article, Keyword, Person
    from bench.corpus import (
        COMMON_TERM,
        MEDIUM_TERM,
        PART_COMPOUND,
        PART_TERM,
        PHRASE,
        PREFIX_QUERY,
        RARE_TERM,
        SYNONYM_LONG,
        SYNONYM_TERM,
    )

    search = reverse("articles:search")
    target = SEARCH_TARGET_SMALL if total <= 200_000 else SEARCH_TARGET_LARGE
    keywords = Keyword.objects.order_by("id")
    topic, rare_keyword = keywords.first(), keywords.last()  # most and least common
    person = Person.objects.order_by("id").first()
    article = (
        Article.objects.listed().filter(mentions__isnull=False).order_by("-published_on", "-id")[0]
    )
    timeline = reverse("articles:timeline")
    page, cursor = deep_cursor(DEEP_PAGE)
    return [
        ("search: rare term (0.005 %)", f"{search}?q={RARE_TERM}", RARE_TERM, target),
        ("search: medium term (1 %)", f"{search}?q={MEDIUM_TERM}", MEDIUM_TERM, target),
        ("search: common term (35 %)", f"{search}?q={COMMON_TERM}", COMMON_TERM, target),
        ("search: two-word AND", f"{search}?q={COMMON_TERM}+{topic.name}", COMMON_TERM, target),
        ("search: phrase", f'{search}?q="{PHRASE[0]}+{PHRASE[1]}"', " ".join(PHRASE), target),
        ("search: compound part (1 %)", f"{search}?q={PART_TERM}", PART_COMPOUND, target),
        ("search: synonym OZG (1 %)", f"{search}?q={SYNONYM_TERM}", SYNONYM_LONG, target),
        ("search: prefix Digi*", f"{search}?q={quote(PREFIX_QUERY)}", "Digi", target),
        ("search: filtered (year+keyword)",
         f"{search}?q={COMMON_TERM}&jahr=2015&stichwort={topic.slug}", COMMON_TERM, target),
        ("search: common term by date", f"{search}?q={COMMON_TERM}&sortierung=datum", COMMON_TERM,
         target),
        ("timeline /", timeline, None, PAGE_TARGET),
        ("timeline, page 20 (last numbered)", f"{timeline}?seite=20", None, PAGE_TARGET),
        (f"timeline, page {page:,} (?vor=)", f"{timeline}?vor={cursor}", None, PAGE_TARGET),
        ("timeline, keyword filter", f"{timeline}?stichwort={topic.slug}", None, PAGE_TARGET),
        ("year archive", reverse("articles:archive_year", args=[2015]), None, PAGE_TARGET),
        ("month archive", reverse("articles:archive_month", args=[2015, 6]), None, PAGE_TARGET),
        ("topic page (intro, pinned)", topic.get_absolute_url(), None, PAGE_TARGET),
        ("keyword page, rare keyword", rare_keyword.get_absolute_url(), None, PAGE_TARGET),
        ("person page (Ämter)", person.get_absolute_url(), None, PAGE_TARGET),
        ("article page (related by content)", article.get_absolute_url(), None, PAGE_TARGET),
        ("keyword index", reverse("articles:keywords"), None, PAGE_TARGET),
        ("person index", reverse("articles:people"), None, PAGE_TARGET),
    ]  # fmt: skip
