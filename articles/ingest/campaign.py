"""The plain-text part of a mailing tool's campaign (Mailchimp and its kind).

Such tools write a heading as "** Heading" over a rule of dashes and a link as "label (URL)".
Here the heading loses its marks and its rule and a link reads "label: URL", the shape the
newsletter reader (digest.py) knows from other plain-text newsletters.
"""

from __future__ import annotations

import re

HEADING = re.compile(r"^\*\*\s+(\S.*)$")
DASHES = re.compile(r"^\s*-{20,}\s*$")
PAREN_LINK = re.compile(r"^(?P<label>[^()]{2,60}?)\s+\((?P<url>https?://[^\s()]+)\)$")


def looks_like_campaign(lines: list[str]) -> bool:
    """Two headings or more marked "** " with a rule of dashes right under them."""
    marked = sum(
        1
        for index, line in enumerate(lines[:-1])
        if HEADING.match(line.strip()) and DASHES.match(lines[index + 1])
    )
    return marked >= 2


# "View this email in your browser (URL)": above it stands only the preview text (preheader)
VIEW_ONLINE = re.compile(
    r"^(?:view this email in your browser|e-mail im browser (?:an)?sehen|im browser (?:an)?sehen|"
    r"webversion|online (?:an)?sehen)\b",
    re.IGNORECASE,
)


def plain(lines: list[str]) -> list[str]:
    """The campaign without its preview text and browser line, headings and links unmarked."""
    top = next((i for i, line in enumerate(lines[:8]) if VIEW_ONLINE.match(line.strip())), None)
    if top is not None:
        lines = lines[top + 1 :]
    out: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        heading = HEADING.match(stripped)
        if DASHES.match(line) and index and HEADING.match(lines[index - 1].strip()):
            continue  # the rule under a heading
        if heading:
            out.append(heading.group(1).strip())
        elif link := PAREN_LINK.match(stripped):
            out.append(f"{link.group('label')}: {link.group('url')}")
        else:
            out.append(line)
    return out
