"""Shapes spread over several lines of a page, read before or around the first pass.

A date line and its rubric set on three lines around a lone bar, a headline broken at a dash,
a headline's meta row set as bullets (byline, date, reading time), a picture's alt text that
repeats its caption, menu entries and author marks under the text.
"""

from __future__ import annotations

import re

from articles.ingest.item import ParsedItem
from articles.ingest.line_kinds import LIST_BULLET, is_prose
from articles.ingest.links import parse_link
from articles.ingest.people import looks_like_name

# The meta lines under a headline set as a bulleted row: "• Andreas Hummel, Eisenberg",
# "• 05.07.2016", "• Lesedauer: ca. 2.5 Min."
BULLET_READING_TIME = re.compile(
    r"^(?:lesedauer|lesezeit)\s*:?\s*(?:ca\.\s*)?[\d.,]+\s*min", re.IGNORECASE
)
BULLET_BYLINE = re.compile(
    r"^(?P<name>[A-ZÄÖÜ][\w.-]+(?: [A-ZÄÖÜ][\w.-]+){1,2}),\s+[A-ZÄÖÜ][\w/ -]{1,30}$"
)


def bullet_meta(line: str, item: ParsedItem) -> bool:
    """A bulleted meta line above the text: reading time dropped, a byline read."""
    rest = LIST_BULLET.sub("", line)
    if BULLET_READING_TIME.match(rest):
        return True
    byline = BULLET_BYLINE.match(rest)
    if byline and looks_like_name(byline.group("name")):
        item.author = item.author or byline.group("name")
        item.warnings.append(f"byline in a bulleted meta row: {rest}")
        return True
    return False


def join_lone_pipes(lines: list[str]) -> list[str]:
    """ "05.06.2020" / "|" / "Veranstaltungen": a date line and its rubric set on three lines."""
    if "|" not in lines:
        return lines
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        after = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        while joined and not joined[-1].strip() and line == "|":
            joined.pop()
        if line == "|" and joined and after is not None and len(lines[after]) <= 40:
            joined[-1] = f"{joined[-1]} | {lines[after]}"
            index = after + 1
            continue
        joined.append(line)
        index += 1
    return joined


BROKEN_AT_DASH = re.compile(r"\S\s[–—-]$")


def join_broken_headline(lines: list[str]) -> list[str]:
    """ "Digitaler Aufbruch 2024 –" / "Gipfeltreffen der kommunalen CDOs": one headline."""
    for index, line in enumerate(lines[:-1]):
        if is_prose(line):
            break  # only above the text
        follower = lines[index + 1]
        if BROKEN_AT_DASH.search(line) and follower[:1].isupper() and not is_prose(follower):
            joined = f"{line} {follower}"
            if len(joined) <= 160:
                return [*lines[:index], joined, *lines[index + 2 :]]
    return lines


def echo_removed(kept: list[str], line: str, item: ParsedItem) -> str | None:
    """ "Hängen und Würgen: …" over "Hängen und Würgen: … (Foto: …)": the picture's alt text
    repeats its caption; both go."""
    last = next((i for i in range(len(kept) - 1, -1, -1) if kept[i]), None)
    if last is None or len(kept[last]) < 20 or not line.startswith(kept[last]):
        return None
    echo = kept[last]
    item.warnings.append(f"alt text repeating the caption removed: {echo[:80]}")
    del kept[last:]
    return echo


LABELLED_LINK = re.compile(
    r"^(?:link|links|weblink)(?:\s+(?:zum|zur|zu)\s+\w+)?\s*:\s*\S", re.IGNORECASE
)


AUTHOR_MARK_LINE = re.compile(
    r"^(?:\((?P<mark>[a-zäöü]{2,4}(?:/[a-zäöü]{1,4})?)\)"
    r"|(?:autor(?:in)?|text)\s*:\s*(?P<by>\w[\w .-]{1,40}))$",
    re.IGNORECASE,
)


def without_trailing_navigation(body: list[str], item: ParsedItem) -> list[str]:
    """Menu entries under the text ("Zurück", "Themen"): short lines that are no sentence."""
    dropped = []
    labelled: list = []
    while body and len(body[-1].split()) <= 4 and not re.search(r"[.!?:“\"]$", body[-1]):
        link = parse_link(body[-1])
        if link and not LABELLED_LINK.match(body[-1]):
            break  # a block of links: read below
        if link:
            labelled.insert(0, link)  # "Link: Thüringer Service-Portal" among menu lines
            body.pop()
            continue
        line = body.pop()
        if (mark := AUTHOR_MARK_LINE.match(line)) and not item.author:
            # "(pm)", "Autor: red" under the text
            item.author = (mark.group("mark") or mark.group("by")).strip()
            item.warnings.append(f"author mark under the text: {line}")
            continue
        dropped.insert(0, line)
    item.links[:0] = labelled
    if dropped:
        item.warnings.append(f"navigation removed: {' | '.join(dropped)[:160]}")
    return body
