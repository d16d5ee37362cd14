"""German full-text search: the one place that turns what people type into database queries.

Syntax as on web search engines: words (all must match), "exact phrases", OR between
alternatives, -word or -"phrase" to exclude. Spellings without umlauts ("Thueringen",
"Schuetz") also find the umlauted words; the German stemmer folds ä/ö/ü itself, so only
the ae/oe/ue transcriptions need a variant here.

Work stays bounded on large archives, whatever the cache holds: the matches are cut to the
newest CANDIDATE_LIMIT before ranking and facet counting; the total is exact up to that
limit and beyond it a lower bound with the planner's estimate; snippets are computed
only for the page shown. Results, counts and facets are also cached per archive generation
(articles/cache.py), but the bounds above are what keeps the first request fast.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONFIG = "german"
MAX_QUERY_LENGTH = 200
# What a search box lets the browser send (its maxlength): more than MAX_QUERY_LENGTH, so a
# pasted text is cut here with a notice, yet percent-encoded (at most 9 bytes per character
# the box counts) far below the request-line limit of gunicorn (4,094 bytes) and nginx (8 KB),
# which would otherwise answer a long query with their own error page.
MAX_INPUT_LENGTH = 300
MAX_TERMS = 16
CANDIDATE_LIMIT = 1000
FACET_SIZE = 10
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_UMLAUT_TRANSCRIPTIONS = (
    ("ae", "ä"),
    ("oe", "ö"),
    ("ue", "ü"),
    ("Ae", "Ä"),
    ("Oe", "Ö"),
    ("Ue", "Ü"),
)
# Private-use characters mark hits in ts_headline output; the text is escaped, then they
# become <mark>.
_HIT_START, _HIT_STOP = "\ue000", "\ue001"


@dataclass
class ParsedQuery:
    text: str = ""
    query: SearchQuery | None = None
    terms: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.query is not None


def clean_text(raw: str) -> tuple[str, list[str]]:
    """Drop control characters, normalise, cut overlong input; say what was changed."""
    notices = []
    text = unicodedata.normalize("NFC", raw)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        notices.append(
            f"Die Suchanfrage war zu lang und wurde auf {MAX_QUERY_LENGTH} Zeichen gekürzt."
        )
    return text, notices


def umlaut_variant(word: str) -> str | None:
    variant = word
    for plain, umlaut in _UMLAUT_TRANSCRIPTIONS:
        variant = variant.replace(plain, umlaut)
    return variant if variant != word else None


def _term_query(text: str, phrase: bool) -> SearchQuery:
    search_type = "phrase" if phrase else "plain"
    query = SearchQuery(text, config=CONFIG, search_type=search_type)
    variant = umlaut_variant(text)
    if variant:
        query = query | SearchQuery(variant, config=CONFIG, search_type=search_type)
    return query


def parse(raw: str) -> ParsedQuery:
    """What people type → one SearchQuery (or None, with a notice saying why)."""
    text, notices = clean_text(raw or "")
    parsed = ParsedQuery(text=text, notices=notices)
    groups: list[list[SearchQuery]] = []  # AND of ORs
    excluded: list[SearchQuery] = []
    join_next = False
    for negated, phrase, word in _TOKEN.findall(text):
        if word == "OR":
            join_next = bool(groups)
            continue
        if word:
            negated = "-" if word.startswith("-") and len(word) > 1 else ""
            word = word.lstrip("-").strip('"')
        value = (phrase if phrase is not None and not word else word).strip()
        if not re.search(r"\w", value):
            continue
        if len(parsed.terms) >= MAX_TERMS:
            parsed.notices.append(f"Nur die ersten {MAX_TERMS} Suchbegriffe wurden berücksichtigt.")
            break
        query = _term_query(value, phrase=bool(phrase) and not word)
        if negated:
            excluded.append(query)
        elif join_next and groups:
            groups[-1].append(query)
        else:
            groups.append([query])
            parsed.terms.append(value)
        join_next = False
    if not groups:
        if text:
            parsed.notices.append(
                "Bitte mindestens einen Suchbegriff eingeben, nicht nur Operatoren."
            )
        return parsed
    combined = None
    for alternatives in groups:
        group = alternatives[0]
        for alternative in alternatives[1:]:
            group = group | alternative
        combined = group if combined is None else combined & group
    for query in excluded:
        combined = combined & ~query
    parsed.query = combined
    return parsed


def matching(queryset: QuerySet, raw: str) -> QuerySet:
    """The items matching a query, unordered (the admin and the results page share this)."""
    parsed = parse(raw)
    if not parsed:
        return queryset.none()
    return queryset.filter(search_vector=parsed.query)


_COLUMN_FILTERS = {
    "jahr": "published_on__year",
    "art": "kind",
    "status": "status",
    "von": "published_on__gte",
    "bis": "published_on__lte",
}


def narrowed(queryset: QuerySet, filters: dict) -> QuerySet:
    """Narrow by facet values (slugs), year, kind, status and date range.

    Keyword, person and source slugs are looked up first, so the search query compares with
    a constant id: the planner then uses that value's statistics (a keyword in half of all
    items is joined differently from a rare one) instead of a generic guess.
    """
    from articles.models import Keyword, Mention, Person, Source, TaggedArticle

    for key, lookup in _COLUMN_FILTERS.items():
        if key in filters:
            queryset = queryset.filter(**{lookup: filters[key]})
    related = {
        "stichwort": (Keyword, lambda pk: TaggedArticle.objects.filter(tag_id=pk),
                      "content_object"),
        "person": (Person, lambda pk: Mention.objects.filter(person_id=pk), "article"),
    }  # fmt: skip
    for key, (model, rows, column) in related.items():
        if key in filters:
            pk = model.objects.filter(slug=filters[key]).values_list("pk", flat=True).first()
            if pk is None:
                return queryset.none()
            queryset = queryset.filter(Exists(rows(pk).filter(**{column: OuterRef("pk")})))
    if "quelle" in filters:
        pk = Source.objects.filter(slug=filters["quelle"]).values_list("pk", flat=True).first()
        queryset = queryset.filter(source_id=pk) if pk is not None else queryset.none()
    return queryset


@dataclass(frozen=True)
class Total:
    """How many items match: exact up to CANDIDATE_LIMIT, else a lower bound and an estimate."""

    value: int
    exact: bool = True
    estimate: int | None = None


@dataclass
class Results:
    """What the results page needs besides the shown page's snippets."""

    ids: list[int]
    total: Total
    facets: dict[str, list[dict]]

    @property
    def capped(self) -> bool:
        return not self.total.exact


def run(queryset: QuerySet, parsed: ParsedQuery, by_date: bool = False) -> Results:
    """Match, count, rank and count facets in two queries, whatever the number of matches.

    One query walks the matches newest first (the date index for a common term, the GIN
    index for a rare one: the planner's statistics decide) and stops after
    CANDIDATE_LIMIT + 1 rows, bringing each row's rank and facet columns along; ranking
    and the year, kind and source facets are then done here. A second query counts
    keywords and people over the same ids. Past the limit the total is a lower bound
    with the planner's estimate beside it; counting or ranking every match of a common
    term would read every match's row (seconds at 1M items).
    """
    matches = queryset.filter(search_vector=parsed.query)
    rows = list(
        newest_first(matches)
        .annotate(rank=SearchRank(F("search_vector"), parsed.query, normalization=Value(1)))
        .values_list("id", "rank", "published_on", "kind", "source_id")[: CANDIDATE_LIMIT + 1]
    )
    if len(rows) > CANDIDATE_LIMIT:
        rows = rows[:CANDIDATE_LIMIT]
        total = Total(len(rows), exact=False, estimate=planner_estimate(matches))
    else:
        total = Total(len(rows))
    if not by_date:
        # Python's sort is stable: equal ranks keep the newest-first order of the query.
        rows.sort(key=lambda row: row[1], reverse=True)
    return Results(ids=[row[0] for row in rows], total=total, facets=_facets(rows))


def newest_first(queryset: QuerySet) -> QuerySet:
    # The date index's own order, so PostgreSQL may walk it for a common term (the first
    # CANDIDATE_LIMIT matches come early) and use the GIN index for a rare one; which it
    # picks rests on the planner's statistics of the search vector (kept by ANALYZE).
    return queryset.order_by(F("published_on").desc(nulls_last=True), F("id").desc())


def planner_estimate(queryset: QuerySet) -> int | None:
    """The planner's row estimate for a query (EXPLAIN without running it), if above the cap."""
    try:
        plan = json.loads(queryset.order_by().explain(format="json"))
        rows = int(plan[0]["Plan"]["Plan Rows"])
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return rows if rows > CANDIDATE_LIMIT else None


_NAMED_FACETS_SQL = """
(SELECT 'stichwort' AS facet, k.slug, k.name, count(*) AS n
   FROM articles_taggedarticle t JOIN articles_keyword k ON k.id = t.tag_id
  WHERE t.content_object_id = ANY(%(ids)s)
  GROUP BY k.slug, k.name ORDER BY n DESC, k.name LIMIT %(size)s)
UNION ALL
(SELECT 'person', p.slug, p.name, count(*) AS n
   FROM articles_mention m JOIN articles_person p ON p.id = m.person_id
  WHERE m.article_id = ANY(%(ids)s)
  GROUP BY p.slug, p.name ORDER BY n DESC, p.name LIMIT %(size)s)
UNION ALL
(SELECT 'quelle', s.slug, s.name, s.id FROM articles_source s WHERE s.id = ANY(%(sources)s))
"""


def _facets(rows: list[tuple]) -> dict[str, list[dict]]:
    """Counts over the candidate rows: year, keyword, person, source, kind."""
    from articles.models import Article

    if not rows:
        return {}
    years = Counter(row[2].year for row in rows if row[2] is not None)
    kinds = Counter(row[3] for row in rows)
    sources = Counter(row[4] for row in rows if row[4] is not None)
    named: dict[str, list[dict]] = {"stichwort": [], "person": []}
    source_names: dict[int, tuple[str, str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            _NAMED_FACETS_SQL,
            {"ids": [row[0] for row in rows], "sources": list(sources), "size": FACET_SIZE},
        )
        for facet, slug, name, number in cursor.fetchall():
            if facet == "quelle":
                source_names[number] = (slug, name)
            else:
                named[facet].append({"value": slug, "label": name, "count": number})
    by_source = sorted(
        ((source_names[key], count) for key, count in sources.items() if key in source_names),
        key=lambda item: (-item[1], item[0][1]),
    )
    return {
        "jahr": [
            {"value": str(year), "label": str(year), "count": count}
            for year, count in sorted(years.items(), reverse=True)
        ],
        **named,
        "quelle": [
            {"value": slug, "label": name, "count": count}
            for (slug, name), count in by_source[:FACET_SIZE]
        ],
        "art": [
            {"value": kind, "label": Article.Kind(kind).label, "count": count}
            for kind, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
        ],
    }


def with_snippets(queryset: QuerySet, ids: list[int], parsed: ParsedQuery) -> list:
    """Items of one page with highlighted title and text snippets, in the given order."""
    options = {
        "config": CONFIG,
        "start_sel": _HIT_START,
        "stop_sel": _HIT_STOP,
        "highlight_all": False,
    }
    # The same queryset as the results (public items for readers): an item changed since the
    # ids were cached, say withdrawn or rewritten as a draft, drops out instead of showing.
    items = (
        queryset.filter(id__in=ids)
        .order_by()
        .select_related("source")
        .annotate(
            title_snippet=SearchHeadline("title", parsed.query, highlight_all=True, **{
                k: v for k, v in options.items() if k != "highlight_all"
            }),
            text_snippet=SearchHeadline(
                Coalesce("body", Value("")), parsed.query, max_words=40, min_words=20,
                max_fragments=2, fragment_delimiter=" … ", **options,
            ),
            teaser_snippet=SearchHeadline(
                "teaser", parsed.query, max_words=40, min_words=20, **options
            ),
        )
    )  # fmt: skip
    by_id = {item.id: item for item in items}
    ordered = [by_id[i] for i in ids if i in by_id]
    for item in ordered:
        item.title_html = highlight(item.title_snippet)
        text = item.text_snippet if _HIT_START in (item.text_snippet or "") else item.teaser_snippet
        item.snippet_html = highlight(text or item.teaser_snippet or "")
    return ordered


def highlight(snippet: str) -> SafeString:
    """Escape the document's text first, then turn the hit markers into <mark>."""
    escaped = escape(snippet or "")
    return mark_safe(escaped.replace(_HIT_START, "<mark>").replace(_HIT_STOP, "</mark>"))
