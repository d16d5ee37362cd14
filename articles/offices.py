"""The offices people held, from the roles the items give them ("Finanzstaatssekretär")."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Max, Min, OuterRef, Subquery

from articles.models import Mention, Person
from articles.models.item_copies import listed_copies_q

# Words before a surname that belong to it ("von", "de") or to no name at all ("Dr.").
NAME_PARTICLES = {"von", "van", "de", "der", "zu", "vom", "zur"}
TITLES = {"dr.", "prof.", "dipl.-ing."}


@dataclass(frozen=True)
class Office:
    role: str
    first_year: int | None
    last_year: int | None
    mentions: int

    @property
    def years(self) -> str:
        if self.first_year is None:
            return ""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


def offices(person: Person) -> list[Office]:
    """Each role the listed items give the person, with the years it appears in, oldest first."""
    # The person's listed mentions with their items' dates: one range of one index, no item read.
    rows = (
        Mention.objects.filter(listed_copies_q(), person=person, role__gt="")
        .values("role")
        .annotate(first=Min("item_date"), last=Max("item_date"), mentions=Count("*"))
        .order_by(F("first").asc(nulls_last=True), "role")
    )
    return [
        Office(
            row["role"],
            row["first"].year if row["first"] else None,
            row["last"].year if row["last"] else None,
            row["mentions"],
        )
        for row in rows
    ]


def latest_roles(slugs: list[str]) -> dict[str, str]:
    """The role of each person (by slug) in the newest listed item that gives one.

    Per person one walk of its newest listed mentions (mention_person_newest_idx), stopping
    at the first with a role: a few index entries each, however many items name them.
    """
    if not slugs:
        return {}
    newest = (
        Mention.objects.filter(listed_copies_q(), person=OuterRef("pk"))
        .exclude(role="")
        .order_by(F("item_date").desc(nulls_last=True), "-article_id")
    )
    rows = (
        Person.objects.filter(slug__in=slugs)
        .annotate(role=Subquery(newest.values("role")[:1]))
        .order_by()
        .values_list("slug", "role")
    )
    return {slug: role for slug, role in rows if role is not None}


def surname_key(name: str) -> tuple[str, str]:
    """Sort key by surname, then the full name: "Anna von Beispiel" under B."""
    words = [w for w in name.split() if w.casefold() not in TITLES]
    surname = words[-1] if words else name
    for index, word in enumerate(words[:-1]):
        if word.casefold() in NAME_PARTICLES:
            surname = " ".join(words[index + 1 :])
            break
    return (surname.casefold(), name.casefold())
