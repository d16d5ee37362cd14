"""Listing pages: a press office's or a tag's list of items, the top entry being the item."""

from __future__ import annotations

import re

from articles.ingest.furniture import strip_read_more
from articles.ingest.line_kinds import is_prose


def headed_listing(lines: list[str], index: int) -> tuple[str, int] | None:
    """A listing's top entry: a headline, its teaser cut at "...", a "mehr lesen" link, and
    more entries cut the same way below. (teaser, index after it) or None."""
    line = lines[index].strip()
    if is_prose(line) or len(line.split()) < 3 or re.search(r"[.,;:!?]$", line):
        return None
    following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
    if following is None:
        return None
    teaser = lines[following].strip()
    after = following + 1
    # "… teilte die Stadt mit." / "mehr...": a whole teaser with its read-more link below
    link = next((i for i in range(after, min(after + 3, len(lines))) if lines[i].strip()), None)
    linked = link is not None and lines[link].strip().lower() in READ_MORE_LINES
    if len(teaser) < 80 or not (teaser.endswith(("...", "…")) or linked):
        return None
    cut = [i for i in range(after, len(lines)) if lines[i].strip().endswith(("...", "…"))]
    if len(cut) < 2:
        return None
    # The other entries set their headline apart from the teaser as this one does; a listing's
    # own header ("Pressemitteilungen zum Thema …") stands apart where the entries do not.
    gap = following > index + 1
    if linked:
        cut, gap = [i for i in cut if lines[i].strip().lower() in READ_MORE_LINES], True
        if len(cut) < 2:
            return None
    same = sum((i > 0 and not lines[i - 1].strip()) == gap for i in cut)
    return (teaser, link + 1 if linked else after) if same * 2 > len(cut) else None


READ_MORE_LINES = {"mehr...", "mehr…", "weiterlesen...", "weiterlesen", "mehr lesen", "[mehr]"}


def top_of_listing(lines: list[str], index: int) -> bool:
    line = lines[index].strip()
    if len(line) < 120 or strip_read_more(line) == line or not line.endswith(("...", "…")):
        return False
    if index > 0 and lines[index - 1].strip():
        return False  # an entry under its own heading
    cut = sum(1 for other in lines if other.strip().endswith(("mehr...", "mehr…", "...", "…")))
    return cut >= 3
