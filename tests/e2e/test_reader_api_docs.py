"""The API's docs page works in a browser with nothing but this site's own files."""

from urllib.parse import urlsplit

import pytest


@pytest.mark.django_db(transaction=True)
def test_docs_page_renders_every_endpoint_from_same_origin_files(live_server, page):
    origin = urlsplit(live_server.url).netloc
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/api/v1/docs/")
    page.locator(".opblock").first.wait_for(timeout=20000)
    text = page.locator("#swagger-ui").inner_text()
    for path in ["/api/v1/items/", "/api/v1/items/{id}/", "/api/v1/facets/", "/api/v1/people/"]:
        assert path in text
    assert not errors
    foreign = [url for url in requested if urlsplit(url).netloc not in (origin, "")]
    assert not [url for url in foreign if not url.startswith("data:")], foreign
