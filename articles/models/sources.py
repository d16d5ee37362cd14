from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone


class SourceManager(models.Manager["Source"]):
    def get_by_natural_key(self, name: str) -> Source:
        return self.get(name=name)


class SourceKind(models.TextChoices):
    PORTAL = "portal", "Nachrichtenportal"
    MINISTRY = "ministry", "Ministerium"
    WIRE = "wire", "Nachrichtenagentur"
    EVENT = "event", "Veranstaltung"
    OTHER = "other", "Sonstige"


class Source(models.Model):
    """Where items come from: a news portal, a ministry, a wire service, an event site."""

    Kind = SourceKind

    name = models.CharField("Name", max_length=200, unique=True)
    slug = models.SlugField("URL-Kürzel", max_length=200, unique=True)
    aliases = ArrayField(
        models.CharField(max_length=200),
        verbose_name="Andere Namen",
        default=list,
        db_default=models.Value([], output_field=ArrayField(models.CharField(max_length=200))),
        blank=True,
        help_text="Other spellings of the name, e.g. the ministry's full name; one per line.",
    )
    kind = models.CharField("Art", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    homepage = models.URLField("Website", blank=True, max_length=500)

    objects = SourceManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "Quelle"
        verbose_name_plural = "Quellen"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=SourceKind.values), name="source_kind_valid"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.name,)


class DocumentManager(models.Manager["Document"]):
    def get_by_natural_key(self, sha256: str) -> Document:
        return self.get(sha256=sha256)


class Document(models.Model):
    """One version of a raw source file, kept so every imported field can be traced back."""

    file_name = models.CharField("Dateiname", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    encoding = models.CharField("Zeichenkodierung", max_length=40)
    raw_text = models.TextField("Rohtext")
    parser = models.CharField("Parser", max_length=80, help_text="name@version")
    warnings = models.JSONField("Warnungen", default=list, blank=True)
    imported_at = models.DateTimeField("Importiert am", default=timezone.now)

    objects = DocumentManager()

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = "Dokument"
        verbose_name_plural = "Dokumente"
        indexes = [models.Index(fields=["file_name"], name="document_file_name_idx")]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.sha256[:12]})"

    def natural_key(self) -> tuple[str]:
        return (self.sha256,)
