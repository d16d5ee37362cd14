"""How often keywords and people are used by public items: indexes and co-occurrence lists."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from articles.cache import cached
from articles.models import Article, Keyword, Mention, Person, TaggedArticle

RELATED_LIMIT = 12


def _counted(rows: QuerySet, prefix: str) -> QuerySet:
    """Rows grouped by the keyword ("tag") or person they name, with how many there are."""
    return rows.values(f"{prefix}__name", f"{prefix}__slug").annotate(count=Count("id"))


def keyword_index() -> list[dict]:
    rows = TaggedArticle.objects.filter(content_object__in=Article.objects.listed())
    return cached("keyword-index", (), lambda: list(_counted(rows, "tag").order_by("tag__name")))


def person_index() -> list[dict]:
    rows = Mention.objects.filter(article__in=Article.objects.listed())
    return cached(
        "person-index", (), lambda: list(_counted(rows, "person").order_by("person__name"))
    )


def co_keywords(
    items: QuerySet, exclude: Keyword | None = None, exclude_name: str = ""
) -> list[dict]:
    """Keywords of these items with how often they occur, most frequent first.

    exclude_name leaves out the keyword that merely repeats a person's name on their page.
    """
    rows = TaggedArticle.objects.filter(content_object__in=items).exclude(tag=exclude)
    if exclude_name:
        rows = rows.exclude(tag__name__iexact=exclude_name)
    return list(_counted(rows, "tag").order_by("-count", "tag__name")[:RELATED_LIMIT])


def co_people(items: QuerySet, exclude: Person | None = None) -> list[dict]:
    """People named in these items with how often, most frequent first."""
    rows = Mention.objects.filter(article__in=items).exclude(person=exclude)
    return list(_counted(rows, "person").order_by("-count", "person__name")[:RELATED_LIMIT])


def public_keyword(slug: str) -> Keyword:
    """The keyword if a public item (teaser-only ones included) uses it, else 404.

    A keyword only drafts use is not yet public: its name alone may tell too much.
    """
    used = TaggedArticle.objects.filter(
        tag=OuterRef("pk"), content_object__in=Article.objects.published()
    )
    return get_object_or_404(Keyword.objects.filter(Exists(used)), slug=slug)


def public_person(slug: str) -> Person:
    """The person if a public item names them, else 404 (see public_keyword)."""
    used = Mention.objects.filter(person=OuterRef("pk"), article__in=Article.objects.published())
    return get_object_or_404(Person.objects.filter(Exists(used)), slug=slug)
