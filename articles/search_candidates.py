"""The bounded reads behind a results page: the newest matches, ranked as they are kept.

A parsed query often holds phrase operators even when nobody typed quotes: a compound also
matches its parts side by side ("Verwaltungsportal" = 'verwaltungsportal' | 'verwalt' <->
'portal'), and so do hyphenated words and several-word synonyms. The GIN index cannot check
word positions, so PostgreSQL would re-read the (out-of-line) search vector of every indexed
candidate. Here such a query is first relaxed (every <-> becomes &, a superset the index
answers alone), the relaxed matches are taken newest first, and the exact query is checked on
that stream only until enough rows are found.

Ranking reads each row's whole search vector, so it is computed for the kept rows only, in the
query that keeps them.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet
from django.db.models.fields import TextField
from django.db.models.functions import Cast

# Candidate columns: id, date, kind, source (the facets and the relevance order need them).
COLUMNS = ("id", "published_on", "kind", "source_id")
WINDOW_WORK_MEM = "64MB"
_PHRASE_OPERATOR = re.compile(r"<(?:-|\d+)>")


class StoredQuery(SearchQuery):
    """A tsquery given in PostgreSQL's own text form (lexemes already normalised)."""

    template = "(%(expressions)s)::tsquery"

    def __init__(self, text: str):
        super().__init__(text, search_type="raw")


def tsquery_text(query: SearchQuery) -> tuple[str, float]:
    """PostgreSQL's text form of a query (lexemes and operators) and the table's row estimate."""
    from articles.models import Article

    values = Article.objects.none().query.chain()
    compiler = values.get_compiler(connection=connection)
    sql, params = Cast(query, TextField()).resolve_expression(values).as_sql(compiler, connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {sql}, (SELECT reltuples FROM pg_class WHERE oid = %s::regclass)",
            [*params, Article._meta.db_table],
        )
        text, rows = cursor.fetchone()
        return text or "", float(rows or 0)


def relaxed(text: str) -> str | None:
    """The query with every phrase operator read as AND, if that is a superset of its matches.

    None when there is no phrase operator, or when one may stand under a negation (relaxing
    "not (a <-> b)" would find fewer items, not more).
    """
    if not _PHRASE_OPERATOR.search(text) or "!" in text:
        return None
    return _PHRASE_OPERATOR.sub("&", text)


def newest_first(queryset: QuerySet) -> QuerySet:
    # The date index's own order, so PostgreSQL may walk it for a common term (the first
    # rows come early) and use the GIN index for a rare one; which it picks rests on the
    # planner's statistics of the search vector (kept by ANALYZE).
    return queryset.order_by(F("published_on").desc(nulls_last=True), F("id").desc())


def newest_matches(
    queryset: QuerySet,
    field: str,
    text: str,
    limit: int,
    stream: bool = True,
    weights: list[float] | None = None,
    filters_first: bool = False,
    window: int | None = None,
) -> list[tuple]:
    """Up to `limit` candidate rows matching the query in `field`, newest first.

    Rows are (id, date, kind, source id); with `weights` also the ts_rank of the whole search
    vector and whether the short fields (search_head) match, both computed for the kept rows
    only, above the LIMIT (inside the candidate query PostgreSQL would compute them for every
    match before a sort), and in the same query, so no row is looked up by id again.

    stream=False checks the exact query on every row read, as PostgreSQL plans it: better
    when the relaxed query matches most items (the date index is walked either way, and the
    stream would read each vector twice). filters_first (for a walk along the date index)
    checks the other conditions, such as a keyword's EXISTS, before the out-of-line vector:
    PostgreSQL tests a row's own columns first and joins afterwards.
    """
    exact = StoredQuery(text)
    loose = relaxed(text) if stream else None
    carried = dict.fromkeys((*COLUMNS, *_RANKED_BY))
    if filters_first:
        sql, params = newest_first(queryset).values_list(*carried).query.sql_with_params()
        outer = (
            f"SELECT {', '.join(carried)} FROM ({sql} OFFSET 0) AS candidate"
            f" WHERE candidate.{field} @@ %s::tsquery LIMIT %s"
        )
        return _fetch(outer, [*params, text, limit], text, weights)
    if loose is None:
        matches = newest_first(queryset.filter(**{field: exact}))
        sql, params = matches.values_list(*carried).query.sql_with_params()
        return _fetch(f"{sql} LIMIT %s", [*params, limit], text, weights)
    # The relaxed matches in date order (the planner picks the GIN index or the date index;
    # without a phrase operator no row is re-read), then the exact check row by row until
    # `limit` rows passed. OFFSET 0 keeps PostgreSQL from moving the exact check into the
    # inner query, where it would run for every candidate.
    if window:
        return _in_windows(queryset, field, text, loose, limit, weights, window)
    return _streamed(queryset, field, text, loose, limit, weights)


def _streamed(
    queryset: QuerySet,
    field: str,
    text: str,
    loose: str,
    limit: int,
    weights: list[float] | None,
) -> list[tuple]:
    # The relaxed matches are sorted by date before the check: the sort carries the vector's
    # out-of-line pointer but not the inline short-field vector (about 300 bytes a row, which
    # made the sort spill to disk), which the kept rows look up by id.
    carried = dict.fromkeys((*COLUMNS, "search_vector", field))
    inner = newest_first(queryset.filter(**{field: StoredQuery(loose)}))
    sql, params = inner.values_list(*carried).query.sql_with_params()
    outer = (
        f"SELECT {', '.join(carried)} FROM ({sql} OFFSET 0) AS candidate"
        f" WHERE candidate.{field} @@ %s::tsquery LIMIT %s"
    )
    return _fetch(
        outer, [*params, text, limit], text, weights, head_carried="search_head" in carried
    )


def _in_windows(
    queryset: QuerySet,
    field: str,
    text: str,
    loose: str,
    limit: int,
    weights: list[float] | None,
    size: int,
) -> list[tuple]:
    """The stream, window by window of whole days, newest first: the first window holds
    the newest `size` items of the archive, each next one twice as many older items. The
    windows split the date order, so their rows in turn are the stream's rows."""
    from articles.models import Article

    order = newest_first(Article.objects.all()).values_list("published_on", flat=True)
    loose = _selective(loose)
    with transaction.atomic():
        # The GIN side of a window's bitmap holds every relaxed match of the archive; past
        # work_mem it turns lossy and every row in the window would have its vector re-read.
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL work_mem = '{WINDOW_WORK_MEM}'")
        return _windows(queryset, field, text, loose, limit, weights, size, order)


def _windows(
    queryset: QuerySet,
    field: str,
    text: str,
    loose: str,
    limit: int,
    weights: list[float] | None,
    size: int,
    order: QuerySet,
) -> list[tuple]:
    rows: list[tuple] = []
    upper, offset = None, 0
    while len(rows) < limit:
        offset += size
        size *= 2
        lower = order[offset : offset + 1].first()
        part = queryset if upper is None else queryset.filter(published_on__lt=upper)
        if lower is not None:
            part = part.filter(published_on__gte=lower)
        elif upper is not None:  # the last window: undated items come after every date
            part = queryset.filter(Q(published_on__lt=upper) | Q(published_on__isnull=True))
        rows += _streamed(part, field, text, loose, limit - len(rows), weights)
        if lower is None:
            break
        upper = lower
    return rows


_PLAIN_AND = re.compile(r"'[^']+'(?: & '[^']+')*")
COMMON_SHARE = 0.5


def _selective(loose: str) -> str:
    """An AND of words less those in more than COMMON_SHARE of the items (ANALYZE's most
    common elements), still a superset of the matches: intersecting a posting list of
    nearly every item ("digital") cost the GIN index more than it removed."""
    if not _PLAIN_AND.fullmatch(loose) or " & " not in loose:
        return loose
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats"
            " WHERE tablename = 'articles_article' AND attname = 'search_vector'"
        )
        row = cursor.fetchone()
    if not row or not row[0]:
        return loose
    share = dict(zip(row[0], row[1], strict=False))
    words = loose.split(" & ")
    kept = [word for word in words if share.get(word.strip("'"), 0.0) <= COMMON_SHARE]
    return " & ".join(kept or [min(words, key=lambda word: share.get(word.strip("'"), 0.0))])


# Carried as pointers through the candidate query; read only for the kept rows.
_RANKED_BY = ("search_vector", "search_head")
_TABLE = '"articles_article"'


def _fetch(
    sql: str, params: list, text: str, weights: list[float] | None, head_carried: bool = True
) -> list[tuple]:
    columns = ", ".join(COLUMNS)
    if weights is None:
        sql = f"SELECT {columns} FROM ({sql}) AS kept"
    else:
        head = "search_head" if head_carried else (
            f'(SELECT search_head FROM {_TABLE} AS item WHERE item.id = kept.id)'
        )  # fmt: skip
        sql = (
            f"SELECT {columns}, ts_rank(%s::real[], search_vector, %s::tsquery, 1),"
            f" {head} @@ %s::tsquery FROM ({sql}) AS kept"
        )
        params = [weights, text, text, *params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
