import pytest
from django.contrib.auth.models import Group, User


def member(group: str, name: str) -> User:
    user = User.objects.create_user(name, password="geheim-123", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db) -> User:
    return member("Redaktion", "redakteurin")


@pytest.fixture
def researcher(db) -> User:
    return member("Recherche", "rechercheur")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


PRESS_RELEASE = """Thüringer Finanzministerium
Pressemitteilung
14.03.2024
Land startet Förderprogramm für digitale Rathäuser
Das Land unterstützt Kommunen mit zehn Millionen Euro bei der Digitalisierung ihrer Verwaltung.

„Jede Kommune soll ihre Leistungen online anbieten können“, sagte Finanzministerin Heike Taubert in Erfurt.

Anträge können bis Ende Juni gestellt werden.
"""
