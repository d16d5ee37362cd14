"""Which keywords and people the public may see: those that a public item names.

A keyword or person only unpublished items name has no public page, and its name appears
nowhere a reader can see it (pages, filters, "Meinten Sie …?"): the name alone may tell too
much. Teaser-only items are public (they have pages), so their names count.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from articles.models import Article, Keyword, Mention, Person, TaggedArticle


def public_keywords() -> QuerySet[Keyword]:
    used = TaggedArticle.objects.filter(
        tag=OuterRef("pk"), content_object__in=Article.objects.published()
    )
    return Keyword.objects.filter(Exists(used))


def public_people() -> QuerySet[Person]:
    used = Mention.objects.filter(person=OuterRef("pk"), article__in=Article.objects.published())
    return Person.objects.filter(Exists(used))
