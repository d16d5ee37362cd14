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
from articles.ingest.date_lines import (
    QUOTE_MARKS,
    author_above,
    author_below,
    caption_above,
    dated_headline_above,
    hint_title,
    looks_like_byline,
    note_above_date,
    only_furniture_below,
    placed_byline,
    pull_quote_end,
    stand_date,
    take_rubric,
)
from articles.ingest.furniture import (
    CREATED_BY,
    PAGE_HEADER,
    SOURCE_LINE,
    is_credit,
    is_furniture,
    strip_read_more,
)
from articles.ingest.item import ParsedItem, RelatedRef
from articles.ingest.line_kinds import (
    AGENCIES,
    AGENCY_FOOTER,
    ARROW,
    BYLINE,
    BYLINE_HEAD,
    BYLINE_TAIL,
    CAPTION_MARKS,
    CAPTION_START,
    CATEGORY_IN_CRUMB,
    CATEGORY_LINE,
    CLOCK,
    DATE_AUTHOR_COUNT,
    DATE_RUBRIC,
    END_OF_TEXT,
    GLUED_BYLINE,
    GLUED_DATE,
    IMAGE_LABELS,
    KEYWORD_HEADER,
    LIST_BULLET,
    MARKED_CAPTION,
    NAME_DATE,
    POST_NAVIGATION,
    READING_TIME,
    RELEASE_NUMBER,
    REPEATED_LABEL,
    SALUTATION,
    STAND,
    VALEDICTION,
    WIRE_DATELINE,
    drop_alt_text,
    heading_follows,
    is_date_line,
    is_prose,
    keywords_below,
    label_block,
    read_keywords,
    signature_below,
    source_below,
    starts_contact_block,
    take_credit,
    teaser_entry,
)
from articles.ingest.links import GLUED_LINK_NOTE, LINK_NOTE, parse_link
from articles.ingest.listings import headed_listing, top_of_listing
from articles.ingest.page_shapes import bullet_meta, echo_removed
from articles.ingest.web_heads import signs, take_inline_box

# The first letter of a lead set apart as a drop cap (not "A", "I", "O": words of their own)
DROP_CAP = re.compile(r"^([B-HJ-NP-ZÄÖÜ]) ([a-zäöüß]{2,}\s)(?=.{60})")
PREMIUM_MARK = re.compile(r"^(?:Plus|SZ Plus|Premium|Exklusiv)\s+(?=[A-ZÄÖÜ„\"].{60})")
DESK_CODES = re.compile(r"(?<=[.!?“\"])/[a-z]{2,5}/[A-Z]{2,3}/[a-z]{2,3}$")
AGENCY_TAIL = re.compile(r"\b(?:dpa|epd|afp|kna)\b")
STRAY_PUNCTUATION = re.compile(r"^[,;]+\s*(?=[„\"«»A-ZÄÖÜ])")
AGENCY_MARK_END = re.compile(r"(?<=[.!?“\"])\s+((?:dpa|epd|afp|kna)(?:/[a-z]{1,4})?)$")


@dataclass
class PageFacts:
    """What the page says about the item outside its text."""

    header: tuple[datetime.date, str] | None = None
    created: tuple[datetime.date, str] | None = None
    stand: tuple[datetime.date, str] | None = None
    late: tuple[datetime.date, str] | None = None  # a date line under the lead
    updated: tuple[datetime.date, str] | None = None  # "Aktualisiert am …": the last resort
    title_hint: str | None = None  # the line right above a creator or date line
    above_date: str | None = None  # the line right above the first date line, a weaker hint
    below_date: str | None = None  # a heading right under the first date line, the text below
    no_headline: bool = False  # a listing whose top item has no headline
    kept: list[str] = field(default_factory=list)


def read(lines: list[str], item: ParsedItem, ministry_name: re.Pattern) -> PageFacts:
    facts = PageFacts()
    kept = facts.kept
    seen_prose = False
    prose_seen = 0
    counts = Counter(line.strip() for line in lines if line.strip())
    seen_lines: set[str] = set()
    first_text = next((i for i, line in enumerate(lines) if is_prose(line.strip())), len(lines))
    places: dict[str, list[int]] = {}
    for position, raw in enumerate(lines[:first_text]):
        if counts[raw.strip()] > 1:
            places.setdefault(raw.strip(), []).append(position)
    earlier: set[int] = set()
    for line, above in places.items():
        if len(above) == counts[line]:
            seen_lines.add(line)  # a title in the page head and again over the text: keep the last
            counts[line] = 1
            earlier.update(above[:-1])
    if earlier:
        lines = [raw for i, raw in enumerate(lines) if i not in earlier]
    index = -1
    while index + 1 < len(lines):
        index += 1
        line = lines[index].strip()
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if seen_prose and take_inline_box(lines, index, item, kept):
            continue  # another item's teaser box, a caption printed twice, an alt text
        if counts[line] > 1 and len(line) <= 160 and not is_prose(line) and not signs(line):
            if line in seen_lines and seen_prose and heading_follows(lines, index):
                item.related.extend(related.parse_section(lines[index + 1 :]))
                break  # "LOKALES" / headline / …: the rubric of the listing's next entry
            if line in seen_lines:
                item.warnings.append(f"repeated line removed: {line[:80]}")
                continue  # a page header or letterhead printed again
            seen_lines.add(line)
        if not seen_prose and LIST_BULLET.match(line) and bullet_meta(line, item):
            continue
        if seen_prose and label_block(lines, index):
            keywords_below(lines[index:], item)
            break  # "Ort: …" / "Anmeldeschluss: …": the facts box under the text
        if seen_prose and (starts_contact_block(line) or END_OF_TEXT.match(line)):
            keywords_below(lines[index:], item)
            source_below(lines[index:], item)
            break  # the press office's contact block or a box after the text
        if line in QUOTE_MARKS and (end := pull_quote_end(lines, index)) is not None:
            item.warnings.append("pull quote removed")
            lines = [*lines[:index], *([""] * (end - index)), *lines[end:]]
            continue
        if seen_prose and VALEDICTION.match(line):
            while kept and (
                not kept[-1] or (kept[-1].endswith("!") and len(kept[-1].split()) <= 6)
            ):
                kept.pop()  # "Wir freuen uns auf Sie!" above "Herzlichst,"
            item.warnings.append(f"the letter's close and signature removed: {line}")
            break
        if seen_prose and POST_NAVIGATION.match(line) and not is_prose(line):
            item.warnings.append(f"links to the neighbouring posts removed: {line[:80]}")
            break
        last = next((k for k in reversed(kept) if k), "")
        introduced = last.endswith(":") or (  # "Gefragt ist Hilfe bei:" and its bullets
            bool(LIST_BULLET.match(last)) and seen_prose
        )
        if (
            seen_prose
            and LIST_BULLET.match(line)
            and related.is_heading(line[1:].strip())
            and not introduced
        ):
            entries = [LIST_BULLET.sub("", entry) for entry in lines[index:]]
            item.related.extend(related.parse_section(entries))  # the rest of a listing
            break
        if seen_prose and related.SECTION.match(line):
            if (boxed := related.boxed_section(lines, index, is_prose)) is not None:
                item.related.extend(boxed[0])  # a box inside the text, the text goes on
                index = boxed[1]
                continue
            item.related.extend(related.parse_section(lines[index + 1 :]))
            keywords_below(lines[index:], item)
            break
        next_entry = is_date_line(line) and not dates.describes_the_copy(line)
        if seen_prose and next_entry and heading_follows(lines, index):
            item.related.extend(related.parse_section(lines[index:]))  # the next entry
            break
        if (keywords := KEYWORD_HEADER.match(line)) and (seen_prose or keywords.group("rest")):
            index = read_keywords(lines, index, keywords.group("rest"), item)
            continue
        if (inline := related.inline_item(line)) is not None:
            item.related.append(inline)
            continue
        if take_credit(line, item, kept, prose_seen):
            if (echo := echo_removed(kept, line, item)) is not None:
                prose_seen -= is_prose(echo)
                seen_prose = prose_seen > 0
                continue
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
            elif pure and not seen_prose and caption_above(kept):
                item.warnings.append(f"caption removed: {kept[-2][:80]}")
                del kept[-2:]
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
            drop_alt_text(kept, item)
            continue
        header = (
            len(line) <= 200 and PAGE_HEADER.search(line) and not STAND.match(line.split("|")[0])
        )
        if (header and not is_date_line(line.split("|")[0])) or AGENCY_FOOTER.match(line):
            continue
        if (source := SOURCE_LINE.match(line)) and seen_prose:
            initials = (source.group("initials") or "").lower()
            if initials and initials not in AGENCIES and not item.author:
                item.author = initials
            continue
        if (byline := BYLINE.match(line)) and (not seen_prose or placed_byline(byline, prose_seen)):
            name = byline.group("name").split(",")[0].strip()  # "Von Vivien Timmler, Berlin"
            if name.lower() in AGENCIES:
                item.author = item.author or name.lower()
            elif not name.isupper():  # "von MDR THÜRINGEN": the outlet, no author
                item.author = item.author or name
            continue
        if (category := CATEGORY_LINE.match(line)) and (seen_prose or len(line) <= 60):
            item.category = item.category or category.group("name").strip()
            continue
        if not seen_prose and (crumb := CATEGORY_IN_CRUMB.search(line)) and is_furniture(line):
            item.category = item.category or crumb.group("name").strip()
            continue
        if len(line) <= 300 and MARKED_CAPTION.search(line):
            item.warnings.append(f"caption of a stock picture removed: {line[:80]}")
            continue
        if not seen_prose and len(line) <= 130 and (label := REPEATED_LABEL.match(line)):
            item.category = item.category or label.group("label").strip()
            item.warnings.append(f"repeated label taken as the category: {line[:80]}")
            continue
        if len(line) <= 80:
            line = READING_TIME.sub("", line)
        if (meta := DATE_AUTHOR_COUNT.match(line)) and is_date_line(meta.group("date")):
            item.author, line = item.author or meta.group("name"), meta.group("date")
        if (glued := GLUED_BYLINE.match(line)) and is_date_line(glued.group("date")):
            item.author = item.author or glued.group("name").strip()
            line = glued.group("date")
        for shape in (BYLINE_HEAD, NAME_DATE):  # "Von Name | date", "Name dd.mm.yyyy - hh:mm Uhr"
            found = shape.match(line)
            if found and is_date_line(found.group("date")) and looks_like_byline(found, shape):
                item.author = item.author or found.group("name").strip()
                line = found.group("date")
        tail = BYLINE_TAIL.search(line) if len(line) <= 120 else None
        if tail and is_date_line(line[: tail.start()]):
            name = (tail.group("name") or tail.group("agency")).strip()
            item.author = item.author or (name.lower() if name.lower() in AGENCIES else name)
            line = line[: tail.start()].rstrip(" |")
        if len(line) <= 80 and (rubric := DATE_RUBRIC.search(line)) and is_date_line(line):
            take_rubric(rubric.group("name"), item)
        if CREATED_BY.match(line):
            if not seen_prose:
                note_above_date(facts, lines, index)
            facts.created = facts.created or dates.parse_date(line)
            item.warnings.append(f"creator line removed: {line[:80]}")
            hint_title(facts, prose_seen, lines, index)
            continue
        if (stated := stand_date(line)) is not None:
            facts.stand = facts.stand or stated
            continue
        if (
            not seen_prose
            and dates.is_render_date(line)
            and not CLOCK.search(line)
            and not dated_headline_above(kept, lines, index)
        ):
            item.warnings.append(f"page date ignored: {line}")
            continue
        if is_date_line(line):
            if dates.describes_the_copy(line):
                if dates.UPDATED.search(line):  # the last change: a date only when no other
                    facts.updated = facts.updated or dates.parse_date(line)
                item.warnings.append(f"date of the copy or an appointment ignored: {line[:80]}")
                continue
            author_above(kept, item, prose_seen)
            if not seen_prose:
                note_above_date(facts, lines, index)
                lines = author_below(lines, index, item)  # "14. September 2021" / "Name"
                facts.header = facts.header or dates.parse_date(line)
                hint_title(facts, prose_seen, lines, index)
                continue
            if prose_seen <= 2 or only_furniture_below(lines, index):
                facts.late = facts.late or dates.parse_date(line)
                if hint_title(facts, prose_seen, lines, index):
                    facts.header, facts.late = facts.header or facts.late, None
                continue
        if seen_prose and (signature := signature_below(lines, index)) is not None:
            item.signed_by.append(signature)  # "Silvia Voigt" / "Gemeinschaftsvorsitzende"
            item.warnings.append(f"signature removed: {signature.name}, {signature.role}")
            lines = [*lines[: index + 1], "", *lines[index + 2 :]]
            continue
        if seen_prose and ARROW.match(line) and (link := parse_link(line)) is not None:
            item.links.append(link)
            continue
        if ARROW.match(line) or SALUTATION.match(line):
            continue  # a menu entry "> Öffnungszeiten", "Werte Bürger,"
        if seen_prose and teaser_entry(line):
            # "Für den Preis wurden acht … aus dem... [zum Beitrag]": a list of other items
            for entry in lines[index:]:
                if teaser_entry(entry.strip()):
                    title = re.sub(r"\s*\[[^\]]*\]\s*$", "", entry.strip())
                    item.related.append(RelatedRef(kicker=None, title=title))
            break
        if not seen_prose and (entry := headed_listing(lines, index)) is not None:
            # A listing whose top item has a headline and a cut teaser: that is the item.
            teaser, following = entry
            facts.title_hint = line
            kept.extend([line, "", teaser])
            item.related.extend(related.parse_section(lines[following:]))
            item.warnings.append("listing: the top entry is the item, the others related")
            break
        if not seen_prose and top_of_listing(lines, index):
            # A listing's top item without headline, cut at "... mehr...": the rest is related.
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
        line = STRAY_PUNCTUATION.sub("", line)  # ",„Mit dem …": a stray comma before the lead
        if not seen_prose and line[:1] in "PSE":
            line = PREMIUM_MARK.sub("", line)  # "Plus In einer Sitzung …": a paywall's badge
        if "/" in line[-16:]:
            line = DESK_CODES.sub("", line)  # '… nicht weniger."/yyzz/DP/he': the desk's codes
        if "(" in line or "ffnet sich" in line or "xtern" in line:
            line = GLUED_LINK_NOTE.sub("", LINK_NOTE.sub("", line))  # "…(Zeigt auf eine …)"
        line = DROP_CAP.sub(r"\1\2", line)  # "D igital den Wohnsitz …": a drop cap set apart
        tail = line[-16:]  # " … regeln. dpa/nd": the agency's mark closes the text
        mark = AGENCY_MARK_END.search(tail) if AGENCY_TAIL.search(tail) else None
        if mark and is_prose(line[: len(line) - len(tail) + mark.start()].rstrip()):
            item.author = item.author or mark.group(1)
            line = line[: len(line) - len(mark.group())].rstrip()
            kept.append(line)
            item.warnings.append(f"the agency's mark ends the text: {mark.group(1)}")
            break
        kept.append(strip_read_more(line) if is_prose(line) else line)
        prose = is_prose(line) or bool(WIRE_DATELINE.match(line))
        prose_seen += prose
        seen_prose = seen_prose or prose
    return facts
