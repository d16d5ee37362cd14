"""The offices people held, from the roles the items give them ("Finanzstaatssekretär")."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Max, Min, OuterRef, Subquery

from articles.models import Article, Mention, Person, PersonPeriodCount

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
    # From the items' side, so each mention costs one look at its item (listed or not).
    rows = (
        Article.objects.listed()
        .filter(mentions__person=person, mentions__role__gt="")
        .values(role=F("mentions__role"))
        .annotate(
            first=Min("published_on"),
            last=Max("published_on"),
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


# The newest role of each of some people among the items of each one's newest period: the
# items of those periods (one range of the date index each) and their mentions, read item by
# item (MATERIALIZED and OFFSET 0 keep the planner from reading every mention instead).
_NEWEST_ROLES_SQL = """
WITH named AS MATERIALIZED (
    SELECT p.start_on, a.id, a.published_on, m.person_id, m.role
      FROM unnest(%s::date[], %s::date[]) AS p(start_on, end_on)
     CROSS JOIN LATERAL (
          SELECT l.id, l.published_on FROM ({listed}) l
           WHERE l.published_on >= p.start_on AND l.published_on < p.end_on
          OFFSET 0
     ) a
     CROSS JOIN LATERAL (
          SELECT person_id, role FROM articles_mention
           WHERE article_id = a.id AND role <> ''
          OFFSET 0
     ) m
)
SELECT DISTINCT ON (n.person_id) n.person_id, n.role
  FROM named n
  JOIN unnest(%s::bigint[], %s::date[]) AS w(person_id, start_on)
    ON w.person_id = n.person_id AND w.start_on = n.start_on
 ORDER BY n.person_id, n.published_on DESC, n.id DESC
"""


def latest_roles(slugs: list[str]) -> dict[str, str]:
    """The role of each person (by slug) in the newest listed item that gives one.

    A person's newest items lie in the newest period the count tables have for them, so only
    the items of those periods are read, not every mention of everyone; people whose newest
    period names no role (or who have only undated items) are looked up over all their items.
    """
    if not slugs:
        return {}
    newest = PersonPeriodCount.objects.filter(
        person=OuterRef("pk"), year__isnull=False, count__gt=0
    ).order_by(F("year").desc(nulls_first=True), "-month")  # the unique index, backwards
    people = list(
        Person.objects.filter(slug__in=slugs)
        .annotate(
            year=Subquery(newest.values("year")[:1]), month=Subquery(newest.values("month")[:1])
        )
        .values_list("pk", "slug", "year", "month")
    )
    slug_of = {pk: slug for pk, slug, _, _ in people}
    start_of = {pk: _period_dates(year, month) for pk, _, year, month in people if year}
    roles: dict[int, str] = {}
    if start_of:
        # Each period once, so that the planner's estimate (and its cost) stays small.
        periods = sorted(set(start_of.values()))
        listed = Article.objects.listed().order_by().values("id", "published_on")
        listed_sql, listed_params = listed.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                _NEWEST_ROLES_SQL.format(listed=listed_sql),
                [
                    [start for start, _ in periods],
                    [end for _, end in periods],
                    *listed_params,
                    list(start_of),
                    [start for start, _ in start_of.values()],
                ],
            )
            roles = dict(cursor.fetchall())
    unresolved = [pk for pk in slug_of if pk not in roles]
    if unresolved:
        rows = (
            Mention.objects.filter(person_id__in=unresolved, article__in=Article.objects.listed())
            .exclude(role="")
            .order_by("person_id", F("article__published_on").desc(nulls_last=True), "-article_id")
            .distinct("person_id")
            .values_list("person_id", "role")
        )
        roles.update(rows)
    return {slug_of[pk]: role for pk, role in roles.items()}


def _period_dates(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    """First day of a period and the day after it (month 0: known only to the year, stored
    as 1 January)."""
    start = datetime.date(year, month or 1, 1)
    if month == 0:
        return start, start + datetime.timedelta(days=1)
    return start, (start + datetime.timedelta(days=31)).replace(day=1)


def surname_key(name: str) -> tuple[str, str]:
    """Sort key by surname, then the full name: "Anna von Beispiel" under B."""
    words = [w for w in name.split() if w.casefold() not in TITLES]
    surname = words[-1] if words else name
    for index, word in enumerate(words[:-1]):
        if word.casefold() in NAME_PARTICLES:
            surname = " ".join(words[index + 1 :])
            break
    return (surname.casefold(), name.casefold())
