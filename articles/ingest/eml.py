"""Raw e-mail files (.eml, RFC 5322 with MIME): the message as a mail client shows it.

A mail saved from a client or a mailbox keeps its transport headers (Received, Message-ID),
encoded header words ("=?UTF-8?Q?Th=C3=BCringer?="), folded header lines and a MIME body
whose text is quoted-printable or base64, often once as text/plain and once as text/html.
Here the headers are decoded and the text part chosen (text/plain before text/html, whose
paragraphs and links are read as in a feed item), and the result is written in the shape of
a displayed mail: "Von:", "Datum:", "Betreff:", a blank line, the text. The e-mail reader
(mail.py) then takes it like any forwarded message.
"""

from __future__ import annotations

import contextlib
import email
import re
from email.errors import HeaderParseError, MessageError
from email.header import decode_header, make_header
from email.message import Message

from articles.ingest.item import LinkRef

# The header fields only a raw message has; a mail shown by a client carries none of them.
TRANSPORT = re.compile(
    r"^(?:mime-version|content-type|content-transfer-encoding|received|message-id|return-path|"
    r"delivered-to|x-[\w-]+|dkim-signature|authentication-results)\s*:",
    re.IGNORECASE,
)
FIELD = re.compile(r"^[A-Za-z][\w-]*\s*:")
HEAD_END = re.compile(r"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
INVISIBLE = re.compile(
    r"<(script|style|title|noscript)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ROW = re.compile(r"<\s*/?\s*(?:tr|table|td|th|h\d|ul|ol)\b[^>]*>", re.IGNORECASE)


def looks_like_eml(lines: list[str]) -> bool:
    """The file opens with a header block that holds transport fields (a raw message)."""
    head: list[str] = []
    for line in lines[:80]:
        if not line.strip():
            break
        if not (FIELD.match(line) or line[:1] in " \t"):
            return False
        head.append(line)
    names = {line.split(":", 1)[0].strip().lower() for line in head if FIELD.match(line)}
    return (
        any(TRANSPORT.match(line) for line in head)
        and bool(names & {"subject", "betreff"})
        and bool(names & {"from", "date"})
    )


def unwrap(text: str) -> tuple[list[str], list[LinkRef]]:
    """The message as displayed (header lines, blank line, text) and the links of its HTML;
    a message the email package cannot take apart stays as it is."""
    try:
        return displayed(email.message_from_string(text))
    except (MessageError, ValueError, TypeError, LookupError, AttributeError):
        return text.split("\n"), []


def saved_page(text: str) -> str | None:
    """The HTML of a web page saved as one file (.mhtml: "From: <Saved by Blink>",
    multipart/related), else None."""
    lines = text[:4000].split("\n")
    if not looks_like_eml(lines) or not re.search(
        r"^content-type:\s*multipart/related", text[:4000], re.IGNORECASE | re.MULTILINE
    ):
        return None
    try:
        part = _body_part(email.message_from_string(text), ("text/html",))
        return _part_text(part) if part is not None else None
    except (MessageError, ValueError, TypeError, LookupError, AttributeError):
        return None


COVER_NOTE_WORDS = 60  # a forwarder's note, never the release itself


def displayed(message: Message) -> tuple[list[str], list[LinkRef]]:
    """A parsed message as a client shows it: Von/Datum/Betreff, a blank line, the text.
    A message forwarded as an attachment (message/rfc822) under a short note is the one shown."""
    attached = next((p for p in message.walk() if p.get_content_type() == "message/rfc822"), None)
    if attached is not None and attached is not message:
        inner = attached.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        note, _ = _text(message)
        if isinstance(inner, Message) and len(note.split()) <= COVER_NOTE_WORDS:
            return displayed(inner)
    lines = [
        f"{label}: {header(message, name)}"
        for name, label in (("from", "Von"), ("date", "Datum"), ("subject", "Betreff"))
        if message[name]
    ]
    body, links = _text(message)
    return [*lines, "", *body.split("\n")], links


def header(message: Message, name: str) -> str:
    """A header's value with its encoded words ("=?UTF-8?Q?…?=") decoded and its folds joined."""
    value = " ".join(str(message[name] or "").split())
    value = re.sub(r"(\?=)\s+(?==\?)", r"\1", value)  # the blank between two words goes
    return ENCODED_WORD.sub(_decoded_word, value)


ENCODED_WORD = re.compile(r"=\?[\w.-]+\?[QqBb]\?[^?\s]*\?=")


def _decoded_word(match: re.Match) -> str:
    with contextlib.suppress(HeaderParseError, LookupError, UnicodeDecodeError, ValueError):
        return str(make_header(decode_header(match.group())))
    return match.group()  # a damaged word stays as written


def _body_part(message: Message, wanted: tuple[str, ...]) -> Message | None:
    """The first part of each wanted type, in the order wanted, that is no attachment; an
    attached message (message/rfc822) is not looked into."""
    parts: list[Message] = []
    stack = [message]
    while stack:
        part = stack.pop(0)
        if part.is_multipart() and part.get_content_type() != "message/rfc822":
            stack[:0] = [p for p in part.get_payload() if isinstance(p, Message)]
        elif "attachment" not in str(part.get("content-disposition", "")).lower():
            parts.append(part)
    for kind in wanted:
        if found := next((p for p in parts if p.get_content_type() == kind), None):
            return found
    return None


def _text(message: Message) -> tuple[str, list[LinkRef]]:
    part = _body_part(message, ("text/plain", "text/html"))
    if part is None:
        return "", []
    content = _part_text(part)
    if part.get_content_subtype() != "html":
        return content, []
    return html_paragraphs(content)


META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.IGNORECASE)


def _part_text(part: Message) -> str:
    """A part's text: 7bit/8bit text was decoded with the file; an encoded part's bytes are
    decoded by its charset, else the charset its HTML names, else UTF-8 (Windows-1252 when
    that fails)."""
    encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
    if encoding not in ("quoted-printable", "base64"):
        payload = part.get_payload()
        return payload if isinstance(payload, str) else ""
    data = part.get_payload(decode=True) or b""
    named = part.get_content_charset() or (
        found.group(1).decode("ascii") if (found := META_CHARSET.search(data[:2048])) else None
    )
    for charset in (named, "utf-8"):
        try:
            return data.decode(charset) if charset else data.decode("utf-8")
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def html_paragraphs(html: str) -> tuple[str, list[LinkRef]]:
    """An HTML mail's text as paragraphs; its links without mail addresses."""
    from articles.ingest.feed import read_content  # the feed reader's HTML paragraphs

    html = INVISIBLE.sub("", HEAD_END.sub("", html))
    html = ROW.sub("<p>", IMAGE.sub("", html))
    paragraphs, links, _ = read_content(html)
    links = [link for link in links if not link.url.lower().startswith(("mailto:", "cid:"))]
    return "\n\n".join(paragraphs), links
