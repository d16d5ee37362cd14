"""The form a document arrives in: web page text, e-mail, PDF text, feed item, Markdown.

Every form is turned into the shape of page text (a title line, a date line, paragraphs
separated by blank lines) so one page parser reads them all; what only the form knows
(the e-mail's date, the feed's pubDate, a newsletter's other items) travels beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from articles.ingest import dates, digest, feed, mail, pdf
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
    image_credit: str | None = None  # the credit in a feed item's <figure>
    portal: bool = False  # a feed item from the kommune21 portal or a mirror of it
    warnings: list[str] = field(default_factory=list)


MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\3(?![\w*])")
MD_RULE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")  # also a setext heading's underline
MD_BULLET = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")


def prepare(text: str) -> Prepared:
    """Recognise the form and bring it into page shape."""
    lines = text.split("\n")
    if feed.looks_like_feed(text):
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


def _feed(text: str) -> Prepared:
    first, *others = feed.read_items(text)
    prepared = Prepared([first.title, ""], "feed", title=first.title, date=first.date)
    if first.date:
        prepared.warnings.append("date from the feed item's publication date")
    for paragraph in first.paragraphs:
        prepared.lines += [paragraph, ""]
    if feed.PORTAL_ADDRESS.search(first.link):  # the portal's own addresses ("/k21-meldungen/")
        prepared.portal = True
    prepared.category, prepared.author = first.category, first.author
    prepared.image_credit, prepared.links = first.image_credit, first.links
    prepared.related = feed.related(others)
    if others:
        prepared.warnings.append(f"feed: first item kept, {len(others)} others listed as related")
    return prepared


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
