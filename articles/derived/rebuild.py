"""Recompute every derived value from the items themselves (`manage.py rebuild_tallies`)."""

from __future__ import annotations

from django.db import connection, transaction

from articles.derived.search_text import refresh_search_text


def rebuild() -> int:
    """Recompute the count tables and repair stale search texts; returns the texts repaired."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT articles_tally_rebuild()")
        return refresh_search_text()
