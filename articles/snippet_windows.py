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
_LEXEME = r"'(?:[^']|'')+'(?::\*)?"
# A run of lexemes joined by phrase operators ('verwalt' <-> 'portal'), or one lexeme.
_NEEDLE = re.compile(_LEXEME + r"(?:\s*<(?:-|\d+)>\s*" + _LEXEME + ")*")
_FOLDED = {"a": "[aä]", "o": "[oö]", "u": "[uü]"}


_NEGATED = re.compile(r"!\s*(?:\([^()]*\)|" + _LEXEME + ")")


def needles(tsquery_text: str) -> list[tuple[str, tuple[str, ...]]]:
    """What a hit looks like: one stem, or stems of words side by side (a phrase).

    Each comes with its own tsquery text; excluded words (!) are left out.
    """
    found = []
    for match in _NEEDLE.finditer(_NEGATED.sub(" ", tsquery_text)):
        tokens = re.findall(_LEXEME, match.group())
        words = tuple(token[1:].rsplit("'", 1)[0].replace("''", "'") for token in tokens)
        # A hyphenated word is indexed with its parts after it: its own stem says enough.
        if "-" in words[0]:
            tokens, words = tokens[:1], words[:1]
        needle = (" <-> ".join(tokens), words)
        if needle not in found:
            found.append(needle)
    return found


def any_hit(found: list[tuple[str, tuple[str, ...]]]) -> str:
    """A tsquery (text form) matching any one needle: a window may hold only some terms."""
    return " | ".join(f"( {query} )" for query, _words in found)


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


def hit_pattern(found: list[tuple[str, tuple[str, ...]]]) -> re.Pattern | None:
    """Word starts where a stem (or a phrase's stems, word after word) begins."""
    usable = [words for _query, words in found if sum(map(len, words)) >= MIN_STEM]
    usable = usable or [words for _query, words in found]
    if not usable:
        return None
    alternatives = sorted(
        (r"\w*\W+".join(_pattern(stem) for stem in words) for words in usable),
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


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
