"""Feed items (RSS 2.0, Atom): the first item is the document, the others are related items.

A saved feed holds one item or a whole channel. The item's own fields are read from its
elements: <title>, <pubDate>/<published>, <category> (text or Atom's term attribute),
<dc:creator>/<author>, and the text from <content:encoded>, <content>, <description> or
<summary>, whose HTML may be escaped once or twice. A <figure> in the text gives the picture
credit and is no part of the text; the text's <a href> links are its links.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from articles.ingest import dates
from articles.ingest.item import LinkRef, RelatedRef

FEED_TAG = re.compile(r"<(item|entry|rss|feed)\b[^>]*>", re.IGNORECASE)
ITEM = re.compile(r"<(item|entry)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
BLOCK_TAG = re.compile(
    r"<\s*(?:/p|br\s*/?|/div|/h\d|/li|p|div|h\d|li|/figure|/blockquote)\b[^>]*>", re.IGNORECASE
)
FIGURE = re.compile(r"<figure\b.*?</figure\s*>", re.IGNORECASE | re.DOTALL)
FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.IGNORECASE | re.DOTALL)
ANCHOR = re.compile(r"<a\b[^>]*\bhref=\"([^\"]+)\"[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
CREDIT = re.compile(
    r"\((?:Bildquelle|Foto|Bild|Quelle)\s*:\s*([^)]+)\)\s*$|"
    r"(?:^|\s)(?:Bildquelle|Foto|Bild|Bildrechte)\s*:\s*(.+)$|©\s*(.+)$",
    re.IGNORECASE,
)
PORTAL_ADDRESS = re.compile(r"kommune21\.de|/k21-meldungen/", re.IGNORECASE)


@dataclass
class FeedItem:
    title: str
    paragraphs: list[str]
    date: tuple | None = None
    link: str = ""
    category: str | None = None
    author: str | None = None
    image_credit: str | None = None
    links: list[LinkRef] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


def looks_like_feed(text: str) -> bool:
    return bool(FEED_TAG.search(text[:2000])) and bool(re.search(r"<title\b", text, re.I))


def read_items(text: str) -> list[FeedItem]:
    """Every item of the feed, in the order of the file (a bare item is the only one)."""
    found = [match.group() for match in ITEM.finditer(text)] or [text]
    base = XML_BASE.search(text[:4000])  # <feed xml:base="https://…/">: relative links
    return [_with_base(_read_item(item), item, base.group(1) if base else "") for item in found]


XML_BASE = re.compile(r"<(?:feed|channel|rss|entry|item)\b[^>]*\bxml:base=\"([^\"]+)\"", re.I)


def _with_base(found: FeedItem, item: str, base: str) -> FeedItem:
    """Relative addresses read against the entry's or the feed's xml:base."""
    own = XML_BASE.match(item)
    base = urljoin(base, own.group(1)) if own else base
    if base:
        found.link = urljoin(base, found.link) if found.link else found.link
        for link in found.links:
            link.url = urljoin(base, link.url or "")
    return found


TEXT_HEADER = re.compile(
    r"^(title|titel|link|url|published|pubdate|date|datum|veröffentlicht|updated|author|autor|"
    r"feed|quelle|source|category|kategorie|guid|id)\s*:\s*(.*)$",
    re.IGNORECASE,
)
TEXT_FIELDS = {
    "titel": "title", "url": "link", "pubdate": "published", "date": "published",
    "datum": "published", "veröffentlicht": "published", "updated": "published",
    "autor": "author", "kategorie": "category",
}  # fmt: skip


def text_export(lines: list[str]) -> FeedItem | None:
    """A feed item as a reader exports it: "Title: …", "Link: …", "Published: …", then text."""
    fields: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and (header := TEXT_HEADER.match(lines[index].strip())):
        key = header.group(1).lower()
        fields.setdefault(TEXT_FIELDS.get(key, key), header.group(2).strip())
        index += 1
    if not fields.get("title") or not ({"link", "published"} & set(fields)):
        return None
    text = "\n".join(lines[index:])
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    stamp = fields.get("published")
    return FeedItem(
        title=fields["title"],
        paragraphs=[p for p in paragraphs if p],
        date=feed_date(stamp) if stamp else None,
        link=fields.get("link", ""),
        category=fields.get("category") or None,
        author=fields.get("author") or None,
    )


def related(items: list[FeedItem]) -> list[RelatedRef]:
    """The channel's other items, as a listing shows them."""
    return [
        RelatedRef(
            kicker=None,
            title=item.title,
            date=item.date[0] if item.date else None,
            teaser=item.paragraphs[0] if item.paragraphs else None,
        )
        for item in items
        if item.title
    ]


def unescape(text: str) -> str:
    """HTML entities, also doubly escaped ones ("&amp;ndash;" → "–")."""
    for _ in range(3):
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return text


def plain(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(TAG.sub(" ", unescape(value)).split()) or None


# A social network's hashtag link (Mastodon: class="mention hashtag" rel="tag")
HASHTAG = re.compile(
    r"<a\b[^>]*(?:\brel=\"tag\"|\bclass=\"[^\"]*\bhashtag\b[^\"]*\")[^>]*>(.*?)</a\s*>",
    re.IGNORECASE | re.DOTALL,
)
ONLY_HASHTAGS = re.compile(r"^(?:#[\w-]+\s*)+$")


def _hashtags(content: str) -> tuple[str, list[str]]:
    """(the content with hashtag links as plain "#tag" text, the tags)."""
    tags = [(plain(label) or "").lstrip("#").strip() for label in HASHTAG.findall(content)]
    content = HASHTAG.sub(lambda match: (plain(match.group(1)) or "").replace("# ", "#"), content)
    return content, [tag for tag in dict.fromkeys(tags) if tag]


def _read_item(item: str) -> FeedItem:
    title = plain(_tag(item, "title")) or ""
    content = unescape(_tag(item, "content:encoded", "content", "description", "summary") or "")
    content, tags = _hashtags(content)
    paragraphs, links, credit = read_content(content)
    paragraphs = [p for p in paragraphs if not ONLY_HASHTAGS.match(p)]  # the status's tag line
    categories = [plain(value) for value in re.findall(r"<category\b[^>]*>(.*?)</category", item)]
    tags_only = bool(tags) and set(filter(None, categories)) <= set(tags)
    stamp = _tag(item, "pubDate", "published", "dc:date", "updated")
    return FeedItem(
        title=title,
        paragraphs=paragraphs,
        date=feed_date(unescape(stamp)) if stamp else None,
        link=_tag(item, "link") or "",
        category=None
        if tags_only  # the hashtags again as <category> elements: tags, not a rubric
        else plain(_tag(item, "category", "dc:subject") or _attribute(item, "category", "term")),
        author=_author(plain(_tag(item, "dc:creator", "author", "name"))),
        image_credit=credit or plain(_tag(item, "media:credit")),
        links=links,
        keywords=tags,
    )


def publisher(text: str) -> str | None:
    """Who publishes the feed: an item's <dc:publisher>, else the channel's (or feed's) title."""
    first = ITEM.search(text)
    named = _tag(first.group(), "dc:publisher") if first else None
    channel = ITEM.sub("", text)
    return plain(named or _tag(channel, "dc:publisher", "title"))


def read_content(content: str) -> tuple[list[str], list[LinkRef], str | None]:
    """An item's (HTML) text: its paragraphs, its links and the credit of its <figure>."""
    credit = None
    for figure in FIGURE.findall(content):
        caption = FIGCAPTION.search(figure)
        found = CREDIT.search(plain(caption.group(1)) or "") if caption else None
        credit = credit or (next(filter(None, found.groups())).strip() if found else None)
    content = FIGURE.sub("\n\n", content)
    links = [
        LinkRef(label=plain(label), url=url, format="PDF" if url.lower().endswith(".pdf") else None)
        for url, label in ANCHOR.findall(content)
    ]
    if "<" in content:
        content = unescape(TAG.sub("", BLOCK_TAG.sub("\n\n", content)))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", content)]
    return [p for p in paragraphs if p], links, credit


def _author(value: str | None) -> str | None:
    """RSS's "address (Name)" is the name; an address alone is no author's name."""
    if not value:
        return None
    named = re.fullmatch(r"\S+@\S+\s*\((.+)\)", value)
    if named:
        return named.group(1).strip()
    return None if re.fullmatch(r"\S+@\S+", value) else value


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


def _attribute(text: str, name: str, attribute: str) -> str | None:
    match = re.search(rf"<{name}\b[^>]*\b{attribute}=\"([^\"]+)\"", text, re.IGNORECASE)
    return match.group(1) if match else None


def feed_date(stamp: str) -> tuple | None:
    try:
        return parsedate_to_datetime(stamp).date(), "day"  # RFC 822: "Wed, 14 Oct 2020 …"
    except (TypeError, ValueError, IndexError):
        return dates.parse_date(stamp)  # ISO 8601 in Atom
