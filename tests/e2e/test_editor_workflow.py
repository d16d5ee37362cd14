"""An editor pastes a press release, fixes a field, saves, publishes and finds it in public."""

import pytest
from django.contrib.auth.models import Group, User

from articles.models import Article
from tests.editorial.conftest import PRESS_RELEASE


@pytest.mark.django_db(transaction=True)
def test_editor_pastes_fixes_saves_publishes_and_finds_the_item(live_server, page):
    editor = User.objects.create_user("redakteurin", password="geheim-123", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))

    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "redakteurin")
    page.fill("#id_password", "geheim-123")
    page.click("input[type=submit]")
    page.get_by_role("link", name="Meldungen").first.click()
    page.get_by_role("link", name="Neue Meldung aus Text").click()

    page.fill("#id_text", PRESS_RELEASE)
    page.get_by_role("button", name="Einlesen").click()
    title = page.locator("#id_form-0-title")
    assert title.input_value() == "Land startet Förderprogramm für digitale Rathäuser"
    assert page.locator("pre").inner_text().startswith("Thüringer Finanzministerium")
    assert page.locator("#id_form-0-published_on").input_value() == "2024-03-14"
    title.fill("Land fördert digitale Rathäuser")
    page.get_by_role("button", name="Speichern").click()

    assert page.locator("#id_title").input_value() == "Land fördert digitale Rathäuser"
    assert page.locator("#id_published_on").input_value() == "14.03.2024"
    change_url = page.url
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.document.raw_text.startswith("Thüringer Finanzministerium")
    page.goto(live_server.url + "/")
    assert page.get_by_text("Land fördert digitale Rathäuser").count() == 0  # a draft

    page.goto(change_url)
    page.select_option("#id_status", "published")
    page.locator("input[name=_save]").first.click()
    assert "erfolgreich geändert" in page.locator(".messagelist").inner_text()

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Land fördert digitale Rathäuser").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Land fördert digitale Rathäuser"
    assert "Heike Taubert, Finanzministerin" in page.locator("ul.people").inner_text()

    page.fill("#site-q", "Rathäuser Taubert")
    page.press("#site-q", "Enter")
    assert page.get_by_role("link", name="Land fördert digitale Rathäuser").is_visible()
