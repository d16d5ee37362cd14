"""Import raw documents into the archive: parse → fixture file → loaddata, one transaction each.

Idempotent: a document whose bytes were imported before is reported unchanged. A changed
document updates its item (a new Document row per version); fields an editor changed since
the last import are kept and reported; a teaser-only item is filled in place when its full
article arrives.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management import call_command
from django.db import DatabaseError, transaction

from articles.ingest import ParsedItem, ParseError, parse_file
from articles.ingest.fixtures import TRACKED_FIELDS, article_key, fixture_objects, import_ref
from articles.models import Article, Document
from articles.revisions import fixture_items, record_revision

IMPORTED = "imported"
UPDATED = "updated"
UNCHANGED = "unchanged"
FAILED = "failed"


class DuplicateItem(ValueError):
    """Another document gave an item with the same title and date."""


@dataclass
class Outcome:
    file: str
    status: str
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    article: Article | None = None


DOCUMENTS = {".txt", ".html", ".htm"}


def collect_files(paths: list[str | Path]) -> list[Path]:
    """Files named, and the .txt and saved .html pages inside folders named, in a stable order."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENTS)
            )
        else:
            files.append(path)
    return files


def write_fixture(objects: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(objects, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def import_path(path: Path, fixtures_dir: Path, status: str = "published") -> Outcome:
    try:
        item = parse_file(path)
    except ParseError as error:
        return Outcome(path.name, FAILED, str(error))
    try:
        with transaction.atomic():
            return _import_item(item, fixtures_dir, status)
    except DuplicateItem as error:
        return Outcome(path.name, FAILED, str(error))
    except (DatabaseError, ValueError) as error:
        return Outcome(path.name, FAILED, f"database refused the item: {error}".strip())


def _import_item(item: ParsedItem, fixtures_dir: Path, status: str) -> Outcome:
    existing = (
        Article.objects.select_related("document").filter(import_ref=import_ref(item)).first()
    )
    if existing and existing.document and existing.document.sha256 == item.sha256:
        return Outcome(item.file, UNCHANGED, warnings=item.warnings, article=existing)
    if Document.objects.filter(sha256=item.sha256).exists() and existing is None:
        holder = Article.objects.filter(document__sha256=item.sha256).first()
        where = f" (as '{holder}')" if holder else ""
        return Outcome(item.file, FAILED, f"the same document was imported before{where}")

    objects = fixture_objects([item], status=status)
    main = next(o for o in objects if o["fields"].get("import_ref") == import_ref(item))
    kept: list[str] = []
    if existing:
        kept = _keep_editor_changes(existing, main, objects)
    else:
        _refuse_duplicate(item)
    objects = _without_downgrades(objects, main)

    fixture = fixtures_dir / f"{Path(item.file).stem}.json"
    write_fixture(objects, fixture)
    call_command("loaddata", str(fixture), verbosity=0)
    key = main["fields"]["slug"], main["fields"]["published_on"]
    article = Article.objects.get_by_natural_key(*key)
    Article.objects.filter(pk=article.pk).refresh_search_text()
    status_word = UPDATED if existing else IMPORTED
    verb = "Aktualisiert" if existing else "Importiert"
    record_revision(fixture_items(objects), comment=f"{verb} aus {item.file}")
    return Outcome(item.file, status_word, warnings=item.warnings, kept=kept, article=article)


def _refuse_duplicate(item: ParsedItem) -> None:
    slug, date = article_key(item.title, item.date)
    other = (
        Article.objects.filter(slug=slug, published_on=date)
        .exclude(kind="teaser")
        .select_related("document")
        .first()
    )
    if other is not None:
        origin = f"from {other.document.file_name}" if other.document else f"id {other.pk}"
        raise DuplicateItem(f"an item with the same title and date exists already ({origin})")


def _keep_editor_changes(existing: Article, main: dict, objects: list[dict]) -> list[str]:
    """Point the fixture at the existing row and keep what editors changed since the import."""
    fields = main["fields"]
    parsed_key = [fields["slug"], fields["published_on"]]
    imported = existing.imported_values or {}
    kept = []
    for name in TRACKED_FIELDS:
        current = getattr(existing, name)
        current = current.isoformat() if isinstance(current, datetime.date) else current
        if name in imported and current != imported[name]:
            fields[name] = current
            kept.append(name)
    fields["status"] = existing.status  # the workflow belongs to the editors
    # The item keeps its identity across versions of its document: same slug; a new date
    # from the document moves the row before the fixture names it.
    if fields["published_on"] != (existing.published_on and existing.published_on.isoformat()):
        Article.objects.filter(pk=existing.pk).update(published_on=fields["published_on"])
    fields["slug"] = existing.slug
    final_key = [existing.slug, fields["published_on"]]
    for obj in objects:
        for ref in ("article", "content_object"):
            if obj["fields"].get(ref) == parsed_key:
                obj["fields"][ref] = final_key

    current_keywords = sorted(existing.keywords.values_list("name", flat=True))
    if current_keywords != sorted(imported.get("keywords", [])):
        objects[:] = [o for o in objects if o["model"] != "articles.taggedarticle"]
        kept.append("keywords")
    else:
        existing.tagged_items.all().delete()
    mentions = existing.mentions.select_related("person")
    current_people = sorted([m.person.name, m.role] for m in mentions)
    if current_people != sorted(imported.get("people", [])):
        objects[:] = [o for o in objects if o["model"] != "articles.mention"]
        kept.append("people")
    else:
        existing.mentions.all().delete()
    existing.links.all().delete()
    return kept


def _without_downgrades(objects: list[dict], main: dict) -> list[dict]:
    """Never turn a full article back into a teaser because an older list names it."""
    kept = []
    for obj in objects:
        fields = obj["fields"]
        if obj["model"] == "articles.article" and obj is not main and fields["kind"] == "teaser":
            row = Article.objects.filter(
                slug=fields["slug"], published_on=fields["published_on"]
            ).first()
            if row is not None and row.kind != "teaser":
                continue
        kept.append(obj)
    return kept
