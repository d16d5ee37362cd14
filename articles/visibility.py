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


def _listed_total(
    counts: ListedCounts, keyword: Keyword | None = None, person: Person | None = None
) -> int:
    """Listed items of one keyword or person, read from the count tables (one row)."""
    if keyword is not None:
        rows = KeywordPairCount.objects.filter(keyword=keyword, other=keyword)
        waiting = sum(keyword.pk in item.keyword_ids for item in counts.scheduled)
    else:
        rows = PersonPairCount.objects.filter(person=person, other=person)
        waiting = sum(person.pk in item.person_ids for item in counts.scheduled)
    return (rows.values_list("count", flat=True).first() or 0) - waiting


def _public_keyword(keyword: Keyword | None, counts: ListedCounts | None) -> Keyword | None:
    # Most public keywords have listed items, which the count tables know; only those without
    # (teaser-only, or none public at all) need a look at their items.
    if keyword is None:
        return None
    if _listed_total(counts or ListedCounts(), keyword=keyword) > 0:
        return keyword
    return public_keywords().filter(pk=keyword.pk).first()


def _public_person(person: Person | None, counts: ListedCounts | None) -> Person | None:
    if person is None:
        return None
    if _listed_total(counts or ListedCounts(), person=person) > 0:
        return person
    return public_people().filter(pk=person.pk).first()


def public_keyword_named(name: str, counts: ListedCounts | None = None) -> Keyword | None:
    """The public keyword of that name (a person's page links it), if any."""
    return _public_keyword(Keyword.objects.filter(name__iexact=name).first(), counts)


def public_person_named(name: str, counts: ListedCounts | None = None) -> Person | None:
    """The public person of that name (a keyword's page links it), if any."""
    return _public_person(Person.objects.filter(name__iexact=name).first(), counts)


def public_keyword_or_404(slug: str, counts: ListedCounts | None = None) -> Keyword:
    """The keyword if a public item (teaser-only ones included) uses it, else 404.

    `counts`: the page's reading of the count tables, so its scheduled items are read once.
    """
    keyword = _public_keyword(Keyword.objects.filter(slug=slug).first(), counts)
    if keyword is None:
        raise Http404("Kein öffentliches Stichwort unter dieser Adresse.")
    return keyword


def public_person_or_404(slug: str, counts: ListedCounts | None = None) -> Person:
    """The person if a public item names them, else 404 (see public_keyword_or_404)."""
    person = _public_person(Person.objects.filter(slug=slug).first(), counts)
    if person is None:
        raise Http404("Keine öffentliche Person unter dieser Adresse.")
    return person
