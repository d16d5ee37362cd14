"""A saved web page's HTML as the text a person copying the page would get.

The text parser reads copied pages well: headline, kicker and date lines, leads, captions with
their credits, related lists and bylines. So a page saved as HTML is rendered the way a browser
lays it out as text (blocks on their own lines, paragraphs apart), without what the markup
itself marks as no content: the head, scripts and styles, forms and buttons, navigation, the
site's footer, images (their alt texts are not copied either). The main element, when it
holds the headline, is the page's content; the consent banner and menus around it are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from articles.ingest.dates import parse_date

SKIPPED = {
    "head", "script", "style", "noscript", "template", "svg", "iframe", "form", "button",
    "nav", "select", "textarea", "object", "canvas", "dialog",
}  # fmt: skip
PARAGRAPHS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "blockquote", "ul", "ol", "table",
    "section", "article", "aside", "header", "main", "dl", "pre", "address", "hr",
}  # fmt: skip
LINES = {"div", "li", "tr", "dt", "dd", "figcaption", "br", "td", "th", "caption", "summary"}
CAPTION_PARTS = {"span", "small", "cite", "p", "div"}
PARAGRAPH_BREAK = "\n\x00\n"  # a blank line; whitespace between tags makes none
CELL_TEXT = 100  # characters: a longer cell is a layout table's column of text
BOX_TEXT = 40  # characters of own text in a box of tag links or around a form
VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}


class _Renderer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []  # open elements
        self.skipping = 0  # depth inside a skipped element
        self.main_start: int | None = None  # where <main> begins in parts
        self.main_end: int | None = None
        # Each open element's start: (index in parts, text, tag-link text and forms so far)
        self.frames: list[tuple[int, int, int, int]] = []
        self.text_chars = self.tag_chars = self.forms = 0
        self.tag_link: str | None = None  # "category" or "tag" inside <a rel="… tag">
        self.label = ""
        self.categories: list[str] = []
        self.keywords: list[str] = []
        self.rows: list[list[tuple[int, int]]] = []  # the cells (start, end in parts) of open rows

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if not self.skipping:
                self._break(tag)
            return
        self.stack.append(tag)
        self.frames.append((len(self.parts), self.text_chars, self.tag_chars, self.forms))
        if self.skipping or tag in SKIPPED or self._site_footer(tag):
            self.forms += tag == "form" and not self.skipping
            self.skipping += 1
            return
        if tag == "tr":
            self.rows.append([])
        rel = (dict(attrs).get("rel") or "").lower().split()
        if tag == "a" and "tag" in rel:  # rel="category tag", rel="tag": the post's rubric, tags
            self.tag_link, self.label = ("category" if "category" in rel else "tag"), ""
        if tag == "main" and self.main_start is None:
            self.main_start = len(self.parts)
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:  # close what the page left open inside it
            open_tag = self.stack.pop()
            start, text, tags, forms = self.frames.pop()
            if self.skipping:
                self.skipping -= 1
            else:
                if open_tag == "a" and self.tag_link:
                    self._keep_label()
                elif open_tag in ("td", "th") and self.rows:
                    self.rows[-1].append((start, len(self.parts)))
                elif open_tag == "tr" and self.rows:
                    self._row(start, self.rows.pop())
                elif (self.tag_chars > tags or self.forms > forms) and (
                    (self.text_chars - text) - (self.tag_chars - tags) <= BOX_TEXT
                ):
                    del self.parts[start:]  # "Verschlagwortet mit …", a form's heading: a box
                self._break(open_tag)
                if open_tag == "main" and self.main_end is None:
                    self.main_end = len(self.parts)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))
            self.text_chars += len(data.strip())
            if self.tag_link:
                self.tag_chars += len(data.strip())
                self.label += data

    def _row(self, start: int, cells: list[tuple[int, int]]) -> None:
        """A row of short cells reads as one line, its cells apart by tabs ("Von:" | "Name"),
        as a browser copies a table; a layout table's cell of paragraphs keeps its lines."""
        raw = ["".join(self.parts[a:b]) for a, b in cells]
        lines = [[line for line in re.split("[\n\x00]", cell) if line.strip()] for cell in raw]
        texts = [" ".join(cell.replace("\x00", " ").split()) for cell in raw]
        if len(texts) >= 2 and all(
            len(text) <= CELL_TEXT and len(cell) <= 1
            for text, cell in zip(texts, lines, strict=True)
        ):
            del self.parts[start:]
            self.parts.append("\n" + "\t".join(texts) + "\n")

    def _keep_label(self) -> None:
        label = " ".join(self.label.split())
        found = self.categories if self.tag_link == "category" else self.keywords
        if label and label not in found:
            found.append(label)
        self.tag_link = None

    def _break(self, tag: str) -> None:
        if tag in CAPTION_PARTS and "figcaption" in self.stack[:-1]:
            self.parts.append("\n")  # "Caption. <span>Foto: …</span>": the credit's own line
        elif tag in PARAGRAPHS:
            self.parts.append(PARAGRAPH_BREAK)
        elif tag in LINES:
            self.parts.append("\n")

    def _site_footer(self, tag: str) -> bool:
        """A footer outside the article: the site's address, imprint and menus."""
        return tag == "footer" and "article" not in self.stack[:-1]


# "<span class="kicker">Breitbandausbau</span> <h1>…": a short plain element right before the h1
KICKER = re.compile(
    r"<(span|p|div|strong|small)\b[^>]*>\s*([^<>]{2,80}?)\s*</\1>\s*(?:<hgroup\b[^>]*>\s*)?<h1\b",
    re.IGNORECASE,
)
KICKER_WORDS = 6
RELEASE_NUMBER = re.compile(r"\b\d{1,4}\s*/\s*\d{2,4}\b")


def kicker(html: str) -> str | None:
    """The Dachzeile the markup sets above the headline, not a link of a breadcrumb."""
    match = KICKER.search(html)
    if not match:
        return None
    text = " ".join(unescape(match.group(2)).split())
    if len(text.split()) > KICKER_WORDS or text.endswith((".", "!", "?")):
        return None
    if parse_date(text) or RELEASE_NUMBER.search(text):
        return None  # "Medieninformation 6/2024 | 19.01.2024": the date line, no kicker
    return text


@dataclass
class Rendered:
    text: str
    category: str | None = None  # the post's rubric link (rel="category tag")
    keywords: list[str] = field(default_factory=list)  # its tag links (rel="tag")


def render(html: str) -> str:
    """The page as copied text: one block a line, a blank line between paragraphs."""
    return render_page(html).text


def render_page(html: str) -> Rendered:
    """The page as copied text, and the rubric and tags its markup names."""
    renderer = _Renderer()
    renderer.feed(html)
    renderer.close()
    parts = renderer.parts
    if renderer.main_start is not None:
        main = "".join(parts[renderer.main_start : renderer.main_end])
        if re.search(r"\S", main) and "<h1" in html[html.lower().find("<main") :].lower():
            parts = [main]
    lines: list[str] = []
    for line in "".join(parts).split("\n"):
        line = line.strip()
        if line == "\x00":
            if lines and lines[-1]:
                lines.append("")
        elif line:
            lines.append(line)
    text = "\n".join(lines).strip() + "\n"
    category = renderer.categories[0] if renderer.categories else None
    return Rendered(text, category, renderer.keywords)
