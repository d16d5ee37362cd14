"""Markdown (a CMS export or a static site's source) brought into the shape of page text.

Marks go (#, **, _, [label](url), > quotes, rules, <!-- comments -->); a YAML front matter
gives the title, date, author, tags and category as the site prints them; links in the text
are kept as links; a lower-ranked heading right above the headline ("### Landesfinanzen") is
its kicker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from articles.ingest.digest import is_frame
from articles.ingest.item import LinkRef

MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\3(?![\w*])")
MD_RULE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")  # also a setext heading's underline
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
MD_BULLET = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # "<!--more-->", an editor's note
FRONT_MATTER_FENCE = re.compile(r"^(---|\+\+\+)\s*$")
FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$")
FRONT_ITEM = re.compile(r"^\s+-\s+(.*)$")
FRONT_FIELDS = {
    "title": "title", "date": "date", "publishdate": "date", "published": "date",
    "author": "author", "authors": "author", "tags": "keywords", "keywords": "keywords",
    "schlagworte": "keywords", "category": "category", "categories": "category",
}  # fmt: skip


@dataclass
class Markdown:
    lines: list[str] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    kicker: str | None = None
    front: dict[str, list[str]] = field(default_factory=dict)  # title, date, author, …


# Pandoc's title block: "% Title", "% Author; Author", "% Date" as the first lines
TITLE_BLOCK = re.compile(r"^%\s+(\S.*)$")
TITLE_BLOCK_FIELDS = ("title", "author", "date")


def looks_like_markdown(lines: list[str]) -> bool:
    if lines and FRONT_MATTER_FENCE.match(lines[0]) and _front_end(lines) is not None:
        return True
    if len(_title_block(lines)) >= 2:
        return True
    marks = sum(
        1
        for line in lines[:80]
        if MD_HEADING.match(line) or MD_LINK.search(line) or re.search(r"\*\*\S", line)
    )
    setext = any(_rank(lines, i) == 1 for i in range(min(5, len(lines))))  # "Title" / "====="
    table = any(TABLE_RULE.match(line) and "|" in line for line in lines[:200])
    return marks >= 2 or setext or table or any(MD_HEADING.match(line) for line in lines[:5])


def _title_block(lines: list[str]) -> list[str]:
    """The values of a Pandoc title block ("%" alone leaves a field empty)."""
    values: list[str] = []
    for line in lines[:3]:
        if line.strip() == "%":
            values.append("")
        elif match := TITLE_BLOCK.match(line):
            values.append(match.group(1).strip())
        else:
            break
    return values


def read(lines: list[str]) -> Markdown:
    document = Markdown()
    end = _front_end(lines) if lines and FRONT_MATTER_FENCE.match(lines[0]) else None
    if end is not None:
        document.front = _front_matter(lines[1:end])
        lines = lines[end + 1 :]
    elif block := _title_block(lines):
        document.front = {
            key: [part.strip() for part in value.split(";")] if key == "author" else [value]
            for key, value in zip(TITLE_BLOCK_FIELDS, block, strict=False)
            if value
        }
        lines = lines[len(block) :]
    lines = HTML_COMMENT.sub("", "\n".join(lines)).split("\n")
    lines = _reference_links(lines)
    lines = _kicker_heading(lines, document)
    in_alert = False
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        heading = MD_HEADING.match(line)
        setext = bool(line.strip()) and bool(SETEXT.match(following)) and not MD_RULE.match(line)
        if heading or setext:
            line = heading.group(2) if heading else line.strip()
            if document.lines and document.lines[-1]:
                document.lines.append("")
        if MD_RULE.match(line) or TABLE_RULE.match(line):
            document.lines.append("")
            continue
        if TABLE_ROW.match(line):  # "| 2024 | rund 241 Mio. Euro |" → "2024: rund 241 Mio. Euro"
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            line = ": ".join(cells) if len(cells) == 2 else " · ".join(cells)
        if CALLOUT.match(line):
            continue  # "> **Hinweis:** Fragen beantwortet …": a note beside the text
        if ALERT.match(line):
            in_alert = True  # "> [!note] Nachfrage": an alert or callout block
        if in_alert and re.match(r"^\s*>", line):
            continue
        in_alert = False
        line = re.sub(r"^\s*>\s?", "", line)
        line = MD_BULLET.sub("", line) if MD_BULLET.match(line) and "**" not in line[:3] else line
        found = [m for m in MD_LINK.finditer(line) if not m.group(1)]
        rest = MD_LINK.sub("", line)
        document.links += [_link(m.group(2), m.group(3)) for m in found if _absolute(m.group(3))]
        if found and len(re.sub(r"[\W_]+", "", rest)) <= 25:  # a line of links: no text
            document.links += [
                _link(m.group(2), m.group(3)) for m in found if not _absolute(m.group(3))
            ]
            continue
        line = MD_LINK.sub(lambda m: "" if m.group(1) or is_frame(m.group(2)) else m.group(2), line)
        line = MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(4), line)
        line = line.replace("\\", "").strip()
        if line or (document.lines and document.lines[-1]):
            document.lines.append(line)
        if heading or setext:
            document.lines.append("")
    return document


REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$")
REFERENCE_USE = re.compile(r"\[([^\]]+)\]\[([^\]]*)\]")
# GitHub's alerts and Obsidian's callouts ("> [!NOTE]", "> [!todo] Nachfrage"), the whole block
ALERT = re.compile(r"^\s*>\s*\[![A-Za-z-]+\][+-]?")
CALLOUT = re.compile(r"^\s*>\s*\*\*(?:Hinweis|Info|Tipp|Kontakt|Achtung)\b", re.IGNORECASE)


def _reference_links(lines: list[str]) -> list[str]:
    """ "[Beteiligungsportal Hessen][1]" with "[1]: https://…" at the end → an inline link."""
    targets = {}
    for line in lines:
        if "]:" in line and (found := REFERENCE_DEFINITION.match(line)):
            targets[found.group(1).lower()] = found.group(2)
    if not targets:
        return lines

    def inline(match: re.Match) -> str:
        url = targets.get((match.group(2) or match.group(1)).lower())
        return f"[{match.group(1)}]({url})" if url else match.group(0)

    kept = [line for line in lines if not REFERENCE_DEFINITION.match(line)]
    return [REFERENCE_USE.sub(inline, line) if "][" in line else line for line in kept]


def _absolute(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def _link(label: str, url: str) -> LinkRef:
    return LinkRef(
        label=label or None, url=url, format="PDF" if url.lower().endswith(".pdf") else None
    )


def _rank(lines: list[str], index: int) -> int | None:
    """The heading rank of lines[index] (1 for # and ===, 2 for ## and ---), or None."""
    heading = MD_HEADING.match(lines[index])
    if heading:
        return len(heading.group(1))
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if lines[index].strip() and SETEXT.match(following) and not MD_RULE.match(lines[index]):
        return 1 if following.strip().startswith("=") else 2
    return None


def _kicker_heading(lines: list[str], document: Markdown) -> list[str]:
    """A short heading of lower rank directly above the first headline is its kicker."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2:
        return lines
    upper, lower = content[0], content[1]
    upper_rank, lower_rank = _rank(lines, upper), _rank(lines, lower)
    if upper_rank is None or lower_rank is None or upper_rank <= lower_rank:
        return lines
    text = MD_HEADING.match(lines[upper])
    kicker = (text.group(2) if text else lines[upper]).strip()
    if len(kicker.split()) > 4:
        return lines
    document.kicker = kicker
    return lines[lower:]


def _front_end(lines: list[str]) -> int | None:
    fence = lines[0].strip()
    for index, line in enumerate(lines[1:60], 1):
        if line.strip() == fence:
            return index
    return None


def _front_matter(lines: list[str]) -> dict[str, list[str]]:
    """The fields of a YAML (or TOML) front matter that the page prints: title, date, …"""
    front: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        item = FRONT_ITEM.match(line)
        if item and current:
            front.setdefault(current, []).append(_scalar(item.group(1)))
            continue
        key = FRONT_KEY.match(line)
        if not key:
            continue
        current = FRONT_FIELDS.get(key.group(1).lower())
        value = key.group(2).strip()
        if current and value.startswith("[") and value.endswith("]"):
            front[current] = [_scalar(part) for part in value[1:-1].split(",") if part.strip()]
        elif current and value:
            front[current] = [_scalar(value)]
    return {key: [v for v in values if v] for key, values in front.items()}


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()
