"""What one saved version changed compared with the version before it, field by field."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from reversion.models import Version

from articles.models import Article, Keyword, Link, Mention, Person, TaggedArticle

LONG_TEXT_FIELDS = {"teaser", "body"}
SKIPPED_FIELDS = {
    "version", "updated", "created", "id",
    "search_text", "search_vector", "search_parts", "search_head_parts", "search_head",
}  # fmt: skip


@dataclass
class Change:
    label: str
    old: str
    new: str
    lines: list[tuple[str, str]] | None = None  # ("-"|"+"|" ", text) for long texts


def compare(version: Version) -> tuple[Version | None, list[Change]]:
    """The version before `version` and the changes between the two (oldest first: all new)."""
    older = (
        Version.objects.get_for_object_reference(Article, version.object_id)
        .filter(pk__lt=version.pk)
        .first()
    )
    changes = _field_changes(older.field_dict if older else {}, version.field_dict)
    before = _relations(older) if older else {}
    after = _relations(version)
    for label in after:
        if before.get(label, "") != after[label]:
            changes.append(Change(label, before.get(label, ""), after[label]))
    return older, changes


def _field_changes(old: dict, new: dict) -> list[Change]:
    changes = []
    for field in Article._meta.concrete_fields:
        if field.attname in SKIPPED_FIELDS or field.attname not in new:
            continue
        before, after = _display(field, old.get(field.attname)), _display(field, new[field.attname])
        if before == after:
            continue
        lines = None
        if field.name in LONG_TEXT_FIELDS:
            lines = _line_diff(before, after)
        changes.append(Change(str(field.verbose_name), before, after, lines))
    return changes


def _display(field, value) -> str:
    if value is None:
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(value)


def _line_diff(old: str, new: str) -> list[tuple[str, str]]:
    diff = difflib.ndiff(old.splitlines(), new.splitlines())
    return [(line[0], line[2:]) for line in diff if line[:1] in "-+ " and line.strip()]


def _relations(version: Version) -> dict[str, str]:
    """Keywords, people and links as saved in the same revision."""
    versions = version.revision.version_set.all()
    by_model: dict[type, list[dict]] = {TaggedArticle: [], Mention: [], Link: []}
    types = ContentType.objects.get_for_models(*by_model)
    for model, content_type in types.items():
        by_model[model] = [v.field_dict for v in versions.filter(content_type=content_type)]
    article_id = int(version.object_id)
    tag_ids = [d["tag_id"] for d in by_model[TaggedArticle] if d["content_object_id"] == article_id]
    mentions = [d for d in by_model[Mention] if d["article_id"] == article_id]
    names = dict(Keyword.objects.filter(pk__in=tag_ids).values_list("pk", "name"))
    people = dict(
        Person.objects.filter(pk__in=[m["person_id"] for m in mentions]).values_list("pk", "name")
    )
    links = [d for d in by_model[Link] if d["article_id"] == article_id]
    return {
        "Stichwörter": ", ".join(sorted(names.get(pk, f"#{pk}") for pk in tag_ids)),
        "Personen": "; ".join(
            _mention(people.get(m["person_id"], "?"), m["role"])
            for m in sorted(mentions, key=lambda m: m["position"])
        ),
        "Links": "; ".join(
            " ".join(filter(None, [d["label"], d["url"], d["format"], d["size"]]))
            for d in sorted(links, key=lambda d: d["position"])
        ),
    }


def _mention(name: str, role: str) -> str:
    return f"{name} ({role})" if role else name
