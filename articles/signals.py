"""Signal receivers for what only Python computes.

Database triggers keep the search text (articles/derived/sql/search_text.sql), the counts and
the cache generation current. What they cannot do is split a new word into its compound
parts (HanTa runs in Python): every saved text's new words reach the compound lexicon first
(articles/lexicon.py), raw saves included; the set-based writer calls ensure_lexicon itself.
Synonym groups have no generation trigger, so their edits move it on by hand.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from articles import cache
from articles.lexicon import ensure_lexicon
from articles.models import Article, Keyword, Person, SynonymGroup


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
