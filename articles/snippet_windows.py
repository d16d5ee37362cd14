"""A short window of a long text around its first hit, so ts_headline reads 1 KB, not 4 KB.

ts_headline parses and stems every word of the text it is given; for a page of 4 KB bodies
that is most of the results page's time. PostgreSQL's German stems are prefixes of the words
they come from (the stemmer only strips endings; it also drops umlaut dots and writes ß as
ss), so a stem found at a word start is where a hit most likely is. The window around it is
cut at spaces; when it holds no real hit after all, the caller reads the whole text again.
"""

from __future__ import annotations

import re

BEFORE = 300  # characters kept before the first hit
AFTER = 700  # and after it
MIN_STEM = 3
_LEXEME = re.compile(r"'((?:[^']|'')+)'")
_FOLDED = {"a": "[aä]", "o": "[oö]", "u": "[uü]"}


def stems(tsquery_text: str) -> list[str]:
    """The lexemes of a query in PostgreSQL's text form ('digital' & 'verwalt':*)."""
    found = {match.replace("''", "'") for match in _LEXEME.findall(tsquery_text)}
    return sorted(found, key=len, reverse=True)


def _pattern(stem: str) -> str:
    out, index = [], 0
    while index < len(stem):
        if stem.startswith("ss", index):
            out.append("(?:ss|ß)")
            index += 2
            continue
        char = stem[index]
        out.append(_FOLDED.get(char, re.escape(char)))
        index += 1
    return "".join(out)


def hit_pattern(lexemes: list[str]) -> re.Pattern | None:
    """Word starts where one of these stems begins (case and umlauts ignored)."""
    usable = [stem for stem in lexemes if len(stem) >= MIN_STEM] or lexemes
    if not usable:
        return None
    return re.compile(
        r"(?<!\w)(?:" + "|".join(_pattern(stem) for stem in usable) + ")", re.IGNORECASE
    )


def window(text: str, pattern: re.Pattern | None) -> tuple[str, bool]:
    """The part of the text around the first likely hit, and whether it is all of the text."""
    if len(text) <= BEFORE + AFTER:
        return text, True
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - BEFORE) if match else 0
    stop = min(len(text), start + BEFORE + AFTER)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (match.start() if match else stop) else start
    if stop < len(text):
        space = text.rfind(" ", start, stop)
        stop = space if space > start else stop
    return text[start:stop], False
