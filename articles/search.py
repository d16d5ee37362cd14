"""German full-text search: matching, ranking, counting and facets of a parsed query.

Query parsing (compounds, synonyms, hyphens, prefixes) is in articles/search_query.py, snippets
in articles/snippets.py.

Ranking (run()): full items above teaser stubs, then matches in the title, kicker, keywords or
people above matches in the text only, then ts_rank with whole words far above compound parts
(weights D 0.02, C 0.2, B 0.5, A 1.0), then the newest. Work stays bounded on large archives:
(1) the newest CANDIDATE_LIMIT matches of the whole text, ranked in the same query, and, only
when there are more matches than that, (2) the newest HEAD_LIMIT matches in the short fields
(their own GIN index), so an older item with the term in its title is not lost behind a
thousand newer passing mentions. The total is exact up to the limit, beyond it a lower bound
with the planner's estimate; snippets are computed only for the page shown. Results, counts
and facets are also cached per archive generation (articles/cache.py), but the bounds above
are what keeps the first request fast.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Exists, OuterRef, QuerySet
from django.db.models.expressions import RawSQL

from articles.models import Article, Keyword, Mention, Person, Source, TaggedArticle
from articles.search_candidates import (
    StoredQuery,
    newest_first,
    newest_matches,
    relaxed,
    tsquery_text,
)
from articles.search_query import (  # noqa: F401  (the search API in one place)
    CONFIG,
    MAX_INPUT_LENGTH,
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    MIN_PREFIX,
    ParsedQuery,
    clean_text,
    parse,
    umlaut_variant,
)
from articles.snippets import highlight, with_snippets  # noqa: F401

CANDIDATE_LIMIT = 500
# Older short-field matches added to a capped result (ten pages); each costs a vector read.
HEAD_LIMIT = 200
FACET_SIZE = 10
RANK_WEIGHTS = [0.02, 0.2, 0.5, 1.0]  # D (compound parts), C (text), B, A (title)
# A query with phrase operators is streamed (articles/search_candidates.py) when its AND
# form matches at most this share of the items; beyond, walking the date index and checking
# each row once is cheaper. Below STREAM_ALWAYS_BELOW items no estimate is asked for.
STREAM_SHARE = 0.25
PASSING, HEAP_VISIT = 4, 0.5
STREAM_ALWAYS_BELOW = 10_000
WINDOW_MIN = 2_000
_EPOCH = datetime.date.min


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


def run(
    queryset: QuerySet, parsed: ParsedQuery, by_date: bool = False, facets: bool = True
) -> Results:
    """Match, count, rank and count facets with a bounded number of rows read.

    Pass 1 walks all matches newest first (the date index for a common term, the GIN index
    for a rare one: the planner's statistics decide) and stops after CANDIDATE_LIMIT + 1
    rows; the same query ranks the kept rows and tells which match in the short fields
    (title, kicker, keywords, people). Only when that cut left matches out, pass 2 adds up to
    HEAD_LIMIT older matches in the short fields from their own small index, ranked the same
    way. The year, kind and source facets are counted here; a last query counts keywords and
    people over the candidate ids (facets=False, for a list that shows none, skips them).
    """
    if queryset.query.is_empty():  # a filter value that names nothing (an unknown keyword)
        return Results(ids=[], total=Total(0), facets={})
    facets_of = _facets if facets else (lambda rows: {})
    text, table_rows = tsquery_text(parsed.query)
    matches = queryset.filter(search_vector=parsed.query)
    weights = None if by_date else RANK_WEIGHTS
    stream, window = _stream_plan(queryset, text, table_rows)
    first = (not stream or relaxed(text) is None) and _walks_date_index_joined(matches)
    rows = newest_matches(queryset, "search_vector", text, CANDIDATE_LIMIT + 1, stream=stream,
                          weights=weights, filters_first=first, window=window)  # fmt: skip
    rows.sort(key=_date_order, reverse=True)
    if len(rows) > CANDIDATE_LIMIT:
        rows = rows[:CANDIDATE_LIMIT]
        estimate = planner_rows(matches)
        estimate = estimate if estimate is not None and estimate > CANDIDATE_LIMIT else None
        total = Total(len(rows), exact=False, estimate=estimate)
    else:
        total = Total(len(rows))
    if by_date:
        return Results(ids=[row[0] for row in rows], total=total, facets=facets_of(rows))
    if not total.exact:
        # Older matches in the short fields, which the newest CANDIDATE_LIMIT may leave out.
        known = {row[0] for row in rows}
        # A match in the short fields is a match of the whole item, unless the query leaves a
        # word out ("!"): the body may hold it. Then the whole item is checked as well.
        base = queryset.filter(search_vector=parsed.query) if "!" in text else queryset
        older = _older_head_matches(base, text, rows, weights)
        rows += [row for row in older if row[0] not in known]

    def relevance(row: tuple) -> tuple:
        # Full items first, then matches in the title, kicker, keywords or people.
        return (row[2] != "teaser", bool(row[5]), row[4] or 0.0)

    # Python's sort is stable: equal relevance keeps the newest-first order.
    rows.sort(key=_date_order, reverse=True)
    rows.sort(key=relevance, reverse=True)
    return Results(ids=[row[0] for row in rows], total=total, facets=facets_of(rows))


def head_limit() -> int:
    return min(HEAD_LIMIT, CANDIDATE_LIMIT)


def _older_head_matches(
    base: QuerySet, text: str, kept: list[tuple], weights: list[float] | None
) -> list[tuple]:
    """The newest head_limit() matches in the short fields, less those already kept.

    Every match newer than the last kept row is kept (pass 1 took all matches down to it),
    and the kept rows say which of them match in the short fields (row[5]); so only the
    short-field matches older than the last kept row are read, as many as the newest
    head_limit() leave room for, starting right behind it in the date index's order.
    """
    room = head_limit() - sum(1 for row in kept if row[5])
    if room <= 0 or not kept:
        return []
    date, pk = kept[-1][1], kept[-1][0]
    undated = base.filter(published_on__isnull=True)
    if date is None:
        return newest_matches(undated.filter(id__lt=pk), "search_head", text, room,
                              weights=weights)  # fmt: skip
    # A row comparison the date index answers as its own range (NULL dates come last).
    behind = RawSQL(
        f'("{Article._meta.db_table}"."published_on", "{Article._meta.db_table}"."id") < (%s, %s)',
        (date, pk),
        output_field=BooleanField(),
    )
    older = newest_matches(base.filter(behind), "search_head", text, room, weights=weights)
    if len(older) < room:
        older += newest_matches(undated, "search_head", text, room - len(older), weights=weights)
    return older


def _stream_plan(queryset: QuerySet, text: str, table_rows: float) -> tuple[bool, int | None]:
    """Whether the AND form of a phrase query matches few enough items to be streamed, and
    in windows of how many of the newest items (None: all at once)."""
    loose = relaxed(text)
    if loose is None or table_rows <= STREAM_ALWAYS_BELOW:
        return True, None
    estimate = planner_rows(queryset.filter(search_vector=StoredQuery(loose)))
    # Against the items left by the filters (a year, a keyword), not the whole archive.
    base = planner_rows(queryset) if queryset.query.where else table_rows
    if estimate is None or base is None or estimate > STREAM_SHARE * base:
        return False, None
    # The stream visits every relaxed match (heap rows, about half a vector read each); the
    # walk reads vectors until enough pass, assuming one relaxed match in PASSING does.
    walked = CANDIDATE_LIMIT * PASSING * base / max(estimate, 1)
    if estimate * HEAP_VISIT <= walked:
        return True, None
    if "|" in text:
        # A word that also matches as its parts ("Verwaltungsportal" | "verwalt <-> portal"):
        # the planner answers most matches from the GIN index alone (measured at 100,000
        # items, windows were slower than its plan for such a query). Walk as before.
        return False, None
    # Too many relaxed matches to visit them all: visit those among the newest items only,
    # a window at a time (the date index and the GIN index together), twice as many items as
    # the walk would read (each window reads the GIN index's list again; the rows beyond the
    # limit are never checked), then twice as many older ones, and so on.
    size = 2 * CANDIDATE_LIMIT * PASSING * table_rows / max(estimate, 1)
    return True, max(WINDOW_MIN, round(size))


def _date_order(row: tuple) -> tuple:
    # published_on DESC NULLS LAST, id DESC (the date index's order).
    return (row[1] is not None, row[1] or _EPOCH, row[0])


def _walks_date_index_joined(matches: QuerySet) -> bool:
    """Whether PostgreSQL walks the date index testing each row's vector before a join
    (a keyword or person filter): then the join's cheap index probe should come first."""
    if not any(
        isinstance(child, Exists) or isinstance(getattr(child, "lhs", None), Exists)
        for child in matches.query.where.children
    ):
        return False
    try:
        plan = json.loads(newest_first(matches).values_list("id")[:CANDIDATE_LIMIT].explain(
            format="json"))  # fmt: skip
    except ValueError:
        return False
    nodes = [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        if node.get("Index Name") == "article_date_idx" and "search_vector" in node.get(
            "Filter", ""
        ):
            return True
        nodes += node.get("Plans", [])
    return False


def planner_rows(queryset: QuerySet) -> int | None:
    """The planner's row estimate for a query (EXPLAIN without running it)."""
    try:
        plan = json.loads(queryset.order_by().explain(format="json"))
        return int(plan[0]["Plan"]["Plan Rows"])
    except (ValueError, KeyError, IndexError, TypeError):
        return None


_NAMED_FACETS_SQL = """
(SELECT 'stichwort' AS facet, k.slug, k.name, count(*) AS n
   FROM articles_taggedarticle t JOIN articles_keyword k ON k.id = t.tag_id
  WHERE t.content_object_id = ANY(%(ids)s::int4[])
  GROUP BY k.slug, k.name ORDER BY n DESC, k.name LIMIT %(size)s)
UNION ALL
(SELECT 'person', p.slug, p.name, count(*) AS n
   FROM articles_mention m JOIN articles_person p ON p.id = m.person_id
  WHERE m.article_id = ANY(%(ids)s::int4[])
  GROUP BY p.slug, p.name ORDER BY n DESC, p.name LIMIT %(size)s)
UNION ALL
(SELECT 'quelle', s.slug, s.name, s.id FROM articles_source s WHERE s.id = ANY(%(sources)s))
"""


def _facets(rows: list[tuple]) -> dict[str, list[dict]]:
    """Counts over the candidate rows: year, keyword, person, source, kind."""

    if not rows:
        return {}
    years = Counter(row[1].year for row in rows if row[1] is not None)
    kinds = Counter(row[2] for row in rows)
    sources = Counter(row[3] for row in rows if row[3] is not None)
    named: dict[str, list[dict]] = {"stichwort": [], "person": []}
    source_names: dict[int, tuple[str, str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            _NAMED_FACETS_SQL,
            # The ids as an array literal: psycopg would quote 500 ints one by one (~1 ms).
            {
                "ids": f"{{{','.join(str(row[0]) for row in rows)}}}",
                "sources": list(sources),
                "size": FACET_SIZE,
            },
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
