"""Headline clues of web pages that only the page's frame gives away.

A breadcrumb whose last entry repeats the headline names it among the lines above the text
("Startseite » Bildung » Hochschule baut …" over "Hochschule baut …", a date line and a
subtitle); a headline and its subheadline printed on one line, joined by " | ", above the
place and date of a release. Both only look at lines; press.parse acts on what they find.
"""

from __future__ import annotations

import re

from articles.ingest import dates
from articles.ingest.furniture import BREADCRUMB
from articles.ingest.line_kinds import is_prose

CRUMB_SEPARATOR = re.compile(r"\s[>»›]\s")
PIPE = " | "


def crumb_headline(lines: list[str], kept: list[str]) -> str | None:
    """The kept line that a breadcrumb above the text ends with, or None."""
    candidates = {line for line in kept if line and not is_prose(line)}
    for line in lines:
        stripped = line.strip()
        if is_prose(stripped):
            return None  # only breadcrumbs above the text count
        if not BREADCRUMB.search(stripped):
            continue
        last = CRUMB_SEPARATOR.split(stripped)[-1].strip()
        if len(last.split()) >= 3 and last != stripped and last in candidates:
            return last
    return None


def split_piped_headline(lines: list[str], warnings: list[str]) -> list[str]:
    """ "Headline | Subheadline" right above a date line: the headline alone, then the date."""
    out = list(lines)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if is_prose_sentence(stripped) or stripped.count(PIPE) != 1 or len(stripped) > 300:
            continue
        head, tail = (part.strip() for part in stripped.split(PIPE))
        if len(head.split()) < 4 or len(tail.split()) < 4:
            continue
        following = next((later.strip() for later in lines[index + 1 :] if later.strip()), "")
        if len(following) <= 60 and dates.parse_date(following) is not None:
            out[index] = head
            warnings.append(f"subheadline after the headline's pipe left out: {tail[:80]}")
            break
    return out


def subtitle_under(paragraphs: list[str], index: int) -> bool:
    """A short heading line between the headline (and its date line) and the lead: the
    subtitle, no part of the text."""
    if index + 1 >= len(paragraphs):
        return False
    line, lead = paragraphs[index], paragraphs[index + 1]
    heading = not is_prose_sentence(line) and 3 <= len(line.split()) <= 16
    return heading and not is_prose(line) and is_prose(lead) and len(lead) > len(line) * 2


def is_prose_sentence(text: str) -> bool:
    """A line that ends as a sentence does (a headline does not)."""
    return text.endswith((".", "!", "?", ":", ";", ",")) or not text
