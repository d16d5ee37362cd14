from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group, User

from articles.models import Article, Person, Source


@pytest.fixture(autouse=True)
def _static_files_without_collectstatic(settings):
    """Production serves hashed names from collectstatic's manifest; tests read static/ as is."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def make_article(db):
    """Create an article; published by default, with optional keywords and people."""

    def make(
        title: str = "Thüringen startet Digitalstrategie",
        *,
        keywords: list[str] | None = None,
        people: list[tuple[str, str]] | None = None,
        **fields,
    ) -> Article:
        from django.utils.text import slugify

        fields.setdefault("slug", slugify(title)[:200] or "meldung")
        fields.setdefault("published_on", datetime.date(2018, 12, 13))
        fields.setdefault("status", Article.Status.PUBLISHED)
        article = Article.objects.create(title=title, **fields)
        if keywords:
            article.keywords.add(*keywords)
        for position, (name, role) in enumerate(people or []):
            person, _ = Person.objects.get_or_create(name=name, defaults={"slug": slugify(name)})
            article.mentions.create(person=person, role=role, position=position)
        return article

    return make


@pytest.fixture
def source(db) -> Source:
    return Source.objects.create(
        name="Kommune21", slug="kommune21", kind=Source.Kind.PORTAL, homepage="https://example.org"
    )


@pytest.fixture
def member(db) -> Callable[[str, str], User]:
    """Make a staff user in one of the editorial groups ("Redaktion", "Recherche")."""

    def make(group: str, name: str) -> User:
        user = User.objects.create_user(name, password="geheim-123", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def editor(member) -> User:
    return member("Redaktion", "redakteurin")


@pytest.fixture
def researcher(member) -> User:
    return member("Recherche", "rechercheur")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: derived figures never leak between tests."""
    from django.core.cache import cache, caches

    cache.clear()
    caches["pages"].clear()
