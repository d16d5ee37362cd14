"""No draft, scheduled or withdrawn item, and no staff field, reaches the public; staff fields
only reach staff (a session or a token with articles.view_article)."""

import json

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.api.conftest import RAW_TEXT, SECRETS, WARNING, audiences

pytestmark = pytest.mark.django_db

HIDDEN_NAMES = [*SECRETS.values(), "Geheimwort", "Gerda Geheim", "Geheimquelle", "Rückzugswort",
                "geheimwort-entwurf", "gerda-geheim", "geheimquelle", "rueckzugswort"]  # fmt: skip
STAFF_VALUES = [RAW_TEXT, WARNING, "kabinett.txt"]


def every_address(api, archive) -> list[str]:
    """Every endpoint, every page of every list, every entry they link to."""
    urls = [reverse("api:root"), reverse("api:schema")]
    lists = [
        reverse("api:items"), reverse("api:items") + "?q=Breitband",
        reverse("api:items") + "?q=GEHEIM", reverse("api:items") + "?sort=oldest&page_size=1",
        reverse("api:keywords") + "?page_size=1", reverse("api:people") + "?sort=count",
        reverse("api:sources"), reverse("api:facets") + "?q=Breitband",
        reverse("api:facets") + "?q=Entwurf", reverse("api:items") + "?q=Gerda",
    ]  # fmt: skip
    pending = list(lists)
    while pending:
        url = pending.pop()
        urls.append(url)
        body = api.get(url).json()
        if body.get("next"):
            pending.append(body["next"])
        for entry in body.get("results", []):
            urls.append(entry["url"])
    for article in [archive["main"], archive["teaser"], *archive["hidden"]]:
        urls.append(reverse("api:item", kwargs={"pk": article.pk}))
    return urls


@pytest.mark.parametrize("audience", ["anonymous", "researcher", "editor"])
def test_hidden_items_never_appear(archive, researcher, editor, token_for, audience):
    api = audiences(researcher, editor, token_for)[audience]
    for url in every_address(api, archive):
        response = api.get(url)
        text = response.content.decode()
        for name in HIDDEN_NAMES:
            assert name not in text, (audience, url, name)
    for article in archive["hidden"]:
        response = api.get(reverse("api:item", kwargs={"pk": article.pk}))
        assert response.status_code == 404, (audience, article.title)


def test_staff_fields_only_for_staff(archive, researcher, editor, token_for):
    clients = audiences(researcher, editor, token_for)
    for url in every_address(clients["anonymous"], archive):
        response = clients["anonymous"].get(url)
        text = response.content.decode()
        for value in STAFF_VALUES:
            assert value not in text, url
        if url.startswith(reverse("api:items")):
            assert '"staff"' not in text and '"status":"published"' not in text, url
    detail = reverse("api:item", kwargs={"pk": archive["main"].pk})
    for audience in ("researcher", "editor"):
        staff = clients[audience].get(detail).json()["staff"]
        assert staff["status"] == "published"
        assert staff["document"]["raw_text"] == RAW_TEXT
        assert staff["document"]["warnings"] == [WARNING]


def test_signed_in_users_without_the_permission_see_the_public_answer(api, archive):
    plain = User.objects.create_user("leser", password="geheim-123")
    api.force_login(plain)
    item = api.get(reverse("api:item", kwargs={"pk": archive["main"].pk})).json()
    assert "staff" not in item
    assert RAW_TEXT not in json.dumps(item)


def test_staff_answers_are_never_stored_by_shared_caches(archive, researcher, editor, token_for):
    clients = audiences(researcher, editor, token_for)
    detail = reverse("api:item", kwargs={"pk": archive["main"].pk})
    assert clients["anonymous"].get(detail)["Cache-Control"].startswith("public")
    for audience in ("researcher", "editor"):
        response = clients[audience].get(detail)
        assert response["Cache-Control"] == "private, no-store"
    # The same address answers differently to staff: shared caches must key by credentials.
    vary = clients["anonymous"].get(detail)["Vary"]
    assert "Cookie" in vary and "Authorization" in vary


def test_staff_and_public_versions_differ(archive, researcher, editor, token_for):
    clients = audiences(researcher, editor, token_for)
    detail = reverse("api:item", kwargs={"pk": archive["main"].pk})
    public_etag = clients["anonymous"].get(detail)["ETag"]
    # A staff client's ETag never makes the public answer look current, or the reverse.
    staff_etag = clients["editor"].get(detail)["ETag"]
    assert public_etag != staff_etag
    response = clients["anonymous"].get(detail, HTTP_IF_NONE_MATCH=staff_etag)
    assert response.status_code == 200 and "staff" not in response.json()
