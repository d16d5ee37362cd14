"""Keep the copied search text current when keywords or mentions change through the ORM.

Imports (loaddata sends raw signals) refresh it themselves with
`Article.objects.filter(...).refresh_search_text()`. The cache generation needs no signal:
database triggers move it on (articles/sql/generation.sql), except for synonym groups, which
move it by hand below. Every saved text's new words reach the compound lexicon first
(articles/lexicon.py), raw saves included.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from articles import cache
from articles.lexicon import ensure_lexicon
from articles.models import Article, Keyword, Mention, Person, SynonymGroup, TaggedArticle


@receiver(pre_save, sender=Article)
def article_words_split(sender, instance: Article, **kwargs) -> None:
    """New words reach the compound lexicon before the row (raw loads included)."""
    fields = ("title", "kicker", "teaser", "body", "search_text")
    ensure_lexicon([getattr(instance, name) for name in fields])


@receiver(pre_save, sender=Keyword)
@receiver(pre_save, sender=Person)
def name_words_split(sender, instance, **kwargs) -> None:
    ensure_lexicon([instance.name])


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
def synonyms_changed(sender, **kwargs) -> None:
    cache.bump()  # cached results depend on the groups


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
