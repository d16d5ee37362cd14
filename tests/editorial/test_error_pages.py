"""Refused requests get German pages that keep the editor's work within reach."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from django.test.client import BOUNDARY, encode_multipart
from django.urls import reverse

from articles.editorial.upload import MAX_TOTAL_BYTES
from tests.editorial.conftest import PRESS_RELEASE

pytestmark = pytest.mark.django_db
URL = "admin:articles_article_from_text"


def _review_page(editor_client) -> str:
    return editor_client.post(
        reverse(URL), {"step": "parse", "text": PRESS_RELEASE}
    ).content.decode()


def _german_text(size: int) -> str:
    """About `size` bytes of UTF-8 as heavy with umlauts and quotes as German text gets."""
    line = "„Größenänderungsmaßnahmenübersicht“ für Thüringer Ämter, Behörden und Bürger.\r\n"
    return (line * (size // len(line.encode()) + 1)).encode()[:size].decode(errors="ignore")


def test_the_largest_round_of_texts_fits_the_request_limit_as_the_browser_sends_it(
    editor_client,
):
    """A round of MAX_TOTAL_BYTES of text (UTF-8) comes back as raw text and body in one save."""
    page = _review_page(editor_client)
    form = re.search(r'<form method="post"([^>]*)>\s*<input type="hidden" name="csrf', page)
    multipart = form is not None and 'enctype="multipart/form-data"' in form.group(1)
    text = _german_text(MAX_TOTAL_BYTES // 2)
    data = {}
    for index in range(2):
        data |= {f"form-{index}-raw_text": text, f"form-{index}-body": text}
        data |= {f"form-{index}-teaser": text[:2000], f"form-{index}-title": "Titel"}
    size = len(encode_multipart(BOUNDARY, data)) if multipart else len(urlencode(data))
    assert size <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_a_too_large_save_gets_a_german_400_that_points_back_to_the_text(editor_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = editor_client.post(reverse(URL), {"step": "save", "form-0-body": "Ä" * 5000})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Die Anfrage konnte nicht verarbeitet werden" in html
    assert "Ihre Eingaben sind nicht verloren" in html and "Zurück-Taste" in html
    assert '<html lang="de">' in html


def test_a_csrf_failure_gets_a_german_403(editor):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    response = strict.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Das Formular konnte nicht angenommen werden" in html
    assert "Ihre Eingaben sind nicht verloren" in html


def test_a_missing_permission_gets_a_german_403(client, researcher):
    client.force_login(researcher)
    response = client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    assert response.status_code == 403
    assert "Keine Berechtigung" in response.content.decode()
