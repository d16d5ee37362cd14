"""Keep the copied search text current when keywords or mentions change through the ORM.

Imports (loaddata sends raw signals) refresh it themselves with
`Article.objects.filter(...).refresh_search_text()`. The cache generation needs no signal:
database triggers move it on (articles/sql/generation.sql).
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles.models import Article, Mention, TaggedArticle


def _refresh(article_ids) -> None:
    Article.objects.filter(pk__in=list(article_ids)).refresh_search_text()


@receiver(post_save, sender=TaggedArticle)
@receiver(post_delete, sender=TaggedArticle)
def tagged_article_changed(sender, instance: TaggedArticle, raw: bool = False, **kwargs) -> None:
    if not raw:
        _refresh([instance.content_object_id])


@receiver(post_save, sender=Mention)
@receiver(post_delete, sender=Mention)
def mention_changed(sender, instance: Mention, raw: bool = False, **kwargs) -> None:
    if not raw:
        _refresh([instance.article_id])


@receiver(m2m_changed, sender=Article.keywords.through)
def keywords_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:
        _refresh(pk_set or [])
    else:
        _refresh([instance.pk])
