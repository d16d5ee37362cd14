"""Related items under the text: "Mehr zum Thema", "Weiterlesen: …", listings of a press office."""

from __future__ import annotations

import re
from collections.abc import Callable

from articles.ingest import dates
from articles.ingest.dates import RELEASE_LINE
from articles.ingest.furniture import CREATED_BY, is_credit, is_furniture, strip_read_more
from articles.ingest.item import RelatedRef
from articles.ingest.links import URL

SECTION = re.compile(
    r"^(?:weitere (?:meldungen|nachrichten|artikel|beiträge|videos|podcasts|pressemitteilungen|"
    r"informationen zum "
    r"thema|themen)|das könnte sie auch interessieren|mehr zum thema|mehr aus\b|verwandte "
    r"(?:themen|artikel|meldungen|beiträge)|ähnliche (?:artikel|meldungen|beiträge)|auch "
    r"interessant|zum thema|lesen sie auch|neueste (?:meldungen|beiträge)|aktuelle "
    r"(?:pressemitteilungen|meldungen|nachrichten)|related|more news|see also|"
    r"(?:letzte|neueste|weitere) (?:news|nachrichten))\b[^.]{0,60}$",
    re.IGNORECASE,
)
INLINE = re.compile(
    r"^(?:weiterlesen|lesen sie auch|lesen sie hier|mehr zum thema|siehe auch|auch interessant|"
    r"dazu|zum thema)\s*[:–—-]\s*(?P<title>\S.{3,160})$",
    re.IGNORECASE,
)
# "Alle Nachrichten aus Thüringen": a link to a section, not an item
SECTION_LINK = re.compile(r"^alle\s+(?:nachrichten|meldungen|artikel|news|beiträge|themen)\b", re.I)
FOOTER = re.compile(
    r"^(?:impressum\b|©|copyright|\(c\)\s|kontakt\b|datenschutz(?:erklärung|hinweise)?\b)",
    re.IGNORECASE,
)  # not "Datenschutzbeauftragte rügt …", a headline
DATE_FIRST = re.compile(r"^\W*(?:[A-Za-zÄÖÜäöüß]+[,:.]?\s+)?\d")
DATED_HEADING = re.compile(r"^(?P<date>\d{1,2}\.\d{1,2}\.\d{4})\s*[:|–—-]?\s+(?P<title>\S.+)$")


def inline_item(line: str) -> RelatedRef | None:
    """ "Weiterlesen: Land startet neues Portal" → a related item."""
    match = INLINE.match(line)
    if not match:
        return None
    title = strip_read_more(match.group("title")).strip(" .»›>")
    return RelatedRef(kicker=None, title=title) if title else None


def is_heading(line: str) -> bool:
    return (
        len(line) <= 180
        and len(line.split()) >= 2
        and not re.search(r"[.,;:]$", line)
        and not line.endswith(("...", "…"))
    )


def boxed_section(
    lines: list[str], index: int, is_prose: Callable[[str], bool]
) -> tuple[list[RelatedRef], int] | None:
    """A "Lesen Sie auch:" box inside the text: a few headlines, then the text goes on.
    (entries, index of the box's last line) or None when no text follows the box."""
    end = None
    for position in range(index + 1, min(index + 9, len(lines))):
        if is_prose(lines[position].strip()) and len(lines[position].strip()) >= 100:
            end = position
            break
    if end is None or any(is_furniture(line.strip()) for line in lines[index + 1 : end]):
        return None  # "Kommentar schreiben" between: the page goes on, not the text
    entries = parse_section(lines[index + 1 : end])
    if not entries or any(entry.teaser or entry.date for entry in entries):
        return None
    return entries, end - 1


def parse_section(lines: list[str]) -> list[RelatedRef]:
    """Entries of a related list: a heading, perhaps a date line and a teaser."""
    entries: list[RelatedRef] = []
    pending_date = None
    for raw in lines:
        line = strip_read_more(raw.strip())
        if not line or URL.match(line) or is_credit(line):
            continue
        if FOOTER.match(line):
            break
        if SECTION.match(line) and entries:
            continue
        if is_furniture(line) or RELEASE_LINE.match(line) or CREATED_BY.match(line):
            continue
        if SECTION_LINK.match(line):
            continue
        current = entries[-1] if entries else None
        dated = DATED_HEADING.match(line)
        date_like = DATE_FIRST.match(line) or dates.NUMERIC.search(
            line
        )  # not "Sitzung vom 7. Juli"
        found = dates.parse_date(line) if len(line) <= 40 and date_like else None
        if found and not dated:
            if current and current.date is None and current.teaser is None:
                current.date = found[0]
            else:
                pending_date = found[0]
            continue
        if dated and is_heading(dated.group("title")):
            found = dates.parse_date(dated.group("date"))
            title = strip_read_more(dated.group("title"))
            entries.append(RelatedRef(kicker=None, title=title, date=found[0] if found else None))
            continue
        if is_heading(line) and not (current and current.teaser is None and len(line) > 120):
            entries.append(RelatedRef(kicker=None, title=line, date=pending_date))
            pending_date = None
        elif current and current.teaser is None:
            current.teaser = strip_read_more(line) or None
    return entries
