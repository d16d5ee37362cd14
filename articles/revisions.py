"""History for writes that bypass the admin: one django-reversion revision per item.

`record_revision(items, user, comment)` is the one hook every writer calls after it has written
items (importer, `import_documents`, `load_archive`, the paste page). Each item gets a revision
of its own holding the item and what the admin follows with it (keywords, mentions, links), in
the same serialisation django-reversion uses, so the admin's history, "Änderungen" and
*Gelöschte Meldungen wiederherstellen* treat imported items like edited ones. One revision per
item matters: recovering a revision reverts every object in it, so a revision spanning a whole
batch would roll back the other items too.

The versions are written in bulk (a handful of queries per call, whatever the number of items;
one serializer call per model and COPY for the versions' rows).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models, router
from django.utils import timezone
from django.utils.encoding import force_str
from reversion.models import Revision, Version
from reversion.revisions import _get_options, is_registered

from articles.models import Article
from articles.revision_data import serialised
from articles.writer.copy import copy_rows

BATCH = 2000


def record_revision(
    items: Iterable[Article | int], user=None, comment: str = "", on_read=None
) -> list[Revision]:
    """Save the current state of each item (and its followed relations) as its own revision.

    `on_read()`, if given, is called once every row recorded has been read."""
    ids = sorted({item.pk if isinstance(item, models.Model) else int(item) for item in items})
    _ensure_registered()
    revisions: list[Revision] = []
    for start in range(0, len(ids), BATCH):
        last = start + BATCH >= len(ids)
        revisions += _record_batch(
            ids[start : start + BATCH], user, comment, on_read if last else None
        )
    if not ids and on_read is not None:
        on_read()
    return revisions


def _ensure_registered() -> None:
    """The admin registers Article with its inlines; outside a process with the admin, load it."""
    if not is_registered(Article):
        import articles.admin  # noqa: F401


def _record_batch(ids: list[int], user, comment: str, on_read=None) -> list[Revision]:
    # Only the registered fields: the derived search columns are not history (ArticleAdmin).
    loaded = [f.name for f in Article._meta.concrete_fields if f.name in _registered(Article)]
    articles = list(Article.objects.filter(pk__in=ids).only(*loaded))
    followed = _followed(Article, articles) if articles else {}
    data = serialised([obj for article in articles for obj in [article, *followed[article.pk]]])
    if on_read is not None:
        on_read()
    if not articles:
        return []
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        [Revision(date_created=now, user=user, comment=comment) for _ in articles]
    )
    pairs = [
        (obj, revision)
        for article, revision in zip(articles, revisions, strict=True)
        for obj in [article, *followed[article.pk]]
    ]
    copy_rows(Version, VERSION_COLUMNS, _version_rows(pairs, data))
    return revisions


def _registered(model: type[models.Model]) -> set[str]:
    fields = _get_options(model).fields
    return {f.name for f in model._meta.concrete_fields} if fields is None else set(fields)


def _followed(model: type[models.Model], parents: list[models.Model]) -> dict:
    """parent pk → the objects django-reversion follows from it, in its order (what
    `_follow_relations` gives one object at a time), in one query per relation."""
    found: dict = {parent.pk: [] for parent in parents}
    by_pk = {parent.pk: parent for parent in parents}
    for name in _get_options(model).follow:
        relation = model._meta.get_field(name)
        child, parent_field = relation.related_model, relation.field
        if _get_options(child).follow:  # pragma: no cover - the archive follows one level
            raise NotImplementedError(f"{child.__name__} follows further relations")
        others = [f.name for f in child._meta.concrete_fields if f.many_to_one]
        others.remove(parent_field.name)
        rows = child._default_manager.filter(**{f"{parent_field.name}__in": list(by_pk)})
        for obj in rows.select_related(*others):
            parent = by_pk[parent_field.value_from_object(obj)]
            parent_field.set_cached_value(obj, parent)  # object_repr names it: no query
            found[parent.pk].append(obj)
    return found


VERSION_COLUMNS = ["revision_id", "object_id", "content_type_id", "db", "format",
                   "serialized_data", "object_repr"]  # fmt: skip


def _version_rows(pairs: list[tuple[models.Model, Revision]], data: list[str]) -> list[tuple]:
    """One Version row per object, serialised as django-reversion does (a one-object JSON
    list); written with COPY, which sends the long serialised texts unquoted."""
    rows = []
    for (obj, revision), text in zip(pairs, data, strict=True):
        options = _get_options(obj.__class__)
        rows.append((
            revision.pk,
            force_str(getattr(obj, options.object_id_field)),
            ContentType.objects.get_for_model(obj.__class__).pk,
            router.db_for_write(obj.__class__, instance=obj),
            options.format,
            text,
            force_str(obj),
        ))  # fmt: skip
    return rows


def fixture_items(objects: list[dict]) -> list[int]:
    """The ids of the items a fixture names (by natural key: slug and date)."""
    condition = models.Q(pk__in=[])
    for obj in objects:
        if obj["model"] == "articles.article":
            fields = obj["fields"]
            condition |= models.Q(slug=fields["slug"], published_on=fields.get("published_on"))
    return list(Article.objects.filter(condition).values_list("pk", flat=True))
