"""Search pages: Python CPU time and the database's own time per page, uncached.

    BENCH_DATABASE=archive_bench_100k .venv/bin/python bench/search_cost.py 10 [shape,shape]

Like bench/reader_cost.py for the search shapes of bench/shapes.py: beside the wall time
(p50/p95) the page's Python CPU time (process_time) and the summed planning and execution
time of EXPLAIN ANALYZE over every query the page ran (medians). SEARCH_COST_PLANS=1 also
prints the slowest query's plan (EXPLAIN ANALYZE, BUFFERS) once per shape.
"""

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import run


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    only = sys.argv[2].split(",") if len(sys.argv) > 2 else None
    run.configure()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.cache import bump
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
        client.get(url)
        cpu, sql, wall = [], [], []
        for _ in range(runs):
            bump()
            with CaptureQueriesContext(connection) as captured:
                c0, w0 = time.process_time(), time.perf_counter()
                response = client.get(url)
                cpu.append((time.process_time() - c0) * 1000)
                wall.append((time.perf_counter() - w0) * 1000)
            executed = []
            for query in captured.captured_queries:
                text = query["sql"]
                if not text.lstrip().upper().startswith(("SELECT", "WITH", "(")):
                    continue
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + text)
                    plan = cursor.fetchone()[0]
                    plan = plan if isinstance(plan, list) else json.loads(plan)
                    executed.append((plan[0]["Execution Time"] + plan[0]["Planning Time"], text))
            sql.append(sum(t for t, _ in executed))
        slowest = max(executed, default=(0, ""))
        m = statistics.median
        p50, p95 = run.percentiles(wall)
        print(
            f"{label:<34} {m(cpu):>6.1f} {m(sql):>7.1f} {p50:>7.1f} {p95:>7.1f}"
            f" {len(captured):>7}  {slowest[0]:.1f} {slowest[1][:50]!r} [{response.status_code}]",
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
