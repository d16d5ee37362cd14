"""Press releases without portal markup: ministry pages, wire items, event pages, other text.

One parser with shape-specific details: the structure is the same (a heading, perhaps
navigation, a lead paragraph, the text), the clues for date and source differ.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from articles.ingest import dates, headline, related
from articles.ingest.furniture import (
    CREATED_BY,
    PAGE_HEADER,
    credit_value,
    is_credit,
    is_furniture,
    strip_read_more,
)
from articles.ingest.item import ParsedItem
from articles.ingest.links import URL, parse_link
from articles.ingest.sentences import first_sentence

VERSION = 1
WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\wäöüß./ -]{1,40}?)\s*"
    r"\((?P<agency>dpa|epd|afp|ap|kna|reuters|dts|ddp|apa)(?:/[a-z]{1,4})?\)\s*[-–—]\s*",
    re.IGNORECASE,
)
EVENT_WORDS = re.compile(
    r"\b\w*(Kongress|Konferenz|Tagung|Fachtag|Forum|Messe|Workshop|Symposium|Gipfel|Barcamp|"
    r"Veranstaltung|Kongreß|Summit|Festival|Hackathon|Seminar|Webinar|Kolloquium|Ausstellung|"
    r"Netzwerktreffen|Digitaltag|Aktionstag|Infotag|Thementag|Zukunftstag)\w*|\bTag der\b",
    re.IGNORECASE,
)
# "… findet am 7. Juni 2024 in Weimar statt": the lead of an event page.
TAKES_PLACE = re.compile(r"\b(?:findet|fand|finden|fanden)\b[^.!?]{0,160}?\bstatt\b")
TRAILING_MARK = re.compile(r"\s*\(([a-zäöü]{2,4}(?:/[a-zäöü]{1,4})?)\)$")
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
CONTACT_START = re.compile(
    r"^(Pressekontakt|Medienkontakt|Kontakt|Pressestelle|Pressesprecher(?:in)?|"
    r"Ansprechpartner(?:in)?)\b",
    re.I,
)
# "dpa-infocom, dpa:200505-99-123456/2", "© dpa", "(dpa)": the agency's footer lines.
AGENCY_FOOTER = re.compile(
    r"^(?:©\s*)?(?:dpa-infocom\b.*|dpa:\d{6}-.*|\(?(?:dpa|epd|afp|kna)(?:/[a-z]{1,4})?\)?|"
    r"(?:quelle|source)\s*:\s*(?:dpa|epd|afp|kna)\b.*)$",
    re.IGNORECASE,
)
# "11.04.2022 Die Stadt …", "Erfurt, 4. März 2025 – Der Landkreis …": a date glued to the lead.
GLUED_DATE = re.compile(
    r"^(?:[A-ZÄÖÜ][\wäöüß/.-]{1,30},\s*)?(?P<date>\d{1,2}\.\s?(?:\d{1,2}\.\s?|"
    rf"(?:{dates.MONTH_NAMES})\.?\s+)\d{{4}})(?:,?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*Uhr)?)?"
    r"\s*[-–—:|]?\s+(?P<rest>[A-ZÄÖÜ„\"].*)$",
    re.IGNORECASE,
)
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s*Uhr\b")
EVENT_VERBS = re.compile(r"\b(statt|findet|fand|beginnt|begann|tagt|tagte|eröffnet|lädt)\b")
DEADLINE = re.compile(r"\b(bis\s+(?:zum|spätestens)|Anmeldeschluss|Frist|Anmeldung)\b", re.I)
# A sentence ends after a word, not after the day of a date ("am 7. November").
SENTENCE_BREAK = re.compile(r"(?<=[a-zäöüß)“\"][.!?])\s+(?=[A-ZÄÖÜ„\"])|\n+")


def detect(lines: list[str]) -> str:
    head = [line for line in lines if line.strip()][:15]
    if any(WIRE_DATELINE.match(line) for line in head):
        return "wire"
    if head and len(head[0]) <= 120 and EVENT_WORDS.search(head[0]):
        return "event"
    if head and len(head[0]) <= 120 and any(_announces_event(line) for line in head[1:4]):
        return "event"
    if MINISTRY_HINTS.search("\n".join(lines)):
        return "ministry"
    return "other"


def _announces_event(line: str) -> bool:
    sentence = TAKES_PLACE.search(line)
    return bool(sentence) and dates.parse_date(sentence.group()) is not None


def parse(lines: list[str], item: ParsedItem, shape: str) -> None:
    item.source_kind = shape
    item.parser = f"{shape}@{VERSION}"
    text = "\n".join(lines)
    found = FoundDates()
    kept: list[str] = []
    seen_prose = False
    prose_seen = 0
    counts = Counter(line.strip() for line in lines if line.strip())
    seen_lines: set[str] = set()
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if counts[line] > 1 and len(line) <= 160 and not _is_prose(line):
            if line in seen_lines:
                item.warnings.append(f"repeated line removed: {line[:80]}")
                continue  # a page header or letterhead printed again
            seen_lines.add(line)
        if seen_prose and _starts_contact_block(line):
            break  # the press office's contact block ends the text
        if seen_prose and related.SECTION.match(line):
            item.related.extend(related.parse_section(lines[index + 1 :]))
            break
        if (inline := related.inline_item(line)) is not None:
            item.related.append(inline)
            continue
        if is_credit(line) or PAGE_HEADER.search(line) or AGENCY_FOOTER.match(line):
            if is_credit(line) and not item.image_credit:
                item.image_credit = credit_value(line)
            continue
        if CREATED_BY.match(line):
            found.created = found.created or dates.parse_date(line)
            item.warnings.append(f"creator line removed: {line[:80]}")
            continue
        stand = STAND.match(line)
        if stand and len(line) <= 60 and dates.parse_date(stand.group(1)):
            found.stand = found.stand or dates.parse_date(stand.group(1))
            continue
        if not seen_prose and dates.is_render_date(line) and not CLOCK.search(line):
            item.warnings.append(f"page date ignored: {line}")
            continue
        if _is_date_line(line):
            if dates.describes_the_copy(line):
                item.warnings.append(f"date of the copy or an appointment ignored: {line[:80]}")
                continue
            if not seen_prose:
                found.header = found.header or dates.parse_date(line)
                continue
            if prose_seen <= 2:
                found.late = found.late or dates.parse_date(line)
                continue
        if not seen_prose and (glued := GLUED_DATE.match(line)) and _is_prose(glued.group("rest")):
            found.header = found.header or dates.parse_date(glued.group("date"))
            item.warnings.append(f"date taken from the start of the lead: {glued.group('date')}")
            line = glued.group("rest")
        if is_furniture(line) or (not seen_prose and RELEASE_NUMBER.fullmatch(line)):
            continue
        if not seen_prose and len(line) <= 100 and MINISTRY_NAME.fullmatch(line):
            item.source_name = line
            continue
        kept.append(strip_read_more(line) if _is_prose(line) else line)
        is_prose = _is_prose(line) or bool(WIRE_DATELINE.match(line))
        prose_seen += is_prose
        seen_prose = seen_prose or is_prose
    _heading_teaser_body(_choose_heading(kept, item, shape), item)
    _dates(item, text, found, shape)
    _source(item, text, shape)


@dataclass
class FoundDates:
    """Dates the page states about itself (never dates inside the text)."""

    header: tuple[datetime.date, str] | None = None
    created: tuple[datetime.date, str] | None = None
    stand: tuple[datetime.date, str] | None = None
    late: tuple[datetime.date, str] | None = None  # a date line under the lead


def _starts_contact_block(line: str) -> bool:
    match = CONTACT_START.match(line)
    return bool(match) and (len(line) <= 40 or line[match.end() :].lstrip().startswith(":"))


def _is_date_line(line: str) -> bool:
    if len(line) > 45:
        return False
    found = dates.parse_date(line)
    if not found:
        return False
    words = re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", line)
    return len(words) <= 3


def _choose_heading(kept: list[str], item: ParsedItem, shape: str) -> list[str]:
    """The headline first, then the paragraphs of text; the lines above it are dropped."""
    paragraphs = [line for line in kept if line]
    if shape == "event":
        return _drop_navigation(paragraphs, item)
    lines: list[headline.Line] = []
    blank = True
    for line in kept:
        if line:
            lines.append(headline.Line(line, blank))
        blank = not line
    first_text = next((i for i, line in enumerate(lines) if _is_prose(line.text)), None)
    if first_text is None:
        return paragraphs
    if first_text == 0:
        return _lead_above_headline(paragraphs, item)
    kicker, title, dropped = headline.choose(lines[:first_text])
    if dropped:
        item.warnings.append(f"navigation removed: {' | '.join(dropped)[:160]}")
    if title is None:
        return paragraphs[first_text:]
    if kicker:
        item.kicker = kicker
        item.warnings.append(f"kicker: the short line above the headline ({kicker})")
    elif (glued := headline.split_glued_kicker(title)) is not None:
        item.kicker, title = glued
        item.warnings.append(f"kicker split from the headline at a capital ({item.kicker})")
    return [title, *paragraphs[first_text:]]


def _lead_above_headline(paragraphs: list[str], item: ParsedItem) -> list[str]:
    """A lead printed above its headline: lead, headline, text."""
    if (
        len(paragraphs) >= 3
        and headline.is_candidate(paragraphs[1])
        and 3 <= len(paragraphs[1].split()) <= 20
        and not _is_prose(paragraphs[1])
        and _is_prose(paragraphs[2])
        and not WIRE_DATELINE.match(paragraphs[0])
    ):
        item.warnings.append("headline found below its lead")
        return [paragraphs[1], paragraphs[0], *paragraphs[2:]]
    return paragraphs


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


def _is_heading(paragraph: str) -> bool:
    return len(paragraph) <= 200 and not paragraph.endswith((".", ":", ";", ","))


def _is_prose(paragraph: str) -> bool:
    if paragraph.endswith(("...", "…")):
        return False
    if WIRE_DATELINE.match(paragraph):
        return True
    words = len(paragraph.split())
    sentence_end = paragraph.endswith((".", "!", "?", "“", '"', "”", ")"))
    return (sentence_end and words >= 8) or len(paragraph) >= 200


def _heading_teaser_body(paragraphs: list[str], item: ParsedItem) -> None:
    if not paragraphs:
        return
    first = paragraphs[0]
    wire = WIRE_DATELINE.match(first)
    if _is_heading(first) and not _is_prose(first) and len(paragraphs) > 1 and not wire:
        item.title, rest = first, paragraphs[1:]
        item.teaser = _strip_dateline(rest[0]) if rest else None
        body = rest[1:]
    else:
        lead = _strip_dateline(first)
        sentence, remainder = first_sentence(lead)
        item.title = sentence.strip().rstrip(".")
        item.warnings.append("title taken from the first sentence")
        item.teaser = remainder or None
        body = paragraphs[1:]
    body = _without_trailing_navigation(body, item)
    mark = TRAILING_MARK.search(body[-1]) if body else None
    if mark:  # the author's initials or the agency's mark: "(bs)", "(dpa)"
        item.author = mark.group(1)
        body[-1] = body[-1][: mark.start()].rstrip()
        body = [paragraph for paragraph in body if paragraph]
    while body and (link := parse_link(body[-1])) is not None:
        item.links.insert(0, link)  # a block of links under the text is no body
        body.pop()
    links = [parse_link(p) for p in body]
    item.links[:0] = [link for link in links if link and link.url]
    item.body = "\n\n".join(body) or None
    if item.title and len(item.title) > 300:
        item.title = item.title[:297].rstrip() + "…"


def _without_trailing_navigation(body: list[str], item: ParsedItem) -> list[str]:
    """Menu entries under the text ("Zurück", "Themen"): short lines that are no sentence."""
    dropped = []
    while body and len(body[-1].split()) <= 3 and not re.search(r"[.!?:“\"]$", body[-1]):
        if parse_link(body[-1]):
            break
        dropped.insert(0, body.pop())
    if dropped:
        item.warnings.append(f"navigation removed: {' | '.join(dropped)[:160]}")
    return body


def _strip_dateline(paragraph: str) -> str:
    return WIRE_DATELINE.sub("", paragraph, count=1)


def _dates(item: ParsedItem, text: str, found: FoundDates, shape: str) -> None:
    today = dates.today_without_year(text)
    if today and found.stand and found.stand[0].timetuple()[1:3] == today[0].timetuple()[1:3]:
        today = None  # "Stand:" names the same day with its year
        found.header = found.header or found.stand
    stated = found.header or found.created
    if stated:
        item.date, item.date_precision = stated
        return
    if today:
        item.date, year = today
        item.date_precision = "day"
        item.date_inferred = True
        item.warnings.append(f"year inferred from text ({year})")
        return
    if shape == "event":
        event_date = _event_date(item)
        if event_date:
            item.date, item.date_precision = event_date
            return
    if found.stand:
        item.date, item.date_precision = found.stand
        return
    lead = "\n".join(filter(None, [item.title, item.teaser]))
    for fallback, reason in (
        (found.late, "date line under the lead"),
        (dates.today_stated(lead), "the lead names today's date"),
        (dates.dpa_story_date(text), "date from the dpa story id"),
        (dates.release_year(text), "year from the release number"),
    ):
        if fallback:
            item.date, item.date_precision = fallback
            item.warnings.append(reason)
            return
    without_year = dates.TODAY_NO_YEAR.search(text)
    if without_year:
        item.warnings.append(f"no year in the text for {without_year.group()}: date left empty")
    item.warnings.append("no date in the text")


def _event_date(item: ParsedItem) -> tuple[datetime.date, str] | None:
    """The day the event takes place: a date in a sentence saying so, else the first date."""
    text = "\n".join(filter(None, [item.teaser, item.body]))
    sentences = [s for s in SENTENCE_BREAK.split(text) if s]
    dated = [(s, dates.parse_date(s)) for s in sentences]
    dated = [(s, d) for s, d in dated if d and not DEADLINE.search(s)]
    for sentence, found in dated:
        if EVENT_VERBS.search(sentence):
            return found
    if dated:
        return dated[0][1]
    return dates.month_in(text)


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
