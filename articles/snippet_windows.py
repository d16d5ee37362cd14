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


def needles(tsquery_text: str) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    """What a hit looks like: one stem, or stems of words a given distance apart (a phrase).

    Each comes with its own tsquery text and the distances (1 = next word, as <->); excluded
    words (!) are left out.
    """
    found = []
    for match in _NEEDLE.finditer(_NEGATED.sub(" ", tsquery_text)):
        tokens = re.findall(_LEXEME, match.group())
        gaps = tuple(
            1 if gap == "-" else int(gap) for gap in re.findall(r"<(-|\d+)>", match.group())
        )
        words = tuple(token[1:].rsplit("'", 1)[0].replace("''", "'") for token in tokens)
        # A hyphenated word is indexed with its parts after it: its own stem says enough.
        if "-" in words[0]:
            tokens, words, gaps = tokens[:1], words[:1], ()
        query = tokens[0] + "".join(
            f" <{gap}> {token}" for gap, token in zip(gaps, tokens[1:], strict=True)
        )
        needle = (query, words, gaps)
        if needle not in found:
            found.append(needle)
    return found


def any_hit(found: list[tuple[str, tuple[str, ...], tuple[int, ...]]]) -> str:
    """A tsquery (text form) matching any one needle: a window may hold only some terms."""
    return " | ".join(f"( {query} )" for query, _words, _gaps in found)


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


def hit_pattern(found: list[tuple[str, tuple[str, ...], tuple[int, ...]]]) -> re.Pattern | None:
    """Word starts where a stem (or a phrase's stems, word after word) begins."""
    usable = [(words, gaps) for _query, words, gaps in found if sum(map(len, words)) >= MIN_STEM]
    usable = usable or [(words, gaps) for _query, words, gaps in found]
    if not usable:
        return None
    alternatives = sorted((_phrase(words, gaps) for words, gaps in usable), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def _phrase(words: tuple[str, ...], gaps: tuple[int, ...]) -> str:
    out = _pattern(words[0])
    for gap, word in zip(gaps, words[1:], strict=True):
        # The rest of this word, then gap - 1 words in between (stop words such as "der").
        out += r"\w*\W+" + r"(?:\w+\W+)" + "{" + str(gap - 1) + "}" + _pattern(word)
    return out


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
