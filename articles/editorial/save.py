"""Save reviewed drafts: Article, Document, people, keywords and links, all or nothing."""

from __future__ import annotations

import reversion
from django.db import models, transaction

from articles.editorial.draft import DraftForm, article_slug
from articles.editorial.proposals import matching_source
from articles.editorial.provenance import Provenance
from articles.ingest.fixtures import HOMEPAGES, SOURCE_KINDS
from articles.ingest.slugs import slugify
from articles.models import Article, Document, Keyword, Link, Mention, Person, Source

COPIED_FIELDS = [
    "kicker", "title", "date_precision", "date_inferred", "teaser", "body", "author",
    "category", "image_credit", "kind", "status", "original_url", "release_number",
]  # fmt: skip


@transaction.atomic
def save_drafts(forms: list[DraftForm], user) -> list[Article]:
    """Save every reviewed item in one transaction: either all of them or none."""
    return [save_draft(form.cleaned_data, form.checked_provenance, user) for form in forms]


@transaction.atomic
def save_draft(data: dict, provenance: Provenance, user) -> Article:
    document = _document(data, provenance)
    source = _source(data["source"], provenance.source_kind) if data["source"] else None
    slug = article_slug(data["title"])
    with reversion.create_revision():
        # A teaser-only item of the same title and date is the same item: fill it in.
        article = Article.objects.filter(
            slug=slug, published_on=data["published_on"], kind=Article.Kind.TEASER
        ).first() or Article(slug=slug, published_on=data["published_on"])
        for name in COPIED_FIELDS:
            setattr(article, name, data[name])
        article.source, article.document = source, document
        article.save()
        for position, (name, role) in enumerate(data["people"]):
            person = Person.objects.filter(name=name).first() or Person.objects.create(
                name=name, slug=_unique_slug(Person, name)
            )
            Mention.objects.update_or_create(
                article=article, person=person, defaults={"role": role, "position": position}
            )
        for name in data["keywords"]:
            keyword = Keyword.objects.filter(name__iexact=name).first() or Keyword.objects.create(
                name=name, slug=_unique_slug(Keyword, name)
            )
            article.keywords.add(keyword)
        start = article.links.aggregate(end=models.Max("position"))["end"]
        start = 0 if start is None else start + 1
        for offset, link in enumerate(data["links"]):
            Link.objects.create(article=article, position=start + offset, **link)
        reversion.set_user(user)
        reversion.set_comment("Aus Text angelegt")
    Article.objects.filter(pk=article.pk).refresh_search_text()
    return article


def _document(data: dict, provenance: Provenance) -> Document:
    existing = Document.objects.filter(sha256=provenance.sha256).first()
    return existing or Document.objects.create(
        file_name=data["file_name"][:255],
        sha256=provenance.sha256,
        encoding=provenance.encoding,
        raw_text=data["raw_text"],
        parser=provenance.parser[:80],
        warnings=provenance.warnings,
    )


def _source(name: str, source_kind: str) -> Source:
    source = matching_source(name)
    return source or Source.objects.create(
        name=name,
        slug=_unique_slug(Source, name),
        kind=SOURCE_KINDS.get(source_kind, Source.Kind.OTHER),
        homepage=HOMEPAGES.get(source_kind, ""),
    )


def _unique_slug(model: type[models.Model], name: str) -> str:
    """The importer's slug for the name (so later imports find the row), made unique."""
    base = slugify(name, max_length=190)
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
