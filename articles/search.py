"""German full-text search: the one place that turns what people type into database queries.

Syntax as on web search engines: words (all must match), "exact phrases", OR between
alternatives, -word or -"phrase" to exclude. Spellings without umlauts ("Thueringen",
"Schuetz") also find the umlauted words; the German stemmer folds ä/ö/ü itself, so only
the ae/oe/ue transcriptions need a variant here.

Work stays bounded on large archives, whatever the cache holds: the matches are cut to the
newest CANDIDATE_LIMIT before ranking and facet counting; the total is counted exactly up to
COUNT_LIMIT and beyond that estimated from the planner's statistics; snippets are computed
only for the page shown. Results, counts and facets are also cached per archive generation
(articles/cache.py), but the bounds above are what keeps the first request fast.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Count, F, QuerySet, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONFIG = "german"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 16
CANDIDATE_LIMIT = 300
COUNT_LIMIT = 1000
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


def newest_first(queryset: QuerySet) -> QuerySet:
    # The date index's own order, so PostgreSQL may walk it for a common term (the first
    # CANDIDATE_LIMIT matches come early) and use the GIN index for a rare one; which it
    # picks rests on the planner's statistics of the search vector (kept by ANALYZE).
    return queryset.order_by(F("published_on").desc(nulls_last=True), F("id").desc())


def candidates(queryset: QuerySet, parsed: ParsedQuery) -> list[int]:
    """The ids of the newest matches, at most CANDIDATE_LIMIT: what ranking and facets read."""
    matches = queryset.filter(search_vector=parsed.query)
    return list(newest_first(matches).values_list("id", flat=True)[:CANDIDATE_LIMIT])


@dataclass(frozen=True)
class Total:
    """How many items match: exact up to COUNT_LIMIT, else a lower bound and an estimate."""

    value: int
    exact: bool = True
    estimate: int | None = None


def total(queryset: QuerySet, parsed: ParsedQuery) -> Total:
    # Counting every match of a common term reads every match's row (seconds at 1M items);
    # the count stops after COUNT_LIMIT + 1 and the rest is the planner's estimate.
    matches = queryset.filter(search_vector=parsed.query).order_by()
    counted = matches[: COUNT_LIMIT + 1].count()
    if counted <= COUNT_LIMIT:
        return Total(counted)
    return Total(COUNT_LIMIT, exact=False, estimate=planner_estimate(matches))


def planner_estimate(queryset: QuerySet) -> int | None:
    """The planner's row estimate for a query (EXPLAIN without running it), if it has one."""
    try:
        plan = json.loads(queryset.explain(format="json"))
        rows = int(plan[0]["Plan"]["Plan Rows"])
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return rows if rows > COUNT_LIMIT else None


def ranked(queryset: QuerySet, ids: list[int], parsed: ParsedQuery, by_date: bool) -> list[int]:
    if by_date:
        return ids
    rows = (
        queryset.model.objects.filter(id__in=ids)
        .annotate(rank=SearchRank(F("search_vector"), parsed.query, normalization=Value(1)))
        .order_by("-rank", F("published_on").desc(nulls_last=True), "-id")
        .values_list("id", flat=True)
    )
    return list(rows)


def with_snippets(queryset: QuerySet, ids: list[int], parsed: ParsedQuery) -> list:
    """Items of one page with highlighted title and text snippets, in the given order."""
    options = {
        "config": CONFIG,
        "start_sel": _HIT_START,
        "stop_sel": _HIT_STOP,
        "highlight_all": False,
    }
    items = (
        queryset.model.objects.filter(id__in=ids)
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


def _by_name(rows: QuerySet, prefix: str) -> list[dict]:
    """The most frequent keywords, people or sources among rows, as facet entries."""
    counted = (
        rows.values(f"{prefix}__slug", f"{prefix}__name")
        .annotate(count=Count("id"))
        .order_by("-count", f"{prefix}__name")[:FACET_SIZE]
    )
    return [
        {"value": row[f"{prefix}__slug"], "label": row[f"{prefix}__name"], "count": row["count"]}
        for row in counted
    ]


def facets(queryset: QuerySet, ids: list[int]) -> dict[str, list[dict]]:
    """Counts over the candidate matches: year, keyword, person, source, kind."""
    from articles.models import Article, Mention, TaggedArticle

    items = Article.objects.filter(id__in=ids)
    years = (
        items.filter(published_on__isnull=False)
        .annotate(year=ExtractYear("published_on"))
        .values("year")
        .annotate(count=Count("id"))
        .order_by("-year")
    )
    kinds = items.values("kind").annotate(count=Count("id")).order_by("-count", "kind")
    return {
        "jahr": [
            {"value": str(r["year"]), "label": str(r["year"]), "count": r["count"]} for r in years
        ],
        "stichwort": _by_name(TaggedArticle.objects.filter(content_object_id__in=ids), "tag"),
        "person": _by_name(Mention.objects.filter(article_id__in=ids), "person"),
        "quelle": _by_name(items.filter(source__isnull=False), "source"),
        "art": [
            {"value": r["kind"], "label": Article.Kind(r["kind"]).label, "count": r["count"]}
            for r in kinds
        ],
    }
