"""Browser tests: Playwright driving Debian's chromium (never a downloaded browser).

Without /usr/bin/chromium the tests are skipped with a clear reason, unless
ARCHIVE_REQUIRE_BROWSER=1 (CI sets it), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("ARCHIVE_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is required (ARCHIVE_REQUIRE_BROWSER=1) but not installed")
        pytest.skip(
            "browser tests skipped: Debian's chromium is not installed (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def narrow_page(browser):
    """The narrowest screen the site is designed for (360 CSS pixels)."""
    context = browser.new_context(locale="de-DE", viewport={"width": 360, "height": 740})
    page = context.new_page()
    yield page
    context.close()
