"""A query pasted into a search box never meets the server's request-line limit."""

from __future__ import annotations

import re
from urllib.parse import quote_plus

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# gunicorn's default limit_request_line: longer request lines get its own error page.
REQUEST_LINE_LIMIT = 4094
# The longest percent-encoding of one UTF-16 unit a maxlength counts: "€" → %E2%82%AC.
WORST_BYTES_PER_UNIT = 9


def _search_boxes(html: str) -> list[str]:
    return re.findall(r'<input[^>]*name="q"[^>]*>', html)


@pytest.mark.parametrize("url", ["/", "/suche/?q=Thüringen", "/stichwoerter/"])
def test_every_search_box_keeps_the_request_line_under_the_server_limit(client, url):
    boxes = _search_boxes(client.get(url).text)
    assert boxes
    for box in boxes:
        found = re.search(r'maxlength="(\d+)"', box)
        assert found, box
        worst = "€" * int(found.group(1))
        filters = "&sortierung=datum&jahr=2018&stichwort=" + "x" * 100 + "&person=" + "y" * 100
        line = f"GET {reverse('articles:search')}?q={quote_plus(worst)}{filters} HTTP/1.1"
        assert len(line.encode()) < REQUEST_LINE_LIMIT


def test_a_full_search_box_is_cut_with_a_notice(client, make_article):
    make_article("Breitband in Thüringen")
    html = client.get("/").text
    length = int(re.search(r'maxlength="(\d+)"', _search_boxes(html)[0]).group(1))
    response = client.get(reverse("articles:search"), {"q": "Breitband " * (length // 10)})
    assert response.status_code == 200
    assert "wurde auf 200 Zeichen gekürzt" in response.text
