"""Split German compounds into the parts a search should also find.

"Verwaltungscloud" → verwaltung, cloud; "Landesrechenzentrum" → land, rechenzentrum;
"Digitalstaatssekretärin" → digital, staatssekretärin. The morphological model of HanTa
(Hannover Tagger, shipped in its PyPI package with a lexicon of about 18,700 noun and 6,700
adjective stems) decides first; where it sees no compound, a split is taken only when one
side is a domain word (articles/data/domain_words.txt) and the other a word the model knows.

Precision rules (a wrong part makes a search find unrelated items):
- only words written with a capital letter are split (never "insgesamt" → amt);
- a modifier (first part) needs at least MIN_MODIFIER letters: "Rathaus" does not give "rat",
  "Amtsleiterin" does not give "amt";
- heads need MIN_HEAD letters and are never suffix-like (NEVER_PARTS: -schaft, -tor, …).
Linking elements (-s-, -es-, -n-, -en-, and an elided -e as in "Schulcloud") are dropped.

SPLITTER_VERSION is stored with each lexicon row: raising it marks every row stale.
"""

from __future__ import annotations

import functools
from pathlib import Path

SPLITTER_VERSION = 1
MIN_WORD = 7
MIN_MODIFIER = 4
MIN_HEAD = 3
# Longer words are not split: HanTa's analysis and the cut loop grow steeply with length, so one
# long typed word could hold a search request for minutes; real compounds stay well below these.
MAX_WORD = 40
MAX_DOMAIN_SPLIT = 24
NEVER_PARTS = frozenset(
    [
        "schaft",
        "heit",
        "keit",
        "ung",
        "ion",
        "tor",
        "tion",
        "ismus",
        "ität",
        "rung",
        "chen",
        "lein",
        "nis",
        "tum",
        "haft",
        "lich",
        "isch",
        "ling",
        "bar",
        "sam",
        "ende",
        "enden",
        "ant",
        "ent",
        "ist",
        "eur",
    ]
)
_LINKS = ("es", "en", "s", "n", "e")
_STEM_TAGS = {"NN", "NE", "ADJ", "VV", "ADV", "FM"}


@functools.cache
def _tagger():
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@functools.cache
def domain_words() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "domain_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def _known() -> frozenset[str]:
    tagger = _tagger()
    words: set[str] = set()
    for tag in ("NN", "ADJ", "NE"):
        words.update(tagger.LP_m_t.get(tagger.tag2int[tag], {}))
    return frozenset(word for word in words if word.isalpha())


def _hanta_stems(word: str) -> list[str]:
    """The model's stems of a capitalised word, suffixes kept and linking elements dropped."""
    try:
        _lemma, morphemes, pos = _tagger().analyze(word.capitalize(), taglevel=3)
    except Exception:  # the model fails on odd input; such a word is simply not split
        return []
    if pos not in ("NN", "NE"):
        return []
    stems: list[str] = []
    prefix = ""  # a prefix morpheme belongs to the stem after it
    for morpheme, tag in morphemes:
        if tag == "FUGE" or not morpheme:
            continue
        if tag.startswith("SUF") and stems:
            stems[-1] += morpheme
        elif tag.startswith("PREF"):
            prefix += morpheme
        elif tag in _STEM_TAGS or tag.startswith(("NN", "ADJ", "VV")):
            stems.append(prefix + morpheme)
            prefix = ""
        else:
            return []
    return stems


def _is_word(piece: str) -> bool:
    if piece in _known() or piece in domain_words():
        return True
    for suffix in ("in", "innen"):  # Ministerin, Staatssekretärinnen
        if piece.endswith(suffix) and piece[: -len(suffix)] in _known():
            return True
    return False


def _unlinked(left: str) -> list[str]:
    """A modifier as written and without a linking element: "verwaltungs" → verwaltung."""
    forms = [left]
    for link in _LINKS:
        if left.endswith(link) and len(left) - len(link) >= MIN_MODIFIER:
            forms.append(left[: -len(link)])
    forms.append(left + "e")  # elided -e: "Schulcloud" → schule
    return forms


def _domain_split(word: str) -> list[str]:
    """modifier + head where one side is a domain word and the other a known word."""
    best: tuple[int, list[str]] | None = None
    domain = domain_words()
    for cut in range(MIN_HEAD, len(word) - MIN_HEAD + 1):
        left, right = word[:cut], word[cut:]
        head_known = right in domain or _is_word(right) or len(_hanta_stems(right)) > 1
        if not head_known:
            continue
        for modifier in _unlinked(left):
            if not _is_word(modifier) and len(_hanta_stems(modifier)) < 2:
                continue
            if modifier in domain or right in domain:
                score = max(len(modifier) if modifier in domain else 0,
                            len(right) if right in domain else 0)  # fmt: skip
                if best is None or score > best[0]:
                    best = (score, [modifier, right])
                break
    return best[1] if best else []


@functools.lru_cache(maxsize=50_000)
def split(word: str, capitalised: bool = True) -> tuple[str, ...]:
    """The parts of a compound to index beside it (lower case), or () for a simple word."""
    word = word.lower()
    if not capitalised or len(word) < MIN_WORD or not word.isalpha():
        return ()
    stems = _stems(word)
    if len(stems) < 2:
        return ()
    parts: list[str] = []
    modifier = _strip_link(_modifier_text(word, stems))
    head = stems[-1]
    if len(modifier) >= MIN_MODIFIER and modifier not in NEVER_PARTS:
        parts.append(modifier)
    if len(head) >= MIN_HEAD and head not in NEVER_PARTS:
        parts.append(head)
    # Inner stems: glas|faser|ausbau also gives faser; the parts' own parts are added too
    # (online|zugangsgesetz → zugang, gesetz).
    for stem in stems[1:-1]:
        if len(stem) >= MIN_MODIFIER and stem not in NEVER_PARTS:
            parts.append(stem)
    for part in list(parts):
        if part != word:
            parts.extend(p for p in split(part) if p not in parts)
    # Feminine forms also give the base: "Digitalministerin" is found by "Minister".
    parts.extend(base for p in parts if (base := masculine(p)))
    return tuple(dict.fromkeys(p for p in parts if p != word))


def masculine(word: str) -> str | None:
    """ "ministerin" → "minister" when the model knows the base, else None."""
    for suffix in ("innen", "in"):
        if word.endswith(suffix) and word[: -len(suffix)] in _known():
            return word[: -len(suffix)]
    return None


@functools.lru_cache(maxsize=50_000)
def _stems(word: str) -> list[str]:
    if len(word) > MAX_WORD:
        return []
    stems = _hanta_stems(word)
    if len(stems) > 1 or len(word) > MAX_DOMAIN_SPLIT:
        return stems
    return _domain_split(word)


def _modifier_text(word: str, stems: list[str]) -> str:
    """Everything before the head, as written (linking elements included)."""
    head = stems[-1]
    index = word.rfind(head)
    return word[:index] if index > 0 else "".join(stems[:-1])


def _strip_link(modifier: str) -> str:
    if modifier in domain_words() or _is_word(modifier):
        return modifier
    for link in _LINKS:
        if modifier.endswith(link) and _is_word(modifier[: -len(link)]):
            return modifier[: -len(link)]
    for link in _LINKS:
        if modifier.endswith(link) and len(_hanta_stems(modifier[: -len(link)])) > 1:
            return modifier[: -len(link)]
    if not _is_word(modifier) and _is_word(modifier + "e"):
        return modifier + "e"
    return modifier


def primary_parts(word: str) -> tuple[str, ...]:
    """Modifier and head (a query compound not found whole must match both), or ()."""
    word = word.lower()
    if len(word) < MIN_WORD or not word.isalpha():
        return ()
    stems = _stems(word)
    if len(stems) < 2:
        return ()
    modifier = _strip_link(_modifier_text(word, stems))
    # A short modifier is often no part at all ("Rathaus" is not about a "Rat").
    return (modifier, stems[-1]) if len(modifier) >= MIN_MODIFIER else ()
