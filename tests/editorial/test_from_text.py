"""'Neue Meldung aus Text': paste or upload, review the parsed fields, save without losing text."""

import datetime
import hashlib
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
            if name == "save_duplicate" or name.startswith("proposed_"):
                continue  # unticked boxes are not sent
            data[f"form-{index}-{name}"] = "" if value is None else value
    return data


def test_pasted_release_is_parsed_shown_beside_the_raw_text_and_saved_as_draft(editor_client):
    response = editor_client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    assert response.status_code == 200
    html = response.rendered_content
    # A long headline wraps in a two-line box instead of scrolling in a short input.
    assert re.search(
        r'<textarea name="form-0-title"[^>]*>\s*Land startet Förderprogramm für digitale Rathäuser</textarea>',
        html,
    )
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
        (
            SimpleUploadedFile("bild.png", b"\x89PNG"),
            "bild.png: Erlaubt sind nur Dateien mit .txt, .eml, .html",
        ),
        (SimpleUploadedFile("leer.txt", b""), "leer.txt: Die Datei ist leer."),
        (
            SimpleUploadedFile("kaputt.txt", b"Titel\n\n\x81\x8d\x8f"),
            "kaputt.txt: Nicht lesbare Zeichen ab Byte 7",
        ),
        (SimpleUploadedFile("bild.txt", b"\x00\x01\x02" * 50), "Das ist keine Textdatei"),
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


def test_pasted_text_survives_a_failed_parse(editor_client):
    text = "...\n\n!!! ???"  # nothing readable (a headline alone is parsed, flagged)
    response = editor_client.post(reverse(URL), {"step": "parse", "text": text})
    html = response.rendered_content
    assert "Kein Titel erkennbar." in html
    assert f"\n{text}</textarea>" in html


def test_too_large_upload_is_refused_and_the_pasted_text_kept(editor_client, settings):
    big = SimpleUploadedFile("gross.txt", b"a" * (5 * 1024 * 1024 + 1))
    response = editor_client.post(
        reverse(URL), {"step": "parse", "text": PRESS_RELEASE, "files": [big]}
    )
    html = response.rendered_content
    assert "gross.txt: Die Datei ist größer als 5 MB" in html
    assert "Land startet Förderprogramm für digitale Rathäuser</textarea>" not in html
    assert "Anträge können bis Ende Juni gestellt werden." in html  # the pasted text, kept
    assert Article.objects.count() == 0


def test_upload_records_the_file_as_it_arrived(editor_client):
    raw = PRESS_RELEASE.replace("\n", "\r\n").encode("cp1252")
    response = editor_client.post(
        reverse(URL), {"step": "parse", "files": [SimpleUploadedFile("tmwwdg.txt", raw)]}
    )
    data = review_data(response)
    data["form-0-raw_text"] = data["form-0-raw_text"].replace("\n", "\r\n")  # as browsers send
    assert editor_client.post(reverse(URL), data).status_code == 302
    document = Document.objects.get()
    assert document.sha256 == hashlib.sha256(raw).hexdigest()
    assert document.encoding == "windows-1252"
    assert document.file_name == "tmwwdg.txt"
    assert "\r" not in document.raw_text and "Rathäuser" in document.raw_text
    assert document.articles.get().source.kind == "ministry"


def test_altered_provenance_is_refused_without_losing_the_corrections(editor_client):
    response = editor_client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    data = review_data(response)
    data["form-0-raw_text"] += "\nEin untergeschobener Satz."
    data["form-0-body"] = "Meine Korrektur des Textes."
    html = editor_client.post(reverse(URL), data).rendered_content
    assert "passen nicht zum Text" in html
    assert "Meine Korrektur des Textes." in html
    assert Article.objects.count() == 0


def test_the_same_document_twice_in_one_upload_is_flagged_not_a_server_error(editor_client):
    files = [SimpleUploadedFile(name, PRESS_RELEASE.encode()) for name in ("a.txt", "b.txt")]
    response = editor_client.post(reverse(URL), {"step": "parse", "files": files})
    response = editor_client.post(reverse(URL), review_data(response))
    assert response.status_code == 200
    assert "steht schon weiter oben" in response.rendered_content
    assert Article.objects.count() == 0  # all or nothing


def test_duplicate_of_an_imported_item_is_flagged_while_reviewing(editor_client, make_article):
    existing = make_article(
        "Land startet Förderprogramm für digitale Rathäuser",
        slug="land-startet-foerderprogramm-fuer-digitale-rathaeuser",
        published_on=datetime.date(2024, 3, 14),
    )
    response = editor_client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    html = response.rendered_content
    assert "Mögliches Duplikat" in html  # before the editor saves anything
    assert reverse("admin:articles_article_change", args=[existing.pk]) in html


def test_saved_items_get_the_importers_slugs_and_german_warnings(editor_client):
    text = PRESS_RELEASE.replace("14.03.2024\n", "")
    response = editor_client.post(reverse(URL), {"step": "parse", "text": text})
    assert "Kein Datum im Text." in response.rendered_content
    data = review_data(response)
    data["form-0-people"] = "Jürgen Weiß | Bürgermeister"
    data["form-0-keywords"] = "Förderung, förderung, Rathäuser"
    editor_client.post(reverse(URL), data)
    article = Article.objects.get()
    assert article.slug == "land-startet-foerderprogramm-fuer-digitale-rathaeuser"
    assert article.published_on is None
    assert article.mentions.get().person.slug == "juergen-weiss"
    assert sorted(article.keywords.names()) == ["Förderung", "Rathäuser"]
    assert article.document.warnings == ["no date in the text"]


def test_review_page_runs_a_bounded_number_of_queries(editor_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        editor_client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})


def test_broken_review_submissions_get_a_message_not_a_server_error(editor_client):
    assert editor_client.post(reverse(URL), {"step": "save"}).status_code == 200
    response = editor_client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    data = review_data(response)
    data["form-0-published_on"] = "31.02.2024"
    data["form-0-links"] = "Broschüre | javascript:alert(1)"
    data.pop("form-0-provenance")
    response = editor_client.post(reverse(URL), data)
    html = response.rendered_content
    assert response.status_code == 200 and "Ein verstecktes Feld" in html
    assert "keine gültige Adresse" in html
    assert Article.objects.count() == 0
