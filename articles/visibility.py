"""Which keywords and people the public may see: those that a public item names.

A keyword or person only unpublished items name has no public page, and its name appears
nowhere a reader can see it (pages, filters, "Meinten Sie …?"): the name alone may tell too
much. Teaser-only items are public (they have pages), so their names count.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from articles.derived.counts import ListedCounts
from articles.derived.tables import KeywordPairCount, PersonPairCount
from articles.models import Article, Keyword, Mention, Person, TaggedArticle


def public_keywords() -> QuerySet[Keyword]:
    used = TaggedArticle.objects.filter(
        tag=OuterRef("pk"), content_object__in=Article.objects.published()
    )
    return Keyword.objects.filter(Exists(used))


def public_people() -> QuerySet[Person]:
    used = Mention.objects.filter(person=OuterRef("pk"), article__in=Article.objects.published())
    return Person.objects.filter(Exists(used))


def _public(entry: Keyword | Person | None, counts: ListedCounts | None):
    """The keyword or person if a public item names it, else None.

    Most public ones stand in listed items, which the count tables know (one row, less the
    scheduled items); only the others (teaser-only, or not public at all) need their items.
    """
    if entry is None:
        return None
    counts = counts or ListedCounts()
    if isinstance(entry, Keyword):
        rows = KeywordPairCount.objects.filter(keyword=entry, other=entry)
        waiting = sum(entry.pk in item.keyword_ids for item in counts.scheduled)
        public = public_keywords  # built only when the counts do not answer
    else:
        rows = PersonPairCount.objects.filter(person=entry, other=entry)
        waiting = sum(entry.pk in item.person_ids for item in counts.scheduled)
        public = public_people
    if (rows.values_list("count", flat=True).first() or 0) > waiting:
        return entry
    return public().filter(pk=entry.pk).first()


def public_keyword_named(name: str, counts: ListedCounts | None = None) -> Keyword | None:
    """The public keyword of that name (a person's page links it), if any."""
    return _public(Keyword.objects.filter(name__iexact=name).first(), counts)


def public_person_named(name: str, counts: ListedCounts | None = None) -> Person | None:
    """The public person of that name (a keyword's page links it), if any."""
    return _public(Person.objects.filter(name__iexact=name).first(), counts)


def public_keyword_or_404(slug: str, counts: ListedCounts | None = None) -> Keyword:
    """The keyword if a public item (teaser-only ones included) uses it, else 404.

    `counts`: the page's reading of the count tables, so its scheduled items are read once.
    """
    keyword = _public(Keyword.objects.filter(slug=slug).first(), counts)
    if keyword is None:
        raise Http404("Kein öffentliches Stichwort unter dieser Adresse.")
    return keyword


def public_person_or_404(slug: str, counts: ListedCounts | None = None) -> Person:
    """The person if a public item names them, else 404 (see public_keyword_or_404)."""
    person = _public(Person.objects.filter(slug=slug).first(), counts)
    if person is None:
        raise Http404("Keine öffentliche Person unter dieser Adresse.")
    return person
