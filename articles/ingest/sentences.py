"""German sentence splitting that knows abbreviations, ordinals and initials.

A full stop ends a sentence only after a word that is no abbreviation ("Dr.", "Prof.",
"z. B.", "u. a.", "Nr.", "Abs.", …), no ordinal or date ("am 7. November") and no single
initial ("A. Beispiel"), and only when a capital, a quote or a digit follows. This is the
job somajo does well, but at a fraction of the cost: the parser must stay at hundreds of
documents per second.
"""

from __future__ import annotations

import re

# Lower-cased, without the final full stop. Multi-part ones ("z. B.") are matched by their
# last part together with the previous token (see _is_abbreviation).
_ABBREVIATIONS_TEXT = """
    dr prof dipl ing med jur phil rer nat habil mag bzw ca etc usw vgl ggf inkl evtl zzgl
    nr no abs art bd hrsg jh jhd mio mrd tsd st str hr fr frl mdl mdb mdep mdl sog bspw
    insb insbes ua od orig tel fax abt ref kap ziff lit anm bzgl ebd eigtl allg gem entspr
    jan feb mär apr jun jul aug sep sept okt nov dez
    a b c d e f g h i j k l m n o p q r s t u v w x y z
    """
ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
MULTI_PART = re.compile(
    r"(?:\b(?:z|u|d|o|s|i|v|a|m|e|n|g)\.\s?(?:B|a|h|ä|Ä|o|u|d|R|Chr|U|V|W|A|E)\.)$"
)
BOUNDARY = re.compile(r"([.!?…]+[\"“”»«')]*)(\s+)(?=[\"„“»«(]?[A-ZÄÖÜ0-9])")
WORD_BEFORE = re.compile(r"(\S+)$")


def _ends_sentence(before: str) -> bool:
    """Does the full stop that ends `before` close a sentence?"""
    if not before.endswith("."):
        return True  # "!" and "?" always do
    if MULTI_PART.search(before):
        return False
    match = WORD_BEFORE.search(before[:-1])
    if not match:
        return False
    word = match.group(1).lstrip('("„“»«')
    if word.isdigit() and len(word) <= 2:
        return False  # an ordinal or a day: "am 7. November", "1. Thüringer Kongress"
    if re.fullmatch(r"\d{1,2}\.\d{1,2}", word):
        return False  # "16.12. beschlossen" — a date without its year
    return word.lower() not in ABBREVIATIONS


def split_sentences(text: str) -> list[str]:
    """The sentences of one paragraph, whitespace kept inside each sentence."""
    sentences: list[str] = []
    start = 0
    for match in BOUNDARY.finditer(text):
        end = match.end(1)
        if _ends_sentence(text[start:end]) or not text[start:end].endswith("."):
            piece = text[start:end].strip()
            if piece:
                sentences.append(piece)
            start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def first_sentence(text: str) -> tuple[str, str]:
    """(first sentence, the rest of the paragraph)."""
    sentences = split_sentences(text)
    if not sentences:
        return "", ""
    rest = text.strip()[len(sentences[0]) :].strip()
    return sentences[0], rest


def is_sentence(text: str) -> bool:
    """Ends like a sentence: a full stop, "!" or "?" (perhaps inside closing quotes)."""
    return bool(re.search(r"[.!?…][\"“”»«')]*$", text.strip()))
