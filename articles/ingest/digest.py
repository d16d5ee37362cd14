"""Newsletter digests: several items in one mail; the first is the item, the rest related.

The archive keeps one document as one item: the digest's first item (its headline, date and
teaser) becomes the item, the other items become its related items, so nothing is lost and
no item is archived twice when its own release arrives. An item is a headline line followed,
after rules, a date line or blank lines, by a paragraph of text; numbered headlines
("1. …", "2. …") lose their numbers, a table of contents and the frame (greeting, "im Browser
ansehen", "Weiterlesen: URL", unsubscribe footer) are dropped.
"""

from __future__ import annotations

import re

from articles.ingest import dates
from articles.ingest.furniture import is_furniture, strip_read_more
from articles.ingest.headline import strip_bullet
from articles.ingest.item import RelatedRef
from articles.ingest.links import URL

NEWSLETTER = re.compile(r"\b(newsletter|rundbrief|infobrief|ausgabe\s+\d)", re.IGNORECASE)
UNSUBSCRIBE = re.compile(r"\b(abbestellen|abmelden|austragen|unsubscribe)\b", re.IGNORECASE)
GREETING = re.compile(
    r"^(liebe|lieber|sehr geehrte|hallo|guten tag|in dieser ausgabe|themen dieser)",
    re.IGNORECASE,
)
# "Inhalt" heads a digest's table of contents, but it is also a web page's skip-link anchor:
# alone it marks a digest only under a newsletter's name.
CONTENTS = re.compile(r"^inhalt\b", re.IGNORECASE)
RULE = re.compile(r"^\s*([-=_*~#])\1{2,}\s*$")
NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")
READ_ON = re.compile(
    r"^(?:weiterlesen|mehr lesen|zum artikel|zur meldung|mehr dazu|read more)\b\s*:?\s*(?:\S+)?$",
    re.IGNORECASE,
)
# "Weimar, 27.10.2025 – Nach dem …", "21.03.2023 – Der …": a dateline opening an item's text
DATELINE = re.compile(
    r"^(?:[A-ZÄÖÜ][\wäöüß./ -]{1,40},\s+)?(?P<date>[^–—-]{6,30}?)\s+[–—-]\s+(?=[A-ZÄÖÜ„\"])"
)
TEXT_LENGTH = 60


def _skippable(line: str) -> bool:
    """Lines between a headline and its text: blanks, rules, a date alone."""
    stripped = line.strip()
    return not stripped or bool(RULE.match(stripped)) or _date_line(stripped)


def _date_line(line: str) -> bool:
    return len(line) < 40 and dates.parse_date(line) is not None


def _is_heading(lines: list[str], index: int) -> bool:
    line = lines[index].strip()
    if not line or len(line) > 140 or re.search(r"[.!?,;:]$", line) or is_furniture(line):
        return False
    if URL.match(line) or _date_line(line) or RULE.match(line) or READ_ON.match(line):
        return False
    before = lines[index - 1].strip() if index else ""
    if before and not RULE.match(before) and _rubric_above(lines, index) is None:
        return False
    following = next((lines[j].strip() for j in range(index + 1, len(lines))
                      if not _skippable(lines[j])), "")  # fmt: skip
    # "Newsletter | Ausgabe 4/2022 | 15. Februar 2022" under the sender: a masthead, no text
    return len(following) >= TEXT_LENGTH and following.count(" | ") < 2


def _rubric_above(lines: list[str], index: int) -> str | None:
    """ "LANDESPOLITIK" on its own line right above an item's headline: its kicker."""
    if index < 1:
        return None
    rubric = lines[index - 1].strip()
    above = lines[index - 2].strip() if index >= 2 else ""
    words = rubric.split()
    if not words or len(words) > 3 or len(rubric) > 40 or (above and not RULE.match(above)):
        return None
    if not (rubric.isupper() or rubric.endswith(":")) or _date_line(rubric):
        return None
    return rubric.rstrip(":")


def _headings(lines: list[str]) -> list[int]:
    found = [i for i in range(len(lines)) if _is_heading(lines, i)]
    return [i for i in found if not NEWSLETTER.search(lines[i])]


def _numbered(lines: list[str], headings: list[int]) -> bool:
    """Headlines numbered 1., 2., 3. … in order: the numbers are the digest's, not the title's."""
    numbers = [NUMBER.match(lines[i].strip()) for i in headings]
    return all(numbers) and [int(n.group(1)) for n in numbers if n] == list(
        range(int(numbers[0].group(1)), int(numbers[0].group(1)) + len(numbers))
    )


def looks_like_digest(lines: list[str]) -> bool:
    head = "\n".join(lines[:12])
    text = "\n".join(lines)
    greeting = any(GREETING.match(line.strip()) for line in lines[:20])
    contents = any(CONTENTS.match(line.strip()) for line in lines[:20])
    if not (UNSUBSCRIBE.search(text) or greeting or contents):
        return False
    if not (NEWSLETTER.search(head) or greeting):
        return False
    return len(_headings(lines)) >= 2


def _item_lines(lines: list[str]) -> list[str]:
    """An item's text without the digest's frame: no rules, links to read on, unsubscribe."""
    return [
        line
        for line in lines
        if not RULE.match(line.strip())
        and not READ_ON.match(line.strip())
        and not URL.match(line.strip())
        and not UNSUBSCRIBE.search(line)
    ]


def split_digest(lines: list[str]) -> tuple[list[str], list[RelatedRef]]:
    """(lines of the first item, the other items as related items)."""
    headings = _headings(lines)
    if len(headings) < 2:
        return lines, []
    numbered = _numbered(lines, headings)
    titles = [
        strip_bullet(NUMBER.sub("", lines[i].strip()) if numbered else lines[i].strip())
        for i in headings
    ]
    preamble = lines[: headings[0]]
    date_lines = [
        _date_part(line) for line in preamble if dates.parse_date(line) and len(line) <= 80
    ]
    if not date_lines:  # "Gotha Digital – Newsletter Januar 2024": the issue's month
        issues = [
            dates.MONTH_YEAR_ANYWHERE.search(line) for line in preamble if NEWSLETTER.search(line)
        ]
        date_lines = [match.group().strip() for match in issues if match][:1]
    second = headings[1] - (1 if _rubric_above(lines, headings[1]) else 0)
    body = _item_lines(lines[headings[0] + 1 : second])
    if any(dates.bracketed(line.strip()) or dates.parse_date(line) for line in body[:3]):
        date_lines = []  # the item carries its own date
    body = _dateline_apart(body)
    rubric = _rubric_above(lines, headings[0])
    main = [*([rubric] if rubric else []), titles[0]]
    main += [*(["", date_lines[0], ""] if date_lines else []), *body]
    related: list[RelatedRef] = []
    for position, start in enumerate(headings[1:], 1):
        end = headings[position + 1] if position + 1 < len(headings) else len(lines)
        if position + 1 < len(headings) and _rubric_above(lines, end):
            end -= 1  # the next item's rubric
        entry = _related(titles[position], lines[start + 1 : end])
        entry.kicker = entry.kicker or _rubric_above(lines, start)
        related.append(entry)
    return main, related


def _date_part(line: str) -> str:
    """ "Newsletter | Ausgabe 4/2022 | 15. Februar 2022" → "15. Februar 2022": the issue's date."""
    parts = [part.strip() for part in line.split(" | ")]
    return next((part for part in parts if _date_line(part)), line) if len(parts) > 1 else line


def is_frame(label: str) -> bool:
    """A link of the digest's frame: "Weiterlesen", "Newsletter abbestellen"."""
    return bool(READ_ON.match(label.strip()) or UNSUBSCRIBE.search(label))


def _dateline_apart(body: list[str]) -> list[str]:
    """ "21.03.2023 – Der Bund …" → the date line, then the text."""
    index = next((i for i, line in enumerate(body) if line.strip()), None)
    if index is None or not (dateline := DATELINE.match(body[index].strip())):
        return body
    if dates.parse_date(dateline.group("date")) is None:
        return body
    text = body[index].strip()
    return [*body[:index], dateline.group("date"), "", text[dateline.end() :], *body[index + 1 :]]


def _related(heading: str, lines: list[str]) -> RelatedRef:
    paragraphs = [
        line.strip() for line in _item_lines(lines) if line.strip() and not is_furniture(line)
    ]
    kicker, date = None, None
    if paragraphs and _date_line(paragraphs[0]):
        date = dates.parse_date(paragraphs.pop(0))[0]
    if paragraphs and (stamped := dates.bracketed(paragraphs[0])) is not None:
        date, paragraphs[0] = stamped  # a portal's entry: "Kicker: Title" / "[d.m.y] …"
        front, colon, back = heading.partition(": ")
        if colon and len(front.split()) <= 4:
            kicker, heading = front, back
    elif paragraphs and (dateline := DATELINE.match(paragraphs[0])):
        found = dates.parse_date(dateline.group("date"))
        if found:
            date, paragraphs[0] = found[0], paragraphs[0][dateline.end() :]
    teaser = strip_read_more(paragraphs[0]) if paragraphs else None
    return RelatedRef(kicker=kicker, title=heading, date=date, teaser=teaser or None)
