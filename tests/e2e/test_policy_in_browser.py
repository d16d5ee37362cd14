"""The Content-Security-Policy blocks nothing the site or the admin uses (checked in chromium)."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db(transaction=True)


def violations(page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def test_reader_pages_and_the_admin_run_under_the_policy(live_server, page, make_article):
    article = make_article(
        "Digitalstrategie beschlossen",
        keywords=["Breitband"],
        people=[("Heike Taubert", "Ministerin")],
    )
    blocked = violations(page)
    for path in [
        reverse("articles:timeline"),
        article.get_absolute_url(),
        reverse("articles:keywords"),
    ]:
        response = page.goto(live_server.url + path)
        assert "Content-Security-Policy" in {k.title(): v for k, v in response.headers.items()}
    User.objects.create_superuser("chefin", password="geheim-123")
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "chefin")
    page.fill("#id_password", "geheim-123")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    page.fill("#id_title", "Straßenbau in Gera")
    page.press("#id_title", "Tab")
    assert page.input_value("#id_slug") == "strassenbau-in-gera"  # the site's own admin script
    page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    page.click(".field-related .select2-selection")  # autocomplete (select2, jQuery)
    page.wait_for_selector(".select2-results")
    page.goto(live_server.url + reverse("admin:articles_article_from_text"))
    assert blocked == []
