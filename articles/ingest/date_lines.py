"""What stands around a page's date line, and other short metadata lines near the text.

The author's name on the line above the date ("Claudia Klinger" / "02.06.2022, 05:00") or
before it on the same line, the rubric after it ("25.06.2014 | Thüringen"), a date line at
the end of the text, a picture caption over its credit before the lead, a letter's closing
wish. `page_lines.read` calls these; they only look, the caller takes the line out.
"""

from __future__ import annotations

import re

from articles.ingest import dates
from articles.ingest.furniture import CREATED_BY, is_furniture
from articles.ingest.headline import PLACES
from articles.ingest.item import ParsedItem
from articles.ingest.line_kinds import (
    AGENCIES,
    BYLINE,
    BYLINE_HEAD,
    CATEGORY_LINE,
    CLOCK,
    DATE_LINE_WORDS,
    NAME_LINE,
    STAND,
    is_prose,
    starts_contact_block,
)
from articles.ingest.people import looks_like_name


def is_closing_wish(line: str) -> bool:
    """ "Wir freuen uns auf Sie!": a short exclamation above a letter's close."""
    return line.endswith("!") and len(line.split()) <= 6


# "Diese Nachricht wurde am 01.03.2023 im Programm Deutschlandfunk gesendet.": a broadcast note
BROADCAST_NOTE = re.compile(
    r"^Diese[rs]? (?:Nachricht|Meldung|Beitrag|Sendung|Bericht) wurde am (.{6,30}?) "
    r"(?:im Programm|in der Sendung|im|bei|von)\b.{0,60}?"
    r"(?:gesendet|ausgestrahlt|veröffentlicht)\.?$"
)


def stand_date(line: str) -> tuple | None:
    """The date a "Stand:" / "Veröffentlicht im Dezember 2025." / broadcast note names."""
    if (note := BROADCAST_NOTE.match(line)) is not None:
        return dates.parse_date(note.group(1))
    stand = STAND.match(line)
    if not stand:
        return None
    if len(line) <= 60 and (stated := dates.parse_date(stand.group(1))):
        return stated
    return dates.month_in(stand.group(1)) if len(line) <= 40 else None


def take_rubric(name: str, item: ParsedItem) -> None:
    """ "25.06.2014 | Thüringen": the rubric after the date, not an agency, place or menu."""
    place = any(word in PLACES for word in name.split())  # a venue: "Steigerwaldstadion Erfurt"
    first = name.split()[0].lower()
    if name.lower() in AGENCIES or place or is_furniture(name) or CLOCK.search(name):
        return
    if first in DATE_LINE_WORDS or first in dates.MONTHS:
        return
    item.category = item.category or name


def author_above(kept: list[str], item: ParsedItem, prose_seen: int) -> None:
    """A name alone on the line right above the date line: the author ("Claudia Klinger")."""
    if item.author or not kept or not kept[-1]:
        return
    name = kept[-1]
    if (byline := BYLINE.match(name)) is not None:
        name = byline.group("name").strip()  # "Von Claudia Bachmann"
    headline = any(len(line.split()) >= 3 for line in kept[:-1] if line)
    if NAME_LINE.match(name) and looks_like_name(name) and (prose_seen or headline):
        kept.pop()
        item.author = name
        item.warnings.append(f"author above the date line: {name}")


def looks_like_byline(found: re.Match, shape: re.Pattern) -> bool:
    """ "Von …" names anyone; a bare name before the date must look like a person's."""
    return shape is BYLINE_HEAD or looks_like_name(found.group("name"))


def only_furniture_below(lines: list[str], index: int) -> bool:
    """A date line after the text with nothing but page furniture under it."""
    rest = [line.strip() for line in lines[index + 1 :] if line.strip()]
    return all(  # "Pressesprecher: Name · Telefon …" under "Erfurt, 11. Februar 2026"
        is_furniture(line) or len(line.split()) <= 3 or starts_contact_block(line) for line in rest
    )


def caption_above(kept: list[str]) -> bool:
    """Headline, blank, "Schneller Kontakt zu Behörden.", blank, "Bild: …": the short
    sentence over the credit is the picture's caption, not a second headline."""
    if len(kept) < 3 or kept[-1] or not kept[-2] or not kept[-2].endswith("."):
        return False
    caption = kept[-2]
    headlines = [line for line in kept[:-2] if len(line.split()) >= 3 and not line.endswith(".")]
    return len(caption.split()) <= 12 and not is_prose(caption) and bool(headlines)


def dated_headline_above(kept: list[str], lines: list[str], index: int) -> bool:
    """ "Mittwoch, 18. Juni 2025" under a headline and over the lead: the item's date, not
    the day the page was rendered."""
    following = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    headline = next((line for line in reversed(kept) if line), "")
    return is_prose(following) and len(headline.split()) >= 3


QUOTE_MARKS = {"»", "«", "„", "“", '"', "”"}


def pull_quote_end(lines: list[str], index: int) -> int | None:
    """ "»" / quote / "«" / "Dr. Hartmut Schubert": a pull quote set apart from the text, with
    its speaker's name under it. The index after it, or None."""
    closing = next(
        (
            i
            for i in range(index + 1, min(len(lines), index + 8))
            if lines[i].strip() in QUOTE_MARKS
        ),
        None,
    )
    if closing is None:
        return None
    end = closing + 1
    speaker = next((i for i in range(end, len(lines)) if lines[i].strip()), None)
    if speaker is not None and speaker == end:
        name = re.sub(r"^(?:Dr\.|Prof\.)\s+", "", lines[speaker].strip())
        if NAME_LINE.match(name) and looks_like_name(name):
            end = speaker + 1
    return end


def line_above_date(kept: list[str], lines: list[str], index: int) -> str | None:
    """The line above the first date line, when the lead follows the date (and its category
    line): likely the headline."""
    above = next((line for line in reversed(kept) if line), None)
    opening = above.split()[:2] if above else None
    following = next(
        (
            line.strip()
            for line in lines[index + 1 :]
            if line.strip()
            and not CATEGORY_LINE.match(line.strip())
            # a picture's alt text echoing the headline: "Digitaler Aufbruch 2024 in Hamburg"
            and not (len(line) <= 100 and line.split()[:2] == opening and not is_prose(line))
        ),
        "",
    )
    return above if is_prose(following) else None


# "20.09.2017, Rede der Beigeordneten zur Einbringung …": a release page's date and headline
# "14.03.2016, Headline" or, with the time between, "13.02.2024 07:26 Headline".
DATED_HEADLINE = re.compile(
    r"^(?P<date>(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{1,2}\.\s+[A-ZÄÖÜ][a-zä]+\s+\d{4})"
    r"(?:,?\s+\d{1,2}:\d{2}(?:\s*Uhr)?(?!\s*Uhr)(?=\s))?)(?:,\s+|(?<=:\d\d|Uhr)\s+)"
    r"(?P<headline>[A-ZÄÖÜ„\"].{10,160})$"
)


def split_dated_headline(lines: list[str]) -> list[str]:
    """A date and the headline on one line above the text: the headline, then its date line."""
    out: list[str] = []
    prose = False
    for line in lines:
        found = None if prose else DATED_HEADLINE.match(line.strip())
        prose = prose or is_prose(line.strip())
        headline = found.group("headline").strip() if found else ""
        if found and not re.search(r"[.!?:]$", headline) and dates.parse_date(found["date"]):
            out += [headline, found.group("date")]
            continue
        out.append(line)
    return out


def note_above_date(facts, lines: list[str], index: int) -> None:
    if facts.above_date is None and not (facts.header or facts.created):
        facts.above_date = line_above_date(facts.kept, lines, index)
        below = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
        facts.below_date = below if below and not is_prose(below) else None


def hint_title(facts, prose_seen: int, lines: list[str], index: int) -> bool:
    """A creator or date line right under the only line so far: that line is the headline,
    even when it ends with a full stop ("… widerspricht Darstellung des MDR.")."""
    following = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    lead = is_prose(following) or len(following) >= 100
    if following and not lead and not CREATED_BY.match(following):
        return False  # a heading follows the date: the date belongs to it
    lines = [line for line in facts.kept if line]
    if prose_seen <= 1 and lines and len(lines[-1]) <= 250 and len(lines[-1].split()) >= 3:
        others = lines[:-1]
        if not any(len(line.split()) >= 3 for line in others):
            facts.title_hint = lines[-1]
            return True
    return False


def author_below(lines: list[str], index: int, item: ParsedItem) -> list[str]:
    """A name alone on the line under the date line, the lead under it: the author."""
    below = next(
        (i for i in range(index + 1, min(index + 3, len(lines))) if lines[i].strip()), None
    )
    if below is None or item.author:
        return lines
    name = lines[below].strip()
    following = next((line.strip() for line in lines[below + 1 :] if line.strip()), "")
    if NAME_LINE.match(name) and looks_like_name(name) and is_prose(following):
        item.author = name
        item.warnings.append(f"author under the date line: {name}")
        return [*lines[:below], "", *lines[below + 1 :]]
    return lines


def placed_byline(byline: re.Match, prose_seen: int) -> bool:
    """ "Von Vivien Timmler, Berlin" under the lead: a byline, perhaps with the writer's place."""
    name, comma, place = byline.group("name").partition(",")
    placed = not comma or place.strip()[:1].isupper()  # "Von Ruth Seyboth-Kurth"
    shaped = re.fullmatch(r"[A-ZÄÖÜ][\w.-]+(?: [A-ZÄÖÜ][\w.-]+){1,2}", name.strip()) is not None
    return prose_seen == 1 and placed and shaped and looks_like_name(name.strip())
