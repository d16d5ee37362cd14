"""The Article admin: workflow, history, preview, full-text search, paste-and-parse."""

from __future__ import annotations

import re
from datetime import MAXYEAR, MINYEAR

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, F, Func, IntegerField, Q, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from reversion.admin import VersionAdmin

from articles.admin.forms import ArticleAdminForm
from articles.admin.safe_search import clean_term
from articles.editorial import wording
from articles.ingest.confidence import LOW_CONFIDENCE
from articles.models import Article, Link, Mention, TaggedArticle

# What PostgreSQL derives from an item on every write (articles/derived/): not kept in its
# versions, which a revert writes back and the triggers derive again. The two search
# vectors as text were about half of an item's version.
NOT_IN_HISTORY = (
    "search_text",
    "search_parts",
    "search_head_parts",
    "search_vector",
    "search_head",
)


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "position"]
    verbose_name = "Person"
    verbose_name_plural = "Personen (mit Funktion, wie im Text)"


class KeywordInline(admin.TabularInline):
    model = TaggedArticle
    extra = 0
    autocomplete_fields = ["tag"]
    fields = ["tag"]
    verbose_name = "Stichwort"
    verbose_name_plural = "Stichwörter"


class LinkInline(admin.TabularInline):
    model = Link
    extra = 0
    fields = ["position", "label", "url", "format", "size"]


class YearFilter(admin.SimpleListFilter):
    title = "Jahr"
    parameter_name = "jahr"

    def lookups(self, request, model_admin):
        years = (
            Article.objects.filter(published_on__isnull=False)
            .annotate(year=ExtractYear("published_on"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        if not (self.value().isdigit() and MINYEAR <= int(self.value()) <= MAXYEAR):
            return queryset.none()  # ?jahr=0 or ?jahr=99999: no item has that year
        return queryset.filter(published_on__year=int(self.value()))


# An item whose import warnings name a field the parser was unsure of.
UNSURE_PATH = f'$[*] ? (@ like_regex "^({"|".join(LOW_CONFIDENCE)})")'


class NeedsReviewFilter(admin.SimpleListFilter):
    title = "Prüfbedarf"
    parameter_name = "pruefen"

    def lookups(self, request, model_admin):
        return [("ja", "Prüfung nötig")]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(
                Q(status=Article.Status.REVIEW)
                | (Q(document__isnull=False) & ~Q(document__warnings=[]))
            )
        return queryset


class KeywordFilter(admin.SimpleListFilter):
    title = "Stichwort"
    parameter_name = "stichwort"

    def lookups(self, request, model_admin):
        from articles.models import Keyword

        return [(keyword.slug, keyword.name) for keyword in Keyword.objects.order_by("name")[:200]]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        if not re.fullmatch(r"[-\w]+", self.value()):
            return queryset.none()  # not a slug (a NUL character, say): no keyword has it
        return queryset.filter(keywords__slug=self.value())


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
    form = ArticleAdminForm
    list_display = ["published_on", "title", "workflow_status", "kind", "source", "warning_count"]
    list_display_links = ["title"]
    list_filter = ["status", "kind", "source", YearFilter, KeywordFilter, NeedsReviewFilter]
    list_select_related = ["source"]
    search_fields = ["title"]  # replaced by the German full-text search below
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related", "source"]
    raw_id_fields = ["document"]
    readonly_fields = ["provenance", "created", "updated", "version"]
    inlines = [MentionInline, KeywordInline, LinkInline]
    actions = ["submit_for_review", "publish", "withdraw"]
    object_history_template = "admin/articles/article/object_history.html"
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["kicker", "title", "slug", "teaser", "body", "loaded_version"]}),
        ("Datum", {"fields": [("published_on", "date_precision", "date_inferred")]}),
        ("Arbeitsablauf", {"fields": [("status", "publish_at"), "kind"]}),
        (
            "Angaben",
            {
                "fields": [
                    ("author", "category"),
                    "image_credit",
                    ("source", "release_number"),
                    "original_url",
                    "related",
                ]
            },
        ),
        (
            "Herkunft",
            {
                "classes": ["collapse"],
                "fields": ["document", "provenance", ("created", "updated", "version")],
            },
        ),
    ]

    class Media:
        js = ["js/admin_slug.js"]

    def reversion_register(self, model, **kwargs):
        if model is Article:
            kwargs["exclude"] = NOT_IN_HISTORY
        super().reversion_register(model, **kwargs)

    def get_queryset(self, request):
        # The warning count without loading each document's raw text into the list.
        warnings = Func(
            F("document__warnings"), function="jsonb_array_length", output_field=IntegerField()
        )
        unsure = Func(
            F("document__warnings"),
            Value(UNSURE_PATH),
            function="jsonb_path_exists",
            template="%(function)s(%(expressions)s::jsonpath)",
            output_field=BooleanField(),
        )
        queryset = self.model._default_manager.get_queryset().annotate(
            warning_total=warnings, parse_unsure=Coalesce(unsure, Value(False))
        )
        # ModelAdmin.get_queryset, with the ordering applied after the annotations.
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_ordering(self, request):
        """The review list (status review, or "Prüfbedarf") shows unsure parses first."""
        if request.GET.get("pruefen") == "ja" or request.GET.get("status__exact") == "review":
            return ["-parse_unsure", *Article._meta.ordering]
        return super().get_ordering(request)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        current_version = getattr(request, "_article_version_before_revert", None)

        class FormWithUser(form):
            def __init__(self, *args, **inner):
                inner["user"] = request.user
                inner["current_version"] = current_version
                super().__init__(*args, **inner)

        return FormWithUser

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # django-reversion writes the old version into the row before the form runs; the
        # lost-update guard must compare with (and count on from) what was stored before.
        request._article_version_before_revert = (
            Article.objects.filter(pk=unquote(object_id)).values_list("version", flat=True).first()
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def get_search_results(self, request, queryset, search_term):
        """German full-text search (the public search's query language) over the list."""
        search_term = clean_term(search_term)
        if not search_term.strip():
            return queryset, False
        matches = queryset.search(search_term)
        return queryset.filter(
            Q(pk__in=matches.values("pk")) | Q(title__icontains=search_term)
        ), False

    @admin.display(description="Warnungen", ordering="warning_total")
    def warning_count(self, article: Article) -> int | str:
        return "–" if article.warning_total is None else article.warning_total

    @admin.display(description="Status", ordering="status")
    def workflow_status(self, article: Article) -> str:
        scheduled = article.publish_at and article.publish_at > timezone.now()
        if article.status == Article.Status.PUBLISHED and scheduled:
            when = timezone.localtime(article.publish_at).strftime("%d.%m.%Y %H:%M")
            return f"Geplant ab {when}"
        return article.get_status_display()

    @admin.display(description="Dokument")
    def provenance(self, article: Article) -> str:
        if not article.document:
            return "von Hand erfasst"
        document = article.document
        warnings = format_html_join(
            "", "<li>{}</li>", ((text,) for text in wording.warnings(document.warnings))
        )
        return format_html(
            "{} ({}, importiert {}), Parser {}; Hinweise des Importers: {}",
            document.file_name, document.encoding,
            timezone.localtime(document.imported_at).strftime("%d.%m.%Y %H:%M"), document.parser,
            format_html("<ul>{}</ul>", warnings) if warnings else "keine",
        )  # fmt: skip

    # Workflow actions -------------------------------------------------------------------

    @admin.action(description="Zur Prüfung geben", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._set_status(request, queryset, Article.Status.REVIEW, "zur Prüfung gegeben")

    @admin.action(description="Veröffentlichen", permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Article.Status.PUBLISHED, "veröffentlicht")

    @admin.action(description="Zurückziehen (Entwurf)", permissions=["publish"])
    def withdraw(self, request, queryset):
        self._set_status(request, queryset, Article.Status.DRAFT, "zurückgezogen")

    def has_delete_permission(self, request, obj=None) -> bool:
        # Editors withdraw items; deleting (also "delete selected") is for superusers only.
        return request.user.is_superuser

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm("articles.publish_article")

    def _set_status(self, request, queryset, status: str, done: str) -> None:
        import reversion

        count = 0
        for article in queryset.exclude(status=status):
            with reversion.create_revision():
                article.status = status
                article.save()
                reversion.set_user(request.user)
                reversion.set_comment(f"Status: {article.get_status_display()}")
            count += 1
        messages.success(request, f"{count} {'Meldung' if count == 1 else 'Meldungen'} {done}.")

    # Extra pages ------------------------------------------------------------------------

    def get_urls(self):
        from articles.admin.from_text import FromTextView

        urls = [
            path(
                "aus-text/",
                self.admin_site.admin_view(FromTextView.as_view(model_admin=self)),
                name="articles_article_from_text",
            ),
            path(
                "<int:pk>/history/<int:revision_id>/aenderungen/",
                self.admin_site.admin_view(self.changes_view),
                name="articles_article_changes",
            ),
            path(
                "<int:pk>/vorschau/",
                self.admin_site.admin_view(self.preview_view),
                name="articles_article_preview",
            ),
        ]
        return urls + super().get_urls()

    def preview_view(self, request, pk: int):
        """The public page of any item, drafts included, for staff who may view it."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        from articles.views.article import ArticleDetailView

        article = get_object_or_404(Article.objects.select_related("source", "document"), pk=pk)
        view = ArticleDetailView(request=request, kwargs={}, object=article)
        view.object = article
        context = view.get_context_data(object=article)
        context["preview"] = not article.is_public
        return TemplateResponse(request, "articles/article_detail.html", context)

    def changes_view(self, request, pk: int, revision_id: int):
        """What one saved version changed, compared with the version before it."""
        from reversion.models import Version

        from articles.admin.history import compare

        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object_reference(Article, pk).select_related("revision"),
            revision_id=revision_id,
        )
        older, changes = compare(version)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Änderungen an „{version.object_repr}“",
            "object_id": pk,
            "version": version,
            "older": older,
            "changes": changes,
        }
        return TemplateResponse(request, "admin/articles/article/changes.html", context)
