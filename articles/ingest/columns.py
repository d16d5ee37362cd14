"""Text set in two columns, as `pdftotext -layout` prints it: one line holds a line of each.

    Das Thüringer Antragssystem für Verwal-       eigene Software zu kaufen“, sagte Finanz-
    tungsleistungen (ThAVEL) bleibt für die       staatssekretär Hartmut Schubert. Mehr als

The right column starts at the same character position on every line of the block; the block
is read column after column. A letterhead in two columns (short cells, no prose) is no block.
"""

from __future__ import annotations

import re
from collections import Counter

GAP = re.compile(r"\S( {3,})(?=\S)")
MIN_START = 20  # the right column starts after a left column of text, never at the margin
MIN_ROWS = 4  # lines that hold both columns


def _right_start(line: str) -> int | None:
    """Where a second column starts on this line, if it has one."""
    stripped = line.rstrip()
    indent = len(stripped) - len(stripped.lstrip())
    if indent >= MIN_START and stripped.strip():
        return indent  # only the right column is printed on this line
    gap = GAP.search(stripped)
    return gap.end() if gap and gap.end() >= MIN_START else None


def _words(text: str) -> int:
    return len(text.split())


def column_start(lines: list[str]) -> int | None:
    """The position of a right text column shared by enough lines of prose on both sides."""
    starts = Counter(start for line in lines if (start := _right_start(line)) is not None)
    for start, _ in starts.most_common(3):
        rows = [
            line for line in lines if _near(_right_start(line), start) and line[: start - 1].strip()
        ]
        prose = [row for row in rows if _words(row[:start]) >= 3 and _words(row[start:]) >= 3]
        if len(rows) >= MIN_ROWS and len(prose) * 2 >= len(rows) and len(prose) >= MIN_ROWS:
            return start
    return None


def _near(found: int | None, start: int) -> bool:
    return found is not None and abs(found - start) <= 1


def read_columns(lines: list[str]) -> list[str]:
    """The lines with each two-column block read left column first, then right column."""
    start = column_start(lines)
    if start is None:
        return lines
    inside = [
        not line.strip() or _near(_right_start(line), start) or len(line.rstrip()) < start
        for line in lines
    ]
    rows = [i for i, line in enumerate(lines) if line.strip() and _near(_right_start(line), start)]
    first, last = rows[0], rows[-1]
    while first > 0 and inside[first - 1] and lines[first - 1].strip():
        first -= 1  # a left-column line above the first line with both columns
    while last + 1 < len(lines) and inside[last + 1] and lines[last + 1].strip():
        last += 1
    block = lines[first : last + 1]
    left = [line[:start].rstrip() for line in block]
    right = [line[start:].strip() if len(line) > start else "" for line in block]
    return [*lines[:first], *left, "", *right, *lines[last + 1 :]]
