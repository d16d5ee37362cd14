from __future__ import annotations

from django.db import models


class LinkManager(models.Manager["Link"]):
    def get_by_natural_key(self, article_slug: str, article_date: str | None, position: int):
        return self.get(
            article__slug=article_slug, article__published_on=article_date, position=position
        )


class Link(models.Model):
    """A link printed with an item; the address may be unknown ("Deep Link" labels)."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="links")
    position = models.PositiveSmallIntegerField("Reihenfolge", default=0)
    label = models.CharField("Beschriftung", max_length=500, blank=True)
    url = models.URLField("Adresse", max_length=1000, blank=True)
    format = models.CharField("Format", max_length=20, blank=True)
    size = models.CharField("Größe", max_length=30, blank=True)

    objects = LinkManager()

    class Meta:
        ordering = ["article", "position"]
        verbose_name = "Link"
        verbose_name_plural = "Links"
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="link_unique_position"),
            models.CheckConstraint(
                condition=~models.Q(label="", url=""), name="link_has_label_or_url"
            ),
        ]

    def __str__(self) -> str:
        return self.label or self.url

    def natural_key(self) -> tuple:
        return (*self.article.natural_key(), self.position)

    natural_key.dependencies = ["articles.article"]
