"""'Meinten Sie …?': a close spelling from the archive's own words (no pg_trgm needed)."""

from __future__ import annotations

import difflib

from django.core.cache import cache
from django.db import connection

from articles.models import Keyword, Person

CACHE_KEY = "search:vocabulary"
CACHE_SECONDS = 600
MIN_LENGTH = 4


def vocabulary() -> dict[str, str]:
    """lower-case word → how the archive writes it: keyword and person names, title words."""
    words = cache.get(CACHE_KEY)
    if words is not None:
        return words
    words = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM ts_stat("
            "'SELECT to_tsvector(''simple'', title) FROM articles_article'"
            ") WHERE length(word) >= %s AND word !~ '[0-9]'",
            [MIN_LENGTH],
        )
        words.update({word: word for (word,) in cursor.fetchall()})
    names = [*Keyword.objects.values_list("name", flat=True)]
    names += Person.objects.values_list("name", flat=True)
    for name in names:
        for word in name.replace("(", " ").replace(")", " ").split():
            if len(word) >= MIN_LENGTH:
                words[word.lower()] = word
    cache.set(CACHE_KEY, words, CACHE_SECONDS)
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
