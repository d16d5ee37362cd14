"""The review step of "Neue Meldung aus Text": one form per parsed document, as the editor
corrects it. Everything typed survives a validation error (the bound form is shown again).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms

from articles.editorial import proposals, wording
from articles.editorial.provenance import Provenance, text_hash
from articles.ingest import ParsedItem, ParseError, parse_bytes
from articles.ingest.fixtures import ARTICLE_KINDS, MAX_TAG_LENGTH
from articles.ingest.slugs import slugify
from articles.models import Article, Document
from articles.widgets import IsoDateInput

ROLE_SEPARATOR = "|"


@dataclass
class Duplicates:
    """What the archive holds already: an item with the same title and date, the same file."""

    article: Article | None = None
    document: Document | None = None

    @classmethod
    def find(cls, title: str, date: datetime.date | None, hashes: set[str]) -> Duplicates:
        article = (
            Article.objects.filter(slug=article_slug(title), published_on=date)
            .exclude(kind=Article.Kind.TEASER)
            .first()
            if title
            else None
        )
        document = Document.objects.filter(sha256__in=hashes).first() if hashes else None
        return cls(article, document)

    def document_articles(self) -> list[Article]:
        return list(self.document.articles.all()) if self.document else []


def article_slug(title: str) -> str:
    """The slug the importer gives the same title, so the same item is found either way."""
    return slugify(title)


class DraftForm(forms.Form):
    """One parsed item as the editor corrects it."""

    raw_text = forms.CharField(widget=forms.HiddenInput, strip=False)
    file_name = forms.CharField(widget=forms.HiddenInput, max_length=255)
    provenance = forms.CharField(widget=forms.HiddenInput)
    kicker = forms.CharField(label="Dachzeile", required=False, max_length=200)
    title = forms.CharField(
        label="Titel", max_length=300, widget=forms.Textarea(attrs={"rows": 2, "class": "title"})
    )
    published_on = forms.DateField(label="Datum", required=False, widget=IsoDateInput())
    date_precision = forms.ChoiceField(label="Genauigkeit", choices=Article.DatePrecision.choices)
    date_inferred = forms.BooleanField(
        label="Datum erschlossen (steht nicht vollständig im Text)", required=False
    )
    teaser = forms.CharField(
        label="Vorspann", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    body = forms.CharField(label="Text", required=False, widget=forms.Textarea(attrs={"rows": 12}))
    author = forms.CharField(label="Autor (Kürzel)", required=False, max_length=20)
    category = forms.CharField(label="Rubrik", required=False, max_length=100)
    image_credit = forms.CharField(label="Bildquelle", required=False, max_length=300)
    source = forms.CharField(label="Quelle", required=False, max_length=200)
    original_url = forms.URLField(
        label="Originaladresse", required=False, max_length=1000, assume_scheme="https"
    )
    release_number = forms.CharField(label="Nummer der Mitteilung", required=False, max_length=40)
    kind = forms.ChoiceField(label="Art", choices=Article.Kind.choices)
    keywords = forms.CharField(label="Stichwörter (durch Komma getrennt)", required=False)
    proposed_keywords = forms.MultipleChoiceField(
        label="Stichwörter des Archivs, die im Text vorkommen (zum Übernehmen anhaken)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    people = forms.CharField(
        label=f"Personen (eine je Zeile: Name {ROLE_SEPARATOR} Funktion)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    proposed_people = forms.MultipleChoiceField(
        label="Personen des Archivs, die im Text genannt sind (zum Übernehmen anhaken)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
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

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates = Duplicates()
        self.checked_provenance: Provenance | None = None
        self._offer_proposals()
        teaser = self["teaser"].value() or ""
        self.fields["teaser"].widget.attrs["rows"] = min(12, max(4, len(teaser) // 90 + 2))

    def _offer_proposals(self) -> None:
        """Archive keywords and people the text names, offered as choices (on every round)."""
        text = (self["raw_text"].value() or "")[:200_000]
        keywords = [k.strip() for k in (self["keywords"].value() or "").split(",")]
        people = [
            line.partition(ROLE_SEPARATOR)[0].strip()
            for line in (self["people"].value() or "").splitlines()
        ]
        found = proposals.keywords_in(text, keywords) if text else []
        self.fields["proposed_keywords"].choices = [(name, name) for name in found]
        found = proposals.people_in(text, people) if text else []
        self.fields["proposed_people"].choices = [(name, name) for name in found]
        for name in ("proposed_keywords", "proposed_people"):
            if not self.fields[name].choices:
                self.fields[name].widget = forms.MultipleHiddenInput()

    def visible_fields(self):
        # "Trotzdem speichern" only where the document is in the archive already.
        fields = super().visible_fields()
        if self.duplicates.document is None:
            fields = [field for field in fields if field.name != "save_duplicate"]
        return fields

    @property
    def warnings(self) -> list[str]:
        """The parser's warnings (German), from the signed facts of the parse step."""
        token = self["provenance"].value() or ""
        text = (self["raw_text"].value() or "").replace("\r\n", "\n")
        provenance = Provenance.load(token, text)
        return wording.warnings(provenance.warnings) if provenance else []

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def clean_raw_text(self) -> str:
        # Browsers send line breaks in form fields as CRLF; the parsed text has LF only.
        return self.cleaned_data["raw_text"].replace("\r\n", "\n").replace("\r", "\n")

    def clean_keywords(self) -> list[str]:
        names = [name.strip() for name in self.cleaned_data["keywords"].split(",") if name.strip()]
        too_long = [name for name in names if len(name) > MAX_TAG_LENGTH]
        if too_long:
            raise forms.ValidationError(
                f"Stichwörter dürfen höchstens {MAX_TAG_LENGTH} Zeichen lang sein: "
                f"„{too_long[0][:40]}…“"
            )
        unique: dict[str, str] = {}
        for name in names:
            unique.setdefault(name.lower(), name)
        return list(unique.values())

    def clean_people(self) -> list[tuple[str, str]]:
        people: dict[str, tuple[str, str]] = {}
        for number, line in enumerate(self.cleaned_data["people"].splitlines(), 1):
            if not line.strip():
                continue
            name, _, role = (part.strip() for part in line.partition(ROLE_SEPARATOR))
            if not name or len(name) > 200 or len(role) > 300:
                raise forms.ValidationError(
                    f"Zeile {number}: „Name {ROLE_SEPARATOR} Funktion“ erwartet "
                    "(Name höchstens 200, Funktion höchstens 300 Zeichen)."
                )
            people.setdefault(name, (name, role))
        return list(people.values())

    def clean_links(self) -> list[dict]:
        links = []
        validate = forms.URLField(required=False, max_length=1000, assume_scheme="https").clean
        for number, line in enumerate(self.cleaned_data["links"].splitlines(), 1):
            if not line.strip():
                continue
            label, url, file_format, size = ([p.strip() for p in line.split("|")] + [""] * 4)[:4]
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
        self._take_proposals(data)
        if "raw_text" in data and "provenance" in data:
            self.checked_provenance = Provenance.load(data["provenance"], data["raw_text"])
            if self.checked_provenance is None:
                raise forms.ValidationError(
                    "Die Angaben zur Herkunft des Textes passen nicht zum Text. Bitte lesen Sie "
                    "den Text neu ein."
                )
        if "title" in data and "published_on" in data:
            self.duplicates = Duplicates.find(data["title"], data["published_on"], self.hashes())
            if self.duplicates.article:
                raise forms.ValidationError(
                    "Eine Meldung mit diesem Titel und Datum gibt es schon. Ändern Sie Titel oder "
                    "Datum, oder bearbeiten Sie die vorhandene Meldung."
                )
            if self.duplicates.document and not data.get("save_duplicate"):
                raise forms.ValidationError(
                    "Dieses Dokument ist schon im Archiv. Setzen Sie das Häkchen „Trotzdem "
                    "speichern“, wenn Sie es als weitere Meldung erfassen wollen."
                )
        return data

    def _take_proposals(self, data: dict) -> None:
        """The archive's keywords and people the editor ticked join the typed ones."""
        if "keywords" in data:
            chosen = {name.casefold() for name in data["keywords"]}
            data["keywords"] += [
                name for name in data.get("proposed_keywords", []) if name.casefold() not in chosen
            ]
        if "people" in data:
            named = {name for name, _ in data["people"]}
            data["people"] += [
                (name, "") for name in data.get("proposed_people", []) if name not in named
            ]

    def hashes(self) -> set[str]:
        """The document's hashes: of the bytes as they arrived, and of the text."""
        if self.checked_provenance is None:
            return set()
        return {self.checked_provenance.sha256, self.checked_provenance.text_sha256}


class BaseDraftFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        """Two documents of one upload may not become the same item (or the same document)."""
        seen_items: set[tuple] = set()
        seen_documents: set[str] = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or form.errors:
                continue
            key = (article_slug(data["title"]), data["published_on"])
            if key in seen_items:
                form.add_error(
                    None, "Eine Meldung mit diesem Titel und Datum steht schon weiter oben."
                )
            seen_items.add(key)
            hashes = form.hashes()
            if hashes & seen_documents and not data.get("save_duplicate"):
                form.add_error(
                    None,
                    "Dasselbe Dokument steht schon weiter oben. Setzen Sie das Häkchen "
                    "„Trotzdem speichern“, wenn Sie es zweimal erfassen wollen.",
                )
            seen_documents |= hashes


DraftFormSet = forms.formset_factory(DraftForm, formset=BaseDraftFormSet, extra=0)


def initial_from(item: ParsedItem) -> dict:
    """The review form's starting values: what the parser read."""
    return {
        "raw_text": item.text,
        "file_name": item.file[:255],
        "provenance": Provenance.of(item).sign(),
        "kicker": item.kicker or "",
        "title": item.title or "",
        "published_on": item.date,
        "date_precision": item.date_precision or Article.DatePrecision.DAY,
        "date_inferred": item.date_inferred,
        "teaser": item.teaser or "",
        "body": item.body or "",
        "author": item.author or "",
        "category": item.category or "",
        "image_credit": item.image_credit or "",
        "source": _source_name(item),
        "original_url": item.original_url or "",
        "release_number": item.release_number or "",
        "kind": ARTICLE_KINDS.get(item.source_kind, Article.Kind.NEWS),
        "keywords": ", ".join(item.keywords),
        "people": "\n".join(
            f"{person.name} {ROLE_SEPARATOR} {person.role}".strip(f" {ROLE_SEPARATOR}")
            for person in item.people
        ),
        "links": "\n".join(
            " | ".join(
                [link.label or "", link.url or "", link.format or "", link.size or ""]
            ).rstrip(" |")
            for link in item.links
        ),
        "status": Article.Status.DRAFT,
    }


def _source_name(item: ParsedItem) -> str:
    """The archive's own name of the item's source, when it knows the source already."""
    known = proposals.matching_source(item.source_name or "") or (
        None if item.source_name else proposals.source_named_in(item.text[:5000])
    )
    return known.name if known else item.source_name or ""


def parse_documents(documents: list[tuple[str, bytes]]) -> tuple[list[ParsedItem], list[str]]:
    """Parse each document: the items, and a German message for each one that failed."""
    items, errors = [], []
    for name, data in documents:
        try:
            items.append(parse_bytes(data, name))
        except ParseError as error:
            errors.append(f"{name}: {wording.parse_error(str(error))}")
    return items, errors


def review_formset(items: list[ParsedItem]) -> forms.BaseFormSet:
    """An unbound formset for the parsed items, each form told what the archive holds already."""
    formset = DraftFormSet(initial=[initial_from(item) for item in items])
    for form, item in zip(formset.forms, items, strict=True):
        form.duplicates = Duplicates.find(
            item.title or "", item.date, {item.sha256, text_hash(item.text)}
        )
    return formset
