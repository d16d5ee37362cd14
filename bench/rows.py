"""The benchmark's items as table rows, with the derived columns the write path would give them.

The item writer (articles/writer/) fills `search_text` before it inserts; the trigger of
migration 0012 fills `search_parts` and `search_head_parts` from the compound lexicon. The
fast build (bench/build.py) loads with triggers off, so it computes all three here, from a
table that PostgreSQL made: the words its parser reads in each form an item can contain
(`Parts.load`). The bench items are words joined by spaces, with a full stop at the end of
each paragraph and a number at the end of the title, so the parser reads an item's words
form by form. tests/bench/test_build.py holds the result equal to the write path's.
"""

from __future__ import annotations

from articles.compounds import MIN_WORD
from articles.derived.search_text import search_text
from articles.ingest.slugs import slugify
from articles.lexicon import WORD_TOKENS
from articles.models.article import SLASH_PATTERN, SLASH_REPLACEMENT
from articles.writer import ItemRows, SourceRow

# What the corpus gives every item beside its text (the fixture's defaults otherwise).
FIXED_FIELDS = {
    "date_precision": "day", "date_inferred": False, "author": "", "category": "",
    "image_credit": "", "kind": "news", "status": "published", "original_url": "",
    "release_number": "",
}  # fmt: skip


def article_fields(item: dict) -> dict:
    """The item's article columns (ARTICLE_FIELDS of articles/writer/rows.py)."""
    return {
        "title": item["title"],
        "slug": slugify(item["title"], max_length=200),
        "kicker": item["kicker"],
        "published_on": item["published_on"],
        "teaser": item["teaser"],
        "body": item["body"],
        **FIXED_FIELDS,
    }


def item_rows(item: dict) -> ItemRows:
    """The item as the item writer takes it (the write path the fast build must equal)."""
    return ItemRows(
        label=item["title"],
        fields=article_fields(item),
        source=SourceRow(item["source"]),
        keywords=list(item["keywords"]),
        people=list(item["people"]),
    )


def item_search_text(item: dict) -> str:
    return search_text(item["keywords"], [name for name, _ in item["people"]])


def _forms(text: str) -> list[str]:
    return text.replace(".", " ").split()


class Parts:
    """`search_head_parts` and `search_parts` of items, as the trigger of migration 0012 sets them.

    words_of: each form (as written) → the lower-case words of at least MIN_WORD letters the
    parser reads in it; parts: word → its parts from the lexicon, joined by spaces.
    """

    def __init__(self, words_of: dict[str, tuple[str, ...]], parts: dict[str, str]) -> None:
        self.parts = parts
        # Only words with parts count: each form → those of its words.
        self.split_words_of = {
            form: tuple(word for word in words if word in parts) for form, words in words_of.items()
        }

    @classmethod
    def load(cls, cursor, forms: set[str]) -> Parts:
        """Ask PostgreSQL for the words of every form and the lexicon's parts (a psycopg cursor)."""
        cursor.execute(
            f"""
            SELECT d.form, coalesce(array_agg(lower(t.token) ORDER BY t.n) FILTER (
                       WHERE t.tokid IN {WORD_TOKENS} AND char_length(t.token) >= {MIN_WORD}),
                   '{{}}')
              FROM unnest(%s::text[]) AS d(form),
                   ts_parse('default', regexp_replace(d.form, %s, %s, 'g'))
                       WITH ORDINALITY AS t(tokid, token, n)
             GROUP BY d.form
            """,
            [sorted(forms), SLASH_PATTERN, SLASH_REPLACEMENT],
        )
        words_of = {form: tuple(words) for form, words in cursor.fetchall()}
        cursor.execute(
            "SELECT word, array_to_string(parts, ' ') FROM articles_compoundlexicon"
            " WHERE cardinality(parts) > 0"
        )
        return cls(words_of, dict(cursor.fetchall()))

    def _of(self, texts: list[str]) -> str:
        forms = dict.fromkeys(_forms(" ".join(texts)))
        unknown = forms.keys() - self.split_words_of.keys()
        if unknown and not all(form.isdigit() for form in unknown):
            raise KeyError(f"bench item forms not tokenised: {sorted(unknown)[:5]}")
        split = self.split_words_of
        words = dict.fromkeys(word for form in forms if split.get(form) for word in split[form])
        return " ".join([self.parts[word] for word in words])

    def of(self, item: dict, text: str) -> tuple[str, str]:
        """(search_head_parts, search_parts) of an item whose search text is `text`."""
        head = self._of([item["title"], item["kicker"], text])
        rest = self._of([item["teaser"], item["body"]])
        return head, f"{head} {rest}"  # concat_ws(' ', head, rest): head is never NULL


def forms(corpus) -> set[str]:
    """Every form an item of this corpus can contain (titles and teasers change the case)."""
    found: set[str] = set()
    for text in corpus.lexicon_texts():
        for form in _forms(text):
            found.update((form, form.lower(), form.capitalize()))
    return found
