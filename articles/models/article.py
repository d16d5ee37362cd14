from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import ClassVar

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone
from taggit.managers import TaggableManager

from articles.derived import rules
from articles.models.keywords import TaggedArticle
from articles.paths import item_path, slug_path

SEARCH_CONFIG = "german"
# A slash between letters separates words ("CDO/CIO", "Bund/Länder"); PostgreSQL's parser
# would read such a token as a file path.
SLASH_PATTERN, SLASH_REPLACEMENT = r"([[:alnum:]])/(?=[[:alnum:]])", r"\1 "


def _words(column: str) -> models.Func:
    return models.Func(
        models.F(column),
        models.Value(SLASH_PATTERN),
        models.Value(SLASH_REPLACEMENT),
        models.Value("g"),
        function="regexp_replace",
        output_field=models.TextField(),
    )


class ArticleKind(models.TextChoices):
    NEWS = "news", "Meldung"
    REPORT = "report", "Bericht"
    PRESS_RELEASE = "press_release", "Pressemitteilung"
    EVENT = "event", "Veranstaltung"
    TEASER = "teaser", "Nur Anreißer"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Entwurf"
    REVIEW = "review", "In Prüfung"
    PUBLISHED = "published", "Veröffentlicht"


class DatePrecision(models.TextChoices):
    DAY = "day", "Tag"
    MONTH = "month", "Monat"
    YEAR = "year", "Jahr"


# What a list entry shows (articles/templatetags/entries.py: date, kicker, source, title, teaser):
# lists read only these columns, not the text, the search columns or the imported values,
# kilobytes per item that the database would detoast and send for nothing.
LIST_FIELDS = (
    "title",
    "slug",
    "kicker",
    "published_on",
    "date_precision",
    "date_inferred",
    "teaser",
    "kind",
    "source__name",
)
# What a full item page does not show either (the search columns, the import's values).
UNSHOWN_FIELDS = (
    "search_text",
    "search_parts",
    "search_head_parts",
    "search_vector",
    "search_head",
    "imported_values",
)


def list_fields(prefix: str = "") -> list[str]:
    """LIST_FIELDS for a list read through a relation, e.g. prefix "article__"."""
    return [prefix + name for name in LIST_FIELDS]


class ArticleQuerySet(models.QuerySet["Article"]):
    # articles.search reads these models, so they cannot import it (tests/test_imports.py);
    # articles/apps.py hands its matcher over when the app is ready.
    matcher: ClassVar[Callable[[models.QuerySet, str], models.QuerySet] | None] = None

    def search(self, query: str) -> ArticleQuerySet:
        """Items matching a web-search-style German query, unordered (articles.search.matching)."""
        if ArticleQuerySet.matcher is None:
            raise ImproperlyConfigured("Article search is set up when the articles app is ready")
        return ArticleQuerySet.matcher(self, query)

    def published(self) -> ArticleQuerySet:
        """Items the public may see: published, and their publish time (if any) has come."""
        return self.filter(status=Article.Status.PUBLISHED).filter(
            models.Q(publish_at__isnull=True) | models.Q(publish_at__lte=timezone.now())
        )

    def listed(self) -> ArticleQuerySet:
        """Public items that stand in timelines: published and more than a teaser."""
        return self.published().filter(rules.listed_q())

    def as_list_entries(self) -> ArticleQuerySet:
        """Only what a list entry shows (LIST_FIELDS), its source in the same query."""
        return self.select_related("source").only(*LIST_FIELDS)

    def waiting(self) -> ArticleQuerySet:
        """Items that will be listed once their publish time, still ahead, has come."""
        return self.filter(rules.listed_q(), publish_at__gt=timezone.now())


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_by_natural_key(self, slug: str, published_on: str | None) -> Article:
        return self.get(slug=slug, published_on=published_on)


class Article(models.Model):
    """A press item: a news article, a report, a press release, an event or a teaser only."""

    Kind = ArticleKind
    Status = ArticleStatus
    DatePrecision = DatePrecision

    title = models.CharField("Titel", max_length=300)
    slug = models.SlugField("URL-Kürzel", max_length=200, allow_unicode=False)
    kicker = models.CharField("Dachzeile", max_length=200, blank=True)
    published_on = models.DateField("Datum", null=True, blank=True)
    date_precision = models.CharField(
        "Genauigkeit des Datums",
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    date_inferred = models.BooleanField(
        "Datum erschlossen", default=False, help_text="Das Datum steht nicht vollständig im Text."
    )
    teaser = models.TextField("Vorspann", blank=True)
    body = models.TextField("Text", blank=True)
    author = models.CharField("Autor (Kürzel)", max_length=20, blank=True)
    original_url = models.URLField(
        "Originaladresse",
        max_length=1000,
        blank=True,
        db_default="",
        help_text="Where the item was first published (the page the text was copied from).",
    )
    release_number = models.CharField(
        "Nummer der Mitteilung",
        max_length=40,
        blank=True,
        db_default="",
        help_text="As the sender numbers it, e.g. „112/2025“.",
    )
    category = models.CharField("Rubrik", max_length=100, blank=True)
    image_credit = models.CharField("Bildquelle", max_length=300, blank=True)
    kind = models.CharField("Art", max_length=20, choices=Kind.choices, default=Kind.NEWS)
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        "Veröffentlichen ab",
        null=True,
        blank=True,
        help_text="Leer: sofort, sobald der Status „Veröffentlicht“ ist.",
    )
    source = models.ForeignKey(
        "articles.Source",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name="Quelle",
    )
    document = models.ForeignKey(
        "articles.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name="Dokument",
    )
    import_ref = models.CharField(
        "Import-Referenz",
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Stable key of the imported document this item came from.",
    )
    imported_values = models.JSONField(
        "Importierte Werte",
        default=dict,
        blank=True,
        editable=False,
        help_text="Field values as last imported, to tell editors' changes from the import's.",
    )
    keywords = TaggableManager("Stichwörter", through=TaggedArticle, blank=True)
    people = models.ManyToManyField(
        "articles.Person", through="articles.Mention", related_name="articles", blank=True
    )
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="related_from",
        verbose_name="Verwandte Meldungen",
    )
    # Kept by articles/derived/ (database triggers; the item writer fills it before inserting).
    search_text = models.TextField(
        "Suchtext", blank=True, editable=False, help_text="Keyword and person names."
    )
    search_parts = models.TextField(
        "Wortteile",
        blank=True,
        editable=False,
        help_text="Compound parts of the item's words; set by a database trigger from the lexicon.",
    )
    search_head_parts = models.TextField(
        "Wortteile (Kopf)",
        blank=True,
        editable=False,
        help_text="Compound parts of the title, kicker, keyword and person names.",
    )
    # Whole words: title A, kicker and keyword/person names B, teaser and text C; compound
    # parts D (so whole words rank above parts). search_head holds only the short fields:
    # its matches are ranked over the whole archive (articles/search.py).
    search_vector = models.GeneratedField(
        expression=(
            SearchVector(_words("title"), weight="A", config=SEARCH_CONFIG)
            + SearchVector(
                _words("kicker"), _words("search_text"), weight="B", config=SEARCH_CONFIG
            )
            + SearchVector(_words("teaser"), _words("body"), weight="C", config=SEARCH_CONFIG)
            + SearchVector("search_parts", weight="D", config=SEARCH_CONFIG)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    search_head = models.GeneratedField(
        expression=(
            SearchVector(_words("title"), weight="A", config=SEARCH_CONFIG)
            + SearchVector(
                _words("kicker"), _words("search_text"), weight="B", config=SEARCH_CONFIG
            )
            + SearchVector("search_head_parts", weight="D", config=SEARCH_CONFIG)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    version = models.PositiveIntegerField(
        "Bearbeitungsstand", default=1, editable=False, help_text="Raised by every save."
    )
    created = models.DateTimeField("Angelegt", auto_now_add=True, db_default=Now())
    updated = models.DateTimeField("Geändert", auto_now=True, db_default=Now())

    objects = ArticleManager()

    class Meta:
        # Undated items last: PostgreSQL sorts NULL first in descending order otherwise.
        ordering = [models.F("published_on").desc(nulls_last=True), models.F("id").desc()]
        get_latest_by = "published_on"
        permissions = [("publish_article", "Kann Meldungen veröffentlichen")]
        verbose_name = "Meldung"
        verbose_name_plural = "Meldungen"
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "published_on"],
                nulls_distinct=False,
                name="article_unique_slug_per_date",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ArticleKind.values), name="article_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ArticleStatus.values),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(date_precision__in=DatePrecision.values),
                name="article_date_precision_valid",
            ),
            models.CheckConstraint(condition=~models.Q(title=""), name="article_title_not_empty"),
            models.CheckConstraint(condition=~models.Q(slug=""), name="article_slug_not_empty"),
        ]
        indexes = [
            models.Index(
                models.F("published_on").desc(nulls_last=True),
                models.F("id").desc(),
                name="article_date_idx",
            ),
            models.Index(fields=["status", "-published_on"], name="article_status_date_idx"),
            GinIndex(fields=["search_vector"], name="article_search_vector_gin"),
            GinIndex(fields=["search_head"], name="article_search_head_gin"),
            # "Is this item listed, and when": answered from the index for each of the thousands
            # of items a person or keyword names (articles/offices.py), without reading rows.
            models.Index(
                fields=["id"],
                include=["published_on", "status", "kind", "publish_at"],
                name="article_listing_idx",
            ),
            # Scheduled items: few, and read on every count (articles/derived/counts.py).
            models.Index(
                fields=["publish_at"],
                name="article_scheduled_idx",
                condition=models.Q(publish_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str, str | None]:
        return (self.slug, self.published_on.isoformat() if self.published_on else None)

    def get_absolute_url(self) -> str:
        if self.published_on is None:
            return slug_path("articles:article_undated", self.slug)
        return item_path(self.published_on, self.slug)

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )

    def date_display(self) -> str:
        """The date as honestly as the text gives it: "20.12.2016", "Dezember 2025", "2018"."""
        if self.published_on is None:
            return "ohne Datum"
        return format_precise_date(self.published_on, self.date_precision)

    def save(self, *args, **kwargs) -> None:
        # A plain number (not an F() expression): what is saved is also what history records.
        if self.pk is not None:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)


MONTHS_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def format_precise_date(value: datetime.date, precision: str) -> str:
    if precision == Article.DatePrecision.YEAR:
        return str(value.year)
    if precision == Article.DatePrecision.MONTH:
        return f"{MONTHS_DE[value.month - 1]} {value.year}"
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def iso_precise(article: Article) -> str:
    """The item's date in ISO 8601 at the precision the text gives: 2025-12-16, 2025-12, 2025."""
    day = article.published_on
    if day is None:
        return ""
    if article.date_precision == Article.DatePrecision.YEAR:
        return f"{day.year:04d}"
    if article.date_precision == Article.DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()
