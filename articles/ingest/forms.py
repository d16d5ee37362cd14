"""The form a document arrives in: web page text, e-mail, PDF text, feed item (RSS, Atom,
JSON Feed), Markdown.

Every form is turned into the shape of page text (a title line, a date line, paragraphs
separated by blank lines) so one page parser reads them all; what only the form knows
(the e-mail's date, the feed's pubDate, a newsletter's other items) travels beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from articles.ingest import (
    agency,
    campaign,
    dates,
    digest,
    eml,
    feed,
    json_feed,
    mail,
    mail_digest,
    markdown,
    pdf,
)
from articles.ingest.item import LinkRef, RelatedRef

SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\r?\n[ \t]*")


@dataclass
class Prepared:
    lines: list[str]
    form: str = "page"
    date: tuple | None = None
    title: str | None = None
    related: list[RelatedRef] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    year: tuple | None = None  # only the year is known ("PM 31/2022")
    sender: str | None = None  # an e-mail's sender and signature, a feed's publisher
    category: str | None = None  # a feed item's <category>
    author: str | None = None  # a feed item's <dc:creator> or <author>
    image_credit: str | None = None  # the credit in a feed item's <figure>
    kicker: str | None = None  # a Markdown heading above the headline
    keywords: list[str] = field(default_factory=list)  # a front matter's tags
    portal: bool = False  # a feed item from the kommune21 portal or a mirror of it
    warnings: list[str] = field(default_factory=list)


# "Normal 0 21 false false false MicrosoftInternetExplorer4 /* Style Definitions */ table.
# MsoNormalTable {…}": the style sheet of a text pasted from Word, glued to the first paragraph
OFFICE_STYLES = re.compile(
    r"(?:Normal\s+\d+\s+\d+\s+(?:(?:false|true)\s+){2,4}\S+\s+)?/\*\s*Style Definitions\s*\*/"
    r"(?:[^{}\n]*\{[^{}]*\})+\s*"
)


JUNCTION = re.compile(r"[a-zäöüß](?=[A-ZÄÖÜ])")


def undouble(text: str) -> str:
    """A word or name printed twice without a space ("VerwaltungsleistungenVerwaltungs-
    leistungen", "Patrick BurghardtPatrick Burghardt"): a glossary or profile link and its
    label. Only the junctions of a lower-case letter and a capital are looked at."""
    cuts = []
    for junction in JUNCTION.finditer(text):
        end = junction.end()
        space = text.rfind(" ", max(0, end - 40), end)
        starts = (space + 1, text.rfind(" ", max(0, space - 30), space) + 1 if space > 0 else 0)
        for start in starts:
            if not start or text[start] != text[end] or end - start < 4:
                continue  # the doubled word starts with the capital after the junction
            word = text[start:end]
            if (
                text.startswith(word, end)
                and not text[end + len(word) : end + len(word) + 1].islower()
            ):
                cuts.append((end, end + len(word)))
                break
    for begin, stop in reversed(cuts):
        text = text[:begin] + text[stop:]
    return text


def prepare(text: str) -> Prepared:
    """Recognise the form and bring it into page shape."""
    text = SOFT_HYPHEN_BREAK.sub("", text).replace("\u00ad", "")  # "Leis\u00ad" / "tungen"
    if "Style Definitions" in text:  # a word processor's style sheet pasted with the text
        text = OFFICE_STYLES.sub("", text)
    text = undouble(text)  # "Patrick BurghardtPatrick Burghardt": a glossary link
    lines = text.split("\n")
    if campaign.looks_like_campaign(lines):  # "** Heading" over dashes, "label (URL)"
        lines = campaign.plain(lines)
        text = "\n".join(lines)
    mail_links: list[LinkRef] = []
    if eml.looks_like_eml(lines):  # a raw message: headers decoded, the text part chosen
        lines, mail_links = eml.unwrap(text)
        text = "\n".join(lines)
    if json_feed.looks_like_json_feed(text) and (items := json_feed.read_items(text)):
        prepared = _feed(items)
    elif feed.looks_like_feed(text):
        prepared = _feed(feed.read_items(text))
        prepared.sender = feed.publisher(text)  # the channel names who publishes it
    elif (exported := feed.text_export(lines)) is not None:
        prepared = _feed([exported])
    elif agency.looks_like_agency_copy(lines):
        prepared = _agency(lines)
    elif mail_digest.looks_like_digest(lines):  # a mailing list's digest of messages
        first, mail_links, others = mail_digest.read(lines)
        prepared = _mail(first)
        prepared.form, prepared.related = "newsletter", others
        prepared.warnings.append(f"list digest: first message kept, {len(others)} others related")
    elif mail.looks_like_mail(lines):
        prepared = _mail(lines)
    elif markdown.looks_like_markdown(lines):
        prepared = _markdown(lines)
    elif pdf.looks_like_pdf(lines):
        reflowed, warnings = pdf.reflow(lines)
        prepared = Prepared(reflowed, "pdf", warnings=warnings)
    else:
        prepared = Prepared(lines)
    prepared.links += mail_links
    if digest.looks_like_digest(prepared.lines):
        if prepared.form == "email" and prepared.title:
            _without_issue_subject(prepared)
        main, related = digest.split_digest(prepared.lines)
        if related:
            prepared.lines, prepared.related = main, related
            prepared.warnings.append(
                f"newsletter: first item kept, {len(related)} others listed as related"
            )
            prepared.form = "newsletter"
    prepared.links = [link for link in prepared.links if not digest.is_frame(link.label or "")]
    return prepared


ISSUE_SUBJECT = re.compile(
    r"\b(?:newsletter|ausgabe|infobrief|rundbrief|rundschreiben|digest|bulletin|presseschau)\b",
    re.IGNORECASE,
)


def _without_issue_subject(prepared: Prepared) -> None:
    """A newsletter sent as a mail: its subject names the issue ("Newsletter August: …"); the
    first item's own headline is the title."""
    if not ISSUE_SUBJECT.search(prepared.title or ""):
        return  # the subject is the first item's headline (the mail reader took it out)
    lines = prepared.lines
    if lines and lines[0] == prepared.title:
        lines = lines[1:]
    if digest.split_digest(lines)[1]:
        prepared.lines, prepared.title = lines, None
        prepared.warnings.append("newsletter by mail: the subject names the issue, not the item")


def _feed(items: list[feed.FeedItem]) -> Prepared:
    first, *others = items
    prepared = Prepared([first.title, ""], "feed", title=first.title, date=first.date)
    if first.date:
        prepared.warnings.append("date from the feed item's publication date")
    for paragraph in first.paragraphs:
        prepared.lines += [paragraph, ""]
    if feed.PORTAL_ADDRESS.search(first.link):  # the portal's own addresses ("/k21-meldungen/")
        prepared.portal = True
    prepared.category, prepared.author = first.category, first.author
    prepared.image_credit, prepared.links = first.image_credit, first.links
    prepared.keywords = first.keywords
    prepared.related = feed.related(others)
    if others:
        prepared.warnings.append(f"feed: first item kept, {len(others)} others listed as related")
    return prepared


def _agency(lines: list[str]) -> Prepared:
    copy = agency.read(lines)
    prepared = Prepared(copy.lines, "wire", date=copy.date, keywords=copy.keywords)
    prepared.title = next((line for line in copy.lines if line), None)
    if copy.date:
        prepared.warnings.append("date from the agency's time stamp")
    return prepared


def _mail(lines: list[str]) -> Prepared:
    message = mail.read_mail(lines)
    prepared = Prepared([], "email", sender=mail.publisher(message))
    if message.subject:
        title, number = mail.clean_subject(message.subject)
        prepared.title = title
        prepared.lines = [title, ""]
        if number:
            prepared.warnings.append(f"release label removed from the subject: {number}")
            if not prepared.date:
                prepared.year = dates.release_year(number)
    if message.date_line:
        prepared.date = feed.feed_date(message.date_line)  # RFC 2822 first, then as printed
        if prepared.date:
            prepared.warnings.append("date from the original message's header")
    body = mail.without_cover_note(message.body, prepared.title)
    if pdf.looks_like_pdf(body):
        body, warnings = pdf.reflow(body)
        prepared.warnings += warnings
    prepared.lines += body
    return prepared


def _markdown(lines: list[str]) -> Prepared:
    document = markdown.read(lines)
    prepared = Prepared(document.lines, "markdown", links=document.links)
    prepared.kicker = document.kicker
    front = document.front
    if front.get("title"):
        prepared.title = front["title"][0]
        if next((line for line in prepared.lines if line), None) != prepared.title:
            prepared.lines = [prepared.title, "", *prepared.lines]
    if front.get("date"):
        prepared.date = dates.parse_date(front["date"][0])
    prepared.author = ", ".join(front.get("author", [])) or None
    prepared.category = ", ".join(front.get("category", [])) or None
    prepared.keywords = front.get("keywords", [])
    if front:
        prepared.warnings.append(f"front matter read: {', '.join(sorted(front))}")
    return prepared
