"""Move the cache generation on after ORM writes.

The copied search text is kept by database triggers (articles/derived/sql/search_text.sql).
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles import cache
from articles.models import Article, Document, Keyword, Link, Mention, Person, Source, TaggedArticle


@receiver(post_save)
@receiver(post_delete)
def archive_changed(sender, **kwargs) -> None:
    """Any write to the archive's data moves the cache generation on (raw loads included)."""
    if sender in (Article, Document, Keyword, Link, Mention, Person, Source, TaggedArticle):
        cache.bump()


@receiver(m2m_changed, sender=Article.related.through)
@receiver(m2m_changed, sender=Article.keywords.through)
def relations_changed(sender, **kwargs) -> None:
    cache.bump()
