"""Recompute the derived data (count tables, search texts) from the items themselves."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from articles.derived.rebuild import rebuild
from articles.models import KeywordPeriodCount, PeriodCount


class Command(BaseCommand):
    help = (
        "Recompute the count tables that PostgreSQL triggers keep current (after writes made "
        "with the triggers disabled, or to drop rows that have fallen to zero) and repair "
        "search texts that differ from the items' keywords and people."
    )

    def handle(self, *args, **options) -> None:
        repaired = rebuild()
        items = sum(PeriodCount.objects.values_list("count", flat=True))
        keywords = KeywordPeriodCount.objects.values("keyword").distinct().count()
        self.stdout.write(
            f"Counts rebuilt: {items} listed items, {keywords} keywords in use; "
            f"{repaired} search texts repaired."
        )
