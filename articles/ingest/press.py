"""Press releases without portal markup: ministry pages, wire items, event pages, other text.

One parser with shape-specific details: the structure is the same (a heading, perhaps
navigation, a lead paragraph, the text), the clues for date and source differ.
"""

from __future__ import annotations

import datetime
import re
from itertools import pairwise

from articles.ingest import dates, headline, page_lines, web_heads
from articles.ingest.date_lines import split_dated_headline
from articles.ingest.furniture import is_furniture
from articles.ingest.item import ParsedItem
from articles.ingest.line_kinds import FACTS_ROW, PLACE_DATELINE, WIRE_DATELINE
from articles.ingest.line_kinds import is_prose as _is_prose
from articles.ingest.links import URL, closing_address, parse_link
from articles.ingest.page_lines import PageFacts
from articles.ingest.page_shapes import (
    join_broken_headline,
    join_lone_pipes,
    without_trailing_navigation,
)
from articles.ingest.sentences import first_sentence
from articles.ingest.source import RELEASE_STYLE

VERSION = 1
EVENT_WORDS = re.compile(
    r"\b\w*(Kongress|Konferenz|Tagung|Fachtag|Forum|Messe|Workshop|Symposium|Gipfel|Barcamp|"
    r"Veranstaltung|Kongreß|Summit|Festival|Hackathon|Seminar|Webinar|Kolloquium|Ausstellung|"
    r"Netzwerktreffen|Digitaltag|Aktionstag|Infotag|Thementag|Zukunftstag|Preisverleihung)\w*"
    r"|\bTag der\b",
    re.IGNORECASE,
)
# "… findet am 7. Juni 2024 in Weimar statt": the lead of an event page.
TAKES_PLACE = re.compile(r"\b(?:findet|fand|finden|fanden)\b[^.!?]{0,160}?\bstatt\b")
# "… oder per Post. cd": the author's initials after the last sentence, without brackets.
BARE_INITIALS = re.compile(r"(?<=[.!?“\"])\s+([a-z]{2,3})$")
NUMBERED_SECTION = re.compile(r"^\d{1,2}\.\s+[A-ZÄÖÜ]\S*(?:\s\S+){0,14}$")
PIECE_BY = re.compile(
    r"^(?:Ein\s+)?(?:Beitrag|Bericht|Text|Artikel|Video|Audio|Interview|Reportage|Feature)\s+von\s+"
    r"([A-ZÄÖÜ][\w.-]+(?:\s+[A-ZÄÖÜ][\w.-]+){1,2})$"
)
TRAILING_MARK = re.compile(r"\s*\(([a-zäöü]{2,4}(?:/[a-zäöü]{1,4})?)\)$")
MINISTRY_HINTS = re.compile(
    r"ministeri|staatskanzlei|pressemitteilung|medieninformation|landesregierung|"
    r"erstellt von|\bheute\s*\(\d|staatssekretär|minister\b",
    re.IGNORECASE,
)
MINISTRY_NAME = re.compile(
    r"\b((?:Thüringer\s+|(?:Bayerisches|Hessisches|Sächsisches|Niedersächsisches)\s+)?"
    r"(?:(?:Staats)?[Mm]inisterium\s+(?:für|der|des)\s+[A-ZÄÖÜ][\w-]*"
    r"(?:(?:,\s*|\s+und\s+)[A-ZÄÖÜ][\w-]*)*"
    r"|[A-ZÄÖÜ]\w*ministerium|Staatskanzlei))"
)
EVENT_VERBS = re.compile(r"\b(statt|findet|fand|beginnt|begann|tagt|tagte|eröffnet|lädt)\b")
DEADLINE = re.compile(r"\b(bis\s+(?:zum|spätestens)|Anmeldeschluss|Frist|Anmeldung)\b", re.I)
# A sentence ends after a word, not after the day of a date ("am 7. November").
SENTENCE_BREAK = re.compile(r"(?<=[a-zäöüß)“\"][.!?])\s+(?=[A-ZÄÖÜ„\"])|\n+")


def detect(lines: list[str], event_by_headline: bool = True) -> str:
    """The shape; `event_by_headline` False: a message (feed item, e-mail, newsletter) is an
    event only when its text announces one, not for a "Workshop" in its headline."""
    head: list[str] = []
    for line in lines:
        if line.strip() and not is_furniture(line):
            head.append(line)
            if len(head) == 15:
                break
    if any(WIRE_DATELINE.match(line) for line in head):
        return "wire"
    release = RELEASE_STYLE.search("\n".join(lines))  # a release about an event is no event page
    headline = head and len(head[0]) <= 120 and EVENT_WORDS.search(head[0])
    if event_by_headline and headline and not release:
        return "event"
    if head and len(head[0]) <= 120 and any(_announces_event(line) for line in head[1:4]):
        return "event"
    if not release and any(FACTS_ROW.match(line) for line in lines if line[:1] in "-–—*DTW"):
        return "event"  # "Datum: … Uhrzeit: … Ort: …": the facts of an event
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
    lines = split_dated_headline(join_broken_headline(join_lone_pipes(lines)))
    lines = web_heads.split_piped_headline(lines, item.warnings)
    lines = web_heads.split_head_byline(lines, item)
    if (listing := web_heads.dated_listing(lines)) is not None:
        lines, entries = listing
        item.related.extend(entries)
        item.warnings.append("listing of dated entries without headlines: the top one is the item")
    facts = page_lines.read(lines, item, MINISTRY_NAME)
    if facts.title_hint is None and not facts.no_headline:
        facts.title_hint = web_heads.crumb_headline(lines, facts.kept)
    if facts.no_headline:
        paragraphs = [line for line in facts.kept if line and _is_prose(line)]
    else:
        paragraphs = _choose_heading(
            facts.kept, item, shape, facts.title_hint, facts.above_date, facts.below_date
        )
    paragraphs[1:] = web_heads.without_place_datelines(paragraphs[1:], lines, item.warnings)
    forced = bool(facts.title_hint) and bool(paragraphs) and paragraphs[0] == facts.title_hint
    _heading_teaser_body(paragraphs, item, forced)
    _dates(item, text, facts, shape)
    _source(item, text, shape)


def _choose_heading(
    kept: list[str],
    item: ParsedItem,
    shape: str,
    title_hint: str | None = None,
    above_date: str | None = None,
    below_date: str | None = None,
) -> list[str]:
    """The headline first, then the paragraphs of text; the lines above it are dropped."""
    paragraphs = [line for line in kept if line]
    if shape == "event" and (len(kept) < 2 or not kept[1]) and not _heading_pair(kept):
        return _drop_navigation(paragraphs, item)  # the event's name alone above its menu
    lines: list[headline.Line] = []
    blank = True
    for line in kept:
        if line:
            lines.append(headline.Line(line, blank))
        blank = not line
    if title_hint is not None and title_hint in paragraphs:
        # The line right above a creator or date line is the headline.
        position = paragraphs.index(title_hint)
        first_text = position + 1
        kicker = None
        menu = headline.in_menu(lines, position)
        if position > 0 and headline.is_kicker(
            lines[position - 1], lines[position], position == 1, menu
        ):
            kicker = lines[position - 1].text.rstrip(":")
        dropped = [p for i, p in enumerate(paragraphs[:position]) if p != kicker]
        title: str | None = headline.strip_bullet(title_hint)
        if web_heads.subtitle_under(paragraphs, first_text):
            dropped.append(headline.SUBTITLE_MARK + paragraphs[first_text])
            first_text += 1
    else:
        first_text = next((i for i, line in enumerate(lines) if _is_prose(line.text)), None)
        if first_text is None:
            return paragraphs
        if first_text == 0:
            return _lead_above_headline(paragraphs, item)
        opening = lines[first_text - 1].text if first_text > 1 else ""
        if opening.startswith("1. ") and NUMBERED_SECTION.match(opening):
            first_text -= 1  # "1. Baugesuche" over the text: its first section's heading
        if not any(len(line.text.split()) >= 3 for line in lines[:first_text]):
            moved = _lead_above_headline(paragraphs[first_text:], item)
            if moved[0] != paragraphs[first_text]:  # only outlet and section names above
                item.warnings.append(f"navigation removed: {' | '.join(paragraphs[:first_text])}")
                return moved
        kicker, title, dropped = headline.choose(lines[:first_text], above_date, below_date)
    subtitle = None
    if dropped and dropped[-1].startswith(headline.SUBTITLE_MARK):
        subtitle = dropped.pop()[len(headline.SUBTITLE_MARK) :]
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
    text = _without_captions(paragraphs[first_text:], item)
    if subtitle and text and text[0].endswith("?"):
        text.insert(0, subtitle)  # an interview opens with a question: the subtitle leads
    elif subtitle:
        item.warnings.append(f"subtitle under the headline left out: {subtitle[:80]}")
    return [title, *text]


def _heading_pair(kept: list[str]) -> bool:
    """Two heading lines in one block above the text: a headline and its subtitle."""
    for upper, lower in pairwise(kept):
        if _is_prose(upper) or _is_prose(lower):
            return False
        if upper and lower and headline.is_candidate(upper) and headline.is_candidate(lower):
            return True
    return False


def _without_captions(paragraphs: list[str], item: ParsedItem) -> list[str]:
    """A picture caption between the headline and the text: a short sentence, no prose."""
    rest = list(paragraphs)
    while len(rest) > 1 and _is_prose(rest[1]):
        caption = not _is_prose(rest[0]) and rest[0].endswith(".")
        slogan = rest[0].endswith("!") and len(rest[0].split()) <= 12 and len(rest[1]) > 120
        if not (caption or slogan):
            break
        item.warnings.append(f"caption or slogan removed: {rest[0][:80]}")
        rest.pop(0)
    return rest


def _lead_above_headline(paragraphs: list[str], item: ParsedItem) -> list[str]:
    """A lead printed above its headline: lead, headline, text."""
    question = len(paragraphs) >= 2 and paragraphs[1].endswith("?") and len(paragraphs[1]) <= 80
    if (
        len(paragraphs) >= 3
        and headline.is_candidate(paragraphs[1])
        and 3 <= len(paragraphs[1].split()) <= 20
        and (question or not _is_prose(paragraphs[1]))  # "Wer bohrt das dicke Brett …?"
        and not WIRE_DATELINE.match(paragraphs[0])
    ):
        rest = _without_captions(paragraphs[2:], item)
        if rest and _is_prose(rest[0]) and len(paragraphs[0]) < 90:
            # "Startseite unser.gera.de. Diese Seite startet am …": a caption, no lead
            item.warnings.append(f"caption above the headline removed: {paragraphs[0][:80]}")
            return [paragraphs[1], *rest]
        if rest and _is_prose(rest[0]):
            item.warnings.append("headline found below its lead")
            title = paragraphs[1]
            if (genre := headline.GENRE_KICKER.match(title)) is not None:
                item.kicker, title = genre.group(1), title[genre.end() :]  # "Kommentar Wer …"
            return [title, paragraphs[0], *rest]
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
    short_sentence = paragraph.endswith(".") and len(paragraph.split()) <= 6
    return len(paragraph) <= 200 and (
        short_sentence or not paragraph.endswith((".", ":", ";", ","))
    )


def _without_truncated_repeat(paragraphs: list[str], item: ParsedItem) -> list[str]:
    """A lead cut at "..." and printed again in full below: keep the full one."""
    if len(paragraphs) >= 2 and paragraphs[0].endswith(("...", "…")):
        stem = paragraphs[0].rstrip(".…").strip()
        if paragraphs[1].startswith(stem):
            item.warnings.append("shortened repeat of the lead removed")
            return paragraphs[1:]
    if len(paragraphs) >= 2 and paragraphs[1] == paragraphs[0]:
        item.warnings.append("the lead printed twice: the repeat removed")
        return paragraphs[1:]
    repeated = len(paragraphs) >= 2 and len(paragraphs[1]) > len(paragraphs[0]) >= 80
    if repeated and paragraphs[1].startswith(paragraphs[0]):  # the lead again atop the text
        item.warnings.append("lead repeated at the start of the text removed")
        rest = paragraphs[1][len(paragraphs[0]) :].strip()
        return [paragraphs[0], *([rest] if rest else []), *paragraphs[2:]]
    return paragraphs


def _heading_teaser_body(paragraphs: list[str], item: ParsedItem, forced: bool = False) -> None:
    if not paragraphs:
        return
    first = paragraphs[0]
    wire = WIRE_DATELINE.match(first)
    heading = _is_heading(first) and not _is_prose(first) and not wire
    if (heading or forced) and len(paragraphs) > 1:
        item.title, rest = first, _without_truncated_repeat(paragraphs[1:], item)
        item.teaser = _strip_dateline(rest[0]) if rest else None
        body = rest[1:]
        if rest and NUMBERED_SECTION.match(rest[0]) and not _is_prose(rest[0]):
            item.teaser, body = None, rest  # "1. Baugesuche": numbered sections, no lead
        if body and item.teaser == rest[0]:
            body[0] = _strip_dateline(body[0])  # the dateline opens the text under a subtitle
    else:
        lead = _strip_dateline(first)
        sentence, remainder = first_sentence(lead)
        item.title = sentence.strip().rstrip(".")
        item.warnings.append("title taken from the first sentence")
        item.teaser = remainder or None
        body = paragraphs[1:]
    body = without_trailing_navigation(body, item)
    if body and (piece := PIECE_BY.match(body[-1])) is not None:
        item.author = item.author or piece.group(1)  # "Ein Beitrag von Holger Neddermeier"
        body.pop()
    mark = TRAILING_MARK.search(body[-1]) if body else None
    mark = mark or (BARE_INITIALS.search(body[-1]) if body else None)
    if mark:  # the author's initials or the agency's mark: "(bs)", "(dpa)"
        item.author = mark.group(1)
        body[-1] = body[-1][: mark.start()].rstrip()
        body = [paragraph for paragraph in body if paragraph]
    elif not body and item.teaser and (mark := TRAILING_MARK.search(item.teaser)):
        item.author = mark.group(1)  # one paragraph, closed by the author's initials
        item.teaser = item.teaser[: mark.start()].rstrip()
    while body and (link := parse_link(body[-1])) is not None:
        item.links.insert(0, link)  # a block of links under the text is no body
        body.pop()
    links = [parse_link(p) or closing_address(p) for p in body]
    item.links[:0] = [link for link in links if link and link.url]
    item.body = "\n\n".join(body) or None
    if item.title and len(item.title) > 300:
        item.title = item.title[:297].rstrip() + "…"


def _strip_dateline(paragraph: str) -> str:
    return PLACE_DATELINE.sub("", WIRE_DATELINE.sub("", paragraph, count=1), count=1)


def _dates(item: ParsedItem, text: str, found: PageFacts, shape: str) -> None:
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
        (found.updated, "date of the last update: no other date on the page"),
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
