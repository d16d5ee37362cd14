"""From the home page, every internal link of the seed archive leads somewhere."""

import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"#]+)')
SKIP = ("/admin/", "/static/")


def check_page_basics(url: str, html: str) -> None:
    """What every HTML page owes every reader: German, one h1, a skip link, a main landmark."""
    assert '<html lang="de">' in html, url
    assert html.count("<h1") == 1, url
    assert 'href="#inhalt"' in html and '<main id="inhalt"' in html, url
    assert 'rel="canonical"' in html, url


def crawl(client, start: str = "/", limit: int = 600) -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = [start]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if "html" not in response.get("Content-Type", "") and "xml" not in response.get(
            "Content-Type", ""
        ):
            continue
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            check_page_basics(url, response.text)
        for href in HREF.findall(response.content.decode()):
            target = urljoin(url, unescape(href))
            parts = urlsplit(target)
            if parts.netloc not in ("", "testserver") or parts.path.startswith(SKIP):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if link not in seen:
                queue.append(link)
    return seen


def test_no_dead_internal_link_in_the_seed_archive(client, archive):
    call_command("load_archive", verbosity=0)
    seen = crawl(client)
    broken = {url: code for url, code in seen.items() if code >= 400}
    assert not broken
    for article in Article.objects.published():
        assert article.get_absolute_url() in seen, article.title
    assert len(seen) > 60
