"""What people type → one tsquery, with German compounds, synonyms, hyphens and prefixes.

Syntax as on web search engines: words (all must match), "exact phrases", OR between
alternatives, -word or -"phrase" to exclude, word* for words starting so (at least
MIN_PREFIX letters). Each word also matches:
- its compound parts when it is a compound ("Landesverwaltung" finds "Verwaltung des Landes");
  the archive's own compounds are indexed with their parts, so "Cloud" finds "Verwaltungscloud";
- its hyphenated or solid spelling ("Cyber-Sicherheit" = "Cybersicherheit");
- the members of its synonym group (articles/synonyms.py: "OZG" = "Onlinezugangsgesetz");
- an umlaut spelled ae/oe/ue ("Thueringen").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchQueryCombinable, SearchQueryField
from django.db.models import Func

from articles.compounds import masculine, primary_parts
from articles.synonyms import MAX_MEMBER_WORDS, group_of

CONFIG = "german"
MAX_QUERY_LENGTH = 200
# What a search box lets the browser send (its maxlength): more than MAX_QUERY_LENGTH, so a
# pasted text is cut here with a notice, yet percent-encoded (at most 9 bytes per character
# the box counts) far below the request-line limit of gunicorn (4,094 bytes) and nginx (8 KB),
# which would otherwise answer a long query with their own error page.
MAX_INPUT_LENGTH = 300
MAX_TERMS = 16
MIN_PREFIX = 4
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_UMLAUT_TRANSCRIPTIONS = (
    ("ae", "ä"),
    ("oe", "ö"),
    ("ue", "ü"),
    ("Ae", "Ä"),
    ("Oe", "Ö"),
    ("Ue", "Ü"),
)


class NotQuery(SearchQueryCombinable, Func):
    """The negation of any query, also of one combined from several (PostgreSQL's !!).

    Django negates a single SearchQuery only; a word the search also reads as its parts
    ("Verwaltungsportal" or its parts side by side) is a combined query, and `~` on it gives
    an expression that no search query can be combined with.
    """

    template = "!!(%(expressions)s)"

    def __init__(self, query: SearchQuery, config: str = CONFIG):
        super().__init__(query, output_field=SearchQueryField())
        self.config = config


def _negated(query) -> SearchQueryCombinable:
    return ~query if isinstance(query, SearchQuery) else NotQuery(query)


@dataclass
class ParsedQuery:
    text: str = ""
    query: SearchQuery | None = None
    terms: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    also: list[str] = field(default_factory=list)  # synonyms searched as well ("auch gesucht")
    words: list[str] = field(default_factory=list)  # single words searched (for highlighting)

    def __bool__(self) -> bool:
        return self.query is not None


@dataclass
class _Unit:
    text: str
    kind: str  # word | phrase | prefix
    negated: bool = False
    alternative: bool = False  # joined to the previous unit by OR


def clean_text(raw: str) -> tuple[str, list[str]]:
    """Drop control characters, normalise, cut overlong input; say what was changed."""
    notices = []
    text = unicodedata.normalize("NFC", raw)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        notices.append(
            f"Die Suchanfrage war zu lang und wurde auf {MAX_QUERY_LENGTH} Zeichen gekürzt."
        )
    return text, notices


def umlaut_variant(word: str) -> str | None:
    variant = word
    for plain, umlaut in _UMLAUT_TRANSCRIPTIONS:
        variant = variant.replace(plain, umlaut)
    return variant if variant != word else None


def _plain(text: str, search_type: str = "plain") -> SearchQuery:
    query = SearchQuery(text, config=CONFIG, search_type=search_type)
    variant = umlaut_variant(text)
    if variant:
        query = query | SearchQuery(variant, config=CONFIG, search_type=search_type)
    return query


def _all(queries: list[SearchQuery]) -> SearchQuery:
    combined = queries[0]
    for query in queries[1:]:
        combined = combined & query
    return combined


def _any(queries: list[SearchQuery]) -> SearchQuery:
    combined = queries[0]
    for query in queries[1:]:
        combined = combined | query
    return combined


def _simple_word(word: str) -> SearchQuery:
    """A word, or its parts side by side: "Landesverwaltung" = "Landes Verwaltung" too.

    Parts must stand next to each other (as they do in the indexed parts of a compound and in
    a hyphenated word), not anywhere in the text: that keeps "Zugangsgesetz" from finding
    every item that names a Zugang and a Gesetz somewhere.
    """
    query = _plain(word)
    parts = primary_parts(word) if word[:1].isalpha() else ()
    if parts:
        modifier, head = parts
        query = query | _plain(f"{modifier} {head}", "phrase")
        if base := masculine(head):
            query = query | _plain(f"{modifier} {base}", "phrase")
    return query


def word_query(word: str) -> SearchQuery:
    """One typed word: slashes and hyphens separate parts, the solid spelling counts too."""
    pieces = [piece for piece in re.split(r"/", word) if re.search(r"\w", piece)]
    if len(pieces) > 1:
        return _all([word_query(piece) for piece in pieces])
    word = pieces[0] if pieces else word
    hyphenated = [piece for piece in word.split("-") if re.search(r"\w", piece)]
    if len(hyphenated) > 1:
        solid = "".join(hyphenated)
        return _simple_word(solid) | _plain(" ".join(hyphenated), "phrase")
    return _simple_word(word.strip("-"))


def _unit_query(unit: _Unit) -> SearchQuery:
    if unit.kind == "phrase":
        return _plain(unit.text, "phrase")
    if unit.kind == "prefix":
        return SearchQuery(f"{unit.text}:*", config=CONFIG, search_type="raw")
    return word_query(unit.text)


def _member_query(member: str) -> SearchQuery:
    words = member.split()
    return word_query(member) if len(words) == 1 else _plain(member, "phrase")


def _units(text: str, notices: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    join_next = False
    for negated, phrase, word in _TOKEN.findall(text):
        if word == "OR":
            join_next = bool(units)
            continue
        kind = "phrase" if phrase and not word else "word"
        if word:
            negated = "-" if word.startswith("-") and len(word) > 1 else ""
            word = word.lstrip("-").strip('"')
            if word.endswith("*"):
                kind, word = _prefix(word, notices)
        value = (phrase if kind == "phrase" else word).strip()
        if not re.search(r"\w", value):
            continue
        units.append(_Unit(value, kind, bool(negated), join_next and bool(units)))
        join_next = False
    return units


def _prefix(word: str, notices: list[str]) -> tuple[str, str]:
    letters = re.sub(r"[\W_]", "", word)
    if len(letters) >= MIN_PREFIX:
        return "prefix", letters.lower()
    notices.append(
        f"„{word}“: Die Suche nach Wortanfängen braucht mindestens {MIN_PREFIX} Buchstaben "
        f"vor dem *; gesucht wurde nach dem ganzen Wort „{letters}“."
        if letters
        else f"„{word}“ wurde übergangen: vor dem * steht kein Buchstabe."
    )
    return "word", letters


def _synonym_span(units: list[_Unit], start: int) -> tuple[int, list[str]] | None:
    """The longest run of plain words from `start` that names a synonym group."""
    best = None
    for end in range(start + 1, min(len(units), start + MAX_MEMBER_WORDS) + 1):
        run = units[start:end]
        if any(u.negated or u.kind == "prefix" or (u.alternative and u is not run[0]) for u in run):
            break
        if len(run) > 1 and any(u.kind == "phrase" for u in run):
            break
        group = group_of([u.text for u in run])
        if group:
            best = (end, group)
    return best


def parse(raw: str) -> ParsedQuery:
    """What people type → one SearchQuery (or None, with a notice saying why)."""
    text, notices = clean_text(raw or "")
    parsed = ParsedQuery(text=text, notices=notices)
    units = _units(text, parsed.notices)
    groups: list[list[SearchQuery]] = []  # AND of ORs
    excluded: list[SearchQuery] = []
    index = 0
    while index < len(units):
        unit = units[index]
        if len(parsed.terms) >= MAX_TERMS:
            parsed.notices.append(f"Nur die ersten {MAX_TERMS} Suchbegriffe wurden berücksichtigt.")
            break
        span = None if unit.kind == "prefix" else _synonym_span(units, index)
        if span:
            end, members = span
            typed = " ".join(u.text for u in units[index:end])
            run = units[index:end]
            query = _unit_query(unit) if len(run) == 1 else _all([word_query(u.text) for u in run])
            others = [m for m in members if m.lower() != typed.lower()]
            if others:
                query = query | _any([_member_query(m) for m in others])
                if not unit.negated:
                    parsed.also.extend(m for m in others if m not in parsed.also)
            index = end
        else:
            typed = unit.text
            query = _unit_query(unit)
            index += 1
        if unit.kind != "phrase":
            parsed.words.extend(typed.replace("/", " ").replace("-", " ").split())
        if unit.negated:
            excluded.append(query)
        elif unit.alternative and groups:
            groups[-1].append(query)
        else:
            groups.append([query])
            parsed.terms.append(typed)
    if not groups:
        if text:
            parsed.notices.append(
                "Bitte mindestens einen Suchbegriff eingeben, nicht nur Operatoren."
            )
        return parsed
    combined = _all([_any(alternatives) for alternatives in groups])
    for query in excluded:
        combined = combined & _negated(query)
    parsed.query = combined
    return parsed
