"""ParsedItems → Django fixture objects with natural keys (pure Python, deterministic).

The same input always gives the same objects in the same order, so a fixture written
from the seed documents is byte-identical on every run.
"""

from __future__ import annotations

from articles.ingest.item import ParsedItem, RelatedRef
from articles.ingest.slugs import slugify

SOURCE_KINDS = {"kommune21": "portal", "ministry": "ministry", "wire": "wire", "event": "event"}
ARTICLE_KINDS = {"ministry": "press_release", "event": "event"}
HOMEPAGES = {"kommune21": "https://www.kommune21.de/"}
TRACKED_FIELDS = (
    "title", "kicker", "published_on", "date_precision", "teaser", "body", "author",
    "category", "image_credit", "kind",
)  # fmt: skip
MAX_TAG_LENGTH = 100


def article_key(title: str, date) -> list:
    return [slugify(title), date.isoformat() if date else None]


def import_ref(item: ParsedItem) -> str:
    return f"file:{item.file}"


def article_fields(item: ParsedItem, status: str) -> dict:
    fields = {
        "title": item.title,
        "slug": slugify(item.title or ""),
        "kicker": item.kicker or "",
        "published_on": item.date.isoformat() if item.date else None,
        "date_precision": item.date_precision or "day",
        "date_inferred": item.date_inferred,
        "teaser": item.teaser or "",
        "body": item.body or "",
        "author": item.author or "",
        "category": item.category or "",
        "image_credit": (item.image_credit or "")[:300],
        "original_url": (item.original_url or "")[:1000],
        "release_number": (item.release_number or "")[:40],
        "kind": ARTICLE_KINDS.get(item.source_kind, "news"),
        "status": status,
        "source": [item.source_name] if item.source_name else None,
        "document": [item.sha256],
        "import_ref": import_ref(item),
    }
    fields["imported_values"] = {
        **{name: fields[name] for name in TRACKED_FIELDS},
        "keywords": keyword_names(item),
        "people": [[person.name, person.role] for person in item.people],
    }
    return fields


def teaser_fields(related: RelatedRef, item: ParsedItem, status: str) -> dict:
    return {
        "title": related.title,
        "slug": slugify(related.title),
        "kicker": related.kicker or "",
        "published_on": related.date.isoformat() if related.date else None,
        "date_precision": "day",
        "date_inferred": False,
        "teaser": related.teaser or "",
        "body": "",
        "author": "",
        "category": item.category or "",
        "image_credit": "",
        "kind": "teaser",
        "status": status,
        "source": [item.source_name] if item.source_name else None,
        "document": None,
        "import_ref": None,
        "imported_values": {},
    }


def keyword_names(item: ParsedItem) -> list[str]:
    return [keyword[:MAX_TAG_LENGTH] for keyword in item.keywords]


def fixture_objects(items: list[ParsedItem], status: str = "published") -> list[dict]:
    """All objects for these items: sources, documents, keywords, people, articles, links."""
    sources: dict[str, dict] = {}
    documents: dict[str, dict] = {}
    keywords: dict[str, dict] = {}
    people: dict[str, dict] = {}
    articles: dict[tuple, dict] = {}
    children: list[dict] = []

    for item in items:
        if item.source_name and item.source_name not in sources:
            sources[item.source_name] = _obj(
                "articles.source",
                name=item.source_name,
                slug=slugify(item.source_name),
                kind=SOURCE_KINDS.get(item.source_kind, "other"),
                homepage=HOMEPAGES.get(item.source_kind, ""),
            )
        documents[item.sha256] = _obj(
            "articles.document",
            file_name=item.file,
            sha256=item.sha256,
            encoding=item.encoding,
            raw_text=item.text,
            parser=item.parser,
            warnings=list(item.warnings),
        )
        key = tuple(article_key(item.title, item.date))
        fields = article_fields(item, status)
        related_keys = []
        for related in item.related:
            related_key = tuple(article_key(related.title, related.date))
            if related_key == key:
                continue
            related_keys.append(list(related_key))
            if related_key not in articles:  # a full article always beats a teaser
                articles[related_key] = _obj(
                    "articles.article", **teaser_fields(related, item, status)
                )
        fields["related"] = related_keys
        articles[key] = _obj("articles.article", **fields)
        for name in keyword_names(item):
            keywords.setdefault(
                name.lower(), _obj("articles.keyword", name=name, slug=slugify(name))
            )
            children.append(_obj("articles.taggedarticle", content_object=list(key), tag=[name]))
        for position, person in enumerate(item.people):
            slug = slugify(person.name)
            people.setdefault(slug, _obj("articles.person", name=person.name, slug=slug))
            children.append(
                _obj(
                    "articles.mention",
                    article=list(key),
                    person=[slug],
                    role=person.role[:300],
                    position=position,
                )
            )
        for position, link in enumerate(item.links):
            children.append(
                _obj(
                    "articles.link",
                    article=list(key),
                    position=position,
                    label=(link.label or "")[:500],
                    url=(link.url or "")[:1000],
                    format=link.format or "",
                    size=link.size or "",
                )
            )
    teasers = [a for a in articles.values() if a["fields"]["kind"] == "teaser"]
    full = [a for a in articles.values() if a["fields"]["kind"] != "teaser"]
    for teaser in teasers:
        teaser["fields"]["related"] = []
    return [
        *sorted(sources.values(), key=lambda o: o["fields"]["name"]),
        *documents.values(),
        *sorted(keywords.values(), key=lambda o: o["fields"]["name"]),
        *sorted(people.values(), key=lambda o: o["fields"]["slug"]),
        *teasers,
        *full,
        *children,
    ]


def _obj(model: str, **fields) -> dict:
    return {"model": model, "fields": fields}
