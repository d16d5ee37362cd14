"""Forwarded e-mails: the original message's subject, date and text; no signature.

A newsroom receives releases as e-mails, often forwarded once or twice. The headers of
the innermost message (the last header block) describe the release: its subject is the
title without "WG:", "Fwd:" or "PM 31/2022:", its date is the release's date. Greetings,
signatures and disclaimers are cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADER = re.compile(
    r"^\s*(?:[>*]+\s*)?(von|from|gesendet|sent|an|to|cc|kopie|betreff|subject|datum|date|"
    r"reply-to|antwort an)\s*:\s*(.*)$",
    re.IGNORECASE,
)
SEPARATOR = re.compile(
    r"^[\s>-]*(?:-{3,}|_{5,})?\s*(ursprüngliche nachricht|original message|forwarded message|"
    r"weitergeleitete nachricht|nachricht weitergeleitet|begin forwarded message)\b.*$",
    re.IGNORECASE,
)
SUBJECT_PREFIX = re.compile(
    r"^(?:\s*(?:(?:WG|AW|Fwd?|FW|Re|Wtr|Weiterleitung|TR)\s*(?:\[\d+\])?\s*:|"
    r"\[[^\]\n]{2,40}\])\s*)+",  # "[Presseverteiler] …": a mailing list's tag
    re.IGNORECASE,
)
RELEASE_PREFIX = re.compile(
    r"^(?:PM|Pressemitteilung|Pressemeldung|Presseinformation|Medieninformation|"
    r"Medienmitteilung|Mitteilung)\s*(?:Nr\.?\s*)?(?:\d{1,4}\s*/\s*\d{2,4}|\d{1,4})?\s*[:–—-]\s*",
    re.IGNORECASE,
)
SIGN_OFF = re.compile(
    r"^(?:--\s*$|_{20,}\s*$|mit freundlichen grüßen|freundliche grüße|viele grüße|"
    r"beste grüße|herzliche grüße|mfg\b|i\.\s?a\.\s|im auftrag\b|best regards|kind regards)",
    re.IGNORECASE,
)
DISCLAIMER = re.compile(
    r"^(?:diese (?:e-mail|nachricht)|this (?:e-mail|message)|hinweis:|datenschutzhinweis|"
    r"disclaimer|vertraulichkeitshinweis|bitte denken sie an die umwelt|sent from my|"
    r"von meinem \w+ gesendet|sie erhalten diese (?:e-mail|nachricht|mail)|"
    r"you (?:are receiving|received) this)",
    re.IGNORECASE,
)


@dataclass
class Mail:
    subject: str | None = None
    date_line: str | None = None
    body: list[str] = field(default_factory=list)
    sender: str | None = None
    signature: list[str] = field(default_factory=list)  # the lines cut at the end


WROTE = re.compile(
    r"^(?:Am|On)\s+(?P<date>.{6,60}?)\s*(?:,\s*|\s+um\s+\S+\s+(?:Uhr\s+)?)?"
    r"(?:schrieb|wrote)\s+(?P<sender>.{1,100}?):?$",
    re.IGNORECASE,
)


def looks_like_mail(lines: list[str]) -> bool:
    head = [line for line in lines[:40] if line.strip()]
    headers = [HEADER.match(line) for line in head]
    names = {match.group(1).lower() for match in headers if match}
    return bool(names & {"betreff", "subject"}) and len(names) >= 2


def read_mail(lines: list[str]) -> Mail:
    """The innermost message of a (forwarded) e-mail."""
    mail = Mail()
    last_header_end = 0
    index = 0
    while index < len(lines):
        match = HEADER.match(lines[index])
        wrote = WROTE.match(lines[index].strip())
        if wrote:  # "Am 3. Mai 2022 um 14:05 schrieb Pressestelle <…>:" above a quoted message
            mail.date_line = wrote.group("date")
            mail.sender = wrote.group("sender")
            index += 1
            last_header_end = index
            continue
        if match or SEPARATOR.match(lines[index]):
            block = {}
            while index < len(lines) and (
                HEADER.match(lines[index]) or SEPARATOR.match(lines[index]) or not lines[index]
            ):
                header = HEADER.match(lines[index])
                if header:
                    block[header.group(1).lower()] = header.group(2).strip()
                index += 1
                blank = not lines[index - 1]
                if blank and block and index < len(lines) and not HEADER.match(lines[index]):
                    break
            if block:
                subject = block.get("betreff") or block.get("subject")
                mail.subject = subject or mail.subject
                mail.date_line = (
                    block.get("datum") or block.get("date") or block.get("gesendet")
                    or block.get("sent") or mail.date_line
                )  # fmt: skip
                mail.sender = block.get("von") or block.get("from") or mail.sender
                last_header_end = index
            continue
        index += 1
    text = [line.lstrip("> ").rstrip() for line in lines[last_header_end:]]
    mail.body = _without_signature(text)
    mail.signature = [line.strip() for line in text[len(mail.body) :] if line.strip()]
    return mail


def publisher(mail: Mail) -> str | None:
    """Who sends the release: the sender's name and the signature's first lines."""
    named = [mail.sender or "", *mail.signature[:SIGNATURE_LINES]]
    return " | ".join(line for line in named if line) or None


def clean_subject(subject: str) -> tuple[str, str | None]:
    """ "WG: PM 31/2022: Neues Portal" → ("Neues Portal", "PM 31/2022")."""
    subject = SUBJECT_PREFIX.sub("", subject).strip()
    release = RELEASE_PREFIX.match(subject)
    number = None
    if release and release.end() < len(subject):
        number = release.group().rstrip(" :–—-")
        subject = subject[release.end() :].strip()
    return subject, number


RELEASE_LABEL = re.compile(
    r"^(?:PM|Presse\w*|Medien\w*)\s*(?:Nr\.?\s*)?(?:\d{1,4}\s*/\s*\d{2,4})?$", re.IGNORECASE
)
SALUTATION = re.compile(
    r"^(?:sehr geehrte|liebe|hallo|guten tag|dear|hi)\b.{0,80},?$", re.IGNORECASE
)
COVER_NOTE_WORDS = 60  # a cover note is a sentence or two, never the release itself


def without_cover_note(body: list[str], title: str | None) -> list[str]:
    """The release without the press office's cover note ("Sehr geehrte Damen und Herren,
    anbei erhalten Sie …") and without its headline, which repeats the subject."""
    lines = list(body)
    if title:
        wanted = " ".join(title.split()).casefold()
        for index, line in enumerate(lines[:40]):
            if " ".join(line.split()).casefold() != wanted:
                continue
            above = " ".join(lines[:index]).split()
            if len(above) <= COVER_NOTE_WORDS:  # the release repeats its subject as headline
                labels = [line for line in lines[:index] if RELEASE_LABEL.match(line.strip())]
                lines = [*labels, *lines[index + 1 :]]  # "Medieninformation 31/2022" stays
            break
    while lines and not lines[0].strip():
        lines = lines[1:]
    if lines and SALUTATION.match(lines[0].strip()):
        lines = lines[1:]  # "Sehr geehrte Damen und Herren," above the text itself
    return lines


CONTACT = re.compile(
    r"\S+@\S+\.\w+|\b(?:tel|telefon|fon|fax|phone)\b\.?|\bwww\.\S+|\b\d{5}\s+[A-ZÄÖÜ]",
    re.IGNORECASE,
)
SIGNATURE_LINE_WORDS = 6
SIGNATURE_LINES = 6  # the organisation's name stands in the first lines


def _without_signature(lines: list[str]) -> list[str]:
    kept: list[str] = []
    for line in lines:
        stripped = line.strip()
        if SIGN_OFF.match(stripped) or DISCLAIMER.match(stripped):
            break
        kept.append(stripped)
    return _without_sender_block(kept)


def _without_sender_block(lines: list[str]) -> list[str]:
    """A sender block without a sign-off at the end ("Landeshauptstadt Erfurt" / "Stadtverwaltung"
    / "presse@erfurt.de"): short lines that are no sentences, one of them a contact line."""
    start = len(lines)
    while start and (
        not lines[start - 1]
        or (
            len(lines[start - 1].split()) <= SIGNATURE_LINE_WORDS
            and not lines[start - 1].endswith((".", "!", "?", "“", '"', ":"))
        )
    ):
        start -= 1
    block = [line for line in lines[start:] if line]
    named = [line for line in block if not CONTACT.search(line)]  # "Stadtverwaltung", a name
    if named and len(block) > len(named) and any(lines[:start]):
        return lines[:start]  # one line with an address alone ("Mehr unter www…") is text
    return lines
