"""The reader site's query parameters: one German vocabulary, and the older names still read.

Lists page with ?seite=2 (then ?vor=…/?nach=…, articles/views/paging.py); the timeline
filters with stichwort, person, quelle, von, bis; the search adds q, sortierung, jahr, art
and, for staff, status. Kinds and statuses travel as German words (art=pressemitteilung);
the database keeps its own values (Article.Kind), translated here both ways.

Addresses from before (?page=2, ?sort=datum, ?art=press_release) answer with a permanent
redirect to the same page under today's names (views/mixins.py, CurrentParams).
"""

from __future__ import annotations

from django.http import QueryDict

from articles.models import Article

PAGE = "seite"
SORT = "sortierung"
KIND = "art"
STATUS = "status"
OLDER, NEWER = "vor", "nach"
# What changes the page shown but not which items a list holds.
PAGING = (PAGE, OLDER, NEWER)

KIND_WORDS: dict[str, str] = {
    Article.Kind.NEWS.value: "meldung",
    Article.Kind.REPORT.value: "bericht",
    Article.Kind.PRESS_RELEASE.value: "pressemitteilung",
    Article.Kind.EVENT.value: "veranstaltung",
    Article.Kind.TEASER.value: "anreisser",
}
STATUS_WORDS: dict[str, str] = {
    Article.Status.DRAFT.value: "entwurf",
    Article.Status.REVIEW.value: "pruefung",
    Article.Status.PUBLISHED.value: "veroeffentlicht",
}
WORDS = {KIND: KIND_WORDS, STATUS: STATUS_WORDS}
OLD_NAMES = {"page": PAGE, "sort": SORT}


def kind_choices() -> list[tuple[str, str]]:
    """(URL word, label) of every kind, for a form field."""
    return [(KIND_WORDS[value], label) for value, label in Article.Kind.choices]


def status_choices() -> list[tuple[str, str]]:
    return [(STATUS_WORDS[value], label) for value, label in Article.Status.choices]


def stored_value(name: str, word: str) -> str:
    """The database value behind a URL word (art=pressemitteilung → press_release)."""
    return {w: value for value, w in WORDS[name].items()}.get(word, word)


def url_word(name: str, value: str) -> str:
    """The URL word of a database value (press_release → pressemitteilung)."""
    return WORDS.get(name, {}).get(value, value)


def current_query(query: QueryDict) -> QueryDict | None:
    """The query under today's names and words, or None when it uses them already.

    A parameter given under both names keeps today's value.
    """
    renamed = QueryDict(mutable=True)
    changed = False
    for name, values in query.lists():
        new_name = OLD_NAMES.get(name, name)
        if new_name != name:
            changed = True
            if new_name in query:
                continue
        if name in WORDS:
            words = [url_word(name, value) for value in values]
            changed = changed or words != values
            values = words
        renamed.setlist(new_name, values)
    return renamed if changed else None
