"""One keyword or person per name, however it is spelt: find it, or give it a fitting slug.

"Open Data" and "Open-Data", "Max Müller" and "Max Mueller" have the same slug; loaded as
two rows the second one failed its whole document on the unique slug. Names whose full
slugs are equal are one spelling family: a new spelling is merged into the row that exists
(and the writer says so). A slug is cut to its field's length (ä → ae and ß → ss make a
100-character keyword longer) and made unique with a number when a cut slug collides with
another name's.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from articles.ingest.slugs import slugify
from articles.models import Keyword, Person


def spelling_key(name: str) -> str:
    """What all spellings of one name share: the full, uncut slug."""
    return slugify(name, max_length=10_000)


def _slug_length(model: type[models.Model]) -> int:
    return model._meta.get_field("slug").max_length


def unique_slug(model: type[models.Model], name: str) -> str:
    """The importer's slug for the name, cut to the field's length, unique in the table."""
    length = _slug_length(model)
    base = slugify(name, max_length=length)
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        suffix = f"-{number}"
        slug, number = f"{base[: length - len(suffix)].rstrip('-')}{suffix}", number + 1
    return slug


def _same_family(model: type[models.Model], name: str) -> models.Model | None:
    key = spelling_key(name)
    cut = slugify(name, max_length=_slug_length(model))
    rows = list(model.objects.filter(Q(name__iexact=name) | Q(slug=cut)).order_by("pk"))
    rows.sort(key=lambda row: row.name != name)  # the exact name first
    for row in rows:
        if row.name.lower() == name.lower() or spelling_key(row.name) == key:
            return row
    return None


def existing_keyword(name: str) -> Keyword | None:
    """The keyword with this name in any spelling ("Open Data" for "Open-Data"), if any."""
    return _same_family(Keyword, name)


def existing_person(name: str) -> Person | None:
    """The person with this name in any spelling ("Max Müller" for "Max Mueller"), if any."""
    return _same_family(Person, name)


def merged_note(kind: str, name: str, existing: str) -> str:
    return f"{kind} '{name}' merged into the existing spelling '{existing}'"


def reconcile(objects: list[dict]) -> list[str]:
    """Point a fixture's keywords and people at existing rows of the same name family.

    Keyword and person objects take the existing row's name and slug (or a fitting new
    slug); tag and mention rows follow them; two spellings inside one document become one.
    Returns a warning for every spelling that was merged.
    """
    warnings: list[str] = []
    tags: dict[str, str] = {}  # fixture keyword name → the name that is loaded
    people: dict[str, str] = {}  # fixture person slug → the slug that is loaded
    names: dict[str, str] = {}  # fixture person name → the name that is loaded
    chosen: dict[tuple[str, str], dict] = {}  # (model, spelling key) → fields loaded
    kept = []
    for obj in objects:
        model, fields = obj["model"], obj["fields"]
        if model not in ("articles.keyword", "articles.person"):
            kept.append(obj)
            continue
        name = fields["name"]
        family = (model, spelling_key(name))
        if family not in chosen:
            row_model = Keyword if model == "articles.keyword" else Person
            row = _same_family(row_model, name)
            if row is not None:
                chosen[family] = {**fields, "name": row.name, "slug": row.slug}
            else:
                chosen[family] = {**fields, "slug": unique_slug(row_model, name)}
            kept.append({**obj, "fields": chosen[family]})
        final = chosen[family]
        if final["name"] != name:
            kind = "keyword" if model == "articles.keyword" else "person"
            warnings.append(merged_note(kind, name, final["name"]))
        if model == "articles.keyword":
            tags[name] = final["name"]
        else:
            people[fields["slug"]] = final["slug"]
            names[name] = final["name"]
    result, seen = [], set()
    for obj in kept:
        fields = obj["fields"]
        if obj["model"] == "articles.taggedarticle":
            fields = {**fields, "tag": [tags.get(fields["tag"][0], fields["tag"][0])]}
            identity = ("tag", tuple(fields["content_object"]), fields["tag"][0])
        elif obj["model"] == "articles.mention":
            fields = {**fields, "person": [people.get(fields["person"][0], fields["person"][0])]}
            identity = ("mention", tuple(fields["article"]), fields["person"][0])
        else:
            identity = None
            _rename_imported(fields.get("imported_values") or {}, tags, names)
        if identity is not None:
            if identity in seen:
                continue
            seen.add(identity)
        result.append({**obj, "fields": fields})
    objects[:] = result
    return warnings


def _rename_imported(imported: dict, tags: dict[str, str], names: dict[str, str]) -> None:
    """What the import wrote, in the names it was written with: a re-import compares them."""
    if "keywords" in imported:
        imported["keywords"] = list(dict.fromkeys(tags.get(n, n) for n in imported["keywords"]))
    if "people" in imported:
        imported["people"] = [[names.get(name, name), role] for name, role in imported["people"]]
