"""Text extracted from PDF releases: hard line breaks, hyphenation, page furniture.

PDF text comes as fixed-width lines: words broken at the line end ("Digitali-" /
"sierung"), paragraphs cut into lines, "Seite 1 von 2" and the letterhead on every page.
This re-flows it into paragraphs the page parser can read.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from articles.ingest.columns import column_start, read_columns
from articles.ingest.furniture import is_credit

PAGE_NUMBER = re.compile(
    r"^(?:-\s*\d+\s*-|seite\s+\d+(?:\s*(?:von|/)\s*\d+)?|page\s+\d+(?:\s+of\s+\d+)?|"
    r"\d+\s*/\s*\d+)$",
    re.IGNORECASE,
)
PAGE_MARK = re.compile(r"^(?:-\s*\d+\s*-|seite\s+\d+.*|page\s+\d+.*)$", re.IGNORECASE)
# "Thüringer Finanzministerium · Ludwig-Erhard-Ring 7 · 99099 Erfurt": the page's footer
ADDRESS_FOOTER = re.compile(r"[·|•]\s*\d{5}\s+[A-ZÄÖÜ][\w-]+|\b\d{5}\s+[A-ZÄÖÜ][\w-]+\s*[·|•]")
HYPHEN_END = re.compile(r"[a-zäöüß]-$")
COLUMN_GAP = re.compile(r"\s{5,}")
# "K l e i n e   A n f r a g e": a word set letter-spaced (a form's label in a print)
LETTER_SPACED = re.compile(r"^\S(?: \S){2,}(?: {2,4}\S(?: \S)+)*$")
JOINING_WORDS = {"für", "und", "der", "die", "das", "des", "den", "dem", "in", "im", "mit", "von"}


def looks_like_pdf(lines: list[str]) -> bool:
    """Page numbers, or most text lines wrapped at a similar width without a sentence end."""
    if any("\f" in line for line in lines) or column_start(lines) is not None:
        return True  # pdftotext's form feed between pages
    pages = sum(1 for line in lines if PAGE_MARK.match(line.strip()))
    if pages >= 2:
        return True  # "Seite 1 von 2" … "Seite 2 von 2", "- 1 -" … "- 2 -"
    text_lines = [line for line in lines if len(line.strip()) >= 25]
    long_lines = [line.strip() for line in lines if len(line.strip()) >= 50]
    if len(long_lines) >= 4 and sum(len(line) > 110 for line in long_lines) <= 1:
        open_ended = sum(1 for line in long_lines if not re.search(r"[.!?:“\"]$", line))
        broken = sum(
            1
            for line, following in pairwise(line.strip() for line in lines)
            if following
            and (
                HYPHEN_END.search(line)
                or following[:1].islower()
                or line.endswith(",")
                or line.rsplit(" ", 1)[-1].lower() in JOINING_WORDS
            )
        )
        if open_ended * 2 >= len(long_lines) and broken >= 2:
            return True  # fixed-width lines that end inside sentences
    if len(text_lines) < 8 or sum(len(line) > 110 for line in long_lines) * 5 > len(long_lines):
        return False  # paragraphs on one line each: page text, not PDF
    wrapped = sum(
        1
        for line, following in pairwise(lines)
        if len(line.strip()) >= 40 and following.strip()[:1].islower()
    )
    hyphens = sum(1 for line in lines if HYPHEN_END.search(line.rstrip()))
    return wrapped + 2 * hyphens >= max(4, len(text_lines) // 3)


# "Medieninformation 92/2024 vom 9. Juli 2024          2" (or the number first, on even pages):
# a running header or footer with the page number at the margin
RUNNING_HEAD = re.compile(
    r"^\s*(?:(?P<left>\d{1,2})\s{3,}(?P<a>\S.*)|(?P<b>\S.*?)\s{3,}(?P<right>\d{1,2}))\s*$"
)


def _without_running_heads(lines: list[str]) -> tuple[list[str], int]:
    """Lines standing alone between blank lines that pair a short title with a page number.
    The blank lines around one go too: a page break is no paragraph break."""
    kept: list[str] = []
    heads = 0
    skip_blank = False
    for index, line in enumerate(lines):
        match = RUNNING_HEAD.match(line)
        above = lines[index - 1].strip() if index else ""
        below = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if match and not (above and below):
            title = (match.group("a") or match.group("b")).strip()
            number = int(match.group("left") or match.group("right"))
            if number >= 2 and len(title) <= 90 and not title.endswith((".", "!", "?")):
                heads += 1
                while kept and not kept[-1].strip():
                    kept.pop()
                skip_blank = True
                continue
        if skip_blank and not line.strip():
            continue
        skip_blank = False
        kept.append(line)
    return kept, heads


COORDINATING = {"und", "oder", "bis", "sowie", "als", "wie"}  # "Ehe- und Geburtsurkunden"
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
FOOTNOTE = re.compile(rf"^\s*([{SUPERSCRIPTS}]+)\s+\S")
FOOTNOTE_RULE = re.compile(r"^\s*_{5,40}\s*$")


def _without_footnotes(lines: list[str]) -> tuple[list[str], int]:
    """Footnotes ("¹ Offenes Design …") under their short rule go, and so do their marks
    after the words of the text ("openDVA¹"); a superscript nothing refers to stays (m²)."""
    marks = {match.group(1) for line in lines if (match := FOOTNOTE.match(line))}
    if not marks:
        return lines, 0
    kept = [line for line in lines if not FOOTNOTE.match(line) and not FOOTNOTE_RULE.match(line)]
    pattern = re.compile(rf"(?<=[\w)“\"])(?:{'|'.join(map(re.escape, marks))})(?![{SUPERSCRIPTS}])")
    return [pattern.sub("", line) for line in kept], len(lines) - len(kept)


def reflow(lines: list[str]) -> tuple[list[str], list[str]]:
    """(re-flowed lines, warnings): paragraphs on one line each, blank lines between."""
    warnings: list[str] = []
    lines, notes = _without_footnotes(lines)
    if notes:
        warnings.append(f"PDF footnotes removed ({notes} lines)")
    lines, heads = _without_running_heads(lines)
    if heads:
        warnings.append(f"PDF running header with page number removed ({heads} lines)")
    columns = read_columns(lines)
    if columns is not lines:
        warnings.append("PDF text in two columns read column by column")
        lines = columns
    counts = Counter(line.strip() for line in lines if line.strip())
    repeated = {line for line, count in counts.items() if count >= 2 and len(line) <= 120}
    kept: list[str] = []
    dropped = 0
    seen: set[str] = set()
    text_started = False  # the first letterhead names the publisher: it stays, once
    split = [_unspaced(line) for line in _split_columns(lines)]
    first_text = _first_text(split)
    for index, line in enumerate(split):
        stripped = line.strip()
        text_started = index >= first_text
        if PAGE_NUMBER.match(stripped) or (text_started and ADDRESS_FOOTER.search(stripped)):
            dropped += 1
            continue
        if stripped in repeated and (text_started or stripped in seen):
            dropped += 1
            continue  # the letterhead or footer printed on every page
        seen.add(stripped)
        kept.append(stripped)
    if dropped:
        warnings.append(f"PDF page furniture removed ({dropped} lines)")
    widths = sorted(len(line) for line in kept if line)
    width = widths[int(len(widths) * 0.8)] if widths else 80
    width = max(width, _fill_width(kept))
    out: list[str] = []
    current = ""
    last_len = 0
    for index, line in enumerate(kept):
        following = kept[index + 1] if index + 1 < len(kept) else ""
        if not line:
            if current:
                out.append(current)
                current = ""
            out.append("")
            continue
        if current and _continues(current, last_len, line, width):
            if HYPHEN_END.search(current) and line.split(" ", 1)[0] in COORDINATING:
                current = f"{current} {line}"  # "Ehe-" + "und Geburtsurkunden"
            elif HYPHEN_END.search(current) and line[:1].islower():
                current = current[:-1] + line  # "Digitali-" + "sierung"
            elif HYPHEN_END.search(current) and line[:1].isupper():
                current = current + line  # "Friedrich-Schiller-" + "Universität": a compound
            else:
                current = f"{current} {line}"
        else:
            if current:
                out.append(current)
            current = line
        last_len = len(line)
        if re.search(r"[.!?:“\"]$", line) and (
            last_len < width * 0.6 or _next_word_fits(line, following, width)
        ):
            out.append(current)  # a line ending a sentence with room to spare ends its paragraph
            current = ""
    if current:
        out.append(current)
    return _headline_with_subtitle(_join_across_pages(_apart(out))), warnings


def _first_text(lines: list[str]) -> int:
    """The first line of running text: a block of lines with a dozen words, not a letterhead."""
    block: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if line.strip():
            block.append(index)
            continue
        words = sum(
            len(re.findall(r"[^\W\d_]{2,}", lines[i]))
            for i in block
            if not ADDRESS_FOOTER.search(lines[i])
        )
        if words >= 12:
            return block[0]
        block = []
    return len(lines)


def _apart(paragraphs: list[str]) -> list[str]:
    """One blank line between paragraphs: a PDF's lines are no page's blocks (a letterhead
    line right above the headline is no Dachzeile)."""
    out: list[str] = []
    for paragraph in paragraphs:
        if paragraph or (out and out[-1]):
            if paragraph and out and out[-1] and not is_credit(paragraph):
                out.append("")  # a caption stays on the line above its credit
            out.append(paragraph)
    return out


def _fill_width(lines: list[str]) -> int:
    """The width a wrapped paragraph fills: the longest text lines, not a stray long line."""
    widths = sorted((len(line) for line in lines if len(line) >= 30), reverse=True)
    return widths[min(2, len(widths) - 1)] if widths else 0


def _next_word_fits(line: str, following: str, width: int) -> bool:
    """The next line's first word would have fitted on this line: the break was meant, not
    wrapped (text copied from a PDF viewer has no blank line between paragraphs)."""
    first = following.split(" ", 1)[0]
    if not first or following[:1].islower():
        return False
    return len(line) + 1 + len(first) <= width - 2


def _headline_with_subtitle(lines: list[str]) -> list[str]:
    """A headline and its subtitle set apart by a blank line above the first paragraph: one
    block, as on a web page, so the headline is read as such and the subtitle as subtitle."""
    text = [i for i, line in enumerate(lines) if line]
    first_prose = next((n for n, i in enumerate(text) if _prose(lines[i])), None)
    if first_prose is None or first_prose < 2:
        return lines
    upper, lower = text[first_prose - 2], text[first_prose - 1]
    if not all(_heading_like(lines[i]) for i in (upper, lower)) or lower - upper == 1:
        return lines
    return [*lines[: upper + 1], *lines[lower:]]


def _prose(line: str) -> bool:
    return len(line.split()) >= 8 and bool(re.search(r"[.!?“\"]$", line))


def _heading_like(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 20
        and not re.search(r"[.,;:]$", line)
        and any(word[:1].islower() for word in words)
    )


def _join_across_pages(lines: list[str]) -> list[str]:
    """A paragraph cut by a page break: it ends mid-sentence, the next starts in lower case."""
    joined: list[str] = []
    for line in lines:
        previous = next((i for i in range(len(joined) - 1, -1, -1) if joined[i]), None)
        if (
            previous is not None
            and not re.search(r"[.!?:“\"]$", joined[previous])
            and (line[:1].islower() or _cut_paragraph(joined[previous], line))
        ):
            if HYPHEN_END.search(joined[previous]):
                joined[previous] = joined[previous][:-1] + line
            else:
                joined[previous] = f"{joined[previous]} {line}"
            del joined[previous + 1 :]
            continue
        joined.append(line)
    return joined


def _cut_paragraph(previous: str, line: str) -> bool:
    """A paragraph of text that stops mid-sentence, then text again: cut by a page break."""
    return len(previous.split()) >= 12 and len(line.split()) >= 8 and not line.isupper()


def _unspaced(line: str) -> str:
    """ "K l e i n e   A n f r a g e" → "Kleine Anfrage"."""
    stripped = line.strip()
    if not LETTER_SPACED.match(stripped):
        return line
    return " ".join(word.replace(" ", "") for word in re.split(r" {2,}", stripped))


def _split_columns(lines: list[str]) -> list[str]:
    """A letterhead in two columns ("Stadt Jena      Fachdienst …"): each cell on its own,
    a block of its own, never joined to the text."""
    out: list[str] = []
    for line in lines:
        cells = [cell.strip() for cell in COLUMN_GAP.split(line.strip()) if cell.strip()]
        if len(cells) >= 2:
            for cell in cells:
                out += [cell, ""]
        else:
            out.append(line)
    return out


def _continues(current: str, last_len: int, line: str, width: int) -> bool:
    """Does `line` continue the paragraph in `current` (wrapped at the line end)?"""
    if HYPHEN_END.search(current) or line[:1].islower():
        return True
    if current.rsplit(" ", 1)[-1].lower() in JOINING_WORDS:
        return True  # "Thüringer Ministerium für" / "Digitales und Infrastruktur"
    return last_len >= width * 0.75
