"""A reader browses timeline → article → keyword → person and back, on a phone and a desktop."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from articles.models import Article

SHOTS = Path(__file__).resolve().parent.parent.parent / "test-results"


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_reader_journey(live_server, browser, width):
    call_command("load_archive", verbosity=0)
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900})
    page = context.new_page()
    SHOTS.mkdir(exist_ok=True)

    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "Meldungen"
    assert serious_violations(page) == []
    page.screenshot(path=SHOTS / f"timeline-{width}.png", full_page=True)

    page.get_by_role("link", name="Erster E-Government-Kongress").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Erster E-Government-Kongress"
    assert serious_violations(page) == []
    page.screenshot(path=SHOTS / f"article-{width}.png", full_page=True)

    page.get_by_role("link", name="Cyber-Sicherheit").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Stichwort: Cyber-Sicherheit"
    assert serious_violations(page) == []

    page.locator("#co-people + ul").get_by_role("link", name="Hartmut Schubert").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Hartmut Schubert"
    assert page.get_by_text("als Thüringen-CIO").is_visible()
    assert serious_violations(page) == []

    page.go_back()
    page.go_back()
    assert page.get_by_role("heading", level=1).inner_text() == "Erster E-Government-Kongress"
    page.get_by_role("link", name="Zentralisierung als Hemmnis oder Chance?").click()
    assert page.get_by_text("Nur Anreißer").first.is_visible()

    # Every other kind of page at this width: no sideways scrolling, axe clean.
    for path in [
        "/suche/?q=Digitalisierung", "/meldungen/2018/", "/meldungen/2018/11/", "/stichwoerter/",
        "/personen/", "/feed/", "/gibt-es-nicht/",
    ]:  # fmt: skip
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert serious_violations(page) == [], path
        page.screenshot(path=SHOTS / f"{path.strip('/').replace('/', '-') or 'home'}-{width}.png")
    context.close()


@pytest.mark.django_db(transaction=True)
def test_keyboard_user_can_skip_to_the_content(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Tab")  # the next stop shows where the focus is
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert outline[0] != "none" and outline[1] >= 2


@pytest.mark.django_db(transaction=True)
def test_every_kind_of_page_fits_360_px_and_passes_axe(live_server, narrow_page):
    call_command("load_archive", verbosity=0)
    paths = [
        "/",
        "/?stichwort=politik&von=2018-01-01&bis=gestern",
        "/meldungen/2018/",
        "/meldungen/2018/11/",
        "/stichwoerter/",
        "/personen/",
        "/stichwoerter/bundesamt-fuer-sicherheit-in-der-informationstechnik-bsi/",
        "/personen/gerhard-schabhueser/",
        "/suche/?q=Digitalisierung",
    ]
    paths += [item.get_absolute_url() for item in Article.objects.listed()]
    # Pages the journey below does not visit; axe runs once per kind of page.
    axe_paths = {"/meldungen/2018/", "/meldungen/2018/11/", "/stichwoerter/", "/personen/"}
    axe_paths |= {"/gibt-es-nicht/", "/?stichwort=politik&von=2018-01-01&bis=gestern"}
    wide, violations = {}, {}
    for path in [*paths, "/gibt-es-nicht/"]:
        narrow_page.goto(live_server.url + path)
        width = narrow_page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide[path] = width
        if path in axe_paths and (found := serious_violations(narrow_page)):
            violations[path] = found
    assert wide == {}
    assert violations == {}


@pytest.mark.django_db(transaction=True)
def test_print_shows_the_item_without_the_sites_navigation(live_server, page):
    call_command("load_archive", verbosity=0)
    item = Article.objects.listed().filter(links__isnull=False).first()
    page.goto(live_server.url + item.get_absolute_url())
    assert not page.get_by_text("Fundstelle:").is_visible()
    page.emulate_media(media="print")
    assert page.get_by_text("Fundstelle:").is_visible()  # the printout says where it came from
    assert page.get_by_role("heading", level=1).is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".article-nav").is_visible()
    assert page.locator(".provenance").is_visible()
    SHOTS.mkdir(exist_ok=True)
    page.pdf(path=SHOTS / "article-print.pdf")
