"""The item's date and listed state, copied onto its keyword rows and mentions.

A keyword's or a person's newest listed items are then one range of one index
(tag or person, date, item) instead of a join that reads every item of a month or every
mention of a person. PostgreSQL keeps the copies (articles/derived/sql/item_copies.sql):
whoever writes an item, a keyword row or a mention, the copies follow; nothing in Python
sets them.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone


class ItemCopies(models.Model):
    """The copied columns; `serialize=False`: fixtures stay as they were, the trigger fills them."""

    item_date = models.DateField(null=True, editable=False, serialize=False)
    # articles_listed(status, kind) of the item: published and more than a teaser.
    item_listed = models.BooleanField(
        default=False, db_default=False, editable=False, serialize=False
    )
    item_publish_at = models.DateTimeField(null=True, editable=False, serialize=False)

    class Meta:
        abstract = True


def listed_copies_q() -> Q:
    """Rows whose item is listed now: Article.objects.listed() read from the copies."""
    return Q(item_listed=True) & (
        Q(item_publish_at__isnull=True) | Q(item_publish_at__lte=timezone.now())
    )


def newest_index(name: str, owner: str, item: str, *include: str) -> models.Index:
    """(owner, date newest first with the undated last, item newest first) of listed rows."""
    return models.Index(
        owner,
        models.F("item_date").desc(nulls_last=True),
        models.F(item).desc(),
        include=[*include, "item_publish_at"],
        condition=Q(item_listed=True),
        name=name,
    )
