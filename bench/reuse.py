"""--reuse for the load and API benchmarks: measure a shared database as it is, never build it."""

from __future__ import annotations

import sys


def check_reused(name: str) -> None:
    """Say what the database holds; refuse one without items."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT obj_description(to_regclass('articles_article'), 'pg_class'),"
            " (SELECT count(*) FROM articles_article)"
        )
        marker, items = cursor.fetchone()
    if not items:
        raise SystemExit(f"{name} holds no items: build it first (without --reuse)")
    print(f"reusing {name}: {marker or 'no marker'}", file=sys.stderr)
