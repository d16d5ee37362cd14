"""decode → detect shape → parse → ParsedItem."""

from __future__ import annotations

import hashlib
from pathlib import Path

from articles.ingest import kommune21, press
from articles.ingest.decode import DecodeError, decode
from articles.ingest.detect import detect_shape
from articles.ingest.item import ParsedItem, ParseError
from articles.ingest.people import find_people


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
    return item
