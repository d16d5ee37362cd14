"""Recompute the item counts per period, keyword and person from the items themselves."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from articles.models import KeywordPeriodCount, PeriodCount


class Command(BaseCommand):
    help = (
        "Recompute the tallies that PostgreSQL triggers keep current (after writes made with "
        "the triggers disabled, or to drop rows that have fallen to zero)."
    )

    def handle(self, *args, **options) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT articles_tally_rebuild()")
        items = sum(PeriodCount.objects.values_list("count", flat=True))
        keywords = KeywordPeriodCount.objects.values("keyword").distinct().count()
        self.stdout.write(f"Tallies rebuilt: {items} listed items, {keywords} keywords in use.")
