"""A deterministic synthetic archive in the style of the seeds, with Zipf-like word frequencies.

The vocabulary is the seeds' own words plus German compounds built from them; word ranks
follow Zipf's law, so the top words stand in nearly every item and the tail in very few.
Three probe words are planted at fixed rates: COMMON_TERM in about 35 % of items,
MEDIUM_TERM in 1 % (the shape where walking the date index would be a trap) and RARE_TERM
in under 0.01 %. Items carry about 4 KB of text like real press releases, with compounds:
PART_COMPOUND (found by its part PART_TERM) and SYNONYM_LONG (found by the synonym group of
SYNONYM_TERM, seeded by migration 0006) each in 1 %. Change VERSION whenever the generated
items change: the runner rebuilds.

Items come in blocks of BLOCK, each drawn from its own seeded generators (numpy for the body
words, Python's random for the rest), so any block can be made alone, by any process, and
item i is the same whatever N is. The same numpy and Python versions give the same items.
"""

from __future__ import annotations

import datetime
import itertools
import random
import re
from pathlib import Path

import numpy

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
VERSION = 4
BLOCK = 1000  # items drawn from one pair of seeded generators
BODY_WORDS = 520  # about 4 KB with the vocabulary's mean word length
PART_COMPOUND, PART_TERM = "Landesrechenzentrum", "Rechenzentrum"
SYNONYM_LONG, SYNONYM_TERM = "Onlinezugangsgesetz", "OZG"
PREFIX_QUERY = "Digi*"
COMMON_TERM = "Verwaltungsportal"
COMMON_SHARE = 0.35
MEDIUM_TERM = "Registermodernisierung"
MEDIUM_EVERY = 100  # 1 %
RARE_TERM = "Quantenkryptografie"
RARE_EVERY = 20_000  # 0.005 %
PHRASE = ("digitale", "Souveränität")
PHRASE_EVERY = 50
FIRST_DAY = datetime.date(2005, 1, 1)
DAYS = (datetime.date(2026, 6, 30) - FIRST_DAY).days
PREFIXES = ["Digital", "Verwaltungs", "Landes", "Bürger", "Daten", "Cloud", "Netz", "Kommunal"]
SUFFIXES = ["strategie", "portal", "gesetz", "plattform", "projekt", "dienst", "agentur", "konzept"]
FIRST_NAMES = ["Anna", "Bernd", "Clara", "Dieter", "Eva", "Frank", "Greta", "Hans", "Ines", "Jens"]
LAST_NAMES = [
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz",
]  # fmt: skip
ROLES = ["Digitalminister", "Staatssekretärin", "Landrat", "Oberbürgermeisterin", "CIO"]
SOURCES = ["Kommune21", "Thüringer Finanzministerium", "dpa", "Thüringer Staatskanzlei"]


def vocabulary() -> list[str]:
    words: dict[str, None] = {}
    for path in sorted(SEED_DIR.glob("*.txt")):
        for word in re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", path.read_text(encoding="utf-8")):
            words.setdefault(word, None)
    for prefix, suffix in itertools.product(PREFIXES, SUFFIXES):
        words.setdefault(prefix + suffix, None)
    words.pop(COMMON_TERM, None)
    words.pop(RARE_TERM, None)
    words.pop(MEDIUM_TERM, None)
    for planted in (PART_COMPOUND, PART_TERM, SYNONYM_LONG, SYNONYM_TERM):
        words.pop(planted, None)
    return list(words)


class Corpus:
    def __init__(self, seed: int = 2026) -> None:
        self.seed = seed
        self.random = random.Random(seed)  # text() only (bench/documents.py)
        self.words = vocabulary()
        self.random.shuffle(self.words)
        weights = [1 / (rank**1.07) for rank in range(1, len(self.words) + 1)]
        self.cum_weights = list(itertools.accumulate(weights))
        self.keywords = [f"{p}{s}".capitalize() for p, s in itertools.product(PREFIXES, SUFFIXES)]
        self.keyword_weights = list(
            itertools.accumulate(1 / r for r in range(1, len(self.keywords) + 1))
        )
        self.people = [
            f"{first} {last}" for first, last in itertools.product(FIRST_NAMES, LAST_NAMES)
        ]
        self._word_array = numpy.array(self.words, dtype=object)
        self._cum = numpy.array(self.cum_weights)
        self._cached: tuple[int, list[dict]] = (-1, [])

    def text(self, words: int) -> str:
        return " ".join(self.random.choices(self.words, cum_weights=self.cum_weights, k=words))

    def lexicon_texts(self) -> list[str]:
        """Every word an item can contain, as written: what seeds the compound lexicon."""
        return [
            *self.words, *self.keywords, *self.people, *SOURCES, *ROLES, "Thüringen",
            PART_COMPOUND, PART_TERM, SYNONYM_LONG, SYNONYM_TERM, COMMON_TERM, MEDIUM_TERM,
            RARE_TERM, *PHRASE,
        ]  # fmt: skip

    def _draw(self, generator: numpy.random.Generator, shape: tuple[int, int]) -> list[list]:
        """Zipf-distributed words (a row of `shape[1]` per item)."""
        drawn = generator.random(shape) * self._cum[-1]
        ranks = numpy.minimum(
            numpy.searchsorted(self._cum, drawn, side="right"), len(self.words) - 1
        )
        return self._word_array[ranks].tolist()

    def block(self, index: int) -> list[dict]:
        """Items index * BLOCK … (index + 1) * BLOCK - 1."""
        if self._cached[0] == index:
            return self._cached[1]
        generator = numpy.random.default_rng([self.seed, index])
        pick = random.Random(f"{self.seed}:{index}")
        bodies = self._draw(generator, (BLOCK, BODY_WORDS))
        titles = self._draw(generator, (BLOCK, 5))
        teasers = self._draw(generator, (BLOCK, 25))
        items = [
            self._item(
                index * BLOCK + offset, bodies[offset], titles[offset], teasers[offset], pick
            )
            for offset in range(BLOCK)
        ]
        self._cached = (index, items)
        return items

    def item(self, number: int) -> dict:
        return self.block(number // BLOCK)[number % BLOCK]

    def items(self, start: int, stop: int) -> list[dict]:
        """Items start … stop - 1."""
        found: list[dict] = []
        for index in range(start // BLOCK, (stop - 1) // BLOCK + 1):
            first = index * BLOCK
            found += self.block(index)[max(start - first, 0) : stop - first]
        return found

    def _item(self, number: int, body_words: list, title: list, teaser: list, pick) -> dict:
        planted = []
        if pick.random() < COMMON_SHARE:
            planted.append(COMMON_TERM)
        if number % RARE_EVERY == 7:
            planted.append(RARE_TERM)
        if number % MEDIUM_EVERY == 41:
            planted.append(MEDIUM_TERM)
        if number % MEDIUM_EVERY == 59:
            planted.append(PART_COMPOUND)
        if number % MEDIUM_EVERY == 77:
            planted.append(SYNONYM_LONG)
        if number % PHRASE_EVERY == 3:
            planted.append(" ".join(PHRASE))
        for word in planted:
            body_words.insert(pick.randrange(len(body_words)), word)
        paragraphs = [" ".join(body_words[i : i + 40]) + "." for i in range(0, len(body_words), 40)]
        keywords = sorted(set(pick.choices(self.keywords, cum_weights=self.keyword_weights, k=3)))
        people = sorted(set(pick.sample(self.people, k=pick.randint(0, 2))))
        return {
            "title": f"{' '.join(title).capitalize()} {number}",
            "kicker": "Thüringen",
            "published_on": FIRST_DAY + datetime.timedelta(days=pick.randrange(DAYS)),
            "teaser": " ".join(teaser).capitalize() + ".",
            "body": "\n\n".join(paragraphs),
            "source": pick.choice(SOURCES),
            "keywords": keywords,
            "people": [(name, pick.choice(ROLES)) for name in people],
        }
