"""Mailing-list digests (Mailman's "Today's Topics:" and "Message: 1" blocks).

A digest bundles the day's messages of a list: a preamble, a table of contents, then each
message with its own headers between rules of dashes, then the digest's footer. The first
message is the item, read like any mail; the others are its related items (subject, date and
first paragraph), as in a newsletter.
"""

from __future__ import annotations

import email
import re

from articles.ingest import eml, feed, mail
from articles.ingest.item import LinkRef, RelatedRef

TOPICS = re.compile(
    r"^(?:today's topics|heutige themen|themen des tages|themen dieser ausgabe)\s*:?$", re.I
)
MESSAGE = re.compile(r"^(?:message|nachricht)\s*:\s*\d+$", re.IGNORECASE)
RULE = re.compile(r"^-{20,}$")


def looks_like_digest(lines: list[str]) -> bool:
    topics = any(TOPICS.match(line.strip()) for line in lines[:80])
    return topics and any(MESSAGE.match(line.strip()) for line in lines)


def messages(lines: list[str]) -> list[list[str]]:
    """Each message's own lines (headers, blank line, text), in the digest's order."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        stripped = line.strip()
        if MESSAGE.match(stripped):
            current = []
            found.append(current)
        elif RULE.match(stripped):
            current = None  # the rule closes a message; the footer after it is no message
        elif current is not None:
            current.append(line)
    return [block for block in found if any(block)]


def read(lines: list[str]) -> tuple[list[str], list[LinkRef], list[RelatedRef]]:
    """The first message as a displayed mail, its links, and the others as related items."""
    shown = [eml.displayed(_parse(block)) for block in messages(lines)]
    (first, links), others = shown[0], shown[1:]
    return first, links, [ref for ref in (_related(lines) for lines, _ in others) if ref]


def _parse(block: list[str]) -> email.message.Message:
    return email.message_from_string("\n".join(block).strip("\n") + "\n")


def _related(lines: list[str]) -> RelatedRef | None:
    message = mail.read_mail(lines)
    if not message.subject:
        return None
    title, _ = mail.clean_subject(message.subject)
    stamp = feed.feed_date(message.date_line) if message.date_line else None
    paragraphs = [" ".join(p.split()) for p in "\n".join(message.body).split("\n\n")]
    teaser = next((p for p in paragraphs if p and " ".join(p.split()) != title), None)
    return RelatedRef(kicker=None, title=title, date=stamp[0] if stamp else None, teaser=teaser)
