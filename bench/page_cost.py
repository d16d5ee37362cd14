"""One page's cost, uncached: Python CPU, the database's own time and wall time per request.

Used by bench/reader_cost.py and bench/search_cost.py. On a busy machine wall times say more
about the neighbours than about the page; the CPU time (process_time) and the summed
planning and execution time of EXPLAIN ANALYZE over every query the page ran do not.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field


@dataclass
class PageCost:
    cpu: list[float] = field(default_factory=list)  # ms per request
    sql: list[float] = field(default_factory=list)  # ms per request, summed over its queries
    wall: list[float] = field(default_factory=list)
    executed: list[tuple[float, str]] = field(default_factory=list)  # last request's queries
    queries: int = 0
    status: int = 0

    @property
    def slowest(self) -> tuple[float, str]:
        return max(self.executed, default=(0.0, ""))


def measure(client, url: str, runs: int) -> PageCost:
    """Request `url` once to warm the database's caches, then `runs` times uncached."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.cache import bump

    client.get(url)
    cost = PageCost()
    for _ in range(runs):
        bump()
        with CaptureQueriesContext(connection) as captured:
            c0, w0 = time.process_time(), time.perf_counter()
            response = client.get(url)
            cost.cpu.append((time.process_time() - c0) * 1000)
            cost.wall.append((time.perf_counter() - w0) * 1000)
        cost.executed = [_explained(connection, query["sql"]) for query in captured]
        cost.executed = [entry for entry in cost.executed if entry is not None]
        cost.sql.append(sum(spent for spent, _ in cost.executed))
        cost.queries, cost.status = len(captured), response.status_code
    return cost


def _explained(connection, text: str) -> tuple[float, str] | None:
    if not text.lstrip().upper().startswith(("SELECT", "WITH", "(")):
        return None
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + text)
        plan = cursor.fetchone()[0]
    plan = plan if isinstance(plan, list) else json.loads(plan)
    return plan[0]["Execution Time"] + plan[0]["Planning Time"], text
