from __future__ import annotations

from django.db import models

from articles.models.item_copies import ItemCopies, newest_index
from articles.paths import slug_path


class PersonManager(models.Manager["Person"]):
    def get_by_natural_key(self, slug: str) -> Person:
        return self.get(slug=slug)


class Person(models.Model):
    """A person named in press items; the same person is one row across all documents."""

    name = models.CharField("Name", max_length=200, unique=True)
    slug = models.SlugField("URL-Kürzel", max_length=200, unique=True)

    objects = PersonManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "Person"
        verbose_name_plural = "Personen"

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def get_absolute_url(self) -> str:
        return slug_path("articles:person", self.slug)


class MentionManager(models.Manager["Mention"]):
    def get_by_natural_key(self, article_slug: str, article_date: str | None, person_slug: str):
        return self.get(
            article__slug=article_slug,
            article__published_on=article_date,
            person__slug=person_slug,
        )


class Mention(ItemCopies):
    """A person named in an article, with the role as the text gives it."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="mentions"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions")
    role = models.CharField("Funktion", max_length=300, blank=True)
    position = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = MentionManager()

    class Meta:
        ordering = ["article", "position", "id"]
        verbose_name = "Nennung"
        verbose_name_plural = "Nennungen"
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="mention_unique_person")
        ]
        indexes = [
            # A person's offices (articles/offices.py) from the index alone.
            models.Index(
                fields=["person", "role"], include=["article"], name="mention_person_role_idx"
            ),
            # A person's newest listed items, offices and latest role (articles/offices.py).
            newest_index("mention_person_newest_idx", "person", "article", "role"),
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.person}".strip()

    def natural_key(self) -> tuple:
        return (*self.article.natural_key(), self.person.slug)

    natural_key.dependencies = ["articles.article", "articles.person"]
