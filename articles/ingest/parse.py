"""decode → detect shape → parse → ParsedItem."""

from __future__ import annotations

import hashlib
from pathlib import Path

from articles.ingest import kommune21, press
from articles.ingest.decode import DecodeError, decode
from articles.ingest.detect import detect_shape
from articles.ingest.html import NoMainText, is_html, page_text
from articles.ingest.item import ParsedItem, ParseError
from articles.ingest.people import find_people
from articles.ingest.release import original_address, release_number


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
    if is_html(data, file_name):
        try:
            page = page_text(text)
        except NoMainText as error:
            raise ParseError(str(error)) from None
        text = page.text
    item = ParsedItem(
        file=file_name, encoding=encoding, sha256=hashlib.sha256(data).hexdigest(), text=text
    )
    lines = text.split("\n")
    shape = detect_shape(lines)
    if shape == "kommune21":
        kommune21.parse(lines, item)
    else:
        press.parse(lines, item, shape)
    if not item.title or len(item.title) < 3 or not any(ch.isalpha() for ch in item.title):
        raise ParseError("no recognisable title")
    if not (item.teaser or item.body):
        raise ParseError("no text besides the title")
    main_text = "\n".join(filter(None, [item.title, item.teaser, item.body]))
    item.people = find_people(main_text, item.keywords)
    item.release_number = release_number(text)
    item.original_url = original_address(text)
    if page is not None:
        _fill_from_page(item, page)
    return item


def _fill_from_page(item: ParsedItem, page) -> None:
    """What the saved page's metadata knows better than its text."""
    item.original_url = page.url or item.original_url
    if page.date and (item.date is None or item.date_inferred):
        item.date, item.date_precision, item.date_inferred = page.date, "day", False
        item.warnings.append("date from the web page's metadata")
