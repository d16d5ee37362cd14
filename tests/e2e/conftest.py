"""Browser tests: Playwright driving Debian's chromium (never a downloaded browser).

Without /usr/bin/chromium the tests are skipped with a clear reason, unless
ARCHIVE_REQUIRE_BROWSER=1 (CI sets it), where a missing browser is a failure.
"""

from __future__ import annotations

import contextlib
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


@contextlib.contextmanager
def _page(browser, width: int, height: int):
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": height})
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser):
    with _page(browser, 1280, 900) as page:
        yield page


@pytest.fixture
def narrow_page(browser):
    """The narrowest screen the site is designed for (360 CSS pixels)."""
    with _page(browser, 360, 740) as page:
        yield page
