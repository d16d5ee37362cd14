"""kommune21.de portal pages: "Kicker:" / title / "[d.m.yyyy] teaser" / body "(xx)" / trailer."""

from __future__ import annotations

import re

from articles.ingest import dates
from articles.ingest.furniture import BRACKETED_CREDIT, PRINT_LINE, is_advertiser, is_furniture
from articles.ingest.headline import split_glued_kicker
from articles.ingest.item import ParsedItem, RelatedRef
from articles.ingest.links import parse_link

NAME = "kommune21"
VERSION = 1
SOURCE_NAME = "Kommune21"

CATEGORY = re.compile(r"^Weitere Meldungen und Beiträge aus dem Bereich\s+(.+)$")
# "Jena: Neues Ratsinformationssystem" under the rubric's list header, without date or teaser
LIST_ENTRY = re.compile(r"^(?P<kicker>[^:]{2,40}):\s+(?P<title>[^.]{3,120})$")
RELATED_HEADER = re.compile(r"^Weitere Meldungen\b", re.IGNORECASE)
KEYWORDS = re.compile(r"^Stichw(?:ö|oe)rter:\s*(.*)$", re.IGNORECASE)
IMAGE_CREDIT = re.compile(r"^Bildquelle(?:n)?:\s*(.+)$", re.IGNORECASE)
INITIALS = re.compile(r"\s*\(([a-zäöü]{2,4})\)\s*$")
MORE = re.compile(r"\s*mehr\s*\.\.\.\s*$|\s*mehr…\s*$")
REPORT_LABEL = re.compile(r"\s+Bericht$")


def looks_like(lines: list[str]) -> bool:
    head = [line for line in lines[:40] if line.strip() and not is_furniture(line)][:15]
    if any(dates.bracketed(line) for line in head):
        return True
    text = "\n".join(lines)
    return bool(
        re.search(r"^(Stichwörter:|Druckversion\s+PDF|Weitere Meldungen und Beiträge)", text, re.M)
    )


def parse(lines: list[str], item: ParsedItem) -> None:
    item.source_kind = "kommune21"
    item.source_name = SOURCE_NAME
    item.parser = f"{NAME}@{VERSION}"
    content = [line.strip() for line in lines]
    index = _skip_preamble(content, item)
    index = _parse_heading(content, index, item)
    index = _parse_date_and_teaser(content, index, item)
    index = _parse_body(content, index, item)
    _parse_trailer(content, index, item)


def _next_content(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index]:
        index += 1
    return index


def _skip_preamble(lines: list[str], item: ParsedItem) -> int:
    index = _next_content(lines, 0)
    while index < len(lines) and (
        dates.is_render_date(lines[index])
        or is_furniture(lines[index])
        or (dates.parse_date(lines[index]) and len(lines[index]) <= 20)
    ):
        if dates.is_render_date(lines[index]) or dates.parse_date(lines[index]):
            item.warnings.append(f"page date ignored: {lines[index]}")
        index = _next_content(lines, index + 1)
    block_end = index
    while block_end < len(lines) and lines[block_end]:
        block_end += 1
    block = lines[index:block_end]
    if (
        len(block) >= 3
        and all(len(line) <= 80 and not line.endswith((":", ".")) for line in block)
        and sum(len(line) <= 40 for line in block) >= len(block) - 1
        and not any(dates.bracketed(line) for line in block)
        and block_end < len(lines)
    ):  # a mirror's menu above the item: "move moderne verwaltung", "Meldungen", …
        item.warnings.append(f"navigation removed: {' | '.join(block)[:160]}")
        index = _next_content(lines, block_end)
    return index


def _parse_heading(lines: list[str], index: int, item: ParsedItem) -> int:
    if index >= len(lines):
        return index
    line = lines[index]
    if line.endswith(":") and len(line) <= 80:
        item.kicker = line[:-1].strip()
        index = _next_content(lines, index + 1)
        if index < len(lines) and not dates.bracketed(lines[index]):
            item.title = lines[index]
            index += 1
        return index
    if dates.bracketed(line):
        return index
    kicker, sep, title = line.partition(": ")
    if sep and len(kicker) <= 60 and title:
        item.kicker, item.title = kicker.strip(), title.strip()
    elif (glued := split_glued_kicker(line, portal=True)) is not None:
        item.kicker, item.title = glued
        item.warnings.append(f"kicker split from the headline at a capital ({item.kicker})")
    else:
        item.title = line
    return index + 1


def _parse_date_and_teaser(lines: list[str], index: int, item: ParsedItem) -> int:
    index = _next_content(lines, index)
    if index < len(lines):
        found = dates.bracketed(lines[index])
        if found:
            item.date, item.teaser = found[0], MORE.sub("", found[1]).strip() or None
            item.date_precision = "day" if item.date else None
            if item.date is None:
                item.warnings.append(f"impossible date ignored: {lines[index][:14]}")
            index += 1
            following = _next_content(lines, index)
            if item.teaser is None and following < len(lines) and not _ends_body(lines, following):
                item.teaser = lines[following]  # the date stands alone above the teaser
                index = following + 1
            return index
    item.warnings.append("no date in the text")
    if index < len(lines) and not _ends_body(lines, index):
        item.teaser = lines[index]
        return index + 1
    return index


def _is_related_heading(lines: list[str], index: int, *, in_trailer: bool = False) -> bool:
    """A list entry's "Kicker: Title" line: a "[date] teaser mehr..." line follows.

    Below the text (in the trailer) the "mehr..." is not needed; inside the text it is what
    tells a list entry from a paragraph that happens to follow a dated line.
    """
    following = _next_content(lines, index + 1)
    return (
        following < len(lines)
        and dates.bracketed(lines[following]) is not None
        and (in_trailer or bool(MORE.search(lines[following])))
        and not dates.bracketed(lines[index])
    )


def _ends_body(lines: list[str], index: int) -> bool:
    line = lines[index]
    return bool(
        KEYWORDS.match(line)
        or IMAGE_CREDIT.match(line)
        or PRINT_LINE.match(line)
        or RELATED_HEADER.match(line)
        or parse_link(line)
        or line.lower().startswith("suchen")
        or _is_related_heading(lines, index)
    )


def _parse_body(lines: list[str], index: int, item: ParsedItem) -> int:
    paragraphs: list[str] = []
    while index < len(lines):
        line = lines[index]
        if line and _ends_body(lines, index):
            break
        if (credit := BRACKETED_CREDIT.match(line)) is not None:
            item.image_credit = item.image_credit or credit.group(1).strip()
            if paragraphs and len(paragraphs) <= 2 and all(len(p) <= 250 for p in paragraphs):
                item.warnings.append(f"caption removed: {' | '.join(paragraphs)[:120]}")
                paragraphs.clear()  # the picture's caption and alt text above its credit
            index += 1
            continue
        if line and not is_furniture(line):
            paragraphs.append(line)
        index += 1
        initials = INITIALS.search(line)
        if initials:
            item.author = initials.group(1)
            paragraphs[-1] = line[: initials.start()].rstrip()
            break
    item.body = "\n\n".join(p for p in paragraphs if p) or None
    return index


def _parse_trailer(lines: list[str], index: int, item: ParsedItem) -> None:
    in_ads = in_list = False
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            continue
        if line.lower().startswith("suchen"):
            in_ads = True  # advertisers and subscription links follow
            continue
        if (keywords := KEYWORDS.match(line)) is not None:
            item.keywords = _split_keywords(keywords.group(1))
        elif (credit := IMAGE_CREDIT.match(line)) is not None:
            item.image_credit = credit.group(1).strip()
        elif (category := CATEGORY.match(line)) is not None:
            item.category = category.group(1).strip()
            in_list = True
        elif _is_related_heading(lines, index - 1, in_trailer=True):
            index = _parse_related(lines, index - 1, item)
        elif in_list and (entry := LIST_ENTRY.match(line)) is not None:
            kicker, title = entry.group("kicker").strip(), entry.group("title").strip()
            item.related.append(RelatedRef(kicker=kicker, title=title))
        elif in_ads or PRINT_LINE.match(line) or is_furniture(line) or is_advertiser(line):
            continue
        elif (link := parse_link(line)) is not None:
            item.links.append(link)
        elif _labels_next_url(lines, index):
            link = parse_link(lines[_next_content(lines, index)])
            link.label = line
            item.links.append(link)
            index = _next_content(lines, index) + 1
        elif not RELATED_HEADER.match(line):
            item.warnings.append(f"unrecognised line after the text: {line[:80]}")


def _labels_next_url(lines: list[str], index: int) -> bool:
    """A plain line right above a bare address is that address's label."""
    following = _next_content(lines, index)
    if following >= len(lines) or following != index:
        return False
    link = parse_link(lines[following])
    return link is not None and link.url is not None and link.label is None


def _parse_related(lines: list[str], index: int, item: ParsedItem) -> int:
    heading = lines[index]
    date_index = _next_content(lines, index + 1)
    date, teaser = dates.bracketed(lines[date_index]) or (None, "")
    kind = "news"
    if REPORT_LABEL.search(heading):
        kind, heading = "report", REPORT_LABEL.sub("", heading)
    kicker, sep, title = heading.partition(": ")
    if not sep:
        kicker, title = None, heading
    related = RelatedRef(
        kicker=kicker.strip() if kicker else None,
        title=title.strip(),
        date=date,
        teaser=MORE.sub("", teaser).strip() or None,
        kind=kind,
    )
    index = date_index + 1
    caption_index = _next_content(lines, index)
    if caption_index < len(lines):
        caption = lines[caption_index]
        if not (
            _is_related_heading(lines, caption_index, in_trailer=True)
            or caption.lower().startswith("suchen")
            or is_furniture(caption)
            or dates.bracketed(caption)
            or RELATED_HEADER.match(caption)
            or KEYWORDS.match(caption)
        ):
            related.caption = caption
            index = caption_index + 1
    item.related.append(related)
    return index


def _split_keywords(text: str) -> list[str]:
    keywords: list[str] = []
    for keyword in re.split(r",\s*(?![^()]*\))", text):
        keyword = keyword.strip().rstrip(".")
        if keyword and keyword.lower() not in {k.lower() for k in keywords}:
            keywords.append(keyword[:100])
    return keywords
