"""What one press item becomes in the database, before any row exists: plain data, no queries.

Both the importer (a ParsedItem) and the paste page (a ParsedItem corrected by an editor)
describe an item as ItemRows; articles/writer/write.py turns a batch of them into rows.
The field mapping is the fixture's (articles/ingest/fixtures.py), so `make fixtures` and
the writer give an item the same values.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from articles.ingest import ParsedItem
from articles.ingest.fixtures import (
    HOMEPAGES,
    SOURCE_KINDS,
    article_fields,
    import_ref,
    keyword_names,
    teaser_fields,
)
from articles.ingest.slugs import slugify

ARTICLE_FIELDS = (
    "title", "slug", "kicker", "published_on", "date_precision", "date_inferred", "teaser",
    "body", "author", "category", "image_credit", "kind", "status", "original_url",
    "release_number",
)  # fmt: skip


@dataclass
class SourceRow:
    name: str
    kind: str = "other"
    homepage: str = ""


@dataclass
class DocumentRow:
    file_name: str
    sha256: str
    encoding: str
    raw_text: str
    parser: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class ItemRows:
    """One item: its article fields, source, document, keywords, people, links, related teasers."""

    label: str  # how messages name the item: its file name
    fields: dict  # ARTICLE_FIELDS; published_on a date or None
    import_ref: str | None = None
    imported_values: dict = field(default_factory=dict)
    source: SourceRow | None = None
    document: DocumentRow | None = None
    keywords: list[str] = field(default_factory=list)
    people: list[tuple[str, str]] = field(default_factory=list)  # (name, role as written)
    links: list[dict] = field(default_factory=list)  # label, url, format, size
    related: list[dict] = field(default_factory=list)  # teaser-only items, ARTICLE_FIELDS
    warnings: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, datetime.date | None]:
        return (self.fields["slug"], self.fields["published_on"])


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _article(fields: dict) -> dict:
    values = {name: fields.get(name, "") for name in ARTICLE_FIELDS}
    values["published_on"] = _date(values["published_on"])
    return values


def source_row(name: str, source_kind: str) -> SourceRow:
    return SourceRow(
        name=name,
        kind=SOURCE_KINDS.get(source_kind, "other"),
        homepage=HOMEPAGES.get(source_kind, ""),
    )


def from_parsed(item: ParsedItem, status: str = "published") -> ItemRows:
    """The rows of an imported document, exactly as its fixture would describe them."""
    fields = article_fields(item, status)
    related, seen = [], {(fields["slug"], fields["published_on"])}
    for ref in item.related:
        teaser = teaser_fields(ref, item, status)
        key = (teaser["slug"], teaser["published_on"])
        if key not in seen:
            seen.add(key)
            related.append(_article(teaser))
    return ItemRows(
        label=item.file,
        fields=_article(fields),
        import_ref=import_ref(item),
        imported_values=fields["imported_values"],
        source=source_row(item.source_name, item.source_kind) if item.source_name else None,
        document=DocumentRow(
            file_name=item.file[:255],
            sha256=item.sha256,
            encoding=item.encoding,
            raw_text=item.text,
            parser=item.parser[:80],
            warnings=list(item.warnings),
        ),
        keywords=keyword_names(item),
        people=[(person.name, person.role[:300]) for person in item.people],
        links=[
            {
                "label": (link.label or "")[:500],
                "url": (link.url or "")[:1000],
                "format": link.format or "",
                "size": link.size or "",
            }
            for link in item.links
        ],
        related=related,
        warnings=list(item.warnings),
    )


def name_slug(name: str) -> str:
    """The slug a keyword, person or source of this name gets (the fixture's)."""
    return slugify(name, max_length=190)
