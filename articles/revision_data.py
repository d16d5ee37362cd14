"""Version.serialized_data of many objects at once, as django-reversion writes it.

django-reversion stores each object as Django's JSON serializer would: a one-object list
`[{"model": ..., "pk": ..., "fields": {...}}]`. Django's serializer walks every field of every
object through several method calls and reads many-to-many ids with a query (or a prefetch)
per object; for the importer's thousands of objects a batch that was most of its history's
Python time. Here each model's fields are looked at once, the values are read with getattr,
and many-to-many ids come from one query per relation: the same JSON
(tests/editorial/test_write_history.py compares it with django-reversion's own).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields import Field
from django.utils.encoding import is_protected_type
from reversion.revisions import _get_options


def serialised(objects: list[models.Model]) -> list[str]:
    """Each object's serialized_data, in order."""
    by_model: dict[type, list[int]] = {}
    for index, obj in enumerate(objects):
        by_model.setdefault(obj.__class__, []).append(index)
    data: list[str] = [""] * len(objects)
    for model, indices in by_model.items():
        chosen = [objects[index] for index in indices]
        for index, text in zip(indices, _serialised_model(model, chosen), strict=True):
            data[index] = text
    return data


def _serialised_model(model: type[models.Model], objects: list[models.Model]) -> list[str]:
    options = _get_options(model)
    if options.format != "json" or options.use_natural_foreign_keys:  # pragma: no cover
        return [
            serializers.serialize(options.format, (obj,), fields=options.fields) for obj in objects
        ]
    plan = _plan(model, options.fields)
    many = {
        field.name: _many_ids(field, [obj.pk for obj in objects])
        for field in _many_fields(model, options.fields)
    }
    label = str(model._meta)
    texts = []
    for obj in objects:
        values = {}
        for name, attname, field in plan:
            value = getattr(obj, attname)
            if not is_protected_type(value):
                value = str(value) if field is None else field.value_to_string(obj)
            values[name] = value
        for name, ids in many.items():
            values[name] = ids.get(obj.pk, [])
        dumped = {"model": label, "pk": obj.pk, "fields": values}
        texts.append(json.dumps([dumped], cls=DjangoJSONEncoder, ensure_ascii=False))
    return texts


def _selected(field: Field, fields: Iterable[str] | None) -> bool:
    """The serializer's test: a field named in the registration's fields (all when None)."""
    foreign_key = field.remote_field is not None and not field.many_to_many
    return fields is None or (field.attname[:-3] if foreign_key else field.attname) in fields


def _plan(model: type[models.Model], fields) -> list[tuple[str, str, Field | None]]:
    """(name, attribute, field whose value_to_string is its own, or None for str()) per
    serialised field, in the serializer's order."""
    plan = []
    for field in model._meta.concrete_model._meta.local_fields:
        if field.serialize and _selected(field, fields):
            own = type(field).value_to_string is not Field.value_to_string
            plan.append((field.name, field.attname, field if own else None))
    return plan


def _many_fields(model: type[models.Model], fields) -> list[Field]:
    """Many-to-many fields the serializer writes: an automatic through table only."""
    return [
        field
        for field in model._meta.concrete_model._meta.local_many_to_many
        if field.serialize
        and _selected(field, fields)
        and field.remote_field.through._meta.auto_created
    ]


def _many_ids(field: Field, pks: list) -> dict:
    """pk → the related objects' pks, in the related model's default order (the order of the
    serializer's queryset), in one query."""
    reverse = field.related_query_name()
    rows = field.related_model._default_manager.filter(**{f"{reverse}__in": pks})
    found: dict = {}
    for owner, pk in rows.values_list(reverse, "pk"):
        found.setdefault(owner, []).append(pk)
    return found
