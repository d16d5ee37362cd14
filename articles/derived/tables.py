"""The count tables: listed items per period, keyword, person and pair (unmanaged models).

The timeline, the archives, keyword and person pages and their indexes read these instead of
aggregating over every item on request. "Listed" here means published and not teaser-only,
whatever the publish time: items scheduled for later are subtracted when read
(articles/derived/counts.py), so a publish time that arrives needs no write.

The triggers fire for every write, through the ORM, loaddata or raw SQL. A row whose count
has dropped to zero stays until the next rebuild (`manage.py rebuild_tallies`); readers skip
it. The rows are derived data that only the database writes: the models are unmanaged (the
tables come from migration 0005, the functions that fill them from sql/tallies.sql;
dumpdata and flush leave them out) and their foreign keys carry no database constraint.
"""

from __future__ import annotations

from django.db import models

Keyword, Person, Source = "articles.Keyword", "articles.Person", "articles.Source"


def _tally_key(model, **options) -> models.ForeignKey:
    # The unique constraints (and one explicit index) cover the lookups.
    return models.ForeignKey(
        model,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
        **options,
    )


class CountRow(models.Model):
    """One count of listed items; only the database's triggers write it."""

    count = models.IntegerField()

    class Meta:
        abstract = True
        managed = False

    def __str__(self) -> str:
        keys = (f"{field.attname}={getattr(self, field.attname)}" for field in self._meta.fields)
        return " ".join(keys)


class PeriodCountRow(CountRow):
    year = models.IntegerField(null=True)  # None: undated
    month = models.SmallIntegerField()  # UNKNOWN_MONTH: known only to the year

    class Meta(CountRow.Meta):
        abstract = True


class PeriodCount(PeriodCountRow):
    """Listed items per source and month (year None: undated)."""

    source = _tally_key(Source, null=True)

    class Meta(PeriodCountRow.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["source", "year", "month"],
                nulls_distinct=False,
                name="periodcount_unique",
            )
        ]


class KeywordPeriodCount(PeriodCountRow):
    """Listed items per keyword and month."""

    keyword = _tally_key(Keyword)

    class Meta(PeriodCountRow.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["keyword", "year", "month"],
                nulls_distinct=False,
                name="keywordperiodcount_unique",
            )
        ]


class PersonPeriodCount(PeriodCountRow):
    """Listed items per person and month."""

    person = _tally_key(Person)

    class Meta(PeriodCountRow.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year", "month"],
                nulls_distinct=False,
                name="personperiodcount_unique",
            )
        ]


class KeywordPairCount(CountRow):
    """Listed items that carry both keywords; every pair is stored in both directions.

    A keyword paired with itself counts all items that carry it.
    """

    keyword = _tally_key(Keyword)
    other = _tally_key(Keyword)

    class Meta(CountRow.Meta):
        constraints = [
            models.UniqueConstraint(fields=["keyword", "other"], name="keywordpaircount_unique")
        ]


class KeywordPersonCount(CountRow):
    """Listed items that carry the keyword and name the person."""

    keyword = _tally_key(Keyword)
    person = _tally_key(Person)

    class Meta(CountRow.Meta):
        constraints = [
            models.UniqueConstraint(fields=["keyword", "person"], name="keywordpersoncount_unique")
        ]
        indexes = [models.Index(fields=["person"], name="keywordpersoncount_person")]


class PersonPairCount(CountRow):
    """Listed items that name both people; every pair is stored in both directions.

    A person paired with themselves counts all items that name them.
    """

    person = _tally_key(Person)
    other = _tally_key(Person)

    class Meta(CountRow.Meta):
        constraints = [
            models.UniqueConstraint(fields=["person", "other"], name="personpaircount_unique")
        ]


COUNT_TABLES = frozenset(
    model._meta.model_name
    for model in (
        PeriodCount,
        KeywordPeriodCount,
        PersonPeriodCount,
        KeywordPairCount,
        KeywordPersonCount,
        PersonPairCount,
    )
)
