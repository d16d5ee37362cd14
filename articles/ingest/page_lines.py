"""The first pass over a page: every line classified, furniture and metadata taken out.

What is left are the lines of the item (headline candidates and paragraphs, blank lines
between blocks). On the way the pass notes what the page says about itself: date lines
(above or just below the lead), creator and "Stand:" lines, release numbers, picture
credits, the outlet's source line, keyword lists, bylines; it ends at the contact block,
a related list, an advertising or paywall box, or the footer.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from articles.ingest import dates, related
from articles.ingest.furniture import (
    BRACKETED_CREDIT,
    CAPTION_WITH_CREDIT,
    CREATED_BY,
    PAGE_HEADER,
    SOURCE_LINE,
    credit_value,
    is_credit,
    is_furniture,
    strip_read_more,
)
from articles.ingest.headline import PLACES
from articles.ingest.item import ParsedItem, PersonRef, RelatedRef
from articles.ingest.links import parse_link
from articles.ingest.people import is_role_word, looks_like_name

AGENCIES = {"dpa", "epd", "afp", "kna", "ap", "reuters", "dts", "ddp", "apa"}
WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\wäöüß./ -]{1,40}?)\s*"
    r"\((?P<agency>dpa|epd|afp|ap|kna|reuters|dts|ddp|apa)(?:/[a-z]{1,4})?\)\s*[-–—]\s*",
    re.IGNORECASE,
)
# "Ilmenau/Erfurt - Das …": a dateline without the agency's mark.
PLACE_DATELINE = re.compile(
    r"^[A-ZÄÖÜ][\wäöüß.-]+(?:/[A-ZÄÖÜ][\wäöüß.-]+)*\s+[-–—]\s+(?=[A-ZÄÖÜ„«»\"])"
    rf"|^(?:{'|'.join(sorted(PLACES))})\.\s+(?=[A-ZÄÖÜ„«»\"])"
)
STAND = re.compile(r"^(?:Stand|Datum|Veröffentlicht(?: am)?)\s*:?\s*(.+)$", re.IGNORECASE)
CONTACT_START = re.compile(
    r"^(Pressekontakt|Medienkontakt|Kontakt|Pressestelle|Pressesprecher(?:in)?|"
    r"Ansprechpartner(?:in)?)\b",
    re.I,
)
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s*Uhr\b")
RELEASE_NUMBER = re.compile(
    r"^(?:(?:Presse|Medien)\w*\s*(?:Nr\.?|Nummer)?\s*[\d/]*|(?:Nr\.\s*)?\d{1,4}/(?:19|20)\d\d)$",
    re.IGNORECASE,
)
# "dpa-infocom, dpa:200505-99-123456/2", "© dpa", "Direkt aus dem dpa-Newskanal"
AGENCY_FOOTER = re.compile(
    r"^(?:©\s*)?(?:dpa-infocom\b.*|dpa:\d{6}-.*|\(?(?:dpa|epd|afp|kna)(?:/[a-z]{1,4})?\)?|"
    r"(?:quelle|source)\s*:\s*(?:dpa|epd|afp|kna)\b.*)$|^[^.]{0,60}\bdpa-\w+[^.]{0,30}$",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^(?:von|by)\s+(?P<name>[\w .,/&-]{2,60})$", re.IGNORECASE)
# "16. Mai 2018 von Redaktion", "Datum: 02.07.2020 | Autor: Jonas Weber": a byline in a date line
BYLINE_TAIL = re.compile(
    r"(?:\s+(?:von|by)\s+|\s*\|?\s*(?:autor(?:in)?|author|redakteur(?:in)?|text)\s*:\s*)"
    r"(?P<name>[\w][\w .-]{1,40})$|\s*\|\s*(?P<agency>dpa|epd|afp|kna)$",
    re.IGNORECASE,
)
# "6 min read", "Lesedauer: 2 Minuten" (also glued to the year: "20196 min read")
READING_TIME = re.compile(
    r"(?:(?<=(?:19|20)\d\d)|\s*\|\s*|\s+)(?:lesedauer:?\s*)?\d{1,2}\s*(?:min\.?|minuten)"
    r"(?:\s*(?:read|lesezeit|lesen))?\s*$",
    re.IGNORECASE,
)
# "Bitkom Smart City Atlas19. März 2019": an author glued to the date
GLUED_BYLINE = re.compile(
    r"^(?P<name>[A-ZÄÖÜ][^\d|]{2,50}?[a-zäöüß])(?P<date>\d{1,2}\.\s?\S+\s+\d{4})$"
)
CATEGORY_LINE = re.compile(
    r"^(?:kategorie|kategorien|rubrik|ressort)\s*:\s*(?P<name>.{2,80})$", re.I
)
# A caption with its position marks: "Prof. Anna Beck (r.) mit …", "v. l. Name, Name"
CAPTION_MARKS = re.compile(
    r"\((?:r|l|m|li|re|Mitte)\.?\)|\bv\.\s?[lr]\.\s|\bvon (?:links|rechts)\b"
)
INLINE_CREDIT = re.compile(
    r"^(?P<caption>.{3,300}?)\s*(?:\((?:foto|bild|bildrechte|quelle)\s*:\s*(?P<a>[^()]+)\)|"
    r"\|\s*(?:presse)?(?:foto|bild|bildrechte)\s*:\s*(?P<b>.+))\s*$",
    re.IGNORECASE,
)
# "11.04.2022 Die Stadt …", "Erfurt, 4. März 2025 – Der Landkreis …": a date glued to the lead.
GLUED_DATE = re.compile(
    r"^(?:[A-ZÄÖÜ][\wäöüß/.-]{1,30},\s*)?(?P<date>\d{1,2}\.\s?(?:\d{1,2}\.\s?|"
    rf"(?:{dates.MONTH_NAMES})\.?\s+)\d{{4}})(?:,?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*Uhr)?)?"
    r"\s*[-–—:|.]?\s+(?P<rest>[A-ZÄÖÜ„\"].*)$",
    re.IGNORECASE,
)
KEYWORD_HEADER = re.compile(
    r"^(?:stichw(?:ö|oe)rter|schlagw(?:ö|oe)rter|schlagworte|tags|themen in diesem artikel|"
    r"mehr zu den themen)\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# Boxes after the text that end it: adverts, paywalls, programme notes, "more news".
END_OF_TEXT = re.compile(
    r"^(?:mehr aus dem web|neues aus der redaktion|weitere news|top news|weiterlesen mit\b|"
    r"jetzt weiterlesen|unsere premium|dieses thema im programm|das könnte sie auch interessieren"
    r"\s*\(anzeige\)|weitere meldungen aus dem dpa|zur startseite|meistgelesen|newsletter\b|"
    r"quelle:?$|herausgeber\s*:|\*{1,3}$|- ende -$)",
    re.IGNORECASE,
)


# Lower-case words a picture description has and a credit ("Stadt Jena", "TSK/Name") has not
DESCRIPTION = re.compile(r"\s(?!(?:von|und|der|die|des|für|e\.\s?V\.)\s)[a-zäöüß]{2,}\b(?!\.)")
CREDIT_WORDS = ("foto", "bild", "©", "copyright", "(c) ", "grafik", "quelle", "image", "photo")
NAME_LINE = re.compile(
    r"^(?:Dr\.\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:\s+[A-ZÄÖÜ][a-zäöüß-]+){1,2}$"
)
LABEL_LINE = re.compile(
    r"^(?:Ort|Termin|Datum|Zeit|Uhrzeit|Anmeldung|Anmeldeschluss|Veranstalter(?:in)?|Kosten|"
    r"Eintritt|Teilnahme|Teilnahmegebühr|Zielgruppe|Adresse|Veranstaltungsort|Beginn|Ende|"
    r"Einlass|Moderation|Anfahrt|Programm|Veranstaltung|Format|Sprache)\s*:\s+\S.{0,120}$"
)
IMAGE_LABELS = {"bild", "foto", "image", "bildergalerie", "abbildung"}
CAPTION_START = re.compile(r"^(?:v\.\s?[lr]\.|von (?:links|rechts))", re.IGNORECASE)
ARROW = re.compile(r"^(?:-->|->|=>|>|»|›)\s+")
SALUTATION = re.compile(
    r"^(?:werte|liebe|lieber|sehr geehrte[rn]?)\s+[^.!?]{2,40},$", re.IGNORECASE
)
TEASER_ENTRY = re.compile(r"(?:\.\.\.|…)\s*\[[^\]]{3,30}\]$")
LIST_BULLET = re.compile(r"^\s*[•·▪►]\s*")


@dataclass
class PageFacts:
    """What the page says about the item outside its text."""

    header: tuple[datetime.date, str] | None = None
    created: tuple[datetime.date, str] | None = None
    stand: tuple[datetime.date, str] | None = None
    late: tuple[datetime.date, str] | None = None  # a date line under the lead
    title_hint: str | None = None  # the line right above a creator or date line
    no_headline: bool = False  # a listing whose top item has no headline
    kept: list[str] = field(default_factory=list)


def is_prose(paragraph: str) -> bool:
    if paragraph.endswith(("...", "…")):
        return False
    if WIRE_DATELINE.match(paragraph):
        return True
    words = len(paragraph.split())
    sentence_end = bool(re.search(r"(?:[.!?)]|[.!?][“\"”«»'])$", paragraph))
    return (sentence_end and words >= 8) or len(paragraph) >= 200


def is_date_line(line: str) -> bool:
    line = " ".join(line.split())
    if len(line) > 60:
        return False
    found = dates.parse_date(line)
    if not found:
        return False
    words = re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", line)
    return len(words) <= 4


def _starts_contact_block(line: str) -> bool:
    match = CONTACT_START.match(line)
    return bool(match) and (len(line) <= 40 or line[match.end() :].lstrip().startswith(":"))


def read(lines: list[str], item: ParsedItem, ministry_name: re.Pattern) -> PageFacts:
    facts = PageFacts()
    kept = facts.kept
    seen_prose = False
    prose_seen = 0
    counts = Counter(line.strip() for line in lines if line.strip())
    seen_lines: set[str] = set()
    first_text = next((i for i, line in enumerate(lines) if is_prose(line.strip())), len(lines))
    for line, count in counts.items():
        above = [i for i, raw in enumerate(lines[:first_text]) if raw.strip() == line]
        if count > 1 and len(above) == count:
            seen_lines.add(line)  # a title in the page head and again over the text: keep the last
            counts[line] = 1
            lines = [raw for i, raw in enumerate(lines) if i not in above[:-1]]
            first_text -= len(above) - 1
    index = -1
    while index + 1 < len(lines):
        index += 1
        line = lines[index].strip()
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if counts[line] > 1 and len(line) <= 160 and not is_prose(line):
            if line in seen_lines:
                item.warnings.append(f"repeated line removed: {line[:80]}")
                continue  # a page header or letterhead printed again
            seen_lines.add(line)
        if seen_prose and _label_block(lines, index):
            _keywords_below(lines[index:], item)
            break  # "Ort: …" / "Anmeldeschluss: …": the facts box under the text
        if seen_prose and (_starts_contact_block(line) or END_OF_TEXT.match(line)):
            _keywords_below(lines[index:], item)
            break  # the press office's contact block or a box after the text
        if seen_prose and LIST_BULLET.match(line) and related.is_heading(line[1:].strip()):
            entries = [LIST_BULLET.sub("", entry) for entry in lines[index:]]
            item.related.extend(related.parse_section(entries))  # the rest of a listing
            break
        if seen_prose and related.SECTION.match(line):
            item.related.extend(related.parse_section(lines[index + 1 :]))
            _keywords_below(lines[index:], item)
            break
        next_entry = is_date_line(line) and not dates.describes_the_copy(line)
        if seen_prose and next_entry and _heading_follows(lines, index):
            item.related.extend(related.parse_section(lines[index:]))  # the next entry
            break
        if (keywords := KEYWORD_HEADER.match(line)) and (seen_prose or keywords.group("rest")):
            index = _read_keywords(lines, index, keywords.group("rest"), item)
            continue
        if (inline := related.inline_item(line)) is not None:
            item.related.append(inline)
            continue
        if _credit(line, item, kept, prose_seen):
            adjacent = index > 0 and lines[index - 1].strip() and kept and kept[-1]
            pure = is_credit(line) and not line.startswith("©")  # "Foto: …" alone on its line
            if (
                adjacent
                and pure
                and len(kept[-1]) <= 250
                and (is_prose(kept[-1]) or prose_seen >= 1)
            ):
                caption = kept.pop()  # the caption right above its credit line
                item.warnings.append(f"caption removed: {caption[:80]}")
                if is_prose(caption):
                    prose_seen -= 1
                    seen_prose = prose_seen > 0
            continue
        if line.lower() in IMAGE_LABELS:  # "Bild" / alt text / caption / credit, up to a blank
            block = []
            while index + 1 < len(lines) and lines[index + 1].strip():
                index += 1
                block.append(lines[index].strip())
            if block and len(block[-1].split()) <= 4 and not is_prose(block[-1]):
                item.image_credit = item.image_credit or block[-1]
            item.warnings.append(f"picture block removed: {' | '.join(block)[:120]}")
            continue
        if (
            len(line) <= 300
            and (prose_seen <= 2 or CAPTION_START.match(line))
            and CAPTION_MARKS.search(line)
        ):
            if line.endswith("-") and index + 1 < len(lines) and lines[index + 1][:1].islower():
                lines = [*lines[: index + 1], "", *lines[index + 2 :]]  # its wrapped rest too
            item.warnings.append(f"caption removed: {line[:80]}")
            _drop_alt_text(kept, item)
            continue
        header = PAGE_HEADER.search(line) and not STAND.match(line.split("|")[0])
        if (header and not is_date_line(line.split("|")[0])) or AGENCY_FOOTER.match(line):
            continue
        if (source := SOURCE_LINE.match(line)) and seen_prose:
            initials = (source.group("initials") or "").lower()
            if initials and initials not in AGENCIES and not item.author:
                item.author = initials
            continue
        if (byline := BYLINE.match(line)) and not seen_prose:
            name = byline.group("name").strip()
            item.author = item.author or (name.lower() if name.lower() in AGENCIES else name)
            continue
        if (category := CATEGORY_LINE.match(line)) and seen_prose:
            item.category = item.category or category.group("name").strip()
            continue
        if len(line) <= 80:
            line = READING_TIME.sub("", line)
        if (glued := GLUED_BYLINE.match(line)) and is_date_line(glued.group("date")):
            item.author = item.author or glued.group("name").strip()
            line = glued.group("date")
        tail = BYLINE_TAIL.search(line) if len(line) <= 120 else None
        if tail and is_date_line(line[: tail.start()]):
            name = (tail.group("name") or tail.group("agency")).strip()
            item.author = item.author or (name.lower() if name.lower() in AGENCIES else name)
            line = line[: tail.start()].rstrip(" |")
        if CREATED_BY.match(line):
            facts.created = facts.created or dates.parse_date(line)
            item.warnings.append(f"creator line removed: {line[:80]}")
            _hint_title(facts, prose_seen, lines, index)
            continue
        stand = STAND.match(line)
        if stand and len(line) <= 60 and dates.parse_date(stand.group(1)):
            facts.stand = facts.stand or dates.parse_date(stand.group(1))
            continue
        if not seen_prose and dates.is_render_date(line) and not CLOCK.search(line):
            item.warnings.append(f"page date ignored: {line}")
            continue
        if is_date_line(line):
            if dates.describes_the_copy(line):
                item.warnings.append(f"date of the copy or an appointment ignored: {line[:80]}")
                continue
            if not seen_prose:
                facts.header = facts.header or dates.parse_date(line)
                _hint_title(facts, prose_seen, lines, index)
                continue
            if prose_seen <= 2:
                facts.late = facts.late or dates.parse_date(line)
                if _hint_title(facts, prose_seen, lines, index):
                    facts.header, facts.late = facts.header or facts.late, None
                continue
        if seen_prose and (signature := _signature(lines, index)) is not None:
            item.signed_by.append(signature)  # "Silvia Voigt" / "Gemeinschaftsvorsitzende"
            item.warnings.append(f"signature removed: {signature.name}, {signature.role}")
            lines = [*lines[: index + 1], "", *lines[index + 2 :]]
            continue
        if seen_prose and ARROW.match(line) and (link := parse_link(line)) is not None:
            item.links.append(link)
            continue
        if ARROW.match(line) or SALUTATION.match(line):
            continue  # a menu entry "> Öffnungszeiten", "Werte Bürger,"
        if seen_prose and _teaser_entry(line):
            # "Für den Preis wurden acht … aus dem... [zum Beitrag]": a list of other items
            for entry in lines[index:]:
                if _teaser_entry(entry.strip()):
                    title = re.sub(r"\s*\[[^\]]*\]\s*$", "", entry.strip())
                    item.related.append(RelatedRef(kicker=None, title=title))
            break
        if not seen_prose and _top_of_listing(lines, index):
            # A listing whose top item has no headline, cut at "... mehr...": the item is
            # its text, the entries under it are related items.
            facts.no_headline = True
            kept.append(strip_read_more(line))
            item.related.extend(related.parse_section(lines[index + 1 :]))
            item.warnings.append("listing: the top item has no headline")
            break
        if not seen_prose and (glued := GLUED_DATE.match(line)) and is_prose(glued.group("rest")):
            facts.header = facts.header or dates.parse_date(glued.group("date"))
            item.warnings.append(f"date taken from the start of the lead: {glued.group('date')}")
            line = glued.group("rest")
        if is_furniture(line) or (not seen_prose and RELEASE_NUMBER.fullmatch(line)):
            continue
        if not seen_prose and len(line) <= 100 and ministry_name.fullmatch(line):
            item.source_name = line
            continue
        if (
            item.author
            and line.startswith(item.author)
            and line[len(item.author) : len(item.author) + 1].isupper()
        ):
            line = line[len(item.author) :]  # a blog's user name glued to the first word
        kept.append(strip_read_more(line) if is_prose(line) else line)
        prose = is_prose(line) or bool(WIRE_DATELINE.match(line))
        prose_seen += prose
        seen_prose = seen_prose or prose
    return facts


def _label_block(lines: list[str], index: int) -> bool:
    if not LABEL_LINE.match(lines[index].strip()):
        return False
    following = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    return bool(LABEL_LINE.match(following))


def _heading_follows(lines: list[str], index: int) -> bool:
    following = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    labelled = re.match(r"^[\w-]+:\s", following)  # "Ort: Messe Erfurt"
    return (
        bool(following)
        and not labelled
        and not is_prose(following)
        and related.is_heading(following)
    )


def _signature(lines: list[str], index: int) -> PersonRef | None:
    """A name alone on its line and an office alone on the next: who signed the text."""
    name = lines[index].strip()
    role = lines[index + 1].strip() if index + 1 < len(lines) else ""
    words = name.split()
    if not (2 <= len(words) <= 3 and looks_like_name(name)) or not NAME_LINE.match(name):
        return None
    if not role or len(role.split()) > 6 or not is_role_word(role.split()[0]):
        return None
    return PersonRef(name=name, role=role)


def _teaser_entry(line: str) -> bool:
    """A cut teaser with its link: "… aus dem... [zum Beitrag]"."""
    return bool(TEASER_ENTRY.search(line)) and len(line) <= 300


def _top_of_listing(lines: list[str], index: int) -> bool:
    line = lines[index].strip()
    if len(line) < 120 or strip_read_more(line) == line or not line.endswith(("...", "…")):
        return False
    if index > 0 and lines[index - 1].strip():
        return False  # an entry under its own heading
    cut = sum(1 for other in lines if other.strip().endswith(("mehr...", "mehr…", "...", "…")))
    return cut >= 3


def _drop_alt_text(kept: list[str], item: ParsedItem) -> None:
    """A picture's short alt text above its caption, under the headline: out too."""
    filled = [i for i, line in enumerate(kept) if line]
    if len(filled) < 2:
        return
    last = kept[filled[-1]]
    earlier = [kept[i] for i in filled[:-1]]
    if (
        not is_prose(last)
        and len(last.split()) <= 6
        and any(len(line) > len(last) and len(line.split()) >= 3 for line in earlier)
    ):
        item.warnings.append(f"alt text removed: {last[:80]}")
        del kept[filled[-1] :]


def _hint_title(facts: PageFacts, prose_seen: int, lines: list[str], index: int) -> bool:
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


def _credit(line: str, item: ParsedItem, kept: list[str], prose_seen: int) -> bool:
    """A picture credit, with the caption lines right above it: out of the text."""
    credit = None
    lower = line.lower()
    if len(line) > 400 or not any(word in lower for word in CREDIT_WORDS):
        return False
    if (bracketed := BRACKETED_CREDIT.match(line)) is not None:
        credit = bracketed.group(1).strip()
    elif is_credit(line) and not line.startswith("©"):
        credit = credit_value(line)
    elif (caption := CAPTION_WITH_CREDIT.match(line)) is not None:
        credit = caption.group("credit").strip(" .")
    elif (inline := INLINE_CREDIT.match(line)) is not None:
        credit = re.sub(
            r"(?<=[a-zäöüß]{3})\.$", "", (inline.group("a") or inline.group("b")).strip()
        )
    else:
        return is_credit(line)  # "© dpa-infocom GmbH": a copyright notice, no picture credit
    if credit and DESCRIPTION.search(credit):
        return True  # "Bild: Staatssekretärin … am Rednerpult": alt text, no credit
    if credit and not item.image_credit:
        item.image_credit = credit
    if prose_seen >= 1:  # captions sit between the lead and the text
        paragraphs = [i for i, text in enumerate(kept) if text]
        first_prose = next((i for i in paragraphs if is_prose(kept[i])), None)
        for position in reversed(paragraphs[-2:]):
            if position == first_prose or len(kept[position]) > 250 or is_prose(kept[position]):
                break
            item.warnings.append(f"caption removed: {kept[position][:80]}")
            del kept[position:]
    return True


def _read_keywords(lines: list[str], index: int, rest: str, item: ParsedItem) -> int:
    """ "Themen in diesem Artikel" and the short lines under it, or "Schlagworte: a, b"."""
    words = [word.strip() for word in rest.split(",") if word.strip()]
    following = index + 1
    if not words:
        while following < len(lines) and 0 < len(lines[following].strip()) <= 40:
            words.append(lines[following].strip())
            following += 1
    for word in words:
        if word not in item.keywords:
            item.keywords.append(word[:100])
    return following - 1


def _keywords_below(lines: list[str], item: ParsedItem) -> None:
    for index, line in enumerate(lines):
        match = KEYWORD_HEADER.match(line.strip())
        if match:
            _read_keywords(lines, index, match.group("rest"), item)
            return
