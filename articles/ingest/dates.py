"""German dates as press documents write them."""

from __future__ import annotations

import datetime
import re
from collections import Counter

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5,
    "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
    "dezember": 12,
    # abbreviations ("3. Feb. 2022") and English names (feeds, English page chrome)
    "jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "dez": 12, "january": 1, "february": 2, "march": 3,
    "may": 5, "june": 6, "july": 7, "october": 10, "december": 12, "oct": 10, "dec": 12,
}  # fmt: skip
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAYS = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"

NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?![\d])")
# "7. November 2018", "05. Juni. 2022" (a stray full stop), "3. Feb. 2022", "14 Oct 2020".
# (A word of letters, then checked against MONTHS: far faster than an alternation.)
LONG = re.compile(r"(?<![\d.])(\d{1,2})\.?\s*([A-Za-zäÄ]{3,9})\b\.?,?\s*(\d{4})(?!\d)")
# "October 14, 2020"
ENGLISH = re.compile(r"\b([A-Za-z]{3,9})\s+(\d{1,2}),?\s+(\d{4})(?!\d)")
HAS_DIGITS = re.compile(r"\d\d")
ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])")
MONTH_YEAR = re.compile(rf"^(?:stand:?\s*)?({MONTH_NAMES})\s+(\d{{4}})$", re.IGNORECASE)
BRACKETED = re.compile(r"^\[(\d{1,2})\.(\d{1,2})\.(\d{4})\]\s*")
# "heute (16.12.)": a day and month without the year, in a sentence about today.
TODAY_NO_YEAR = re.compile(r"\bheute\s*\((\d{1,2})\.(\d{1,2})\.\)", re.IGNORECASE)
# "14. und 15. Mai 2025", "14./15. Mai 2025", "14.–15. Mai 2025": the range starts on the 14th.
RANGE_START = re.compile(r"(?<!\d)(\d{1,2})\.?\s*(?:und|bis|/|-|–|—)\s*$")
MONTH_YEAR_ANYWHERE = re.compile(rf"\b({MONTH_NAMES})\s+(\d{{4}})\b", re.IGNORECASE)
RENDER_DATE = re.compile(rf"^(?:{WEEKDAYS}),?\s+\d{{1,2}}\.", re.IGNORECASE)
YEAR = re.compile(r"(?<![\d.,/-])((?:19[89]|20[0-4])\d)(?![\d.,])")


def make_date(day: int | str, month: int | str, year: int | str) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def bracketed(line: str) -> tuple[datetime.date | None, str] | None:
    """ "[20.12.2016] Der Freistaat …" → (date, rest); None when the line does not start so."""
    match = BRACKETED.match(line)
    if not match:
        return None
    return make_date(*match.groups()), line[match.end() :].strip()


def _month_match(pattern: re.Pattern, text: str, group: int) -> re.Match | None:
    """The first match whose word in `group` is a month name."""
    for match in pattern.finditer(text):
        if match.group(group).lower() in MONTHS:
            return match
    return None


def parse_date(text: str) -> tuple[datetime.date, str] | None:
    """The first full date in a short text: "16.12.2025", "7. November 2018", "Dezember 2025"."""
    text = text.strip()
    if not HAS_DIGITS.search(text):
        return None
    long_match = _month_match(LONG, text, 2)
    numeric_match = NUMERIC.search(text)
    english_match = _month_match(ENGLISH, text, 1)
    iso_match = ISO.search(text)
    candidates = [m for m in (long_match, numeric_match, english_match, iso_match) if m]
    if candidates:
        match = min(candidates, key=lambda m: m.start())
        if match is long_match:
            day, month_name, year = match.groups()
            range_start = RANGE_START.search(text[: match.start()])
            if range_start and int(range_start.group(1)) < int(day):
                day = range_start.group(1)
            value = make_date(day, MONTHS[month_name.lower()], year)
        elif match is english_match:
            month_name, day, year = match.groups()
            value = make_date(day, MONTHS[month_name.lower()], year)
        elif match is iso_match:
            year, month, day = match.groups()
            value = make_date(day, month, year)
        else:
            value = make_date(*match.groups())
        if value:
            return value, "day"
    month_match = MONTH_YEAR.match(text)
    if month_match:
        month_name, year = month_match.groups()
        return datetime.date(int(year), MONTHS[month_name.lower()], 1), "month"
    return None


def month_in(text: str) -> tuple[datetime.date, str] | None:
    """ "im November 2018" anywhere in a text: month precision."""
    match = MONTH_YEAR_ANYWHERE.search(text)
    if not match:
        return None
    month_name, year = match.groups()
    return datetime.date(int(year), MONTHS[month_name.lower()], 1), "month"


def is_render_date(line: str) -> bool:
    """A page's render date ("Montag, 23. November 2026") above the item: never its date."""
    return bool(RENDER_DATE.match(line.strip())) and len(line) < 60


def infer_year(text: str) -> int | None:
    """The year a text is most about: the one it names most often (earliest on a tie)."""
    counts = Counter(int(year) for year in YEAR.findall(text))
    if not counts:
        return None
    best = max(counts.values())
    return min(year for year, count in counts.items() if count == best)


def today_without_year(text: str) -> tuple[datetime.date, int] | None:
    """ "heute (16.12.)" with the year inferred from the text; (date, inferred year)."""
    match = TODAY_NO_YEAR.search(text)
    if not match:
        return None
    year = infer_year(text)
    if year is None:
        return None
    value = make_date(match.group(1), match.group(2), year)
    return (value, year) if value else None


# "heute, am Dienstag, dem 5. Mai 2020 …": the text says which day "today" is.
TODAY_STATED = re.compile(
    rf"\bheute\b[^.!?\n]{{0,40}}?((?:\d{{1,2}})\.?\s*(?:{MONTH_NAMES})\b\.?\s*\d{{4}}|"
    r"\d{1,2}\.\d{1,2}\.\d{4})",
    re.IGNORECASE,
)
# dpa's story id "dpa:200505-99-123456/2": yyMMdd of the day the item went out.
DPA_ID = re.compile(r"\bdpa:(\d{2})(\d{2})(\d{2})-\d{2,3}-\d+")
# "Pressemitteilung 7/2022", "PM 31/2022", "Nr. 12/2021": the release's year.
RELEASE_YEAR = re.compile(
    r"\b(?:PM|Pressemitteilung|Pressemeldung|Medieninformation|Presseinformation|Ausgabe|Nr\.?)"
    r"\s*(?:Nr\.?\s*)?\d{1,4}\s*/\s*((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# Dates that describe the copy, not the item: crawl, print, render, review, appointment.
NOT_PUBLICATION = re.compile(
    r"\b(abgerufen|zugegriffen|zugriff|gedruckt|druckdatum|heruntergeladen|gespeichert|"
    r"erfasst am|crawled|retrieved|accessed|printed|bewertung|rezension|kommentar|"
    r"termin|anmeldeschluss|anmeldung bis|frist|findet am|ablauf|gültig bis|letzter besuch|"
    r"zuletzt aktualisiert|aktualisiert am|aktualisiert|updated)\b",
    re.IGNORECASE,
)


def today_stated(text: str) -> tuple[datetime.date, str] | None:
    match = TODAY_STATED.search(text)
    return parse_date(match.group(1)) if match else None


def dpa_story_date(text: str) -> tuple[datetime.date, str] | None:
    match = DPA_ID.search(text)
    if not match:
        return None
    year, month, day = match.groups()
    value = make_date(day, month, 2000 + int(year))
    return (value, "day") if value else None


# "06/2021" alone on a line under a headline: the release's number and year.
RELEASE_LINE = re.compile(r"^[ \t]*(?:Nr\.\s*)?\d{1,4}\s*/\s*((?:19|20)\d{2})[ \t]*$", re.MULTILINE)


def release_year(text: str) -> tuple[datetime.date, str] | None:
    match = RELEASE_YEAR.search(text) or RELEASE_LINE.search(text)
    return (datetime.date(int(match.group(1)), 1, 1), "year") if match else None


UPDATED = re.compile(r"\b(?:aktualisiert|updated)\b", re.IGNORECASE)


def describes_the_copy(line: str) -> bool:
    """A date line about the page's copy or an appointment, never the publication date."""
    return bool(NOT_PUBLICATION.search(line))
