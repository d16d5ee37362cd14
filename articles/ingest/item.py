"""The parsed press item: plain dataclasses, no Django."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


class ParseError(Exception):
    """A document that cannot become a press item; the message says why."""


@dataclass
class PersonRef:
    name: str
    role: str = ""

    def to_json(self) -> dict:
        return {"name": self.name, "role": self.role or None}


@dataclass
class LinkRef:
    label: str | None = None
    url: str | None = None
    format: str | None = None
    size: str | None = None

    def to_json(self) -> dict:
        return {"label": self.label, "url": self.url, "format": self.format, "size": self.size}


@dataclass
class RelatedRef:
    kicker: str | None
    title: str
    date: datetime.date | None = None
    teaser: str | None = None
    kind: str = "news"
    caption: str | None = None  # the picture caption under a list entry; not in the JSON

    def to_json(self) -> dict:
        """The fixed keys of DESIGN.md's related items."""
        return {
            "kicker": self.kicker,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "teaser": self.teaser,
            "kind": self.kind,
        }


@dataclass
class ParsedItem:
    file: str
    source_kind: str = "other"
    source_name: str | None = None
    kicker: str | None = None
    title: str | None = None
    date: datetime.date | None = None
    date_precision: str | None = None
    date_inferred: bool = False
    teaser: str | None = None
    body: str | None = None
    author: str | None = None
    category: str | None = None
    image_credit: str | None = None
    keywords: list[str] = field(default_factory=list)
    people: list[PersonRef] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    related: list[RelatedRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Provenance, not part of the fixed JSON interface.
    encoding: str = "utf-8"
    sha256: str = ""
    text: str = ""
    parser: str = ""
    # Kept with the item (not part of the fixed JSON interface either).
    release_number: str | None = None
    original_url: str | None = None

    def to_json(self) -> dict:
        """The fixed parse interface of DESIGN.md: every key, always."""
        return {
            "file": self.file,
            "source_kind": self.source_kind,
            "kicker": self.kicker,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision if self.date else None,
            "teaser": self.teaser,
            "body": self.body,
            "author": self.author,
            "category": self.category,
            "image_credit": self.image_credit,
            "keywords": list(self.keywords),
            "people": [person.to_json() for person in self.people],
            "links": [link.to_json() for link in self.links],
            "related": [item.to_json() for item in self.related],
            "warnings": list(self.warnings),
        }
