"""Search data beside the items: the compound lexicon and editors' synonym groups."""

from __future__ import annotations

import re

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models


class LexiconManager(models.Manager):
    def get_by_natural_key(self, word: str) -> CompoundLexicon:
        return self.get(word=word)


class SynonymGroupManager(models.Manager):
    def get_by_natural_key(self, terms: str) -> SynonymGroup:
        return self.get(terms=terms)


class CompoundLexicon(models.Model):
    """Every word of the archive's text with its compound parts (empty: not a compound).

    A database trigger reads this table to fill Article.search_parts, so a word without a
    row is a word not yet split (articles/lexicon.py adds rows before writes; the command
    `refresh_search_parts` finds and fixes the rest).
    """

    word = models.TextField(unique=True)
    parts = ArrayField(models.TextField(), default=list, blank=True)
    splitter_version = models.PositiveSmallIntegerField(default=1)

    objects = LexiconManager()

    class Meta:
        verbose_name = "Wortzerlegung"
        verbose_name_plural = "Wortzerlegungen"
        indexes = [GinIndex(fields=["parts"], name="compound_lexicon_parts_gin")]

    def __str__(self) -> str:
        return f"{self.word} → {' + '.join(self.parts) or '–'}"

    def natural_key(self) -> tuple[str]:
        return (self.word,)


_SEPARATORS = re.compile(r"\s*(?:\n|=|;)\s*")


def synonym_key(term: str) -> str:
    """How a query term and a group member are compared: case, hyphens and spaces folded."""
    return " ".join(term.replace("-", "").replace("/", " ").lower().split())


class SynonymGroup(models.Model):
    """Words that mean the same in a search: "OZG = Onlinezugangsgesetz = Online-Zugangsgesetz"."""

    terms = models.TextField(
        "Begriffe",
        help_text="Gleichbedeutende Begriffe, je einer pro Zeile (oder getrennt durch „=“). "
        "Eine Suche nach einem davon findet alle.",
    )
    note = models.CharField("Anmerkung", max_length=200, blank=True)

    objects = SynonymGroupManager()

    class Meta:
        verbose_name = "Synonymgruppe"
        verbose_name_plural = "Synonymgruppen"
        ordering = ["terms"]

    def __str__(self) -> str:
        return " = ".join(self.members())

    def natural_key(self) -> tuple[str]:
        return (self.terms,)

    def members(self) -> list[str]:
        seen: dict[str, str] = {}
        for term in _SEPARATORS.split(self.terms or ""):
            term = " ".join(term.split())
            if term and synonym_key(term) not in seen:
                seen[synonym_key(term)] = term
        return list(seen.values())

    def clean(self) -> None:
        members = self.members()
        if len(members) < 2:
            raise ValidationError({"terms": "Eine Gruppe braucht mindestens zwei Begriffe."})
        for member in members:
            if len(member) > 100 or not re.search(r"\w", member):
                raise ValidationError({"terms": f"„{member[:40]}“ ist kein gültiger Begriff."})
