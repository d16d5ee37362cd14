"""Realistic raw documents for the import benchmark: the seeds' shapes with new words and dates.

Document i takes the layout of seed i mod 5 (portal page with related list, ministry release,
event page, ...) line by line; its title gets a number, every date in the text moves to the
item's own day, and the prose after the first words of each long paragraph is replaced by
Zipf-distributed words from bench/corpus.py. Lengths stay those of the seeds (about 4 KB).
Deterministic: the same N gives byte-identical files.
"""

from __future__ import annotations

import datetime
import random
import re
from pathlib import Path

from bench.corpus import DAYS, FIRST_DAY, SEED_DIR, Corpus

DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(20\d\d)\b")
KEEP_WORDS = 12  # the start of a paragraph keeps its shape (datelines, "Erstellt von", roles)


def _seed_titles() -> dict[str, str]:
    from articles.ingest import parse_file

    return {path.name: parse_file(path).title or "" for path in sorted(SEED_DIR.glob("*.txt"))}


def _new_prose(line: str, corpus: Corpus) -> str:
    words = line.split(" ")
    if len(words) <= KEEP_WORDS * 2:
        return line
    rest = corpus.text(len(words) - KEEP_WORDS).split(" ")
    sentences = [" ".join(rest[i : i + 14]) + "." for i in range(0, len(rest), 14)]
    return " ".join(words[:KEEP_WORDS] + sentences)


def document(number: int, template: str, title: str, corpus: Corpus) -> str:
    pick = corpus.random
    day = FIRST_DAY + datetime.timedelta(days=pick.randrange(DAYS))
    text = template.replace(title, f"{title} {number}", 1) if title else template
    text = DATE.sub(f"{day.day}.{day.month}.{day.year}", text)
    lines = []
    for line in text.split("\n"):
        if len(line) > 200 and f"{title} {number}" not in line:
            line = _new_prose(line, corpus)
        lines.append(line)
    return "\n".join(lines)


def write_documents(folder: Path, count: int, seed: int = 2026) -> list[Path]:
    """Write `count` documents into `folder` (kept when already complete); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{number:06d}.txt" for number in range(count)]
    if all(path.exists() for path in paths):
        return paths
    corpus = Corpus(seed)
    corpus.random = random.Random(seed)
    titles = _seed_titles()
    seeds = sorted(SEED_DIR.glob("*.txt"))
    templates = [(path.read_text(encoding="utf-8"), titles[path.name]) for path in seeds]
    for number, path in enumerate(paths):
        template, title = templates[number % len(templates)]
        path.write_text(document(number, template, title, corpus), encoding="utf-8")
    return paths
