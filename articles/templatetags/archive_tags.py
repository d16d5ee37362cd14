from __future__ import annotations

import json
import re
from html import escape
from urllib.parse import urlsplit

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from articles.models.article import iso_precise
from articles.paths import slug_path

register = template.Library()

# The characters that could end a <script> element or open a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def ld_json(data: dict) -> SafeString:
    """schema.org data as a JSON-LD script element, safe for any document text inside."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


SAFE_SCHEMES = {"http", "https"}


@register.filter
def public_url(value: str) -> str:
    """The address if a reader may follow it (http or https), else "" (shown as plain text).

    Link addresses come from documents and fixtures that no form validated: a
    "javascript:" address would run in the reader's browser, escaping does not stop it.
    """
    address = (value or "").strip()
    try:
        scheme = urlsplit(address).scheme.lower()
    except ValueError:
        return ""
    return address if scheme in SAFE_SCHEMES else ""


register.filter("iso_precise", iso_precise)


@register.filter
def keyword_path(slug: str) -> str:
    """{% url 'articles:keyword' slug %}, for the long lists of an index (articles/paths.py)."""
    return slug_path("articles:keyword", slug)


@register.filter
def person_path(slug: str) -> str:
    """{% url 'articles:person' slug %}, for the long lists of an index (articles/paths.py)."""
    return slug_path("articles:person", slug)


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key, "") if mapping else ""


@register.simple_tag
def select_options(field) -> SafeString:
    """The <option>s of a choice field, the current value selected.

    Long lists (every keyword and person) render many times faster here than in a template
    loop or through format_html per option; every value and label is escaped as Django's
    escape() does (html.escape).
    """
    current = str(field.value() or "")
    options = []
    for value, label in field.field.choices:
        value = str(value)
        selected = " selected" if value == current else ""
        options.append(f'<option value="{escape(value)}"{selected}>{escape(str(label))}</option>')
    return mark_safe("".join(options))


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, vary_on: list) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context) -> str:
        from articles.cache import cached

        parts = tuple(value.resolve(context) for value in self.vary_on)
        return cached(f"fragment:{self.name}", parts, lambda: self.nodelist.render(context))


@register.tag
def cached_fragment(parser, token) -> CachedFragmentNode:
    """{% cached_fragment "name" key... %}…{% endcached_fragment %}: rendered once per generation.

    Like Django's {% cache %}, but keyed by the archive generation (articles/cache.py), so
    every server process renders the fragment again after any write to the archive.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cached_fragment needs a name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return CachedFragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag
def search_maxlength() -> int:
    """The maxlength of every search box (articles/search.py, MAX_INPUT_LENGTH)."""
    from articles.search import MAX_INPUT_LENGTH

    return MAX_INPUT_LENGTH


_SENTENCE_END = tuple('.!?:;,"“”)…')


def _is_subheading(paragraph: str) -> bool:
    """A short single line without closing punctuation, between paragraphs of text."""
    return (
        "\n" not in paragraph
        and 3 <= len(paragraph) <= 90
        and paragraph[0].isupper()
        and not paragraph.endswith(_SENTENCE_END)
    )


# What any address urlize() links contains (http://, https://, www., an e-mail address, a
# name ending in one of the seven old top-level domains); a line without it is only escaped,
# as urlize() would, without its work per word.
_LINK_HINT = re.compile(r"@|://|www\.|\.(?:com|edu|gov|int|mil|net|org)", re.IGNORECASE)


def _linked(line: str) -> str:
    from django.utils.html import urlize

    if _LINK_HINT.search(line) is None:
        return escape(line)
    return urlize(line, nofollow=True, autoescape=True)


@register.filter
def body_html(text: str) -> SafeString:
    """The body as paragraphs and sub-headings, its web addresses as links; all text escaped."""
    paragraphs = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    parts = []
    for index, paragraph in enumerate(paragraphs):
        is_last = index == len(paragraphs) - 1
        if not is_last and _is_subheading(paragraph):
            parts.append(format_html('<h2 class="subheading">{}</h2>', paragraph))
            continue
        lines = [_linked(line) for line in paragraph.split("\n")]
        parts.append(format_html("<p>{}</p>", mark_safe("<br>".join(lines))))
    return mark_safe("\n".join(parts))


_SECTIONS = {
    "timeline": "meldungen", "archive_year": "meldungen", "archive_month": "meldungen",
    "article": "meldungen", "article_undated": "meldungen",
    "keywords": "stichwoerter", "keyword": "stichwoerter",
    "people": "personen", "person": "personen",
    "search": "suche",
}  # fmt: skip


@register.filter
def nav_section(url_name: str | None) -> str:
    """The main navigation's section of a page (marked as the current one)."""
    return _SECTIONS.get(url_name or "", "")


@register.filter
def any_inferred(articles) -> bool:
    """Whether a list shows an item whose date was inferred (its "*" needs a legend)."""
    return any(getattr(article, "date_inferred", False) for article in articles)
