"""What the archive already knows that a new text names: keywords, people and its source.

Each lookup is one query over the text's word sequences (n-grams), so the cost follows the
length of the text, not the size of the archive's vocabulary.
"""

from __future__ import annotations

import re
import unicodedata

from articles.models import Keyword, Person, Source

WORD = re.compile(r"[\w][\w.&/+-]*\w|\w", re.UNICODE)
LONGEST_NAME = 8  # words: "Thüringer Ministerium für Digitales und Infrastruktur" has 6
MAX_PROPOSALS = 12


def _phrases(text: str) -> set[str]:
    """Every sequence of up to LONGEST_NAME words of the text, as written."""
    words = WORD.findall(text)
    return {
        " ".join(words[start : start + size])
        for size in range(1, LONGEST_NAME + 1)
        for start in range(len(words) - size + 1)
    }


def keywords_in(text: str, known: list[str]) -> list[str]:
    """Archive keywords named in the text (case as the archive writes them), not yet chosen."""
    chosen = {name.casefold() for name in known}
    phrases = {p for p in _phrases(text) if len(p) > 2 and not p.isdigit()}
    names = Keyword.objects.filter(name__in=phrases).values_list("name", flat=True)
    found = [name for name in names if name.casefold() not in chosen]
    return sorted(found, key=str.casefold)[:MAX_PROPOSALS]


def people_in(text: str, known: list[str]) -> list[str]:
    """People of the archive named with their full name in the text, not yet listed."""
    chosen = {name.casefold() for name in known}
    phrases = {p for p in _phrases(text) if " " in p}
    names = Person.objects.filter(name__in=phrases).values_list("name", flat=True)
    found = [name for name in names if name.casefold() not in chosen]
    return sorted(found, key=str.casefold)[:MAX_PROPOSALS]


def normalised(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"\s+", " ", folded).strip()


def matching_source(name: str) -> Source | None:
    """The archive's source of that name or of one of its other names (aliases)."""
    if not name.strip():
        return None
    wanted = normalised(name)
    for source in Source.objects.only("pk", "name", "aliases", "kind"):
        if wanted in {normalised(source.name), *map(normalised, source.aliases)}:
            return source
    return None


def source_named_in(text: str) -> Source | None:
    """An archive source whose name or other name the text spells out, the longest first."""
    phrases = {normalised(p) for p in _phrases(text) if " " in p or len(p) > 3}
    best: tuple[int, Source] | None = None
    for source in Source.objects.only("pk", "name", "aliases", "kind"):
        for name in (source.name, *source.aliases):
            if normalised(name) in phrases and (best is None or len(name) > best[0]):
                best = (len(name), source)
    return best[1] if best else None
