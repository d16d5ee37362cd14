"""The first step of "Neue Meldung aus Text": pasted text or files in any form the importer
reads (text, e-mails, saved web pages, feeds, Markdown)."""

from __future__ import annotations

from django import forms

from articles.ingest.decode import MAX_BYTES
from articles.ingest.suffixes import DOCUMENT_SUFFIXES, is_document_name

PASTED_FILE_NAME = "eingefuegter-text.txt"
ACCEPTED = ", ".join(DOCUMENT_SUFFIXES)
# The review form sends every text back with the corrections: keep one round under the
# request size limit (settings.DATA_UPLOAD_MAX_MEMORY_SIZE).
MAX_TOTAL_BYTES = 2 * MAX_BYTES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Accepts several files; SourceTextForm checks each one itself (empty ones included)."""

    def clean(self, data, initial=None):
        return data


class SourceTextForm(forms.Form):
    text = forms.CharField(
        label="Text einfügen",
        required=False,
        strip=False,
        max_length=MAX_BYTES,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
    )
    files = MultipleFileField(
        label=(
            "oder Dateien hochladen: Text, E-Mails (.eml), gespeicherte Webseiten (.html), "
            "Feeds (.xml, .json), Markdown (.md); je höchstens 5 MB"
        ),
        required=False,
        widget=MultipleFileInput(
            attrs={"accept": ",".join((*DOCUMENT_SUFFIXES, "text/plain", "text/html"))}
        ),
    )

    def __init__(self, *args, files_list=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.files_list = files_list or []

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not self.files_list:
            raise forms.ValidationError("Bitte Text einfügen oder mindestens eine Datei hochladen.")
        problems = []
        for upload in self.files_list:
            if not is_document_name(upload.name):
                problems.append(f"{upload.name}: Erlaubt sind nur Dateien mit {ACCEPTED}.")
            elif upload.size > MAX_BYTES:
                problems.append(
                    f"{upload.name}: Die Datei ist größer als 5 MB "
                    f"({upload.size / 1024 / 1024:.1f} MB)."
                )
        total = len(data.get("text", "").encode("utf-8")) + sum(u.size for u in self.files_list)
        if not problems and total > MAX_TOTAL_BYTES:
            problems.append(
                "Zusammen sind die Texte größer als 10 MB; bitte in mehreren Durchgängen einlesen."
            )
        if problems:
            raise forms.ValidationError(problems)
        return data

    def documents(self) -> list[tuple[str, bytes]]:
        """(file name, bytes) for the pasted text and each uploaded file."""
        documents = []
        if self.cleaned_data.get("text", "").strip():
            documents.append((PASTED_FILE_NAME, self.cleaned_data["text"].encode("utf-8")))
        documents += [(upload.name, upload.read()) for upload in self.files_list]
        return documents
