"""Synonym groups from the admin, applied to queries: OZG also finds Onlinezugangsgesetz."""

from __future__ import annotations

from articles.cache import cached
from articles.models.search import SynonymGroup, synonym_key

MAX_MEMBER_WORDS = 8


def groups() -> dict[str, list[str]]:
    """Each member's key → every member of its group (as editors wrote them)."""

    def load() -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        for group in SynonymGroup.objects.all():
            members = group.members()
            for member in members:
                table.setdefault(synonym_key(member), [])
                for other in members:
                    if other not in table[synonym_key(member)]:
                        table[synonym_key(member)].append(other)
        return table

    return cached("synonym-groups", (), load)


def group_of(words: list[str]) -> list[str] | None:
    """The group that these consecutive query words name, if any."""
    return groups().get(synonym_key(" ".join(words)))
