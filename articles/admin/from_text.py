"""Admin page "Neue Meldung aus Text": paste or upload, check the parsed fields, save."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View

from articles.editorial import DraftForm, SourceTextForm, parse_documents, save_draft

DraftFormSet = forms.formset_factory(DraftForm, extra=0)


class FromTextView(View):
    model_admin = None
    template_name = "admin/articles/article/from_text.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, **context):
        admin_site = self.model_admin.admin_site
        context = {
            **admin_site.each_context(request),
            "opts": self.model_admin.model._meta,
            "title": "Neue Meldung aus Text",
            **context,
        }
        return TemplateResponse(request, self.template_name, context)

    def get(self, request):
        return self.render(request, source_form=SourceTextForm())

    def post(self, request):
        if request.POST.get("step") == "save":
            return self.save(request)
        source_form = SourceTextForm(
            request.POST, request.FILES, files_list=request.FILES.getlist("files")
        )
        if not source_form.is_valid():
            return self.render(request, source_form=source_form)
        parsed, errors = parse_documents(source_form.documents())
        for error in errors:
            messages.error(request, f"Nicht lesbar: {error}")
        if not parsed:
            return self.render(request, source_form=source_form)
        formset = DraftFormSet(initial=[initial for initial, _ in parsed])
        for form, (_, item) in zip(formset.forms, parsed, strict=True):
            form.warnings = item.warnings
        return self.render(request, formset=formset)

    def save(self, request):
        formset = DraftFormSet(request.POST)
        if not formset.is_valid():
            # Everything the editor typed is in the bound formset and is shown again.
            return self.render(request, formset=formset)
        saved = [save_draft(form.cleaned_data, request.user) for form in formset.forms]
        for article in saved:
            url = reverse("admin:articles_article_change", args=[article.pk])
            messages.success(
                request, f"Gespeichert als {article.get_status_display()}: {article.title}"
            )
        if len(saved) == 1:
            return redirect(url)
        return redirect(reverse("admin:articles_article_changelist"))
