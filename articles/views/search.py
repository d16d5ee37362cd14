"""Search results at /suche/?q=… and, for staff, the export of a whole result set."""

from __future__ import annotations

import csv
import json

from django import forms
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Paginator
from django.db.models import OuterRef, QuerySet
from django.http import StreamingHttpResponse
from django.views import View
from django.views.generic import TemplateView

from articles import params, search
from articles.cache import cached, request_parts
from articles.models import Article, Mention, TaggedArticle
from articles.suggest import suggest
from articles.views.addresses import CanonicalQuery
from articles.widgets import IsoDateInput

PAGE_SIZE = 20
STAFF_PERMISSION = "articles.view_article"


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=False)
    sortierung = forms.ChoiceField(
        required=False, choices=[("relevanz", "Relevanz"), ("datum", "Datum")], label="Sortierung"
    )
    jahr = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    stichwort = forms.SlugField(required=False)
    person = forms.SlugField(required=False)
    quelle = forms.SlugField(required=False)
    art = forms.ChoiceField(required=False, choices=params.kind_choices())
    status = forms.ChoiceField(required=False, choices=params.status_choices())
    von = forms.DateField(required=False, label="Von", widget=IsoDateInput())
    bis = forms.DateField(required=False, label="Bis", widget=IsoDateInput())

    def valid_data(self) -> dict:
        """The valid parameters in the URL's words (art=pressemitteilung)."""
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}


def stored_values(data: dict) -> dict:
    """The form's data with kind and status as the database stores them."""
    return {
        key: params.stored_value(key, value) if key in params.WORDS else value
        for key, value in data.items()
    }


def facets_in_url_words(facets: dict) -> dict:
    """The facets with each kind as its URL word (art=pressemitteilung), a copy."""
    return {
        **facets,
        params.KIND: [
            {**row, "value": params.url_word(params.KIND, row["value"])}
            for row in facets.get(params.KIND, [])
        ],
    }


def is_staff_searcher(user) -> bool:
    return user.is_authenticated and user.is_staff and user.has_perm(STAFF_PERMISSION)


def filtered(base: QuerySet, data: dict, staff: bool) -> QuerySet:
    """Apply the narrowing filters of the URL (facets, date range, status for staff)."""
    if not staff:
        data = {key: value for key, value in data.items() if key != params.STATUS}
    return search.narrowed(base, stored_values(data))


def base_queryset(staff: bool) -> QuerySet:
    """Staff search everything; the public every published item, teaser stubs included
    (they have public pages; results label them "Nur Anreißer" and rank them last)."""
    return Article.objects.all() if staff else Article.objects.published()


class SearchView(CanonicalQuery, TemplateView):
    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        data = form.valid_data()
        staff = is_staff_searcher(self.request.user)
        parsed = search.parse(self.request.GET.get("q", ""))
        context.update(form=form, query=parsed.text, notices=parsed.notices, staff=staff, data=data,
                       also=parsed.also)  # fmt: skip
        if not parsed:
            return context
        queryset = filtered(base_queryset(staff), data, staff)
        by_date = data.get(params.SORT) == "datum"
        results = cached(
            "search-results",
            (request_parts(self.request, ignore=params.PAGING), staff),
            lambda: search.run(queryset, parsed, by_date),
        )
        paginator = Paginator(results.ids, PAGE_SIZE)
        page = paginator.page(self.page_number(paginator.num_pages))
        context.update(
            total=results.total,
            capped=results.capped,
            page_obj=page,
            results=search.with_snippets(queryset, list(page.object_list), parsed),
            facets=facets_in_url_words(results.facets),
            suggestion=suggest(parsed.terms) if not results.ids else None,
        )
        return context


class SearchExportView(CanonicalQuery, PermissionRequiredMixin, View):
    """The whole result set as CSV or JSON, for staff with the permission."""

    permission_required = STAFF_PERMISSION
    raise_exception = True
    fields = [
        "id",
        "published_on",
        "title",
        "kicker",
        "status",
        "kind",
        "source",
        "keywords",
        "people",
        "url",
    ]

    def get(self, request, fmt: str):
        form = SearchForm(request.GET)
        data = form.valid_data()
        parsed = search.parse(request.GET.get("q", ""))
        queryset = filtered(base_queryset(staff=True), data, staff=True)
        if parsed:
            queryset = queryset.filter(search_vector=parsed.query)
        rows = self._rows(search.newest_first(queryset))
        if fmt == "json":
            response = StreamingHttpResponse(self._json(rows), content_type="application/json")
        else:
            response = StreamingHttpResponse(
                self._csv(rows), content_type="text/csv; charset=utf-8"
            )
        response["Content-Disposition"] = f'attachment; filename="pressearchiv-suche.{fmt}"'
        return response

    def _rows(self, queryset: QuerySet):
        keywords = TaggedArticle.objects.filter(content_object=OuterRef("pk")).values("tag__name")
        people = Mention.objects.filter(article=OuterRef("pk")).values("person__name")
        items = (
            queryset.select_related("source")
            .annotate(keyword_names=ArraySubquery(keywords), person_names=ArraySubquery(people))
            .iterator(chunk_size=2000)
        )
        for item in items:
            yield {
                "id": item.id,
                "published_on": item.published_on.isoformat() if item.published_on else None,
                "title": item.title,
                "kicker": item.kicker,
                "status": item.status,
                "kind": item.kind,
                "source": item.source.name if item.source else None,
                "keywords": sorted(item.keyword_names),
                "people": sorted(item.person_names),
                "url": self.request.build_absolute_uri(item.get_absolute_url()),
            }

    def _csv(self, rows):
        class Echo:
            def write(self, value):
                return value

        writer = csv.writer(Echo())
        yield "\ufeff" + writer.writerow(self.fields)  # BOM: spreadsheet programs read UTF-8
        for row in rows:
            row = {
                **row,
                "keywords": "; ".join(row["keywords"]),
                "people": "; ".join(row["people"]),
            }
            yield writer.writerow([_spreadsheet_safe(row[name]) for name in self.fields])

    def _json(self, rows):
        yield "["
        for index, row in enumerate(rows):
            yield ("," if index else "") + json.dumps(row, ensure_ascii=False)
        yield "]\n"


def _spreadsheet_safe(value):
    """Text starting with = + - @ would run as a formula in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value
