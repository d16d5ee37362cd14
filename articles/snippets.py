"""Highlighted titles and snippets for one page of search results.

PostgreSQL's ts_headline picks the best passages of the text (cut at word boundaries); here
they get "…" wherever text was left out, web addresses are dropped from them, a hit
inside a hyphenated word marks the whole word ("Cyber-Sicherheit"), compounds that match by a
part are marked too ("Verwaltungscloud" for "Cloud"), and a snippet stays within
MAX_SNIPPET characters (three lines on a phone). The document's text is escaped before the
hits become <mark>.
"""

from __future__ import annotations

import functools
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import Func, QuerySet, TextField, Value
from django.db.models.functions import Cast, Coalesce
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.lexicon import compounds_containing
from articles.models.article import UNSHOWN_FIELDS
from articles.search_query import CONFIG, ParsedQuery
from articles.snippet_windows import any_hit, hit_pattern, needles, window

MAX_SNIPPET = 220
# A web address, possibly cut by hit markers; "…" and spaces end it.
_URL = re.compile(r"(https?://|www\.)[^\s…]+", re.IGNORECASE)
# Private-use characters mark hits and gaps in ts_headline output.
_HIT_START, _HIT_STOP, _GAP = "\ue000", "\ue001", "\ue002"
_WORDISH = re.compile(r"[\w-]")
_MARKER = re.compile(f"([{_HIT_START}{_HIT_STOP}])")
# How far past a passage's length the ends of a text are normalised to tell whether the
# passage begins or ends the text (web addresses dropped there may shorten them).
_END_MARGIN = 200


def highlight_query(parsed: ParsedQuery) -> SearchQuery:
    """The query plus the archive's compounds that contain a searched word."""
    words = [w for w in compounds_containing(parsed.words) if re.fullmatch(r"\w+", w)]
    if not words:
        return parsed.query
    raw = " | ".join(words)
    return parsed.query | SearchQuery(raw, config=CONFIG, search_type="raw")


_MARKS = {"StartSel": _HIT_START, "StopSel": _HIT_STOP}
_PASSAGES = {**_MARKS, "MaxWords": 22, "MinWords": 8, "ShortWord": 2, "MaxFragments": 2,
             "FragmentDelimiter": _GAP}  # fmt: skip


@functools.cache
def _options(options: tuple[tuple[str, object], ...]) -> str:
    """ts_headline's option string, composed once (each option is quoted by psycopg)."""
    return ", ".join(connection.ops.compose_sql(f"{name}=%s", [value]) for name, value in options)


class _Headline(SearchHeadline):
    """SearchHeadline with its option string composed once per process, not per query."""

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = Func.as_sql(self, compiler, connection, function=function,
                                  template=template, options=", %s")  # fmt: skip
        return sql, [*params, _options(tuple(self.options.items()))]


def with_snippets(queryset: QuerySet, ids: list[int], parsed: ParsedQuery) -> list:
    """Items of one page with highlighted title and text snippets, in the given order."""
    if not ids:
        return []
    query = highlight_query(parsed)
    marks = {"config": CONFIG, "start_sel": _HIT_START, "stop_sel": _HIT_STOP}
    passages = {**marks, "max_words": 22, "min_words": 8, "short_word": 2,
                "max_fragments": 2, "fragment_delimiter": _GAP}  # fmt: skip
    # The same queryset as the results (public items for readers): an item changed since the
    # ids were cached, say withdrawn or rewritten as a draft, drops out instead of showing.
    items = (
        queryset.filter(id__in=ids)
        .order_by()
        .select_related("source")
        .defer(*UNSHOWN_FIELDS)  # the search vectors alone are KB each
        .annotate(
            title_snippet=_Headline("title", query, highlight_all=True, **marks),
            teaser_snippet=_Headline(Coalesce("teaser", Value("")), query, **passages),
            query_text=Cast(query, TextField()),
        )
    )
    by_id = {item.id: item for item in items}
    ordered = [by_id[i] for i in ids if i in by_id]
    for item, text_snippet in zip(ordered, _body_snippets(ordered), strict=True):
        item.text_snippet = text_snippet
        item.title_html = highlight(item.title_snippet)
        if _HIT_START in (item.text_snippet or ""):
            item.snippet_html = snippet(item.text_snippet, item.body)
        elif _HIT_START in (item.teaser_snippet or "") or not item.body:
            item.snippet_html = snippet(item.teaser_snippet or "", item.teaser)
        else:
            item.snippet_html = snippet(item.teaser_snippet or item.text_snippet or "",
                                        item.teaser or item.body)  # fmt: skip
    return ordered


def _body_snippets(items: list) -> list[str]:
    """ts_headline passages of each body, read from a window around its first likely hit."""
    if not items:
        return []
    found = needles(items[0].query_text or "")
    # Any one term marks a hit: a window may hold the first hit of one term only.
    text = any_hit(found) if found else items[0].query_text or ""
    pattern = hit_pattern(found)
    windows = [window(item.body or "", pattern) for item in items]
    marked = _headlines([part for part, _whole in windows], text)
    # A likely hit that was none (a stem that only begins a longer word): the whole text.
    again = [
        index
        for index, (item, (_part, whole)) in enumerate(zip(items, windows, strict=True))
        if _HIT_START not in marked[index] and not whole and pattern and pattern.search(item.body)
    ]
    bodies = [items[index].body for index in again]
    for index, passage in zip(again, _headlines(bodies, text), strict=True):
        marked[index] = passage
    return marked


def _headlines(texts: list[str], query_text: str) -> list[str]:
    if not texts:
        return []
    options = _options(tuple(_PASSAGES.items()))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ts_headline(%s::regconfig, t.text, %s::tsquery, %s)"
            " FROM unnest(%s::text[]) WITH ORDINALITY AS t(text, n) ORDER BY t.n",
            [CONFIG, query_text, options, texts],
        )
        return [row[0] or "" for row in cursor.fetchall()]


def _spans(marked: str) -> tuple[str, list[list[int]]]:
    """Marked text → plain text and the hit spans, each widened to its hyphenated word."""
    plain, spans, start, length = [], [], None, 0
    for piece in _MARKER.split(marked):
        if piece == _HIT_START:
            start = length
        elif piece == _HIT_STOP:
            if start is not None:
                spans.append([start, length])
                start = None
        elif piece:
            plain.append(piece)
            length += len(piece)
    text = "".join(plain)
    merged: list[list[int]] = []
    for begin, end in spans:
        while begin > 0 and _WORDISH.match(text[begin - 1]):
            begin -= 1
        while end < len(text) and _WORDISH.match(text[end]):
            end += 1
        while begin < end and text[begin] == "-":
            begin += 1
        while end > begin and text[end - 1] == "-":
            end -= 1
        if merged and begin <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([begin, end])
    return text, merged


def _render(text: str, spans: list[list[int]]) -> str:
    out, position = [], 0
    for begin, end in spans:
        out += [escape(text[position:begin]), "<mark>", escape(text[begin:end]), "</mark>"]
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def highlight(marked: str) -> SafeString:
    """Escape the document's text first, then turn the hit markers into <mark>."""
    text, spans = _spans((marked or "").replace(_GAP, " … "))
    return mark_safe(_render(text, spans))


def _normal(text: str) -> str:
    return " ".join(_URL.sub("", text or "").split())


class _Ends:
    """Whether a normalised passage begins or ends a text, reading only the text's ends.

    The normalised start of a text, less its last word (the cut may split it, or a web
    address), is a prefix of the whole normalised text; so, when it is at least as long as
    the passage, it answers alone. Likewise at the end. The body is 4–5 KB; a passage 150.
    """

    def __init__(self, source: str) -> None:
        self.source = source or ""
        self.whole: str | None = None

    def _all(self) -> str:
        if self.whole is None:
            self.whole = _normal(self.source)
        return self.whole

    def starts(self, plain: str) -> bool:
        cut = 2 * len(plain) + _END_MARGIN
        if cut >= len(self.source):
            return self._all().startswith(plain)
        head = _normal(self.source[:cut]).rpartition(" ")[0]
        return head.startswith(plain) if len(head) >= len(plain) else self._all().startswith(plain)

    def ends(self, plain: str) -> bool:
        cut = 2 * len(plain) + _END_MARGIN
        if cut >= len(self.source):
            return self._all().endswith(plain)
        tail = _normal(self.source[-cut:]).partition(" ")[2]
        return tail.endswith(plain) if len(tail) >= len(plain) else self._all().endswith(plain)


def snippet(marked: str, source: str) -> SafeString:
    """Passages with "…" where the source text goes on, within MAX_SNIPPET characters."""
    whole = _Ends(source)
    pieces = []
    for fragment in (marked or "").split(_GAP):
        fragment = _URL.sub("", fragment)  # web addresses never run into the text
        plain = " ".join(fragment.replace(_HIT_START, "").replace(_HIT_STOP, "").split())
        if not plain:
            continue
        before = "" if whole.starts(plain) else "… "
        after = "" if whole.ends(plain) else " …"
        pieces.append(before + " ".join(fragment.split()) + after)
    text, spans = _spans(" ".join(pieces).replace("… …", "…"))
    if len(text) > MAX_SNIPPET:
        cut = text.rfind(" ", 0, MAX_SNIPPET)
        cut = cut if cut > 0 else MAX_SNIPPET
        text = text[:cut].rstrip(" …") + " …"
        spans = [[b, min(e, cut)] for b, e in spans if b < cut]
    return mark_safe(_render(text, spans))
