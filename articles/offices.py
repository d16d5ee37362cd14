"""The offices people held, from the roles the items give them ("Finanzstaatssekretär")."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Max, Min

from articles.models import Article, Mention, Person

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
    rows = (
        Mention.objects.filter(person=person, article__in=Article.objects.listed())
        .exclude(role="")
        .values("role")
        .annotate(
            first=Min("article__published_on"),
            last=Max("article__published_on"),
            mentions=Count("pk"),
        )
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
    """The role of each person (by slug) in the newest listed item that gives one."""
    if not slugs:
        return {}
    rows = (
        Mention.objects.filter(person__slug__in=slugs, article__in=Article.objects.listed())
        .exclude(role="")
        .order_by("person_id", F("article__published_on").desc(nulls_last=True), "-article_id")
        .distinct("person_id")
        .values_list("person__slug", "role")
    )
    return dict(rows)


def surname_key(name: str) -> tuple[str, str]:
    """Sort key by surname, then the full name: "Anna von Beispiel" under B."""
    words = [w for w in name.split() if w.casefold() not in TITLES]
    surname = words[-1] if words else name
    for index, word in enumerate(words[:-1]):
        if word.casefold() in NAME_PARTICLES:
            surname = " ".join(words[index + 1 :])
            break
    return (surname.casefold(), name.casefold())
