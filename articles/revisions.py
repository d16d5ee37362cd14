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

import json
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import models, router
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.encoding import force_str
from reversion.models import Revision, Version
from reversion.revisions import _get_options, is_registered

from articles.models import Article
from articles.writer.copy import copy_rows

BATCH = 2000


def record_revision(items: Iterable[Article | int], user=None, comment: str = "") -> list[Revision]:
    """Save the current state of each item (and its followed relations) as its own revision."""
    ids = sorted({item.pk if isinstance(item, models.Model) else int(item) for item in items})
    _ensure_registered()
    revisions: list[Revision] = []
    for start in range(0, len(ids), BATCH):
        revisions += _record_batch(ids[start : start + BATCH], user, comment)
    return revisions


def _ensure_registered() -> None:
    """The admin registers Article with its inlines; outside a process with the admin, load it."""
    if not is_registered(Article):
        import articles.admin  # noqa: F401


def _record_batch(ids: list[int], user, comment: str) -> list[Revision]:
    articles = list(Article.objects.filter(pk__in=ids).prefetch_related(RELATED))
    if not articles:
        return []
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        [Revision(date_created=now, user=user, comment=comment) for _ in articles]
    )
    followed = _followed(Article, articles)
    pairs = [
        (obj, revision)
        for article, revision in zip(articles, revisions, strict=True)
        for obj in [article, *followed[article.pk]]
    ]
    copy_rows(Version, VERSION_COLUMNS, _version_rows(pairs))
    return revisions


# The items' related teasers, as the serializer lists them (ids in the items' order).
RELATED = Prefetch("related", queryset=Article.objects.only("pk"))


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


def _version_rows(pairs: list[tuple[models.Model, Revision]]) -> list[tuple]:
    """One Version row per object, serialised as django-reversion does (a one-object JSON
    list); written with COPY, which sends the long serialised texts unquoted."""
    data = _serialised([obj for obj, _ in pairs])
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


def _serialised(objects: list[models.Model]) -> list[str]:
    """Each object's serialized_data; the objects of one model go through one serializer call
    (its set-up costs more than one object's fields)."""
    by_model: dict[type, list[int]] = {}
    for index, obj in enumerate(objects):
        by_model.setdefault(obj.__class__, []).append(index)
    data: list[str] = [""] * len(objects)
    for model, indices in by_model.items():
        options = _get_options(model)
        chosen = [objects[index] for index in indices]
        if options.format != "json":  # pragma: no cover - the archive registers JSON only
            for index, obj in zip(indices, chosen, strict=True):
                data[index] = serializers.serialize(options.format, (obj,), fields=options.fields)
            continue
        dumped = _Serializer().serialize(
            chosen,
            fields=options.fields,
            use_natural_foreign_keys=options.use_natural_foreign_keys,
        )
        for index, one in zip(indices, dumped, strict=True):
            data[index] = json.dumps([one], cls=DjangoJSONEncoder, ensure_ascii=False)
    return data


class _Serializer(PythonSerializer):
    """Django's "python" serializer, reading a prefetched many-to-many relation without
    building the queryset it would use otherwise (the same values, much cheaper)."""

    def handle_m2m_field(self, obj: models.Model, field: models.Field) -> None:
        cache = getattr(obj, "_prefetched_objects_cache", {})
        natural = self.use_natural_foreign_keys and hasattr(field.remote_field.model, "natural_key")
        if field.remote_field.through._meta.auto_created and field.name in cache and not natural:
            values = cache[field.name]
            self._current[field.name] = [self._value_from_field(v, v._meta.pk) for v in values]
            return
        super().handle_m2m_field(obj, field)


def fixture_items(objects: list[dict]) -> list[int]:
    """The ids of the items a fixture names (by natural key: slug and date)."""
    condition = models.Q(pk__in=[])
    for obj in objects:
        if obj["model"] == "articles.article":
            fields = obj["fields"]
            condition |= models.Q(slug=fields["slug"], published_on=fields.get("published_on"))
    return list(Article.objects.filter(condition).values_list("pk", flat=True))
