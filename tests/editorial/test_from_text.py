"""'Neue Meldung aus Text': paste or upload, review the parsed fields, save without losing text."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Document, Mention
from tests.editorial.conftest import PRESS_RELEASE

pytestmark = pytest.mark.django_db
URL = "admin:articles_article_from_text"


def review_data(response) -> dict:
    """The review formset as the browser would send it back."""
    formset = response.context_data["formset"]
    data = {"step": "save", **{f"form-{k}": v for k, v in formset.management_form.initial.items()}}
    for index, form in enumerate(formset.forms):
        for name in form.fields:
            value = form.initial.get(name, "")
            if name == "published_on" and value:
                value = value.isoformat()
            if name == "save_duplicate":
                continue
            data[f"form-{index}-{name}"] = "" if value is None else value
    return data


def test_pasted_release_is_parsed_shown_beside_the_raw_text_and_saved_as_draft(editor_client):
    response = editor_client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    assert response.status_code == 200
    html = response.rendered_content
    assert 'value="Land startet Förderprogramm für digitale Rathäuser"' in html
    assert "Heike Taubert | Finanzministerin" in html
    assert "<pre>Thüringer Finanzministerium" in html  # the raw text beside the fields
    assert re.search(r'<input type="date" name="form-0-published_on" value="2024-03-14"', html)
    data = review_data(response)
    data["form-0-title"] = "Land fördert digitale Rathäuser"  # the editor fixes a field
    response = editor_client.post(reverse(URL), data)
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.title == "Land fördert digitale Rathäuser"
    assert article.status == Article.Status.DRAFT
    assert article.published_on.isoformat() == "2024-03-14"
    assert article.source.name == "Thüringer Finanzministerium"
    assert article.document.raw_text.startswith("Thüringer Finanzministerium")
    assert Mention.objects.get(article=article).role == "Finanzministerin"
    assert Article.objects.search("Taubert Rathaus").get() == article


def test_uploaded_files_each_become_a_form(editor_client):
    files = [
        SimpleUploadedFile("eins.txt", PRESS_RELEASE.encode("cp1252")),
        SimpleUploadedFile("zwei.txt", PRESS_RELEASE.replace("14.03.2024", "15.03.2024").encode()),
    ]
    response = editor_client.post(reverse(URL), {"step": "parse", "files": files})
    assert len(response.context_data["formset"].forms) == 2
    response = editor_client.post(reverse(URL), review_data(response))
    assert response.status_code == 302
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("bild.png", b"\x89PNG"), "nur .txt-Dateien"),
        (SimpleUploadedFile("leer.txt", b""), "empty file"),
        (SimpleUploadedFile("kaputt.txt", b"Titel\n\n\x81\x8d\x8f"), "undecodable"),
    ],
)
def test_bad_uploads_get_a_clear_message(editor_client, upload, message):
    response = editor_client.post(reverse(URL), {"step": "parse", "files": [upload]}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Article.objects.count() == 0


def test_empty_submission_asks_for_text(editor_client):
    response = editor_client.post(reverse(URL), {"step": "parse", "text": "  "})
    assert "Bitte Text einfügen" in response.rendered_content


def test_validation_error_keeps_every_typed_field(editor_client):
    response = editor_client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    data = review_data(response)
    data["form-0-title"] = ""
    data["form-0-body"] = "Mein eigener, neu geschriebener Text."
    data["form-0-keywords"] = "x" * 101
    response = editor_client.post(reverse(URL), data)
    assert response.status_code == 200
    html = response.rendered_content
    assert "Mein eigener, neu geschriebener Text." in html
    assert "höchstens 100 Zeichen" in html
    assert Article.objects.count() == 0


def test_duplicates_are_flagged_with_a_link_before_saving(editor_client):
    first = editor_client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    editor_client.post(reverse(URL), review_data(first))
    existing = Article.objects.get()
    again = editor_client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    response = editor_client.post(reverse(URL), review_data(again))
    html = response.rendered_content
    assert "gibt es schon" in html
    assert reverse("admin:articles_article_change", args=[existing.pk]) in html
    data = review_data(again)
    data["form-0-title"] = "Ein anderer Titel"
    html = editor_client.post(reverse(URL), data).rendered_content
    assert "schon im Archiv" in html  # the same document hash
    data["form-0-save_duplicate"] = "on"
    assert editor_client.post(reverse(URL), data).status_code == 302
    assert Article.objects.count() == 2 and Document.objects.count() == 1


def test_csrf_is_enforced(client, editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    response = strict.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    assert response.status_code == 403
    assert re.search("CSRF", response.content.decode())
