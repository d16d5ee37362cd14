"""Admin page "Neue Meldung aus Text": paste or upload, check the parsed fields, save."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View

from articles.editorial import (
    DraftFormSet,
    SourceTextForm,
    parse_documents,
    review_formset,
    save_drafts,
)
from articles.editorial.upload import MAX_TOTAL_BYTES

MAX_FILES = 20


class FromTextView(View):
    model_admin = None
    template_name = "admin/articles/article/from_text.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, **context) -> TemplateResponse:
        admin_site = self.model_admin.admin_site
        context = {
            **admin_site.each_context(request),
            "opts": self.model_admin.model._meta,
            "title": "Neue Meldung aus Text",
            "max_files": MAX_FILES,
            **context,
        }
        return TemplateResponse(request, self.template_name, context)

    def get(self, request):
        return self.render(request, source_form=SourceTextForm())

    def post(self, request):
        if request.POST.get("step") == "save":
            return self.save(request)
        files = request.FILES.getlist("files")
        source_form = SourceTextForm(request.POST, request.FILES, files_list=files[:MAX_FILES])
        if len(files) > MAX_FILES:
            messages.warning(
                request, f"Nur die ersten {MAX_FILES} Dateien wurden gelesen; bitte den Rest "
                "in einem zweiten Durchgang hochladen."
            )  # fmt: skip
        if not source_form.is_valid():
            return self.render(request, source_form=source_form)
        items, errors = parse_documents(source_form.documents())
        for error in errors:
            messages.error(request, f"Nicht lesbar: {error}")
        if sum(len(item.text.encode("utf-8")) for item in items) > MAX_TOTAL_BYTES:
            # Windows-1252 files grow when decoded; the save sends the decoded text back, and
            # one round must stay under the request limit (settings.DATA_UPLOAD_MAX_MEMORY_SIZE).
            messages.error(
                request,
                "Zusammen sind die Texte (als UTF-8) größer als 10 MB; bitte in mehreren "
                "Durchgängen einlesen.",
            )
            return self.render(request, source_form=source_form)
        if not items:
            # The pasted text stays in the form, so nothing typed is lost.
            return self.render(request, source_form=source_form)
        return self.render(request, formset=review_formset(items))

    def save(self, request):
        formset = DraftFormSet(request.POST)
        if not formset.is_valid():
            # Everything the editor typed is in the bound formset and is shown again.
            return self.render(request, formset=formset)
        try:
            saved = save_drafts(formset.forms, request.user)
        except DatabaseError:
            # Someone saved the same item a moment ago, or the database refused a value:
            # nothing was saved, and the editor's corrections are shown again.
            messages.error(
                request,
                "Die Meldungen konnten nicht gespeichert werden (die Datenbank hat sie abgelehnt, "
                "vielleicht wurde dieselbe Meldung gerade gespeichert). Ihre Eingaben sind "
                "erhalten; bitte erneut speichern.",
            )
            return self.render(request, formset=formset)
        for article in saved:
            messages.success(
                request, f"Gespeichert als {article.get_status_display()}: {article.title}"
            )
            for typed, existing in getattr(article, "merged_names", []):
                messages.info(
                    request,
                    f"„{typed}“ ist eine andere Schreibweise von „{existing}“ und wurde dort "
                    "zugeordnet.",
                )
        if len(saved) == 1:
            return redirect(reverse("admin:articles_article_change", args=[saved[0].pk]))
        return redirect(reverse("admin:articles_article_changelist"))
