"""The form a document arrives in: web page text, e-mail, PDF text, feed item, Markdown.

Every form is turned into the shape of page text (a title line, a date line, paragraphs
separated by blank lines) so one page parser reads them all; what only the form knows
(the e-mail's date, the feed's pubDate, a newsletter's other items) travels beside it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

from articles.ingest import dates, digest, mail, pdf
from articles.ingest.item import LinkRef, RelatedRef


@dataclass
class Prepared:
    lines: list[str]
    form: str = "page"
    date: tuple | None = None
    title: str | None = None
    related: list[RelatedRef] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    year: tuple | None = None  # only the year is known ("PM 31/2022")
    sender: str | None = None  # an e-mail's sender, naming the publisher
    category: str | None = None  # a feed item's <category>
    author: str | None = None  # a feed item's <dc:creator> or <author>
    portal: bool = False  # a feed item from the kommune21 portal or a mirror of it
    warnings: list[str] = field(default_factory=list)


PORTAL_ADDRESS = re.compile(r"kommune21\.de|/k21-meldungen/", re.IGNORECASE)
FEED_TAG = re.compile(r"<(item|entry|rss|feed)\b[^>]*>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
BLOCK_TAG = re.compile(r"<\s*(?:/p|br\s*/?|/div|/h\d|/li|p|div|h\d|li)\b[^>]*>", re.IGNORECASE)
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\3(?![\w*])")
MD_RULE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")  # also a setext heading's underline
MD_BULLET = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")


def prepare(text: str) -> Prepared:
    """Recognise the form and bring it into page shape."""
    lines = text.split("\n")
    if FEED_TAG.search(text[:2000]) and re.search(r"<title\b", text, re.IGNORECASE):
        prepared = _feed(text)
    elif mail.looks_like_mail(lines):
        prepared = _mail(lines)
    elif _looks_like_markdown(lines):
        prepared = _markdown(lines)
    elif pdf.looks_like_pdf(lines):
        reflowed, warnings = pdf.reflow(lines)
        prepared = Prepared(reflowed, "pdf", warnings=warnings)
    else:
        prepared = Prepared(lines)
    if digest.looks_like_digest(prepared.lines):
        main, related = digest.split_digest(prepared.lines)
        if related:
            prepared.lines, prepared.related = main, related
            prepared.warnings.append(
                f"newsletter: first item kept, {len(related)} others listed as related"
            )
            prepared.form = "newsletter"
    return prepared


def unescape(text: str) -> str:
    """HTML entities, also doubly escaped ones ("&amp;ndash;" → "–")."""
    for _ in range(3):
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return text


def _tag(text: str, *names: str) -> str | None:
    for name in names:
        match = re.search(
            rf"<{name}\b[^>]*>(.*?)</{name}\s*>", text, re.IGNORECASE | re.DOTALL
        ) or re.search(rf"<{name}\b[^>]*\bhref=\"([^\"]+)\"", text, re.IGNORECASE)
        if match:
            value = match.group(1).strip()
            cdata = re.fullmatch(r"<!\[CDATA\[(.*)\]\]>", value, re.DOTALL)
            return cdata.group(1) if cdata else value
    return None


def _feed(text: str) -> Prepared:
    item_match = re.search(r"<(item|entry)\b.*?</\1\s*>", text, re.IGNORECASE | re.DOTALL)
    item = item_match.group() if item_match else text
    title = _tag(item, "title") or ""
    title = " ".join(TAG.sub(" ", unescape(title)).split())
    content = _tag(item, "content:encoded", "content", "description", "summary") or ""
    content = unescape(content)
    if "<" in content:
        content = BLOCK_TAG.sub("\n\n", content)
        content = unescape(TAG.sub("", content))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", content)]
    prepared = Prepared([title, ""], "feed", title=title)
    stamp = _tag(item, "pubDate", "published", "dc:date", "updated")
    if stamp:
        prepared.date = _feed_date(unescape(stamp))
        if prepared.date:
            prepared.warnings.append("date from the feed item's publication date")
    for paragraph in paragraphs:
        if paragraph:
            prepared.lines += [paragraph, ""]
    link = _tag(item, "link") or ""
    if PORTAL_ADDRESS.search(link):  # the portal's own addresses ("/k21-meldungen/")
        prepared.portal = True
    prepared.category = _plain(_tag(item, "category"))
    prepared.author = _plain(_tag(item, "dc:creator", "author", "name"))
    return prepared


def _plain(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(TAG.sub(" ", unescape(value)).split()) or None


def _feed_date(stamp: str) -> tuple | None:
    try:
        return parsedate_to_datetime(stamp).date(), "day"  # RFC 822: "Wed, 14 Oct 2020 …"
    except (TypeError, ValueError, IndexError):
        return dates.parse_date(stamp)  # ISO 8601 in Atom


def _mail(lines: list[str]) -> Prepared:
    message = mail.read_mail(lines)
    prepared = Prepared([], "email", sender=message.sender)
    if message.subject:
        title, number = mail.clean_subject(message.subject)
        prepared.title = title
        prepared.lines = [title, ""]
        if number:
            prepared.warnings.append(f"release label removed from the subject: {number}")
            if not prepared.date:
                prepared.year = dates.release_year(number)
    if message.date_line:
        prepared.date = dates.parse_date(message.date_line)
        if prepared.date:
            prepared.warnings.append("date from the original message's header")
    body = mail.without_cover_note(message.body, prepared.title)
    if pdf.looks_like_pdf(body):
        body, warnings = pdf.reflow(body)
        prepared.warnings += warnings
    prepared.lines += body
    return prepared


def _looks_like_markdown(lines: list[str]) -> bool:
    marks = sum(
        1
        for line in lines[:80]
        if MD_HEADING.match(line) or MD_LINK.search(line) or re.search(r"\*\*\S", line)
    )
    return marks >= 2 or any(MD_HEADING.match(line) for line in lines[:5])


def _markdown(lines: list[str]) -> Prepared:
    prepared = Prepared([], "markdown")
    for line in lines:
        heading = MD_HEADING.match(line)
        if heading:
            line = heading.group(2)
            if prepared.lines and prepared.lines[-1]:
                prepared.lines.append("")
        if MD_RULE.match(line):
            prepared.lines.append("")
            continue
        line = re.sub(r"^\s*>\s?", "", line)
        line = MD_BULLET.sub("", line) if MD_BULLET.match(line) and "**" not in line[:3] else line
        found = [m for m in MD_LINK.finditer(line) if not m.group(1)]
        rest = MD_LINK.sub("", line)
        if found and len(re.sub(r"[\W_]+", "", rest)) <= 25:  # a line of links: no text
            for link in found:
                url = link.group(3)
                pdf_link = url.lower().endswith(".pdf")
                prepared.links.append(
                    LinkRef(
                        label=link.group(2) or None, url=url, format="PDF" if pdf_link else None
                    )
                )
            continue
        line = MD_LINK.sub(lambda m: "" if m.group(1) else m.group(2), line)
        line = MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(4), line)
        line = line.replace("\\", "").strip()
        if line or (prepared.lines and prepared.lines[-1]):
            prepared.lines.append(line)
        if heading:
            prepared.lines.append("")
    return prepared
