"""decode → recognise the form → detect shape → parse → people → confidence → ParsedItem."""

from __future__ import annotations

import hashlib
from pathlib import Path

from articles.ingest import confidence, forms, kommune21, press, source
from articles.ingest.decode import DecodeError, decode
from articles.ingest.detect import detect_shape
from articles.ingest.eml import saved_page
from articles.ingest.furniture import strip_read_more
from articles.ingest.headline import REGIONS
from articles.ingest.html import NoMainText, is_html, page_text
from articles.ingest.item import ParsedItem, ParseError
from articles.ingest.people import find_people
from articles.ingest.release import original_address, release_number
from articles.ingest.sentences import first_sentence


def parse_file(path: str | Path) -> ParsedItem:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(f"cannot read file: {error.strerror}") from None
    return parse_bytes(data, path.name)


def parse_bytes(data: bytes, file_name: str) -> ParsedItem:
    """Parse one raw document; raise ParseError with the reason when it is no press item."""
    try:
        text, encoding = decode(data)
    except DecodeError as error:
        raise ParseError(str(error)) from None
    page = None
    saved = saved_page(text)  # a page saved as one file (.mhtml) holds its HTML as a MIME part
    if saved is not None or is_html(data, file_name):
        try:
            page = page_text(saved if saved is not None else text)
        except NoMainText as error:
            raise ParseError(str(error)) from None
        text = page.text
    item = ParsedItem(
        file=file_name, encoding=encoding, sha256=hashlib.sha256(data).hexdigest(), text=text
    )
    prepared = forms.prepare(text)
    lines = [line.strip() for line in prepared.lines]  # indentation carries no meaning here
    shape = detect_shape(lines, prepared.form)
    if shape == "kommune21":
        kommune21.parse(lines, item)
    else:
        press.parse(lines, item, shape)
    _apply_form(item, prepared)
    publisher = prepared.sender or (page.site if page is not None else None)  # a page's site
    source.decide_kind(item, "\n".join(lines), publisher)
    _title_from_first_sentence(item)
    if not item.title or len(item.title) < 3 or not any(ch.isalpha() for ch in item.title):
        raise ParseError("no recognisable title")
    # A headline alone is readable: kept, its missing text flagged by `confidence`.
    main_text = "\n".join(filter(None, [item.title, item.teaser, item.body]))
    item.people = find_people(main_text, item.keywords)
    named = {person.name for person in item.people}
    item.people += [person for person in item.signed_by if person.name not in named]
    item.release_number = release_number(text)
    item.original_url = original_address(text)
    if page is not None:
        _fill_from_page(item, page)
    confidence.assess(item, prepared.form)
    return item


def _title_from_first_sentence(item: ParsedItem) -> None:
    """No headline (a listing cut at "mehr..."): the first sentence of the text is the title."""
    if item.title and len(item.title) >= 3 and any(ch.isalpha() for ch in item.title):
        return
    for field in ("teaser", "body"):
        text = strip_read_more(getattr(item, field) or "")
        paragraph, _, rest = text.partition("\n\n")
        sentence, remainder = first_sentence(paragraph)
        if len(sentence) >= 3 and any(ch.isalpha() for ch in sentence):
            item.title = sentence.rstrip(".")
            rest_text = "\n\n".join(filter(None, [remainder, rest]))
            setattr(item, field, rest_text or None)
            item.warnings.append("title taken from the first sentence")
            return


def _apply_form(item: ParsedItem, prepared: forms.Prepared) -> None:
    """What only the document's form knows: the mail's or feed's date, a digest's items."""
    item.warnings.extend(prepared.warnings)
    if prepared.form != "page":
        item.parser = f"{item.parser}+{prepared.form}"
    if prepared.portal:
        item.source_kind, item.source_name = "kommune21", "Kommune21"
        item.warnings.append("source kind kommune21: the feed item links to the portal")
    if prepared.form == "feed" and prepared.title and not item.kicker:
        front, colon, back = prepared.title.partition(": ")
        house_style = prepared.portal and len(front.split()) <= 4  # "Weimar: Online-Dienste …"
        if colon and back and (front in REGIONS or house_style):  # "Thüringen: Digitalkabinett …"
            item.kicker, prepared.title = front, back
    if prepared.title and item.kicker and prepared.form in ("email", "newsletter"):
        rest = prepared.title[len(item.kicker) :] if prepared.title.startswith(item.kicker) else ""
        if rest[:1].isalpha():  # "Telekom und GlasfaserPlus …": one word of the subject, cut
            item.warnings.append(f"kicker joined again: the subject reads {prepared.title[:60]}")
            item.kicker = None
    if prepared.title and item.title != prepared.title:
        item.warnings.append(f"title from the {prepared.form}'s subject line")
        item.title = prepared.title
    if prepared.date:
        if item.date and item.date != prepared.date[0]:
            item.warnings.append(f"date from the {prepared.form} header, not the text")
        item.date, item.date_precision = prepared.date
        item.date_inferred = False
        item.warnings = [w for w in item.warnings if w != "no date in the text"]
    elif prepared.year and not item.date:
        item.date, item.date_precision = prepared.year
        item.warnings.append("year from the release number")
    item.category = item.category or prepared.category
    item.author = item.author or prepared.author
    item.image_credit = item.image_credit or prepared.image_credit
    item.keywords = item.keywords or list(prepared.keywords)
    if prepared.kicker and not item.kicker:
        item.kicker = prepared.kicker
        item.warnings.append(f"kicker: the heading above the headline ({prepared.kicker})")
    item.related.extend(prepared.related)
    known = {link.url for link in item.links}
    item.links.extend(link for link in prepared.links if link.url not in known)


def _fill_from_page(item: ParsedItem, page) -> None:
    """What the saved page's metadata knows better than its text."""
    item.original_url = page.url or item.original_url
    if page.date and (item.date is None or item.date_inferred):
        item.date, item.date_precision, item.date_inferred = page.date, "day", False
        item.warnings.append("date from the web page's metadata")
    if page.kicker and not item.kicker and page.kicker != item.title:
        item.kicker = page.kicker
        item.warnings.append("kicker: the line the page's markup sets above the headline")
    if page.category and not item.category:
        item.category = page.category
    if page.keywords and not item.keywords:
        item.keywords = list(page.keywords)
    if page.author and not item.author and len(page.author) <= 40:
        item.author = page.author
        item.warnings.append("author from the web page's metadata")
