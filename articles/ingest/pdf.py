"""Text extracted from PDF releases: hard line breaks, hyphenation, page furniture.

PDF text comes as fixed-width lines: words broken at the line end ("Digitali-" /
"sierung"), paragraphs cut into lines, "Seite 1 von 2" and the letterhead on every page.
This re-flows it into paragraphs the page parser can read.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

PAGE_NUMBER = re.compile(
    r"^(?:-\s*\d+\s*-|seite\s+\d+(?:\s*(?:von|/)\s*\d+)?|page\s+\d+(?:\s+of\s+\d+)?|"
    r"\d+\s*/\s*\d+)$",
    re.IGNORECASE,
)
HYPHEN_END = re.compile(r"[a-zäöüß]-$")


def looks_like_pdf(lines: list[str]) -> bool:
    """Page numbers, or most text lines wrapped at a similar width without a sentence end."""
    if any(PAGE_NUMBER.match(line.strip()) and "seite" in line.lower() for line in lines):
        return True
    text_lines = [line for line in lines if len(line.strip()) >= 25]
    if len(text_lines) < 8:
        return False
    wrapped = sum(
        1
        for line, following in pairwise(lines)
        if len(line.strip()) >= 40 and following.strip()[:1].islower()
    )
    hyphens = sum(1 for line in lines if HYPHEN_END.search(line.rstrip()))
    return wrapped + 2 * hyphens >= max(4, len(text_lines) // 3)


def reflow(lines: list[str]) -> tuple[list[str], list[str]]:
    """(re-flowed lines, warnings): paragraphs on one line each, blank lines between."""
    warnings: list[str] = []
    counts = Counter(line.strip() for line in lines if line.strip())
    repeated = {line for line, count in counts.items() if count >= 2 and len(line) <= 120}
    kept: list[str] = []
    seen: set[str] = set()
    dropped = 0
    for line in lines:
        stripped = line.strip()
        if PAGE_NUMBER.match(stripped):
            dropped += 1
            continue
        if stripped in repeated:
            if stripped in seen:
                dropped += 1
                continue  # the letterhead again on the next page
            seen.add(stripped)
        kept.append(stripped)
    if dropped:
        warnings.append(f"PDF page furniture removed ({dropped} lines)")
    widths = sorted(len(line) for line in kept if line)
    width = widths[int(len(widths) * 0.8)] if widths else 80
    out: list[str] = []
    current = ""
    last_len = 0
    for line in kept:
        if not line:
            if current:
                out.append(current)
                current = ""
            out.append("")
            continue
        if current and _continues(current, last_len, line, width):
            if HYPHEN_END.search(current) and line[:1].islower():
                current = current[:-1] + line  # "Digitali-" + "sierung"
            else:
                current = f"{current} {line}"
        else:
            if current:
                out.append(current)
            current = line
        last_len = len(line)
        if last_len < width * 0.6 and re.search(r"[.!?:“\"]$", line):
            out.append(current)  # a short line ending a sentence ends its paragraph
            current = ""
    if current:
        out.append(current)
    return out, warnings


def _continues(current: str, last_len: int, line: str, width: int) -> bool:
    """Does `line` continue the paragraph in `current` (wrapped at the line end)?"""
    if HYPHEN_END.search(current) or line[:1].islower():
        return True
    return last_len >= width * 0.75
