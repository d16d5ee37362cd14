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
