"""Saved web pages: trafilatura finds the main text and the page's metadata.

The result is plain text in the shape of a copied page (headline, date line, paragraphs), so
the same field extraction and review apply as to text; the page's canonical address and its
publication date from the metadata are kept beside it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

HTML_SUFFIXES = (".html", ".htm")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S)


MIN_TEXT = 40  # characters: less is a menu or a label, not an article


class NoMainText(ValueError):
    pass


@dataclass
class PageText:
    text: str
    url: str | None = None
    date: datetime.date | None = None
    site: str | None = None


def is_html(data: bytes, file_name: str) -> bool:
    return file_name.lower().endswith(HTML_SUFFIXES) or bool(_HTML_START.match(data[:2048]))


def page_text(html: str) -> PageText:
    """The main text of a saved page as paragraphs, headline first, then a date line."""
    import trafilatura  # imported here: only saved pages need it

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if found is None or len((found.text or "").strip()) < MIN_TEXT:
        raise NoMainText("no main text found in the web page")
    paragraphs = [line.strip() for line in found.text.split("\n") if line.strip()]
    title = (found.title or "").strip()
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    date = _iso_date(found.date)
    if date and not any(_mentions(date, line) for line in paragraphs[:4]):
        paragraphs.insert(1, date.strftime("%d.%m.%Y"))
    url = found.url if (found.url or "").startswith(("http://", "https://")) else None
    return PageText("\n\n".join(paragraphs) + "\n", url=url, date=date, site=found.sitename)


def _iso_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _mentions(date: datetime.date, line: str) -> bool:
    return date.strftime("%d.%m.%Y") in line or date.isoformat() in line
