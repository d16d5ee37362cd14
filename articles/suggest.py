"""'Meinten Sie …?': a close spelling from the archive's own words (no pg_trgm needed).

The words come only from what the public may see: titles of listed items and the names of
keywords and people with a public page (articles/visibility.py). A draft's, an embargoed
or withdrawn item's words are never offered. The vocabulary is cached per archive
generation (articles/cache.py), so a withdrawal takes its words away on the next request.
"""

from __future__ import annotations

import difflib

from django.db import connection

from articles.cache import cached
from articles.models import Article
from articles.visibility import public_keywords, public_people

MIN_LENGTH = 4


def vocabulary() -> dict[str, str]:
    """lower-case word → how the archive writes it: keyword and person names, title words."""
    return cached("suggest-vocabulary", (), _compute_vocabulary)


def _compute_vocabulary() -> dict[str, str]:
    # ts_stat() takes the query that yields the vectors as text: the listed items' query with
    # its values bound by the driver.
    titles, params = Article.objects.listed().values("title").query.sql_with_params()
    listed_titles = connection.ops.compose_sql(titles, params)
    words: dict[str, str] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM ts_stat("
            "'SELECT to_tsvector(''simple'', t.title) FROM (' || %s || ') AS t'"
            ") WHERE length(word) >= %s AND word !~ '[0-9]'",
            [listed_titles, MIN_LENGTH],
        )
        words.update({word: word for (word,) in cursor.fetchall()})
    names = [*public_keywords().values_list("name", flat=True)]
    names += public_people().values_list("name", flat=True)
    for name in names:
        for word in name.replace("(", " ").replace(")", " ").split():
            if len(word) >= MIN_LENGTH:
                words[word.lower()] = word
    return words


def suggest(terms: list[str]) -> str | None:
    """The query with each unknown term replaced by its closest known word, if any changed."""
    words = vocabulary()
    changed = False
    suggestion = []
    for term in terms:
        lower = term.lower()
        if lower in words or len(term) < MIN_LENGTH or " " in term:
            suggestion.append(term)
            continue
        close = difflib.get_close_matches(lower, words.keys(), n=1, cutoff=0.8)
        if close:
            suggestion.append(words[close[0]])
            changed = True
        else:
            suggestion.append(term)
    return " ".join(suggestion) if changed else None
