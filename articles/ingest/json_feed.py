"""JSON Feed (https://jsonfeed.org, versions 1 and 1.1): its items as feed items.

The item's fields are named: title, summary (the printed lead), content_html or content_text,
date_published, authors (1.1) or author (1), tags. The summary leads the text unless the
content already opens with it.
"""

from __future__ import annotations

import json
import re

from articles.ingest import feed

VERSION = re.compile(r'"version"\s*:\s*"https?://jsonfeed\.org/version/', re.IGNORECASE)


def looks_like_json_feed(text: str) -> bool:
    return text.lstrip().startswith("{") and bool(VERSION.search(text[:2000]))


def read_items(text: str) -> list[feed.FeedItem]:
    """Every item of the feed in its order; an unreadable file has none."""
    try:
        document = json.loads(text)
    except ValueError:
        return []
    items = document.get("items") if isinstance(document, dict) else None
    return [_item(entry) for entry in items or [] if isinstance(entry, dict)]


def _item(entry: dict) -> feed.FeedItem:
    html = entry.get("content_html")
    if html:
        paragraphs, links, credit = feed.read_content(str(html))
    else:
        text = str(entry.get("content_text") or "")
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
        links, credit = [], None
    summary = feed.plain(str(entry.get("summary") or ""))
    if summary and not (paragraphs and paragraphs[0].startswith(summary.rstrip(".…"))):
        paragraphs.insert(0, summary)
    stamp = entry.get("date_published") or entry.get("date_modified")
    authors = entry.get("authors") or [entry.get("author") or {}]
    names = [str(a.get("name")) for a in authors if isinstance(a, dict) and a.get("name")]
    tags = entry.get("tags") or []
    return feed.FeedItem(
        title=feed.plain(str(entry.get("title") or "")) or "",
        paragraphs=paragraphs,
        date=feed.feed_date(str(stamp)) if stamp else None,
        link=str(entry.get("url") or entry.get("id") or ""),
        author=", ".join(names) or None,
        image_credit=credit,
        links=links,
        keywords=[str(tag) for tag in tags if isinstance(tag, str | int)],
    )
