"""Turn pasted or uploaded press releases into draft articles: parse, review, save.

Django-side, but free of the admin: the admin page "Neue Meldung aus Text" uses it.
"""

from __future__ import annotations

import hashlib

import reversion
from django import forms
from django.db import transaction
from django.utils.text import slugify

from articles.ingest import ParsedItem, ParseError, parse_bytes
from articles.ingest.decode import MAX_BYTES
from articles.models import Article, Document, Keyword, Link, Mention, Person, Source
from articles.widgets import IsoDateInput

ROLE_SEPARATOR = "|"


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
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
    )
    files = MultipleFileField(
        label="oder .txt-Dateien hochladen",
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".txt,text/plain"}),
    )

    def __init__(self, *args, files_list=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.files_list = files_list or []

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not self.files_list:
            raise forms.ValidationError(
                "Bitte Text einfügen oder mindestens eine .txt-Datei hochladen."
            )
        for upload in self.files_list:
            if not upload.name.lower().endswith(".txt"):
                raise forms.ValidationError(f"{upload.name}: nur .txt-Dateien sind erlaubt.")
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(f"{upload.name}: Datei ist größer als 5 MB.")
        return data

    def documents(self) -> list[tuple[str, bytes]]:
        documents = []
        if self.cleaned_data.get("text", "").strip():
            documents.append(("eingefuegter-text.txt", self.cleaned_data["text"].encode("utf-8")))
        documents += [(upload.name, upload.read()) for upload in self.files_list]
        return documents


class DraftForm(forms.Form):
    """One parsed item as the editor corrects it; every value stays as typed on errors."""

    raw_text = forms.CharField(widget=forms.HiddenInput)
    file_name = forms.CharField(widget=forms.HiddenInput)
    kicker = forms.CharField(label="Dachzeile", required=False, max_length=200)
    title = forms.CharField(label="Titel", max_length=300)
    published_on = forms.DateField(label="Datum", required=False, widget=IsoDateInput())
    date_precision = forms.ChoiceField(label="Genauigkeit", choices=Article.DatePrecision.choices)
    teaser = forms.CharField(
        label="Vorspann", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    body = forms.CharField(label="Text", required=False, widget=forms.Textarea(attrs={"rows": 12}))
    author = forms.CharField(label="Kürzel", required=False, max_length=20)
    category = forms.CharField(label="Rubrik", required=False, max_length=100)
    image_credit = forms.CharField(label="Bildquelle", required=False, max_length=300)
    source = forms.CharField(label="Quelle", required=False, max_length=200)
    kind = forms.ChoiceField(label="Art", choices=Article.Kind.choices)
    keywords = forms.CharField(label="Stichwörter (durch Komma getrennt)", required=False)
    people = forms.CharField(
        label=f"Personen (eine je Zeile: Name {ROLE_SEPARATOR} Funktion)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    links = forms.CharField(
        label="Links (einer je Zeile: Beschriftung | Adresse | Format | Größe)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    status = forms.ChoiceField(
        label="Speichern als",
        choices=[(Article.Status.DRAFT, "Entwurf"), (Article.Status.REVIEW, "Zur Prüfung")],
    )
    save_duplicate = forms.BooleanField(
        label="Trotzdem speichern, obwohl das Dokument schon im Archiv ist", required=False
    )

    def clean_keywords(self) -> list[str]:
        names = [name.strip() for name in self.cleaned_data["keywords"].split(",") if name.strip()]
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise forms.ValidationError(
                f"Stichwörter dürfen höchstens 100 Zeichen lang sein: {too_long[0][:40]}…"
            )
        return list(dict.fromkeys(names))

    def clean_people(self) -> list[tuple[str, str]]:
        people = []
        for number, line in enumerate(self.cleaned_data["people"].splitlines(), 1):
            if not line.strip():
                continue
            name, _, role = (part.strip() for part in line.partition(ROLE_SEPARATOR))
            if not name or len(name) > 200 or len(role) > 300:
                raise forms.ValidationError(
                    f"Zeile {number}: „Name {ROLE_SEPARATOR} Funktion“ erwartet."
                )
            people.append((name, role))
        return people

    def clean_links(self) -> list[dict]:
        links = []
        validate = forms.URLField(required=False, max_length=1000, assume_scheme="https").clean
        for number, line in enumerate(self.cleaned_data["links"].splitlines(), 1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")] + ["", "", "", ""]
            label, url, file_format, size = parts[:4]
            try:
                url = validate(url)
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"Zeile {number}: „{url[:60]}“ ist keine gültige Adresse."
                ) from None
            if not (label or url):
                raise forms.ValidationError(f"Zeile {number}: Beschriftung oder Adresse fehlt.")
            links.append(
                {"label": label[:500], "url": url, "format": file_format[:20], "size": size[:30]}
            )
        return links

    def clean(self):
        data = super().clean()
        if data.get("title"):
            slug = slugify(data["title"])[:200] or "meldung"
            clash = Article.objects.filter(slug=slug, published_on=data.get("published_on")).first()
            if clash and clash.kind != Article.Kind.TEASER:
                self.duplicate_of = clash
                raise forms.ValidationError(
                    "Eine Meldung mit diesem Titel und Datum gibt es schon. Ändern Sie Titel oder "
                    "Datum, oder bearbeiten Sie die vorhandene Meldung."
                )
        sha = hashlib.sha256(data.get("raw_text", "").encode("utf-8")).hexdigest()
        existing = Document.objects.filter(sha256=sha).first()
        if existing and not data.get("save_duplicate"):
            self.duplicate_document = existing
            raise forms.ValidationError(
                "Dieses Dokument ist schon im Archiv. Setzen Sie das Häkchen „Trotzdem speichern“, "
                "wenn Sie es als weitere Meldung erfassen wollen."
            )
        return data


def initial_from(item: ParsedItem, raw: bytes) -> dict:
    return {
        "raw_text": item.text,
        "file_name": item.file,
        "kicker": item.kicker or "",
        "title": item.title or "",
        "published_on": item.date,
        "date_precision": item.date_precision or Article.DatePrecision.DAY,
        "teaser": item.teaser or "",
        "body": item.body or "",
        "author": item.author or "",
        "category": item.category or "",
        "image_credit": item.image_credit or "",
        "source": item.source_name or "",
        "kind": {"ministry": "press_release", "event": "event"}.get(item.source_kind, "news"),
        "keywords": ", ".join(item.keywords),
        "people": "\n".join(f"{p.name} {ROLE_SEPARATOR} {p.role}".strip() for p in item.people),
        "links": "\n".join(
            " | ".join(
                [link.label or "", link.url or "", link.format or "", link.size or ""]
            ).rstrip(" |")
            for link in item.links
        ),
        "status": Article.Status.DRAFT,
    }


def parse_documents(
    documents: list[tuple[str, bytes]],
) -> tuple[list[tuple[dict, ParsedItem]], list[str]]:
    """Parse each document; (initial form data, item) for the good ones, a message per bad one."""
    parsed, errors = [], []
    for name, data in documents:
        try:
            item = parse_bytes(data, name)
        except ParseError as error:
            errors.append(f"{name}: {error}")
            continue
        parsed.append((initial_from(item, data), item))
    return parsed, errors


@transaction.atomic
def save_draft(data: dict, user) -> Article:
    """One corrected item → Article, Document, people, keywords and links, all or nothing."""
    raw = data["raw_text"]
    try:
        item = parse_bytes(raw.encode("utf-8"), data["file_name"])
        parser, warnings, encoding = item.parser, item.warnings, item.encoding
    except ParseError as error:
        parser, warnings, encoding = "none", [str(error)], "utf-8"
    sha = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    document = Document.objects.filter(sha256=sha).first() or Document.objects.create(
        file_name=data["file_name"][:255], sha256=sha, encoding=encoding, raw_text=raw,
        parser=parser, warnings=warnings,
    )  # fmt: skip
    source = None
    if data.get("source"):
        source, _ = Source.objects.get_or_create(
            name=data["source"], defaults={"slug": slugify(data["source"])[:200] or "quelle"}
        )
    slug = slugify(data["title"])[:200] or "meldung"
    with reversion.create_revision():
        article = Article.objects.filter(
            slug=slug, published_on=data["published_on"], kind=Article.Kind.TEASER
        ).first() or Article(slug=slug, published_on=data["published_on"])
        for field in ["kicker", "title", "date_precision", "teaser", "body", "author",
                      "category", "image_credit", "kind", "status"]:  # fmt: skip
            setattr(article, field, data[field])
        article.source, article.document = source, document
        article.save()
        for position, (name, role) in enumerate(data["people"]):
            person = Person.objects.filter(name=name).first() or Person.objects.create(
                name=name, slug=_unique_slug(Person, name)
            )
            Mention.objects.update_or_create(
                article=article, person=person, defaults={"role": role, "position": position}
            )
        for name in data["keywords"]:
            keyword = Keyword.objects.filter(name__iexact=name).first() or Keyword.objects.create(
                name=name, slug=_unique_slug(Keyword, name)
            )
            article.keywords.add(keyword)
        for position, link in enumerate(data["links"]):
            Link.objects.create(article=article, position=position, **link)
        reversion.set_user(user)
        reversion.set_comment("Aus Text angelegt")
    Article.objects.filter(pk=article.pk).refresh_search_text()
    return article


def _unique_slug(model, name: str) -> str:
    base = slugify(name)[:190] or "eintrag"
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
