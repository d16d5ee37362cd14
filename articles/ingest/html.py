"""Saved web pages: trafilatura finds the main text and the page's metadata.

The result is plain text in the shape of a copied page (headline, date line, paragraphs), so
the same field extraction and review apply as to text; the page's canonical address and its
publication date from the metadata are kept beside it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from html import unescape

from articles.ingest.html_text import kicker, render_page

HTML_SUFFIXES = (".html", ".htm")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S)


AUTHOR_META = re.compile(r"<meta\s+name=[\"']author[\"']\s+content=[\"']([^\"']{1,80})[\"']", re.I)
MIN_TEXT = 40  # characters: less is a menu or a label, not an article


class NoMainText(ValueError):
    pass


@dataclass
class PageText:
    text: str
    url: str | None = None
    date: datetime.date | None = None
    site: str | None = None
    author: str | None = None  # the page's author meta ("dpa", a journalist's name)
    kicker: str | None = None  # the line the markup sets above the headline
    category: str | None = None  # the rubric link (rel="category tag")
    keywords: list[str] = field(default_factory=list)  # the tag links (rel="tag")


def is_html(data: bytes, file_name: str) -> bool:
    return file_name.lower().endswith(HTML_SUFFIXES) or bool(_HTML_START.match(data[:2048]))


def page_text(html: str) -> PageText:
    """The saved page as copied text (html_text.render), headline first, with a date line;
    trafilatura reads the page's metadata (publication date, canonical address, author)."""
    import trafilatura  # imported here: only saved pages need it

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    marked = render_page(html)
    rendered = marked.text
    main_text = len(" ".join((getattr(found, "text", None) or "").split())) >= MIN_TEXT
    if len(" ".join(rendered.split())) < (MIN_TEXT if main_text else MIN_TEXT * 4):
        raise NoMainText("no main text found in the web page")  # a menu, a label
    lines = rendered.split("\n")
    head = [" ".join(line.split()) for line in lines if line.strip()][:12]
    title = (getattr(found, "title", None) or "").strip()
    if title and title not in head:  # the headline only in the page's <title>
        lines[:0] = [title, ""]
    date = _iso_date(getattr(found, "date", None))
    if date and not any(_mentions(date, line) for line in head):
        named = [n for n, line in enumerate(lines) if " ".join(line.split()) == title]
        at = (named or [next((n for n, line in enumerate(lines) if line.strip()), 0)])[0] + 1
        lines[at:at] = ["", date.strftime("%d.%m.%Y")]  # a date line under the headline
    url = getattr(found, "url", None)
    url = url if (url or "").startswith(("http://", "https://")) else None
    meta = AUTHOR_META.search(html)
    author = " ".join(meta.group(1).split()) if meta else None
    site = _site_name(html) or getattr(found, "sitename", None)
    text = "\n".join(lines) + "\n"
    return PageText(
        text, url=url, date=date, site=site, author=author, kicker=kicker(html),
        category=marked.category, keywords=marked.keywords,
    )  # fmt: skip


SITE_META = re.compile(
    r"<meta\s+property=[\"']og:site_name[\"']\s+content=[\"']([^\"']{2,80})", re.I
)
TITLE = re.compile(r"<title[^>]*>([^<]{3,200})</title>", re.IGNORECASE)


def _site_name(html: str) -> str | None:
    """The site's name: og:site_name, else the last part of the page title ("… | Name")."""
    if meta := SITE_META.search(html):
        return " ".join(unescape(meta.group(1)).split())
    title = TITLE.search(html[:20000])
    parts = re.split(r"\s+[|–—]\s+", unescape(title.group(1)).strip()) if title else []
    return parts[-1] if len(parts) >= 2 and len(parts[-1]) <= 80 else None


def _iso_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _mentions(date: datetime.date, line: str) -> bool:
    return date.strftime("%d.%m.%Y") in line or date.isoformat() in line
