import pytest

from articles.models import Article


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Log-in tests hash many passwords; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


def change_data(article: Article, **overrides) -> dict:
    data = {
        "kicker": article.kicker, "title": article.title, "slug": article.slug,
        "teaser": article.teaser, "body": article.body,
        "published_on": article.published_on.isoformat() if article.published_on else "",
        "date_precision": article.date_precision, "status": article.status, "kind": article.kind,
        "author": article.author, "category": article.category, "image_credit": article.image_credit,
        "loaded_version": article.version,
    }  # fmt: skip
    for prefix in ("mentions", "tagged_items", "links"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    data.update(overrides)
    return data
