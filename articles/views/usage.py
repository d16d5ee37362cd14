"""Which keywords and people the public may see: the rest of their pages come from tallies."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from articles.models import Article, Keyword, Mention, Person, TaggedArticle

RELATED_LIMIT = 12


def _public_keywords():
    used = TaggedArticle.objects.filter(
        tag=OuterRef("pk"), content_object__in=Article.objects.published()
    )
    return Keyword.objects.filter(Exists(used))


def _public_people():
    used = Mention.objects.filter(person=OuterRef("pk"), article__in=Article.objects.published())
    return Person.objects.filter(Exists(used))


def public_keyword_named(name: str) -> Keyword | None:
    """The public keyword of that name (a person's page links it), if any."""
    return _public_keywords().filter(name__iexact=name).first()


def public_person_named(name: str) -> Person | None:
    """The public person of that name (a keyword's page links it), if any."""
    return _public_people().filter(name__iexact=name).first()


def public_keyword(slug: str) -> Keyword:
    """The keyword if a public item (teaser-only ones included) uses it, else 404.

    A keyword only drafts use is not yet public: its name alone may tell too much.
    """
    return get_object_or_404(_public_keywords(), slug=slug)


def public_person(slug: str) -> Person:
    """The person if a public item names them, else 404 (see public_keyword)."""
    return get_object_or_404(_public_people(), slug=slug)
