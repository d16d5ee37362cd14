"""Newsletter digests: several items in one mail; the first is the item, the rest related."""

from __future__ import annotations

import re

from articles.ingest import dates
from articles.ingest.furniture import is_furniture, strip_read_more
from articles.ingest.item import RelatedRef
from articles.ingest.links import URL

NEWSLETTER = re.compile(r"\b(newsletter|rundbrief|infobrief|ausgabe\s+\d)", re.IGNORECASE)
UNSUBSCRIBE = re.compile(r"\b(abbestellen|abmelden|austragen|unsubscribe)\b", re.IGNORECASE)
GREETING = re.compile(
    r"^(liebe|lieber|sehr geehrte|hallo|guten tag|in dieser ausgabe|themen dieser|inhalt\b)",
    re.IGNORECASE,
)


def _is_heading(lines: list[str], index: int) -> bool:
    line = lines[index].strip()
    if not line or len(line) > 140 or re.search(r"[.!?,;:]$", line) or is_furniture(line):
        return False
    if URL.match(line) or (dates.parse_date(line) and len(line) < 40):
        return False
    before_blank = index == 0 or not lines[index - 1].strip()
    rest = (lines[j].strip() for j in range(index + 1, len(lines)))
    following = next((line for line in rest if line), "")
    return before_blank and len(following) >= 60


def looks_like_digest(lines: list[str]) -> bool:
    head = "\n".join(lines[:12])
    text = "\n".join(lines)
    greeting = any(GREETING.match(line.strip()) for line in lines[:20])
    if not (UNSUBSCRIBE.search(text) or greeting) or not (NEWSLETTER.search(head) or greeting):
        return False
    return sum(1 for i in range(len(lines)) if _is_heading(lines, i)) >= 2


def split_digest(lines: list[str]) -> tuple[list[str], list[RelatedRef]]:
    """(lines of the first item, the other items as related items)."""
    headings = [i for i in range(len(lines)) if _is_heading(lines, i)]
    headings = [i for i in headings if not NEWSLETTER.search(lines[i])]
    if len(headings) < 2:
        return lines, []
    preamble = lines[: headings[0]]
    date_lines = [line for line in preamble if dates.parse_date(line) and len(line) <= 80]
    body = [line for line in lines[headings[0] + 1 : headings[1]] if not UNSUBSCRIBE.search(line)]
    if any(dates.bracketed(line.strip()) or dates.parse_date(line) for line in body[:2]):
        date_lines = []  # the item carries its own date
    main = [lines[headings[0]], *(["", date_lines[0], ""] if date_lines else []), *body]
    related: list[RelatedRef] = []
    for position, start in enumerate(headings[1:], 1):
        end = headings[position + 1] if position + 1 < len(headings) else len(lines)
        paragraphs = [
            line.strip()
            for line in lines[start + 1 : end]
            if line.strip() and not is_furniture(line) and not URL.match(line.strip())
        ]
        paragraphs = [p for p in paragraphs if not UNSUBSCRIBE.search(p)]
        heading, kicker, date = lines[start].strip(), None, None
        if paragraphs and (stamped := dates.bracketed(paragraphs[0])) is not None:
            date, paragraphs[0] = stamped  # a portal's entry: "Kicker: Title" / "[d.m.y] …"
            front, colon, back = heading.partition(": ")
            if colon and len(front.split()) <= 4:
                kicker, heading = front, back
        teaser = strip_read_more(paragraphs[0]) if paragraphs else None
        related.append(
            RelatedRef(kicker=kicker, title=heading, date=date, teaser=teaser or None, kind="news")
        )
    return main, related
