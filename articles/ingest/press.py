"""Press releases without portal markup: ministry pages, wire items, event pages, other text.

One parser with shape-specific details: the structure is the same (a heading, perhaps
navigation, a lead paragraph, the text), the clues for date and source differ.
"""

from __future__ import annotations

import re

from articles.ingest import dates
from articles.ingest.furniture import CREATED_BY, is_furniture
from articles.ingest.item import ParsedItem
from articles.ingest.links import URL, parse_link

VERSION = 1
WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\wäöüß./ -]{1,40}?)\s*"
    r"\((?P<agency>dpa|epd|afp|ap|kna|reuters|dts|ddp|apa)(?:/[a-z]{1,4})?\)\s*[-–—]\s*",
    re.IGNORECASE,
)
EVENT_WORDS = re.compile(
    r"\b\w*(Kongress|Konferenz|Tagung|Fachtag|Forum|Messe|Workshop|Symposium|Gipfel|Barcamp|"
    r"Veranstaltung|Kongreß)\w*",
    re.IGNORECASE,
)
MINISTRY_HINTS = re.compile(
    r"ministeri|staatskanzlei|pressemitteilung|medieninformation|landesregierung|"
    r"erstellt von|\bheute\s*\(\d|staatssekretär|minister\b",
    re.IGNORECASE,
)
MINISTRY_NAME = re.compile(
    r"\b((?:Thüringer\s+)?(?:Ministerium\s+für\s+[A-ZÄÖÜ][\w-]*(?:(?:,\s*|\s+und\s+)[A-ZÄÖÜ][\w-]*)*"
    r"|[A-ZÄÖÜ]\w*ministerium|Staatskanzlei))"
)
RELEASE_NUMBER = re.compile(r"^(Presse|Medien)\w*\s*(Nr\.?|Nummer)?\s*[\d/]*", re.IGNORECASE)
STAND = re.compile(r"^(?:Stand|Datum|Veröffentlicht(?: am)?)\s*:?\s*(.+)$", re.IGNORECASE)
CONTACT_START = re.compile(r"^(Pressekontakt|Kontakt|Pressestelle|Ansprechpartner)\b", re.I)
SENTENCE_END = re.compile(r"(?<=[a-zäöüß0-9)“\"])[.!?](?=\s+[A-ZÄÖÜ„\"])")


def detect(lines: list[str]) -> str:
    head = [line for line in lines if line.strip()][:15]
    if any(WIRE_DATELINE.match(line) for line in head):
        return "wire"
    if head and len(head[0]) <= 120 and EVENT_WORDS.search(head[0]):
        return "event"
    if MINISTRY_HINTS.search("\n".join(lines)):
        return "ministry"
    return "other"


def parse(lines: list[str], item: ParsedItem, shape: str) -> None:
    item.source_kind = shape
    item.parser = f"{shape}@{VERSION}"
    text = "\n".join(lines)
    header_date = stand_date = None
    kept: list[str] = []
    seen_text = False
    for raw in lines:
        line = raw.strip()
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if CREATED_BY.match(line):
            item.warnings.append(f"creator line removed: {line[:80]}")
            continue
        stand = STAND.match(line)
        if stand and len(line) <= 60 and dates.parse_date(stand.group(1)):
            stand_date = stand_date or dates.parse_date(stand.group(1))
            continue
        if not seen_text and _is_date_line(line):
            header_date = header_date or dates.parse_date(line)
            continue
        if is_furniture(line) or (not seen_text and RELEASE_NUMBER.fullmatch(line)):
            continue
        if not seen_text and len(line) <= 100 and MINISTRY_NAME.fullmatch(line):
            item.source_name = line
            continue
        if CONTACT_START.match(line) and seen_text and len(line) <= 40:
            break  # the press office's contact block ends the text
        kept.append(line)
        seen_text = True
    paragraphs = _paragraph_lines(kept)
    if shape == "event":
        paragraphs = _drop_navigation(paragraphs, item)
    _heading_teaser_body(paragraphs, item)
    _dates(item, text, header_date, stand_date, shape)
    _source(item, text, shape)


def _is_date_line(line: str) -> bool:
    found = dates.parse_date(line)
    if not found or len(line) > 45:
        return False
    words = re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", line)
    return len(words) <= 3


def _paragraph_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line]


def _drop_navigation(paragraphs: list[str], item: ParsedItem) -> list[str]:
    """Event pages list their menu between the title and the text: short lines, no sentence."""
    if not paragraphs:
        return paragraphs
    first_text = next((i for i, p in enumerate(paragraphs[1:], 1) if _is_prose(p)), None)
    if first_text is None:
        return paragraphs
    dropped = paragraphs[1:first_text]
    if dropped:
        item.warnings.append(f"navigation removed: {' | '.join(dropped)[:160]}")
    return [paragraphs[0], *paragraphs[first_text:]]


def _is_prose(paragraph: str) -> bool:
    if paragraph.endswith(("...", "…")):
        return False
    return len(paragraph) >= 120 or (paragraph.endswith(".") and len(paragraph.split()) >= 8)


def _heading_teaser_body(paragraphs: list[str], item: ParsedItem) -> None:
    if not paragraphs:
        return
    first = paragraphs[0]
    wire = WIRE_DATELINE.match(first)
    if len(first) <= 160 and not first.endswith(".") and len(paragraphs) > 1 and not wire:
        item.title, rest = first, paragraphs[1:]
        item.teaser = _strip_dateline(rest[0]) if rest else None
        body = rest[1:]
    else:
        lead = _strip_dateline(first)
        sentences = SENTENCE_END.split(lead, maxsplit=1)
        item.title = sentences[0].strip().rstrip(".")
        item.warnings.append("title taken from the first sentence")
        remainder = sentences[1].strip() if len(sentences) > 1 else ""
        item.teaser = remainder or None
        body = paragraphs[1:]
    links = [parse_link(p) for p in body]
    item.links.extend(link for link in links if link and link.url)
    item.body = "\n\n".join(body) or None
    if item.title and len(item.title) > 300:
        item.title = item.title[:297].rstrip() + "…"


def _strip_dateline(paragraph: str) -> str:
    return WIRE_DATELINE.sub("", paragraph, count=1)


def _dates(item: ParsedItem, text: str, header_date, stand_date, shape: str) -> None:
    if header_date:
        item.date, item.date_precision = header_date
        return
    today = dates.today_without_year(text)
    if today:
        item.date, year = today
        item.date_precision = "day"
        item.date_inferred = True
        item.warnings.append(f"year inferred from text ({year})")
        return
    if shape == "event":
        for paragraph in filter(None, [item.teaser, item.body]):
            found = dates.parse_date(paragraph)
            if found:
                item.date, item.date_precision = found
                return
    if stand_date:
        item.date, item.date_precision = stand_date
        return
    item.warnings.append("no date in the text")


def _source(item: ParsedItem, text: str, shape: str) -> None:
    if shape == "wire":
        match = next(
            (WIRE_DATELINE.match(line) for line in text.split("\n") if WIRE_DATELINE.match(line)),
            None,
        )
        item.source_name = match.group("agency").lower() if match else "Nachrichtenagentur"
    elif shape == "event":
        event = EVENT_WORDS.search(item.title or "")
        item.source_name = (item.title or "")[: event.end()].strip() if event else item.title
    elif shape == "ministry" and not item.source_name:
        match = MINISTRY_NAME.search(text)
        item.source_name = match.group(1) if match else "Thüringer Landesregierung"
    if URL.match(item.source_name or ""):
        item.source_name = None
