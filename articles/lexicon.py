"""The compound lexicon: what every writer calls before it writes item text.

PostgreSQL fills Article.search_parts from the lexicon in a BEFORE trigger (migration
0012_search_compounds), so whoever writes an item (ORM, admin, import, loaddata, bulk or raw
SQL) gets the parts of every word the lexicon knows. Only Python can split words, so new words
must reach the lexicon first:

    from articles.lexicon import ensure_lexicon
    ensure_lexicon([title, kicker, teaser, body, *keyword_names, *person_names])
    ...insert or update the items...

ORM saves of items, keywords and people do this through signals (articles/signals.py). The
item writer (articles/writer/) calls search_parts() once per batch instead: one tokenisation
adds the new words and gives each item's parts, which it inserts itself (the trigger keeps
them while articles.search_parts_by_writer is set; articles/derived/sql/search_parts.sql).
Words written without either (raw SQL) are found by stale_words() and fixed by
`manage.py refresh_search_parts`.
"""

from __future__ import annotations

from collections.abc import Iterable

import psycopg
from django.db import connection

from articles.compounds import MIN_WORD, SPLITTER_VERSION, split
from articles.models.article import SLASH_PATTERN, SLASH_REPLACEMENT

# Word tokens of PostgreSQL's default parser: asciiword, word, hword_part, hword_asciipart.
WORD_TOKENS = (1, 2, 10, 11)

# The tokens of a text d.text as the trigger reads them, and which of them are words.
_TOKENS_OF_TEXT = "ts_parse('default', regexp_replace(d.text, %(pattern)s, %(replacement)s, 'g'))"
_IS_WORD = f"t.tokid IN {WORD_TOKENS} AND char_length(t.token) >= {MIN_WORD}"

# The words of texts exactly as the trigger reads them; %(texts)s is a text[].
_WORDS_SQL = f"""
SELECT lower(t.token) AS word, bool_or(t.token ~ '^[[:upper:]]') AS capitalised
  FROM unnest(%(texts)s::text[]) AS d(text), {_TOKENS_OF_TEXT} AS t
 WHERE {_IS_WORD}
 GROUP BY 1
"""
_MISSING_SQL = f"""
SELECT w.word, w.capitalised FROM ({_WORDS_SQL}) w
 WHERE NOT EXISTS (SELECT 1 FROM articles_compoundlexicon l WHERE l.word = w.word)
"""


# Per id range of items: the words without a lexicon row and the items that use them.
MISSING_IN_ARTICLES_SQL = f"""
SELECT lower(t.token) AS word, bool_or(t.token ~ '^[[:upper:]]'), array_agg(DISTINCT a.id)
  FROM articles_article a,
       ts_parse('default', regexp_replace(
           concat_ws(' ', a.title, a.kicker, a.teaser, a.body, a.search_text),
           '{SLASH_PATTERN}', '{SLASH_REPLACEMENT}', 'g')) AS t
 WHERE a.id >= %(start)s AND a.id < %(stop)s
   AND {_IS_WORD}
   AND NOT EXISTS (SELECT 1 FROM articles_compoundlexicon l WHERE l.word = lower(t.token))
 GROUP BY 1
"""


def _params(texts: list[str]) -> dict:
    return {"texts": texts, "pattern": SLASH_PATTERN, "replacement": SLASH_REPLACEMENT}


def ensure_lexicon(texts: Iterable[str | None]) -> int:
    """Split the words of these texts that the lexicon lacks and add them; returns how many.

    One query finds the missing words (tokenised by PostgreSQL exactly as the trigger does),
    Python splits them, one INSERT adds them. Call it before writing the texts.
    """
    texts = [text for text in texts if text]
    if not texts:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(_MISSING_SQL, _params(texts))
        missing = cursor.fetchall()
        add_words(cursor, missing)
    return len(missing)


def add_words(cursor, words: list[tuple[str, bool]]) -> dict[str, str]:
    """Split these words and add them; returns word → its parts joined by spaces."""
    if not words:
        return {}
    rows = [(word, " ".join(split(word, capitalised))) for word, capitalised in words]
    cursor.execute(
        """
        INSERT INTO articles_compoundlexicon (word, parts, splitter_version)
        SELECT r.word, CASE WHEN r.parts = '' THEN '{}'::text[]
                            ELSE string_to_array(r.parts, ' ') END, %(version)s
          FROM unnest(%(words)s::text[], %(parts)s::text[]) AS r(word, parts)
        ON CONFLICT (word) DO NOTHING
        """,
        {
            "words": [row[0] for row in rows],
            "parts": [row[1] for row in rows],
            "version": SPLITTER_VERSION,
        },
    )
    return dict(rows)


# Each text's words as the trigger reads them (articles/derived/sql/search_parts.sql), in
# the order of their first appearance, with their lexicon parts (NULL: not in the lexicon).
_TEXT_WORDS_SQL = f"""
SELECT w.i, array_agg(w.word ORDER BY w.first), array_agg(w.capitalised ORDER BY w.first),
       array_agg(array_to_string(l.parts, ' ') ORDER BY w.first)
  FROM (SELECT d.i, lower(t.token) AS word, min(t.n) AS first,
               bool_or(t.token ~ '^[[:upper:]]') AS capitalised
          FROM unnest(%(texts)s::text[]) WITH ORDINALITY AS d(text, i),
               {_TOKENS_OF_TEXT} WITH ORDINALITY AS t(tokid, token, n)
         WHERE {_IS_WORD}
         GROUP BY 1, 2) AS w
  LEFT JOIN articles_compoundlexicon l ON l.word = w.word
 GROUP BY w.i
"""


def search_parts(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(head text, rest text) of each item → its (search_head_parts, search_parts), exactly
    as the trigger computes them, after adding the words the lexicon lacks.

    The head is title, kicker and search text, the rest teaser and body, each joined by
    spaces (the trigger's concat_ws). One query tokenises every text once, for the lexicon
    and the parts alike (ensure_lexicon() and the trigger each tokenised it again). The item
    writer inserts the result with articles.search_parts_by_writer set.
    """
    texts = [text for pair in items for text in pair]
    if not texts:
        return []
    with connection.cursor() as cursor:
        # The texts go as one binary parameter: Django's client-side binding would quote
        # megabytes of text in Python.
        with connection.wrap_database_errors, psycopg.Cursor(cursor.connection) as raw:
            raw.execute(_TEXT_WORDS_SQL.replace("%(texts)s", "%(texts)b"), _params(texts))
            rows = raw.fetchall()
        found = {index: (words, known) for index, words, _, known in rows}
        missing: dict[str, bool] = {}
        for _, words, capitalised, known in rows:
            for word, upper, parts in zip(words, capitalised, known, strict=True):
                if parts is None:
                    missing[word] = missing.get(word, False) or upper
        added = add_words(cursor, list(missing.items()))

    def parts_of(index: int) -> str:
        words, known = found.get(index, ((), ()))
        each = (added[w] if p is None else p for w, p in zip(words, known, strict=True))
        return " ".join(parts for parts in each if parts)

    result = []
    for number in range(len(items)):
        head = parts_of(2 * number + 1)  # WITH ORDINALITY counts from 1
        result.append((head, f"{head} {parts_of(2 * number + 2)}"))
    return result


def joined(*texts: str | None) -> str:
    """concat_ws(' ', ...): the texts that are not NULL, joined by spaces."""
    return " ".join(text for text in texts if text is not None)


def compounds_containing(parts: Iterable[str], limit: int = 20) -> list[str]:
    """Words of the archive that have one of these parts (for highlighting compound hits)."""
    parts = sorted({part.lower() for part in parts if part})
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM articles_compoundlexicon WHERE parts && %s::text[] LIMIT %s",
            [parts, limit],
        )
        return [row[0] for row in cursor.fetchall()]
