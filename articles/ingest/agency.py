"""Agency copy as a newsroom system receives it (IPTC 7901 style), not as a site prints it.

    thl0212 4 pl 287  dpa 0473                     service header: no text
    Regierung/Verwaltung/Internet/                 slug line: the item's keywords
    Mausklick statt Behördengang: … online =       headline, closed by " ="
       Erfurt (dpa/th) - …                         indented paragraphs
    dpa-Kontakt: …  /  dpa mt yyth n1 kr           contact and desk codes: no text
    171732 Sep 19                                  day, hour and minute, month, year

The item is turned into page shape: headline, date line, paragraphs.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

AGENCY = r"(?:dpa|epd|afp|kna|ap|reuters|dts|ddp|apa)"
SERVICE_HEADER = re.compile(rf"^[a-z]{{2,4}}\d{{3,5}}\s+\d\s+[a-z]{{2,3}}\s+\d+\s+{AGENCY}\b.*$")
SLUG_LINE = re.compile(r"^(?:[\wÄÖÜäöüß.-]+/)+[\wÄÖÜäöüß.-]*/?$")
HEADLINE_END = re.compile(r"\s+=\s*$")
STAMP = re.compile(r"^(\d{2})(\d{2})(\d{2})\s+([A-ZÄÖÜ][a-zäöü]{2})\s+(\d{2})$")
DESK_CODES = re.compile(rf"^{AGENCY}\s+(?:[a-z0-9]{{2,4}}\s+){{2,}}[a-z0-9]{{1,4}}$")
CONTACT = re.compile(rf"^{AGENCY}-Kontakt\b|^Rückfragen\b|^Korrektur\b", re.IGNORECASE)
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "mär": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
}  # fmt: skip


@dataclass
class AgencyItem:
    lines: list[str]
    date: tuple | None = None
    keywords: list[str] = field(default_factory=list)


def looks_like_agency_copy(lines: list[str]) -> bool:
    """A service header above, or the time stamp below, with the desk codes beside it."""
    text = [line.strip() for line in lines if line.strip()]
    if not text:
        return False
    header = bool(SERVICE_HEADER.match(text[0]))
    stamp = any(STAMP.match(line) for line in text[-3:])
    desk = any(DESK_CODES.match(line) for line in text[-4:])
    return header or (stamp and desk)


def read(lines: list[str]) -> AgencyItem:
    item = AgencyItem([])
    text: list[str] = []
    headline_found = False
    for line in lines:
        stripped = line.strip()
        if SERVICE_HEADER.match(stripped) or DESK_CODES.match(stripped) or CONTACT.match(stripped):
            continue
        stamp = STAMP.match(stripped)
        if stamp:
            item.date = _stamp_date(stamp) or item.date
            continue
        if not headline_found and SLUG_LINE.match(stripped) and "/" in stripped:
            item.keywords = [word for word in stripped.split("/") if word]
            continue
        if not headline_found and stripped:
            headline_found = True
            stripped = HEADLINE_END.sub("", stripped)
            text += [stripped, ""]
            continue
        text.append(stripped)
    item.lines = text
    return item


def _stamp_date(stamp: re.Match) -> tuple | None:
    day, month, year = int(stamp.group(1)), MONTHS.get(stamp.group(4).lower()), stamp.group(5)
    if month is None:
        return None
    try:
        return datetime.date(2000 + int(year), month, day), "day"
    except ValueError:
        return None
