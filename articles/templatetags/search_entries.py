"""The results and facets of the search page as HTML, built in Python: {% load search_entries %}.

Through the template engine a results page cost about 6 ms of CPU (an include per entry and
per facet, and a copy of the request's query string for every facet link); here the query
string is taken apart once. Every text is escaped as Django's autoescaping does
(django.utils.html.escape is html.escape).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import urlencode

from django import template
from django.utils.safestring import SafeString, mark_safe

from articles.params import PAGING
from articles.templatetags.entries import date_html

register = template.Library()

FACETS = (
    ("jahr", "Jahr"),
    ("stichwort", "Stichwort"),
    ("person", "Person"),
    ("quelle", "Quelle"),
    ("art", "Art"),
)


def _entry(article, staff: bool) -> str:
    meta = str(date_html(article))
    if article.kicker:
        meta += f" · {escape(article.kicker)}"
    if article.source:
        meta += f" · {escape(article.source.name)}"
    if staff and article.status != "published":
        meta += f' <span class="badge">{escape(str(article.get_status_display()))}</span>'
    if article.kind == "teaser":
        meta += ' <span class="badge">Nur Anreißer</span>'
    return (
        f'<li class="article-item">\n  <p class="meta">{meta}</p>\n'
        f'  <h3 class="item-title"><a href="{escape(article.get_absolute_url())}">'
        f"{article.title_html}</a></h3>\n"
        f'  <p class="snippet">{article.snippet_html}</p>\n</li>'
    )


@register.simple_tag
def result_entries(articles: Iterable, staff: bool) -> SafeString:
    """<li> entries of results: date, kicker, source, badges, highlighted title and snippet
    (title_html and snippet_html are escaped already, articles/snippets.py)."""
    return mark_safe("\n".join(_entry(article, staff) for article in articles))


class _Query:
    """The request's query string without paging, encoded once, as QueryDict.urlencode()
    encodes it; a facet link sets or drops one key."""

    def __init__(self, get) -> None:
        self.parts = [
            (key, [urlencode({key: str(value)}) for value in values])
            for key, values in get.lists()
            if key not in PAGING
        ]

    def url(self, key: str, value=None) -> str:
        pieces: list[str] = []
        placed = False
        for name, encoded in self.parts:
            if name != key:
                pieces += encoded
            elif value is not None:
                pieces.append(urlencode({key: str(value)}))
                placed = True
        if value is not None and not placed:
            pieces.append(urlencode({key: str(value)}))
        return escape("?" + "&".join(pieces))


def _facet(query: _Query, name: str, title: str, rows: list[dict], current: str) -> str:
    items = []
    for row in rows:
        label, count = escape(str(row["label"])), escape(str(row["count"]))
        if str(row["value"]) == current:
            aria = escape(f"Filter {title} {row['label']} entfernen")
            items.append(
                f"<li><strong>{label}</strong> ({count}) "
                f'<a href="{query.url(name)}" aria-label="{aria}">×</a></li>'
            )
        else:
            href = query.url(name, row["value"])
            items.append(f'<li><a href="{href}">{label}</a> ({count})</li>')
    return (
        f'<section class="facet">\n  <h3>{escape(title)}</h3>\n  <ul>\n    '
        + "\n    ".join(items)
        + "\n  </ul>\n</section>"
    )


@register.simple_tag(takes_context=True)
def facet_sections(context, facets: dict, data: dict) -> SafeString:
    """One <section> per facet with rows: a link narrowing to each value, or the chosen
    value in bold with a link removing it."""
    query = _Query(context["request"].GET)
    data = data or {}
    return mark_safe(
        "\n".join(
            _facet(query, name, title, facets[name], str(data.get(name, "")))
            for name, title in FACETS
            if facets.get(name)
        )
    )
