from __future__ import annotations

from django.db import models
from taggit.models import TagBase, TaggedItemBase

from articles.models.item_copies import ItemCopies, newest_index
from articles.paths import slug_path


class Keyword(TagBase):
    """A keyword ("Stichwort"); its natural key is its name (from taggit's TagBase).

    Editors may make its page a topic page: an introduction and pinned items on top.
    """

    introduction = models.TextField(
        "Einführung",
        blank=True,
        db_default="",
        help_text="Ein paar Sätze zum Thema, oben auf der Seite des Stichworts.",
    )
    pinned = models.ManyToManyField(
        "articles.Article",
        verbose_name="Angeheftete Meldungen",
        blank=True,
        related_name="pinned_on",
        help_text="Stehen oben auf der Seite des Stichworts (nur veröffentlichte werden gezeigt).",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "Stichwort"
        verbose_name_plural = "Stichwörter"

    def get_absolute_url(self) -> str:
        return slug_path("articles:keyword", self.slug)


class TaggedArticleManager(models.Manager["TaggedArticle"]):
    def get_by_natural_key(self, article_slug: str, article_date: str | None, tag_name: str):
        return self.get(
            content_object__slug=article_slug,
            content_object__published_on=article_date,
            tag__name=tag_name,
        )


class TaggedArticle(ItemCopies, TaggedItemBase):
    """The through model between articles and keywords, with a real foreign key."""

    tag = models.ForeignKey(Keyword, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    objects = TaggedArticleManager()

    class Meta:
        verbose_name = "Verschlagwortung"
        verbose_name_plural = "Verschlagwortungen"
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="tagged_article_unique_keyword"
            )
        ]
        # A keyword's newest listed items (its page, articles/views/keywords.py).
        indexes = [newest_index("tagged_keyword_newest_idx", "tag", "content_object")]

    def natural_key(self) -> tuple:
        return (*self.content_object.natural_key(), self.tag.name)

    natural_key.dependencies = ["articles.article", "articles.keyword"]
