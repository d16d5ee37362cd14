"""The admin start page as a desk: what waits for review, what is scheduled, what others did."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Func, IntegerField, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from reversion.models import Version

from articles.models import Article

SHOWN = 8


@dataclass
class Change:
    when: object
    who: str
    comment: str
    article_id: int | None
    title: str


def waiting_for_review() -> list[Article]:
    """Items in review and imported items with warnings: the most doubtful parse first."""
    warnings = Coalesce(
        Func(F("document__warnings"), function="jsonb_array_length", output_field=IntegerField()),
        0,
    )
    return list(
        Article.objects.filter(Q(status=Article.Status.REVIEW) | Q(status=Article.Status.DRAFT))
        .exclude(kind=Article.Kind.TEASER)
        .annotate(warning_total=warnings)
        .order_by("-warning_total", "-updated")
        .only("pk", "title", "status", "published_on", "updated")[:SHOWN]
    )


def scheduled() -> list[Article]:
    return list(
        Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())
        .order_by("publish_at")
        .only("pk", "title", "publish_at")[:SHOWN]
    )


def recent_changes_by_others(user) -> list[Change]:
    """The newest saved versions of items, by anybody but this editor."""
    versions = (
        Version.objects.filter(content_type=ContentType.objects.get_for_model(Article))
        .exclude(revision__user=user)
        .select_related("revision__user")
        .order_by("-revision__date_created")[:SHOWN]
    )
    return [
        Change(
            when=version.revision.date_created,
            who=version.revision.user.get_username() if version.revision.user else "Import",
            comment=version.revision.get_comment(),
            article_id=int(version.object_id) if version.object_id.isdigit() else None,
            title=version.object_repr,
        )
        for version in versions
    ]


def desk(user) -> dict:
    return {
        "review": waiting_for_review(),
        "scheduled": scheduled(),
        "changes": recent_changes_by_others(user),
    }
