"""Save reviewed drafts through the item writer: the parsed item as the editor corrected it."""

from __future__ import annotations

import reversion
from django.db import DatabaseError, transaction

from articles.editorial.draft import DraftForm, article_slug
from articles.editorial.proposals import matching_source
from articles.editorial.provenance import Provenance
from articles.models import Article
from articles.writer import FAILED, DocumentRow, ItemRows, SourceRow, source_row, write_items
from articles.writer.rows import ARTICLE_FIELDS


class NotSaved(DatabaseError):
    """The writer refused an item (a duplicate, a value the database refused); says why."""


@transaction.atomic
def save_drafts(forms: list[DraftForm], user) -> list[Article]:
    """Save every reviewed item in one transaction: either all of them or none."""
    batch = [rows_of(form.cleaned_data, form.checked_provenance) for form in forms]
    outcomes = write_items(batch)
    failed = [outcome for outcome in outcomes if outcome.status == FAILED]
    if failed:
        raise NotSaved("; ".join(f"{o.label}: {o.message}" for o in failed))
    articles = Article.objects.in_bulk([outcome.article_id for outcome in outcomes])
    saved = [articles[outcome.article_id] for outcome in outcomes]
    for article, outcome in zip(saved, outcomes, strict=True):
        article.merged_names = outcome.merged_names  # the next page names them
    with reversion.create_revision():
        for article in saved:
            reversion.add_to_revision(article)
        reversion.set_user(user)
        reversion.set_comment("Aus Text angelegt")
    return saved


def save_draft(data: dict, provenance: Provenance, user) -> Article:
    """One reviewed item (see save_drafts)."""

    class _Form:
        cleaned_data, checked_provenance = data, provenance

    return save_drafts([_Form()], user)[0]


def rows_of(data: dict, provenance: Provenance) -> ItemRows:
    """The editor's corrected fields as the writer's rows (no import reference: typed in)."""
    fields = {name: data[name] for name in ARTICLE_FIELDS if name in data}
    fields["slug"] = article_slug(data["title"])
    fields["published_on"] = data["published_on"]
    return ItemRows(
        label=data.get("file_name") or data["title"],
        fields=fields,
        source=_source(data["source"], provenance.source_kind),
        document=DocumentRow(
            file_name=data["file_name"][:255],
            sha256=provenance.sha256,
            encoding=provenance.encoding,
            raw_text=data["raw_text"],
            parser=provenance.parser[:80],
            warnings=provenance.warnings,
        ),
        keywords=list(data["keywords"]),
        people=[(name, role) for name, role in data["people"]],
        links=[dict(link) for link in data["links"]],
        warnings=list(provenance.warnings),
    )


def _source(name: str, source_kind: str) -> SourceRow | None:
    """The archive's source of that name or of one of its other names, else a new one."""
    if not name:
        return None
    known = matching_source(name)
    return source_row(known.name if known else name, source_kind)
