"""Which keywords and people the public may see: those that a public item names.

A keyword or person only unpublished items name has no public page, and its name appears
nowhere a reader can see it (pages, filters, "Meinten Sie …?"): the name alone may tell too
much. Teaser-only items are public (they have pages), so their names count.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from articles.models import Article, Keyword, Mention, Person, TaggedArticle


def public_keywords() -> QuerySet[Keyword]:
    used = TaggedArticle.objects.filter(
        tag=OuterRef("pk"), content_object__in=Article.objects.published()
    )
    return Keyword.objects.filter(Exists(used))


def public_people() -> QuerySet[Person]:
    used = Mention.objects.filter(person=OuterRef("pk"), article__in=Article.objects.published())
    return Person.objects.filter(Exists(used))


def public_keyword_named(name: str) -> Keyword | None:
    """The public keyword of that name (a person's page links it), if any."""
    return public_keywords().filter(name__iexact=name).first()


def public_person_named(name: str) -> Person | None:
    """The public person of that name (a keyword's page links it), if any."""
    return public_people().filter(name__iexact=name).first()


def public_keyword_or_404(slug: str) -> Keyword:
    """The keyword if a public item (teaser-only ones included) uses it, else 404."""
    return get_object_or_404(public_keywords(), slug=slug)


def public_person_or_404(slug: str) -> Person:
    """The person if a public item names them, else 404 (see public_keyword_or_404)."""
    return get_object_or_404(public_people(), slug=slug)
