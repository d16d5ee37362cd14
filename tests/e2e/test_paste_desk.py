"""The paste-to-publish flow at 1280 px: link, proposed source and keywords, and a layout
where nothing runs off the page or covers a heading."""

import pytest
from django.contrib.auth.models import User

from articles.models import Article, Source
from tests.editorial.test_desk import TMDI_RELEASE


def assert_fits(page) -> None:
    """No horizontal scrolling, and the object tools do not cover the page heading."""
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the window"
    heading = page.locator("#content h1").first.bounding_box()
    for tool in page.locator(".object-tools a").all():
        box = tool.bounding_box()
        apart = (
            box["y"] >= heading["y"] + heading["height"]
            or box["x"] >= heading["x"] + heading["width"]
        )
        assert apart, f"{tool.inner_text()} covers the heading"


@pytest.mark.django_db(transaction=True)
def test_paste_to_publish_keeps_link_proposes_source_and_keywords_and_fits(
    live_server, page, make_article
):
    Source.objects.create(
        name="Digitalministerium", slug="digitalministerium", kind=Source.Kind.MINISTRY,
        aliases=["Thüringer Ministerium für Digitales und Infrastruktur"],
    )  # fmt: skip
    make_article("Älteres Stück", keywords=["Breitbandausbau"])
    # A superuser: the editors' groups come from a data migration that an earlier
    # transactional test's flush may have emptied.
    User.objects.create_superuser("redakteurin", password="geheim-123")

    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "redakteurin")
    page.fill("#id_password", "geheim-123")
    page.click("input[type=submit]")
    page.get_by_role("link", name="Aus Text einlesen").click()
    page.fill("#id_text", TMDI_RELEASE)
    page.get_by_role("button", name="Einlesen").click()

    assert page.locator("#id_form-0-source").input_value() == "Digitalministerium"
    links = page.locator("#id_form-0-links").input_value()
    assert "https://digitales.thueringen.de/foerderung/glasfaser.pdf" in links
    assert page.locator("#id_form-0-release_number").input_value() == "112/2025"
    assert page.get_by_text("Trotzdem speichern").count() == 0
    title_box = page.locator("#id_form-0-title").bounding_box()
    assert title_box["width"] >= 400  # a headline has room
    page.get_by_label("Breitbandausbau").check()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.get_by_role("button", name="Speichern").click()

    assert page.locator("#id_title").input_value().startswith("Breitbandausbau:")
    assert_fits(page)
    article = Article.objects.get(title__startswith="Breitbandausbau:")
    assert list(article.keywords.names()) == ["Breitbandausbau"]
    assert article.source.name == "Digitalministerium"
    page.select_option("#id_status", "published")
    page.locator("input[name=_save]").first.click()
    assert_fits(page)
    for header in ("Quelle", "Warnungen"):
        box = page.locator("#result_list thead th", has_text=header).bounding_box()
        assert box["x"] + box["width"] <= 1280, f"column {header} is cut off"

    page.goto(live_server.url + article.get_absolute_url())
    link = page.get_by_role("link", name="Weitere Informationen")
    assert link.get_attribute("href") == "https://digitales.thueringen.de/foerderung/glasfaser.pdf"
    assert page.get_by_text("keine Adresse bekannt").count() == 0
