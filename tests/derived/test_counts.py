"""The tallies that PostgreSQL keeps current equal counting the items, after any writes.

The truth here is computed in Python from the items, their keywords and mentions; the
tallies are written by the triggers of migration 0005 and read through articles/derived/counts.py.
"""

from __future__ import annotations

import datetime
import io
from collections import Counter, defaultdict

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.derived.counts import ListedCounts
from articles.derived.rules import period_of
from articles.models import (
    Article,
    Keyword,
    KeywordPairCount,
    KeywordPeriodCount,
    KeywordPersonCount,
    Mention,
    PeriodCount,
    Person,
    PersonPairCount,
    PersonPeriodCount,
    Source,
    TaggedArticle,
)
from tests.derived.test_item_copies import stale_copies

pytestmark = pytest.mark.django_db

KEYWORDS = ["Digitalisierung", "E-Government", "OZG", "Breitband"]
PEOPLE = ["Anna Schmidt", "Bernd Weber", "Clara Koch"]
SOURCES = ["Kommune21", "Staatskanzlei"]
DATES = [None, datetime.date(2018, 12, 13), datetime.date(2018, 1, 5), datetime.date(2021, 7, 1)]


def truth(items) -> dict[str, Counter]:
    """Every tally, counted from the given items, their keywords and their mentions."""
    rows = list(items.values_list("id", "source_id", "published_on", "date_precision"))
    ids = {row[0] for row in rows}
    keywords, people = defaultdict(set), defaultdict(set)
    for item, keyword in TaggedArticle.objects.filter(content_object__in=ids).values_list(
        "content_object_id", "tag_id"
    ):
        keywords[item].add(keyword)
    for item, person in Mention.objects.filter(article__in=ids).values_list(
        "article_id", "person_id"
    ):
        people[item].add(person)
    counts = defaultdict(Counter)
    for item, source, published_on, precision in rows:
        period = period_of(published_on, precision)
        counts["period"][(source, *period)] += 1
        for keyword in keywords[item]:
            counts["keyword_period"][(keyword, *period)] += 1
            counts["keyword_pair"].update((keyword, other) for other in keywords[item])
            counts["keyword_person"].update((keyword, person) for person in people[item])
        for person in people[item]:
            counts["person_period"][(person, *period)] += 1
            counts["person_pair"].update((person, other) for other in people[item])
    return {name: counts[name] for name in STORED}


STORED = {
    "period": (PeriodCount, ("source_id", "year", "month")),
    "keyword_period": (KeywordPeriodCount, ("keyword_id", "year", "month")),
    "person_period": (PersonPeriodCount, ("person_id", "year", "month")),
    "keyword_pair": (KeywordPairCount, ("keyword_id", "other_id")),
    "keyword_person": (KeywordPersonCount, ("keyword_id", "person_id")),
    "person_pair": (PersonPairCount, ("person_id", "other_id")),
}


def stored() -> dict[str, Counter]:
    """The tally tables as they are, rows fallen to zero left out."""
    result = {}
    for name, (model, key) in STORED.items():
        rows = model.objects.exclude(count=0).values_list(*key, "count")
        result[name] = Counter({tuple(row[:-1]): row[-1] for row in rows})
    return result


def in_tallies():
    """What the tables count: published and more than a teaser, whatever the publish time."""
    return Article.objects.filter(status=Article.Status.PUBLISHED).exclude(kind=Article.Kind.TEASER)


def read_back() -> dict[str, object]:
    """What the pages read, against the same figures counted over listed() items."""
    tallies = ListedCounts()
    listed = truth(Article.objects.listed())
    periods = Counter()
    for (_, year, month), count in listed["period"].items():
        periods[(year, month)] += count
    usage = {
        "periods": (tallies.periods(), periods),
        "keywords": (_read(tallies.keywords()), _by_slug(Keyword, listed["keyword_period"])),
        "people": (_read(tallies.people()), _by_slug(Person, listed["person_period"])),
    }
    person_keyword = Counter({(p, k): n for (k, p), n in listed["keyword_person"].items()})
    for keyword in Keyword.objects.all():
        usage[f"keywords with {keyword}"] = (
            _read(tallies.keywords_with(keyword=keyword, limit=99)),
            _slugs(Keyword, _partners(listed["keyword_pair"], keyword.pk, same_kind=True)),
        )
        usage[f"people with {keyword}"] = (
            _read(tallies.people_with(keyword=keyword, limit=99)),
            _slugs(Person, _partners(listed["keyword_person"], keyword.pk)),
        )
    for person in Person.objects.all():
        usage[f"people with {person}"] = (
            _read(tallies.people_with(person=person, limit=99)),
            _slugs(Person, _partners(listed["person_pair"], person.pk, same_kind=True)),
        )
        usage[f"keywords with {person}"] = (
            _read(tallies.keywords_with(person=person, limit=99)),
            _slugs(Keyword, _partners(person_keyword, person.pk)),
        )
    return usage


def _read(usages) -> dict[str, int]:
    return {usage.slug: usage.count for usage in usages}


def _partners(pairs: Counter, pk: int, same_kind: bool = False) -> Counter:
    """What stands beside pk in (pk, other) pairs; a keyword or person not beside itself."""
    return Counter({b: n for (a, b), n in pairs.items() if a == pk and not (same_kind and b == pk)})


def _by_slug(model, per_period: Counter) -> dict[str, int]:
    counts = Counter()
    for (pk, *_), count in per_period.items():
        counts[pk] += count
    return _slugs(model, counts)


def _slugs(model, counts: Counter) -> dict[str, int]:
    slugs = dict(model.objects.filter(pk__in=list(counts)).values_list("pk", "slug"))
    return {slugs[pk]: count for pk, count in counts.items() if count and pk in slugs}


def assert_consistent() -> None:
    assert stored() == truth(in_tallies())
    assert stale_copies() == 0  # the items' copies on keyword rows and mentions
    for name, (read, expected) in read_back().items():
        assert read == expected, name


# The writes Archive can make; "create" twice, so random sequences build up items.
WRITES = [
    "create", "create", "edit", "bulk_status", "tag", "untag", "clear_tags", "bulk_tag",
    "mention", "unmention", "repoint", "delete", "delete_keyword", "delete_person",
    "delete_source", "schedule",
]  # fmt: skip
# One operation: a write and small integers that pick items, keywords, people and values.
operation = st.tuples(
    st.sampled_from(WRITES), st.integers(0, 9), st.integers(0, 9), st.integers(0, 9)
)


class Archive:
    """Applies operations through the ORM, the way editors, imports and admins write."""

    def __init__(self) -> None:
        self.sources = [Source.objects.create(name=name, slug=name.lower()) for name in SOURCES]
        self.people = [Person.objects.create(name=name, slug=name.lower()) for name in PEOPLE]
        self.counter = 0

    def item(self, pick: int) -> Article | None:
        items = list(Article.objects.order_by("id"))
        return items[pick % len(items)] if items else None

    def apply(self, name: str, a: int, b: int, c: int) -> None:
        getattr(self, name)(a, b, c)

    def create(self, a: int, b: int, c: int) -> None:
        """An imported item: mostly published, with some of the keywords and people."""
        self.counter += 1
        sources = list(Source.objects.order_by("id"))
        item = Article.objects.create(
            title=f"Meldung {self.counter}",
            slug=f"meldung-{self.counter}",
            status=["published", "published", "draft", "review"][a % 4],
            kind=["news", "press_release", "teaser"][b % 3],
            published_on=DATES[c % len(DATES)],
            date_precision=["day", "day", "year"][a % 3],
            source=sources[c % len(sources)] if sources and c % 3 else None,
        )
        item.keywords.add(*KEYWORDS[b % 3 : b % 3 + 2])
        for person in list(Person.objects.order_by("id"))[c % 2 : c % 2 + 2]:
            Mention.objects.create(article=item, person=person)

    def edit(self, a: int, b: int, c: int) -> None:
        item = self.item(a)
        if item is None:
            return
        field = ["status", "kind", "published_on", "date_precision", "title", "source"][b % 6]
        values = {
            "status": ["published", "draft", "review"],
            "kind": ["news", "teaser", "event"],
            "published_on": DATES,
            "date_precision": ["day", "month", "year"],
            "title": ["Neu", "Anders"],
            "source": [None, *Source.objects.order_by("id")],
        }[field]
        setattr(item, field, values[c % len(values)])
        item.save()

    def bulk_status(self, a: int, b: int, c: int) -> None:
        status = ["published", "draft"][a % 2]
        Article.objects.filter(id__in=[i.id for i in Article.objects.all()[b % 3 :]]).update(
            status=status
        )

    def tag(self, a: int, b: int, c: int) -> None:
        if item := self.item(a):
            item.keywords.add(*{KEYWORDS[b % 4], KEYWORDS[c % 4]})

    def untag(self, a: int, b: int, c: int) -> None:
        if item := self.item(a):
            item.keywords.remove(KEYWORDS[b % 4])

    def clear_tags(self, a: int, b: int, c: int) -> None:
        if item := self.item(a):
            item.keywords.clear()

    def bulk_tag(self, a: int, b: int, c: int) -> None:
        """Many items, some already carrying the keyword: a skipped conflict counts nothing."""
        keyword, _ = Keyword.objects.get_or_create(
            name=KEYWORDS[b % 4], defaults={"slug": KEYWORDS[b % 4].lower()}
        )
        TaggedArticle.objects.bulk_create(
            [TaggedArticle(content_object=item, tag=keyword) for item in Article.objects.all()],
            ignore_conflicts=True,
        )

    def mention(self, a: int, b: int, c: int) -> None:
        item, people = self.item(a), list(Person.objects.order_by("id"))
        if item and people:
            Mention.objects.get_or_create(article=item, person=people[b % len(people)])

    def unmention(self, a: int, b: int, c: int) -> None:
        if item := self.item(a):
            Mention.objects.filter(article=item, person__name=PEOPLE[b % 3]).delete()

    def repoint(self, a: int, b: int, c: int) -> None:
        """An editor corrects who was meant: the mention row's person changes."""
        item, people = self.item(a), list(Person.objects.order_by("id"))
        if not item or not people:
            return
        target = people[c % len(people)]
        if not Mention.objects.filter(article=item, person=target).exists():
            Mention.objects.filter(article=item, person__name=PEOPLE[b % 3]).update(person=target)

    def delete(self, a: int, b: int, c: int) -> None:
        if item := self.item(a):
            item.delete()

    def delete_keyword(self, a: int, b: int, c: int) -> None:
        Keyword.objects.filter(name=KEYWORDS[a % 4]).delete()

    def delete_person(self, a: int, b: int, c: int) -> None:
        if a % 3 == 0:  # rarer than the other writes
            Person.objects.filter(name=PEOPLE[b % 3]).delete()

    def delete_source(self, a: int, b: int, c: int) -> None:
        if a % 3 == 0:
            Source.objects.filter(name=SOURCES[b % 2]).delete()

    def schedule(self, a: int, b: int, c: int) -> None:
        """Publish later (a scheduled item counts nowhere yet) or in the past."""
        if item := self.item(a):
            item.publish_at = timezone.now() + datetime.timedelta(days=[-1, 1, 3][b % 3])
            item.save()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(operation, min_size=1, max_size=14))
def test_tallies_match_the_items_after_any_writes(operations):
    with transaction.atomic():
        archive = Archive()
        for step in operations:
            archive.apply(*step)
        assert_consistent()
        transaction.set_rollback(True)


@pytest.mark.parametrize("write", sorted(set(WRITES)))
def test_every_kind_of_write_keeps_the_tallies_exact(write):
    """Each write in turn, over every value it can pick, on an archive of varied items."""
    archive = Archive()
    for number in range(8):
        archive.create(number, number + 1, number + 2)
    for b in range(6):  # every field an edit can change, every value (c) it can set
        for c in range(3):
            archive.apply(write, b + c, b, c)
        assert_consistent()


def test_loading_the_seed_archive_fills_the_tallies():
    call_command("load_archive", stdout=io.StringIO())
    assert Article.objects.listed().exists()
    assert_consistent()
