"""Find words the compound lexicon lacks (written past ensure_lexicon) and fix their items."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from articles import cache
from articles.compounds import SPLITTER_VERSION
from articles.lexicon import MISSING_IN_ARTICLES_SQL, add_words

BATCH = 2000


class Command(BaseCommand):
    help = (
        "Split the words of items that the compound lexicon lacks (raw SQL writes, an older "
        "splitter version) and recompute those items' search parts. --check only reports."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="report, change nothing")

    def handle(self, *args, check: bool = False, **options) -> None:
        stale_items = fixed_words = 0
        with connection.cursor() as cursor:
            cursor.execute("SELECT coalesce(max(id), 0) FROM articles_article")
            last = cursor.fetchone()[0]
            cursor.execute(
                "SELECT count(*) FROM articles_compoundlexicon WHERE splitter_version <> %s",
                [SPLITTER_VERSION],
            )
            outdated = cursor.fetchone()[0]
            if outdated and not check:
                cursor.execute(
                    "DELETE FROM articles_compoundlexicon WHERE splitter_version <> %s",
                    [SPLITTER_VERSION],
                )
            for start in range(0, last + 1, BATCH):
                bounds = {"start": start, "stop": start + BATCH}
                cursor.execute(MISSING_IN_ARTICLES_SQL, bounds)
                rows = cursor.fetchall()
                if not rows:
                    continue
                ids = sorted({i for _word, _cap, item_ids in rows for i in item_ids})
                stale_items += len(ids)
                fixed_words += len(rows)
                if check:
                    continue
                with transaction.atomic():
                    add_words(cursor, [(word, cap) for word, cap, _ids in rows])
                    # Touching a column the trigger watches recomputes the parts.
                    cursor.execute(
                        "UPDATE articles_article SET title = title WHERE id = ANY(%s)", [ids]
                    )
        if stale_items and not check:
            cache.bump()
        verb = "lack" if check else "were missing from"
        self.stdout.write(
            f"{fixed_words} words of {stale_items} items {verb} the compound lexicon; "
            f"{outdated} rows were split by an older splitter version."
        )
        if check and (fixed_words or outdated):
            raise SystemExit(1)
