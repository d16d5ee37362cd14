"""The copied search text: keyword and person names in the item's own row.

The generated search vector (articles/models/article.py) reads only its own row, so the
names an item should be found by are copied into `search_text`. One rule, two expressions:
`search_text()` here for the writer, which fills the text before it inserts an item, and
`articles_search_text_of()` in sql/search_text.sql, which the database triggers use after
any other write to keywords, mentions, keyword names or person names. A test holds the two
equal; `stale_search_text()` finds rows whose text differs from the rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection


def search_text(keywords: Iterable[str], people: Iterable[str]) -> str:
    """Keyword names, then person names, each sorted by code point (COLLATE "C")."""
    return " ".join([*sorted(keywords), *sorted(people)]).strip()


def stale_search_text(limit: int = 1000) -> list[int]:
    """Ids of items whose search text differs from their keywords and people (normally none)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM articles_article"
            " WHERE search_text IS DISTINCT FROM articles_search_text_of(id)"
            " ORDER BY id LIMIT %s",
            [limit],
        )
        return [row[0] for row in cursor.fetchall()]


def refresh_search_text(ids: Iterable[int] | None = None) -> int:
    """Recompute the search text of these items (all when None); returns the rows changed."""
    with connection.cursor() as cursor:
        if ids is None:
            cursor.execute("SELECT articles_search_text_refresh(NULL)")
        else:
            cursor.execute("SELECT articles_search_text_refresh(%s)", [list(ids)])
        return cursor.fetchone()[0]
