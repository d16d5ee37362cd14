"""Derived figures and rendered fragments, cached per archive generation.

The generation lives in PostgreSQL (articles/sql/generation.sql): triggers move it on with
every write to the archive's data, whatever writes (ORM, update(), bulk_create, loaddata,
raw SQL, deletes, keyword and mention changes), in the writer's own transaction. Every
process reads it once per request, so none serves a page from before a write it could see.
An item whose publish time arrives writes nothing: the number of published items still
waiting for their time is part of the generation, so they appear the moment it comes.

Everything cached for readers goes through cached() (counts, charts, facets, search
results, the "Meinten Sie" vocabulary) or the {% cached_fragment %} template tag, which
uses it too. The TTL only frees memory; correctness never rests on it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

TTL = 300
# Enough room for the waiting items beside the stored value in one integer.
WAITING_SLOTS = 1 << 32
T = TypeVar("T")

# One read of the generation per request: set to a dict when a request starts.
_request_memo: ContextVar[dict | None] = ContextVar("archive_generation_memo", default=None)


# The published items whose publish time is still ahead walk the partial index
# article_scheduled_idx (migration 0005): a handful of rows.
_GENERATION_SQL = """
SELECT (SELECT value FROM articles_generation WHERE id = 1),
       (SELECT count(*) FROM articles_article WHERE status = %s AND publish_at > %s)
"""


def _read_generation() -> int:
    from articles.models import Article

    with connection.cursor() as cursor:
        cursor.execute(_GENERATION_SQL, [Article.Status.PUBLISHED, timezone.now()])
        value, waiting = cursor.fetchone()
    return (value or 0) * WAITING_SLOTS + min(waiting, WAITING_SLOTS - 1)


def generation() -> int:
    """The archive's current generation: changes with every write and every arrival."""
    memo = _request_memo.get()
    if memo is None:
        return _read_generation()
    if "value" not in memo:
        memo["value"] = _read_generation()
    return memo["value"]


def nothing_waiting() -> bool:
    """Whether this request's generation, already read, counted no item waiting for its
    publish time: then there is none to look up (an item only starts waiting by a write)."""
    memo = _request_memo.get()
    return memo is not None and "value" in memo and memo["value"] % WAITING_SLOTS == 0


def request_started(**kwargs) -> None:
    _request_memo.set({})


def request_finished(**kwargs) -> None:
    _request_memo.set(None)


def bump() -> None:
    """Move the generation on by hand (the benchmark's uncached column; writes need not)."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_generation SET value = value + 1 WHERE id = 1")
    memo = _request_memo.get()
    if memo is not None:
        memo.clear()


def key(name: str, parts: object) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:24]
    return f"archive:{generation()}:{name}:{digest}"


def cached(name: str, parts: object, compute: Callable[[], T]) -> T:
    cache_key = key(name, parts)
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, TTL)
    return value


def request_parts(request, *, ignore: tuple[str, ...] = ()) -> tuple:
    """What identifies a page's figures: its path and its query minus `ignore` (paging)."""
    params = sorted((k, v) for k, v in request.GET.lists() if k not in ignore)
    return (request.path, tuple((k, tuple(v)) for k, v in params))
