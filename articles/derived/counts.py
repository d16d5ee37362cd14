"""How many listed items there are per period, keyword, person and source: the count tables read.

The count tables (articles/derived/tables.py) count published items that are more than a teaser,
whatever their publish time; PostgreSQL keeps them current on every write. What
Article.objects.listed() leaves out beyond that, items scheduled for later, is subtracted
here, so every figure equals an aggregate over listed() without reading every item.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import F, QuerySet, Sum

from articles.cache import nothing_waiting
from articles.derived.rules import Period, period_of
from articles.derived.tables import (
    KeywordPairCount,
    KeywordPeriodCount,
    KeywordPersonCount,
    PeriodCount,
    PersonPairCount,
    PersonPeriodCount,
)
from articles.models import Article, Keyword, Person, Source


@dataclass(frozen=True)
class Usage:
    """A keyword, person or source with the number of listed items it stands in."""

    name: str
    slug: str
    count: int


@dataclass(frozen=True)
class Scheduled:
    """An item in the tallies that is not listed yet: its publish time is still to come."""

    source_id: int | None
    period: Period
    keyword_ids: frozenset[int]
    person_ids: frozenset[int]


class _Named(Counter):
    """Counts per keyword, person or source id, with each one's name and slug."""

    def __init__(self, rows: QuerySet, key: str) -> None:
        super().__init__()
        self.names: dict[int, tuple[str, str]] = {}
        named = (
            rows.filter(count__gt=0)
            .values_list(f"{key}_id", f"{key}__name", f"{key}__slug")
            .annotate(total=Sum("count"))
            .order_by()
        )
        for pk, name, slug, count in named:
            if name is not None:  # the keyword, person or source itself is gone
                self[pk] = count
                self.names[pk] = (name, slug)

    def usages(self) -> list[Usage]:
        """What listed items still use, by name."""
        return sorted(
            (
                Usage(name=self.names[pk][0], slug=self.names[pk][1], count=count)
                for pk, count in self.items()
                if count > 0
            ),
            key=lambda usage: usage.name,
        )


def _most_frequent(usages: list[Usage], limit: int, exclude_name: str = "") -> list[Usage]:
    if exclude_name:
        usages = [u for u in usages if u.name.casefold() != exclude_name.casefold()]
    return sorted(usages, key=lambda usage: (-usage.count, usage.name))[:limit]


class ListedCounts:
    """One page's reading of the count tables; the scheduled items are looked up once."""

    def __init__(self) -> None:
        self._periods: dict[tuple, Counter[Period]] = {}

    @cached_property
    def scheduled(self) -> list[Scheduled]:
        """Published items whose publish time lies ahead: few, found by a partial index."""
        if nothing_waiting():
            return []
        rows = (
            Article.objects.waiting()
            .annotate(
                keyword_ids=ArrayAgg("tagged_items__tag_id", distinct=True, default=[]),
                person_ids=ArrayAgg("mentions__person_id", distinct=True, default=[]),
            )
            .values_list("source_id", "published_on", "date_precision", "keyword_ids",
                         "person_ids")
        )  # fmt: skip
        return [
            Scheduled(
                source_id=source_id,
                period=period_of(published_on, precision),
                keyword_ids=frozenset(pk for pk in keyword_ids if pk is not None),
                person_ids=frozenset(pk for pk in person_ids if pk is not None),
            )
            for source_id, published_on, precision, keyword_ids, person_ids in rows
        ]

    def periods(
        self,
        *,
        keyword: Keyword | None = None,
        person: Person | None = None,
        source: Source | None = None,
    ) -> Counter[Period]:
        """Listed items per period: all, or those of one keyword, one person or one source."""
        if sum(scope is not None for scope in (keyword, person, source)) > 1:
            raise ValueError("periods() counts for one keyword, person or source at a time")
        # A page asks more than once (its list, its chart, the neighbouring periods): one read.
        scope = (
            getattr(keyword, "pk", None),
            getattr(person, "pk", None),
            getattr(source, "pk", None),
        )
        if scope not in self._periods:
            self._periods[scope] = self._read_periods(keyword, person, source)
        return Counter(self._periods[scope])

    def _read_periods(
        self, keyword: Keyword | None, person: Person | None, source: Source | None
    ) -> Counter[Period]:
        if keyword is not None:
            rows = KeywordPeriodCount.objects.filter(keyword=keyword)
        elif person is not None:
            rows = PersonPeriodCount.objects.filter(person=person)
        elif source is not None:
            rows = PeriodCount.objects.filter(source=source)
        else:
            rows = PeriodCount.objects.all()
        counts: Counter[Period] = Counter()
        for year, month, count in rows.filter(count__gt=0).values_list("year", "month", "count"):
            counts[(year, month)] += count
        for item in self.scheduled:
            if (
                (keyword is None or keyword.pk in item.keyword_ids)
                and (person is None or person.pk in item.person_ids)
                and (source is None or source.pk == item.source_id)
            ):
                counts[item.period] -= 1
        return +counts

    def keywords(self) -> list[Usage]:
        """Every keyword of listed items with their number, by name."""
        counts = _Named(KeywordPairCount.objects.filter(other=F("keyword")), "keyword")
        for item in self.scheduled:
            counts.subtract(item.keyword_ids)
        return counts.usages()

    def people(self) -> list[Usage]:
        """Every person named in listed items with their number, by name."""
        counts = _Named(PersonPairCount.objects.filter(other=F("person")), "person")
        for item in self.scheduled:
            counts.subtract(item.person_ids)
        return counts.usages()

    def sources(self) -> list[Usage]:
        """Every source of listed items with their number, by name."""
        counts = _Named(PeriodCount.objects.filter(source__isnull=False), "source")
        counts.subtract(item.source_id for item in self.scheduled if item.source_id is not None)
        return counts.usages()

    def keywords_with(
        self,
        *,
        keyword: Keyword | None = None,
        person: Person | None = None,
        limit: int,
        exclude_name: str = "",
    ) -> list[Usage]:
        """The other keywords of the items of one keyword or person, most frequent first."""
        if keyword is not None:
            pairs = KeywordPairCount.objects.filter(keyword=keyword).exclude(other=keyword)
            counts = _Named(pairs, "other")
        else:
            counts = _Named(KeywordPersonCount.objects.filter(person=person), "keyword")
        for item in self._scheduled_of(keyword, person):
            counts.subtract(item.keyword_ids - {getattr(keyword, "pk", None)})
        return _most_frequent(counts.usages(), limit, exclude_name)

    def people_with(
        self, *, keyword: Keyword | None = None, person: Person | None = None, limit: int
    ) -> list[Usage]:
        """The other people of the items of one keyword or person, most frequent first."""
        if keyword is not None:
            counts = _Named(KeywordPersonCount.objects.filter(keyword=keyword), "person")
        else:
            pairs = PersonPairCount.objects.filter(person=person).exclude(other=person)
            counts = _Named(pairs, "other")
        for item in self._scheduled_of(keyword, person):
            counts.subtract(item.person_ids - {getattr(person, "pk", None)})
        return _most_frequent(counts.usages(), limit)

    def _scheduled_of(self, keyword: Keyword | None, person: Person | None) -> list[Scheduled]:
        if (keyword is None) == (person is None):
            raise ValueError("name exactly one keyword or one person")
        belongs: Callable[[Scheduled], bool] = (
            (lambda item: keyword.pk in item.keyword_ids)
            if keyword is not None
            else (lambda item: person.pk in item.person_ids)
        )
        return [item for item in self.scheduled if belongs(item)]
