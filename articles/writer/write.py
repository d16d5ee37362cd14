"""The item writer: a batch of ItemRows → rows, set-based, a bad item failing alone.

    outcomes = write_items(rows_list)

Lookups are one query per kind for the whole batch (items by import reference, documents,
items by slug and date, sources, keywords, people); keyword rows, mentions, links and related
pairs are inserted in one statement per table, so each trigger fires once per table and
batch. The search text is filled before the insert (articles/derived/search_text.py).

A batch is one transaction. When the database refuses any of it, the batch is rolled back
and every item is written again on its own, each in its own transaction: the bad item fails
with nothing half-written, the others are written. Items that can be judged before writing
(unchanged, a duplicate, a document imported before under another name) never reach the
database and never cost a retry.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone

from articles.derived.search_text import refresh_search_text, search_text
from articles.lexicon import joined, search_parts
from articles.models import Article, Document, Link, Mention, TaggedArticle
from articles.names import merged_note
from articles.writer import copy
from articles.writer.lookups import Catalogue
from articles.writer.rows import ItemRows

CREATED = "created"
UPDATED = "updated"
SKIPPED = "skipped"  # unchanged: the same document was written before
FAILED = "failed"
SPLIT_FIELDS = ("title", "kicker", "teaser", "body")
TRACKED = ("title", "kicker", "published_on", "date_precision", "teaser", "body", "author",
           "category", "image_credit", "kind")  # fmt: skip


@dataclass
class Outcome:
    label: str
    status: str
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # fields whose editor's changes were kept
    merged: list[str] = field(default_factory=list)  # names merged into existing spellings
    merged_names: list[tuple[str, str]] = field(default_factory=list)  # (as written, existing)
    article_id: int | None = None


@dataclass
class _Plan:
    """What the batch does with one item."""

    rows: ItemRows
    outcome: Outcome
    existing: dict | None = None  # the row with the same import reference
    target_id: int | None = None  # the row to fill or update; None: insert
    replace_keywords: bool = True
    replace_people: bool = True


def write_items(
    batch: list[ItemRows], before_commit: Callable[[], None] | None = None
) -> list[Outcome]:
    """Write a batch: one transaction, or one per item when the database refuses the batch.

    `before_commit()` is called before anything is committed (the importer waits there for
    the history of the previous batch to have read its rows, articles/history_behind.py)."""
    try:
        with transaction.atomic():
            outcomes = _write(batch)
            if before_commit is not None:
                before_commit()
            return outcomes
    except (DatabaseError, ValueError) as error:
        if len(batch) == 1:
            message = f"database refused the item: {error}".strip()
            return [Outcome(batch[0].label, FAILED, message, warnings=batch[0].warnings)]
    if before_commit is not None:
        before_commit()
    return [write_items([rows])[0] for rows in batch]


def _write(batch: list[ItemRows]) -> list[Outcome]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('articles.search_text_by_writer', 'on', true)")
        cursor.execute("SELECT set_config('articles.search_parts_by_writer', 'on', true)")
        # Fewer, larger merges of the search index's pending list during a batch.
        cursor.execute("SET LOCAL gin_pending_list_limit = '32MB'")
    plans, by_key = _plan(batch)
    todo = [plan for plan in plans if plan.outcome.status not in (FAILED, SKIPPED)]
    if todo:
        _apply(todo, {key: row["id"] for key, row in by_key.items()})
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('articles.search_text_by_writer', '', true)")
        cursor.execute("SELECT set_config('articles.search_parts_by_writer', '', true)")
    return [plan.outcome for plan in plans]


def _plan(batch: list[ItemRows]) -> tuple[list[_Plan], dict[tuple, dict]]:
    refs = [rows.import_ref for rows in batch if rows.import_ref]
    existing = {
        row["import_ref"]: row
        for row in Article.objects.filter(import_ref__in=refs).values(
            "id", "import_ref", "slug", "status", "imported_values", "document__sha256", *TRACKED
        )
    }
    shas = {rows.document.sha256 for rows in batch if rows.document}
    holders: dict[str, str] = {}
    for sha, title in Article.objects.filter(document__sha256__in=shas).values_list(
        "document__sha256", "title"
    ):
        holders.setdefault(sha, title)
    documents = set(Document.objects.filter(sha256__in=shas).values_list("sha256", flat=True))
    by_key = _rows_by_key(batch)

    plans, claimed = [], set()
    for rows in batch:
        outcome = Outcome(rows.label, CREATED, warnings=rows.warnings)
        plan = _Plan(rows, outcome, existing=existing.get(rows.import_ref))
        plans.append(plan)
        sha = rows.document.sha256 if rows.document else None
        if plan.existing is not None:
            if sha and plan.existing["document__sha256"] == sha:
                outcome.status, outcome.article_id = SKIPPED, plan.existing["id"]
                continue
            outcome.status, plan.target_id = UPDATED, plan.existing["id"]
            _keep_editor_changes(plan)
            continue
        if rows.import_ref and sha in documents:
            where = f" (as '{holders[sha]}')" if sha in holders else ""
            outcome.status = FAILED
            outcome.message = f"the same document was imported before{where}"
            continue
        other = by_key.get(rows.key)
        if rows.key in claimed or (other is not None and other["kind"] != Article.Kind.TEASER):
            origin = "another document of this run"
            if other is not None and other["document__file_name"]:
                origin = f"from {other['document__file_name']}"
            elif other is not None:
                origin = f"id {other['id']}"
            outcome.status = FAILED
            outcome.message = f"an item with the same title and date exists already ({origin})"
            continue
        claimed.add(rows.key)
        if other is not None:  # a teaser-only item of the same title and date: fill it in
            plan.target_id = other["id"]
    return plans, by_key


def _rows_by_key(batch: list[ItemRows]) -> dict[tuple, dict]:
    """Existing items with the slug and date of an item or a related teaser of the batch."""
    keys = {rows.key for rows in batch} | {
        (teaser["slug"], teaser["published_on"]) for rows in batch for teaser in rows.related
    }
    slugs = {slug for slug, _ in keys}
    found = Article.objects.filter(slug__in=slugs).values(
        "id", "slug", "published_on", "kind", "document__file_name"
    )
    rows = {(row["slug"], row["published_on"]): row for row in found}
    return {key: row for key, row in rows.items() if key in keys}


def _keep_editor_changes(plan: _Plan) -> None:
    """A changed document updates its item, but what editors changed since the import stays."""
    existing, fields = plan.existing, plan.rows.fields
    imported = existing["imported_values"] or {}
    for name in TRACKED:
        current = existing[name]
        comparable = current.isoformat() if isinstance(current, datetime.date) else current
        if name in imported and comparable != imported[name]:
            fields[name] = current
            plan.outcome.kept.append(name)
    fields["status"] = existing["status"]  # the workflow belongs to the editors
    fields["slug"] = existing["slug"]  # the item keeps its address across versions


def _texts(fields: dict, names: str) -> tuple[str, str]:
    """The (head, rest) texts whose words the search splits into compound parts."""
    head = joined(fields.get("title"), fields.get("kicker"), names)
    return head, joined(fields.get("teaser"), fields.get("body"))


def _apply(plans: list[_Plan], existing_keys: dict[tuple, int]) -> None:
    catalogue = Catalogue.for_items([plan.rows for plan in plans])
    for plan in plans:
        found = catalogue.merged(plan.rows.keywords, plan.rows.people)
        plan.outcome.merged_names = [(name, existing) for _, name, existing in found]
        plan.outcome.merged = [merged_note(*names) for names in found]
        plan.outcome.warnings = [*plan.outcome.warnings, *plan.outcome.merged]
    _check_relations_kept(plans)
    names = {
        id(plan): search_text(
            catalogue.keyword_names(plan.rows.keywords), catalogue.person_names(plan.rows.people)
        )
        for plan in plans
    }
    teasers_named: dict[tuple, dict] = {}
    for plan in plans:
        for teaser in plan.rows.related:
            teasers_named.setdefault((teaser["slug"], teaser["published_on"]), teaser)
    # One tokenisation of the batch: new words reach the compound lexicon, and the items'
    # parts are computed from it (the trigger keeps them, articles/derived/sql/search_parts.sql).
    parts = search_parts(
        [_texts(plan.rows.fields, names[id(plan)]) for plan in plans]
        + [_texts(teaser, "") for teaser in teasers_named.values()]
    )
    columns = [{"search_head_parts": head, "search_parts": rest} for head, rest in parts]
    teaser_columns = dict(zip(teasers_named, columns[len(plans) :], strict=True))
    now = timezone.now()
    documents = catalogue.documents([plan.rows.document for plan in plans if plan.rows.document])

    def values(plan: _Plan) -> dict:
        rows = plan.rows
        return {
            **rows.fields,
            "source_id": catalogue.source_id(rows.source),
            "document_id": documents.get(rows.document.sha256) if rows.document else None,
            "import_ref": rows.import_ref,
            "imported_values": rows.imported_values,
        }

    new = [plan for plan in plans if plan.target_id is None]
    ids = copy.insert(
        Article,
        [
            {**values(plan), "search_text": names[id(plan)], "version": 1, **columns[index]}
            for index, plan in enumerate(plans)
            if plan.target_id is None
        ],
    )
    for plan, pk in zip(new, ids, strict=True):
        plan.target_id = pk
    changed = [plan for plan in plans if plan.target_id not in ids]
    for plan in changed:  # teasers filled in, changed documents: few, one UPDATE each
        Article.objects.filter(pk=plan.target_id).update(
            **values(plan), version=F("version") + 1, updated=now
        )
    for plan in plans:
        plan.outcome.article_id = plan.target_id

    changed_ids = [plan.target_id for plan in changed]
    TaggedArticle.objects.filter(
        content_object_id__in=[p.target_id for p in changed if p.replace_keywords]
    ).delete()
    Mention.objects.filter(
        article_id__in=[p.target_id for p in changed if p.replace_people]
    ).delete()
    Link.objects.filter(article_id__in=changed_ids).delete()

    teasers = catalogue.teasers(
        [plan.rows for plan in plans],
        existing_keys,
        {plan.rows.key: plan.target_id for plan in plans},
        teaser_columns,
    )
    copy.insert(
        TaggedArticle,
        [
            {"content_object_id": plan.target_id, "tag_id": tag_id}
            for plan in plans
            if plan.replace_keywords
            for tag_id in catalogue.keyword_ids(plan.rows.keywords)
        ],
    )
    copy.insert(
        Mention,
        [
            {
                "article_id": plan.target_id,
                "person_id": person_id,
                "role": role,
                "position": position,
            }
            for plan in plans
            if plan.replace_people
            for position, (person_id, role) in enumerate(catalogue.mentions(plan.rows.people))
        ],
    )
    copy.insert(
        Link,
        [
            {"article_id": plan.target_id, "position": position, **link}
            for plan in plans
            for position, link in enumerate(plan.rows.links)
        ],
    )
    Related = Article.related.through
    Related.objects.bulk_create(
        (
            Related(from_article_id=plan.target_id, to_article_id=teasers[key])
            for plan in plans
            for key in [(t["slug"], t["published_on"]) for t in plan.rows.related]
            if teasers.get(key) and teasers[key] != plan.target_id
        ),
        ignore_conflicts=True,
    )
    if changed_ids:
        refresh_search_text(changed_ids)


def _check_relations_kept(plans: list[_Plan]) -> None:
    """For changed documents: keep keywords and people an editor changed since the import."""
    updates = {plan.target_id: plan for plan in plans if plan.outcome.status == UPDATED}
    if not updates:
        return
    keywords: dict[int, list[str]] = {pk: [] for pk in updates}
    for pk, name in TaggedArticle.objects.filter(content_object_id__in=updates).values_list(
        "content_object_id", "tag__name"
    ):
        keywords[pk].append(name)
    people: dict[int, list[list[str]]] = {pk: [] for pk in updates}
    for pk, name, role in Mention.objects.filter(article_id__in=updates).values_list(
        "article_id", "person__name", "role"
    ):
        people[pk].append([name, role])
    for pk, plan in updates.items():
        imported = plan.existing["imported_values"] or {}
        if sorted(keywords[pk]) != sorted(imported.get("keywords", [])):
            plan.replace_keywords = False
            plan.outcome.kept.append("keywords")
        if sorted(people[pk]) != sorted(imported.get("people", [])):
            plan.replace_people = False
            plan.outcome.kept.append("people")
