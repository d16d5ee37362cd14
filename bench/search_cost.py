"""Search pages: Python CPU time and the database's own time per page, uncached.

    BENCH_DATABASE=archive_bench_100k .venv/bin/python bench/search_cost.py 10 [shape,shape]

Like bench/reader_cost.py for the search shapes of bench/shapes.py: beside the wall time
(p50/p95) the page's Python CPU time (process_time) and the summed planning and execution
time of EXPLAIN ANALYZE over every query the page ran (medians). SEARCH_COST_PLANS=1 also
prints the slowest query's plan (EXPLAIN ANALYZE, BUFFERS) once per shape.
"""

import os
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import run
from bench.page_cost import measure


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    only = sys.argv[2].split(",") if len(sys.argv) > 2 else None
    run.configure()
    from django.db import connection
    from django.test import Client

    from articles.models import Article
    from bench.shapes import shapes

    client = Client()
    pages = [shape for shape in shapes(Article.objects.count()) if shape[0].startswith("search")]
    print(f"{run.BENCH_DATABASE}, {runs} runs; ms (cpu, sql: median; wall: p50/p95)")
    print(f"{run.load_line()} (start)")
    print(f"{'page':<34} {'cpu':>6} {'sql':>7} {'wall50':>7} {'wall95':>7} {'queries':>7}  slowest")
    for label, url, _term, _target in pages:
        if only and not any(o in label for o in only):
            continue
        cost = measure(client, url, runs)
        executed = cost.executed
        spent, text = cost.slowest
        m = statistics.median
        p50, p95 = run.percentiles(cost.wall)
        print(
            f"{label:<34} {m(cost.cpu):>6.1f} {m(cost.sql):>7.1f} {p50:>7.1f} {p95:>7.1f}"
            f" {cost.queries:>7}  {spent:.1f} {text[:50]!r} [{cost.status}]",
            flush=True,
        )
        if os.environ.get("SEARCH_COST_QUERIES"):
            for spent, text in executed:
                short = re.sub(r"'\{[0-9,]{40,}\}'", "'{ids}'", text)
                short = re.sub(r"'[^']{200,}'", "'<long>'", short)
                print(f"  {spent:6.1f} {' '.join(short.split())[:230]}")
        if os.environ.get("SEARCH_COST_PLANS"):
            for spent, text in sorted(executed, reverse=True)[:3]:
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + text)
                    plan = "\n".join("    " + row[0] for row in cursor.fetchall())
                print(f"  -- {spent:.1f} ms: {text[:2000]}\n{plan}\n")
    print(f"{run.load_line()} (end)")


if __name__ == "__main__":
    main()
