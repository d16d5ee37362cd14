"""'Neue Meldung aus Text' and `import_documents` take every form a newsroom receives: raw
e-mails (.eml), feeds (.xml, .json), Markdown (.md), saved pages; bad bytes in any of them give
a clear message, never an error page. The documents are invented."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Document

pytestmark = pytest.mark.django_db
URL = "admin:articles_article_from_text"
TEXT = "Bauanträge lassen sich im Landkreis Beispielkreis ab Montag vollständig online stellen."

EML = (
    "Received: from mx.example.org\nMessage-ID: <1@example.org>\n"
    "Date: Mon, 3 Mar 2025 09:00:00 +0100\nFrom: Landratsamt <presse@example.org>\n"
    "Subject: =?UTF-8?Q?Portal_f=C3=BCr_Bauantr=C3=A4ge?=\nMIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=utf-8\n\n" + TEXT + "\n"
)
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Landkreis</title><item>'
    "<title>Portal für Bauanträge</title><pubDate>Mon, 03 Mar 2025 09:00:00 +0100</pubDate>"
    f"<description>{TEXT}</description></item></channel></rss>"
)
JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Landkreis",
        "items": [{"id": "1", "title": "Portal für Bauanträge", "content_text": TEXT}],
    }
)
MARKDOWN = f"# Portal für Bauanträge\n\n*3. März 2025*\n\n{TEXT}\n"
FORMS = {"mail.eml": EML, "feed.xml": RSS, "feed.json": JSON_FEED, "meldung.md": MARKDOWN}


def test_every_form_uploads_and_is_read(editor_client):
    files = [SimpleUploadedFile(name, text.encode()) for name, text in FORMS.items()]
    response = editor_client.post(reverse(URL), {"step": "parse", "files": files})
    assert response.status_code == 200
    titles = [form["title"].value() for form in response.context_data["formset"].forms]
    assert titles == ["Portal für Bauanträge"] * 4


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("mail.eml", b"\x00\x01\x02" * 50), "Das ist keine Textdatei"),
        (SimpleUploadedFile("feed.xml", b"<rss>\x81\x8d\x8f</rss>"), "Nicht lesbare Zeichen"),
        (SimpleUploadedFile("bild.pdf", b"%PDF-1.7"), "bild.pdf: Erlaubt sind nur Dateien mit"),
    ],
)
def test_bad_bytes_in_any_form_get_a_clear_message(editor_client, upload, message):
    response = editor_client.post(reverse(URL), {"step": "parse", "files": [upload]}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_folder_imports_its_documents_of_every_form_but_not_its_notes(tmp_path):
    folder = tmp_path / "eingang"
    folder.mkdir()
    for name, text in FORMS.items():
        (folder / name).write_text(text.replace("Bauanträge", f"Bauanträge ({name})"))
    (folder / "README.md").write_text("# Notizen zum Ordner\n\nNur für uns.\n")
    (folder / "erwartet.json").write_text('{"title": "Keine Meldung"}')
    out, err = io.StringIO(), io.StringIO()
    call_command("import_documents", str(folder), stdout=out, stderr=err)
    assert sorted(Document.objects.values_list("file_name", flat=True)) == sorted(FORMS)
    assert "failed" not in err.getvalue()
