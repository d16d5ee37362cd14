"""The rows a batch of items refers to, found or created in one query per kind.

Sources by name, keywords by name ignoring case (taggit's rule), people by name or else by
the slug of the name (the fixture's natural key, so "Schütz" and "Schuetz" are one person),
documents by SHA-256, teaser-only items by slug and date.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from articles.models import Article, Document, Keyword, Person, Source
from articles.names import spelling_key
from articles.writer import copy
from articles.writer.rows import DocumentRow, ItemRows, SourceRow, name_slug


class Catalogue:
    def __init__(self) -> None:
        self._sources: dict[str, int] = {}
        self._keywords: dict[str, tuple[int, str]] = {}  # lower-case name → (id, stored name)
        self._people: dict[str, tuple[int, str]] = {}  # name or slug → (id, stored name)

    @classmethod
    def for_items(cls, batch: list[ItemRows]) -> Catalogue:
        catalogue = cls()
        catalogue._load_sources({rows.source.name: rows.source for rows in batch if rows.source})
        catalogue._load_keywords([name for rows in batch for name in rows.keywords])
        catalogue._load_people([name for rows in batch for name, _ in rows.people])
        return catalogue

    # Sources ------------------------------------------------------------------------------
    def _load_sources(self, wanted: dict[str, SourceRow]) -> None:
        if not wanted:
            return
        self._sources = dict(Source.objects.filter(name__in=wanted).values_list("name", "id"))
        missing = [row for name, row in wanted.items() if name not in self._sources]
        slugs = _free_slugs(Source, [row.name for row in missing])
        created = Source.objects.bulk_create(
            Source(name=row.name, slug=slugs[row.name], kind=row.kind, homepage=row.homepage)
            for row in missing
        )
        self._sources.update((source.name, source.pk) for source in created)

    def source_id(self, source: SourceRow | None) -> int | None:
        return self._sources[source.name] if source else None

    # Keywords -----------------------------------------------------------------------------
    def _load_keywords(self, names: list[str]) -> None:
        wanted: dict[str, str] = {}
        for name in names:
            wanted.setdefault(name.lower(), name)
        if not wanted:
            return
        # Another spelling of a known keyword ("Open-Data" for "Open Data") is that keyword
        # (articles/names.py): the same name ignoring case, or the same uncut slug.
        slugs = {spelling_key(name)[:100] for name in wanted.values()}
        found = (
            Keyword.objects.annotate(lower=Lower("name"))
            .filter(Q(lower__in=wanted) | Q(slug__in=slugs))
            .order_by("pk")
            .values_list("lower", "id", "name")
        )
        by_lower = {lower: (pk, name) for lower, pk, name in reversed(list(found))}
        by_key = {spelling_key(name): (pk, name) for _, pk, name in reversed(list(found))}
        for lower, name in wanted.items():
            row = by_lower.get(lower) or by_key.get(spelling_key(name))
            if row is not None:
                self._keywords[lower] = row
        families: dict[str, str] = {}  # spelling key → the first spelling, which is created
        for lower, name in wanted.items():
            if lower not in self._keywords:
                families.setdefault(spelling_key(name), name)
        slugs = _free_slugs(Keyword, list(families.values()))
        created = Keyword.objects.bulk_create(
            Keyword(name=name, slug=slugs[name]) for name in families.values()
        )
        made = {spelling_key(k.name): (k.pk, k.name) for k in created}
        for lower, name in wanted.items():
            if lower not in self._keywords:
                self._keywords[lower] = made[spelling_key(name)]

    def keyword_ids(self, names: Iterable[str]) -> list[int]:
        ids: list[int] = []
        for name in names:
            pk = self._keywords[name.lower()][0]
            if pk not in ids:
                ids.append(pk)
        return ids

    def keyword_names(self, names: Iterable[str]) -> set[str]:
        return {self._keywords[name.lower()][1] for name in names}

    def merged(self, keywords: Iterable[str], people: Iterable[tuple[str, str]]) -> list[tuple]:
        """(kind, name as written, existing name) for names of another spelling."""
        found = [("keyword", name, self._keywords[name.lower()][1]) for name in keywords]
        found += [("person", name, self._people[name][1]) for name, _ in people]
        return [(kind, name, existing) for kind, name, existing in found if name != existing]

    # People -------------------------------------------------------------------------------
    def _load_people(self, names: list[str]) -> None:
        wanted = {name: name_slug(name) for name in names}
        if not wanted:
            return
        by_name: dict[str, tuple[int, str]] = {}
        by_slug: dict[str, tuple[int, str]] = {}
        found = Person.objects.filter(name__in=wanted) | Person.objects.filter(
            slug__in=set(wanted.values())
        )
        for pk, name, slug in found.order_by("-pk").values_list("id", "name", "slug"):
            by_name[name] = by_slug[slug] = (pk, name)
        missing: dict[str, str] = {}  # slug → name
        for name, slug in wanted.items():
            if name not in by_name and slug not in by_slug:
                missing.setdefault(slug, name)
        created = Person.objects.bulk_create(
            Person(name=name, slug=slug) for slug, name in missing.items()
        )
        for person in created:
            by_name[person.name] = by_slug[person.slug] = (person.pk, person.name)
        for name, slug in wanted.items():
            self._people[name] = by_name.get(name) or by_slug[slug]

    def mentions(self, people: list[tuple[str, str]]) -> list[tuple[int, str]]:
        """(person id, role) in the item's order, each person once."""
        result, seen = [], set()
        for name, role in people:
            pk = self._people[name][0]
            if pk not in seen:
                seen.add(pk)
                result.append((pk, role))
        return result

    def person_names(self, people: list[tuple[str, str]]) -> set[str]:
        return {self._people[name][1] for name, _ in people}

    # Documents and teasers ----------------------------------------------------------------
    @staticmethod
    def documents(rows: list[DocumentRow]) -> dict[str, int]:
        """sha256 → Document id; a document saved before is reused (every version is kept)."""
        wanted = {row.sha256: row for row in rows}
        ids = dict(Document.objects.filter(sha256__in=wanted).values_list("sha256", "id"))
        now = timezone.now()
        missing = [row for sha, row in wanted.items() if sha not in ids]
        created = copy.insert(
            Document,
            [
                {
                    "file_name": row.file_name,
                    "sha256": row.sha256,
                    "encoding": row.encoding,
                    "raw_text": row.raw_text,
                    "parser": row.parser,
                    "warnings": row.warnings,
                    "imported_at": now,
                }
                for row in missing
            ],
        )
        ids.update((row.sha256, pk) for row, pk in zip(missing, created, strict=True))
        return ids

    def teasers(
        self,
        batch: list[ItemRows],
        existing: dict[tuple, int],
        written: dict[tuple, int],
        columns: dict[tuple, dict],
    ) -> dict[tuple, int]:
        """(slug, date) → id for every related item; missing ones become teaser-only items
        (with `columns[(slug, date)]` besides their fields: the writer's search parts)."""
        ids = {**existing, **written}
        new: dict[tuple, dict] = {}
        sources: dict[tuple, int | None] = {}
        for rows in batch:
            for teaser in rows.related:
                key = (teaser["slug"], teaser["published_on"])
                if key not in ids and key not in new:
                    new[key] = teaser
                    sources[key] = self.source_id(rows.source)
        created = copy.insert(
            Article,
            [
                {
                    **fields,
                    "source_id": sources[key],
                    "imported_values": {},
                    "search_text": "",
                    "version": 1,
                    **columns[key],
                }
                for key, fields in new.items()
            ],
        )
        ids.update(zip(new, created, strict=True))
        return ids


def _free_slugs(model, names: list[str]) -> dict[str, str]:
    """name → a slug no row of `model` (nor another name here) has yet."""
    length = model._meta.get_field("slug").max_length
    wanted = {name: name_slug(name)[:length].strip("-") for name in names}
    if not wanted:
        return {}
    taken = set(model.objects.filter(slug__in=set(wanted.values())).values_list("slug", flat=True))
    slugs = {}
    for name, base in wanted.items():
        slug, number = base, 2
        while slug in taken:
            suffix = f"-{number}"
            slug, number = f"{base[: length - len(suffix)]}{suffix}", number + 1
            if slug not in taken and model.objects.filter(slug=slug).exists():
                taken.add(slug)
        taken.add(slug)
        slugs[name] = slug
    return slugs
