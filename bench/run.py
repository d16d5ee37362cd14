"""Benchmark the search and archive pages on a synthetic archive of N items.

    make bench N=100000          (or: .venv/bin/python bench/run.py --items 100000)

Builds (once, and again when N or the corpus version changes; bench/build.py) a database
`archive_bench` (or BENCH_DATABASE) on the same server as the archive (DATABASE_URL or the
embedded PostgreSQL), then requests each page shape of bench/shapes.py RUNS times through
Django's test client and prints p50/p95 latencies in milliseconds, side by side with a naive
icontains search over title and body (--icontains-runs; slow at a million items).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
# Another name (BENCH_DATABASE) keeps runs of different sizes on one shared server apart.
BENCH_DATABASE = os.environ.get("BENCH_DATABASE", "archive_bench")

from bench.build import build  # noqa: E402


def configure() -> None:
    import django
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = BENCH_DATABASE
    settings.DATABASES["default"]["OPTIONS"]["pool"] = False
    # Pages render without collectstatic's manifest; static files are not what is measured.
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    django.setup()


def ensure_database() -> None:
    """Create the bench database when missing (build() does it too)."""
    from bench.build import ensure_database as create

    create(BENCH_DATABASE)


def percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[
        min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))
    ]


def measure(client, url: str, runs: int) -> tuple[float, float, float, float, int]:
    """(uncached p50, p95, warm p50, p95, status) of one page.

    Uncached: the archive generation moves on before every request, so no count, facet,
    chart or rendered list comes from the cache: every request does the full work, as the
    first request after any change does. Warm: the same URL again with the caches filled.
    """
    from articles.cache import bump

    client.get(url)  # the database's own caches are warm for both columns
    uncached, warm = [], []
    status = 0
    for _ in range(runs):
        bump()
        started = time.perf_counter()
        response = client.get(url)
        uncached.append((time.perf_counter() - started) * 1000)
        status = response.status_code
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        warm.append((time.perf_counter() - started) * 1000)
    return *percentiles(uncached), *percentiles(warm), status


def measure_callable(function, runs: int) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return percentiles(timings)


def print_sizes() -> None:
    """Table, index and lexicon sizes: what the compound parts cost on disk."""
    from django.db import connection

    relations = [
        ("items table (with TOAST)", "SELECT pg_total_relation_size('articles_article')"
         " - pg_indexes_size('articles_article')"),
        ("GIN search_vector", "SELECT pg_relation_size('article_search_vector_gin')"),
        ("GIN search_head", "SELECT pg_relation_size('article_search_head_gin')"),
        ("compound lexicon (with index)",
         "SELECT pg_total_relation_size('articles_compoundlexicon')"),
        ("search_parts text", "SELECT sum(pg_column_size(search_parts)) FROM articles_article"),
        ("lexicon rows / with parts", "SELECT count(*) || ' / ' || count(*) FILTER"
         " (WHERE cardinality(parts) > 0) FROM articles_compoundlexicon"),
    ]  # fmt: skip
    print("\nsizes")
    with connection.cursor() as cursor:
        for label, sql in relations:
            cursor.execute(sql)
            value = cursor.fetchone()[0]
            shown = f"{value / 1e6:.1f} MB" if isinstance(value, int) else value
            print(f"{label:<32} {shown}")


def icontains(term: str, runs: int) -> str:
    """p50 and p95 of a naive search: icontains over title and body, count and first page."""
    from django.db.models import Q

    from articles.models import Article

    def naive() -> None:
        matches = Article.objects.filter(Q(title__icontains=term) | Q(body__icontains=term))
        matches.count()
        list(matches.order_by("-published_on")[:20])

    if runs <= 0:
        return ""
    b50, b95 = measure_callable(naive, runs)
    return f"{b50:>13.1f} {b95:>7.1f}"


def load_line() -> str:
    return "load average " + " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--icontains-runs", type=int, default=3,
        help="runs of the naive icontains search per search shape (0: skip it)",
    )  # fmt: skip
    parser.add_argument("--loaders", type=int, default=2, help="processes that load items")
    parser.add_argument("--no-writes", action="store_true", help="skip the write timings")
    args = parser.parse_args()
    configure()
    build(args.items, args.loaders)

    from django.test import Client

    from articles.models import Article
    from bench.shapes import shapes
    from bench.writes import measure_writes

    client = Client()
    total = Article.objects.count()
    pages = shapes(total)
    print(f"\n{BENCH_DATABASE}: {total:,} items, {args.runs} runs each; milliseconds")
    print(f"{load_line()} (start)")
    print("uncached: every request after a change of the archive (no cached figure or list)")
    print("warm: the same URL again, counts, facets and lists from the cache\n")
    print(
        f"{'page':<36} {'uncached p50':>12} {'p95':>7} {'target':>7}  {'warm p50':>8} {'p95':>7}"
        f"  {'icontains p50':>13} {'p95':>7}  status"
    )
    for label, url, term, target in pages:
        p50, p95, warm50, warm95, status = measure(client, url, args.runs)
        baseline = icontains(term, args.icontains_runs) if term else ""
        verdict = f"{'<=' if p95 <= target else '>'}{target}"
        print(
            f"{label:<36} {p50:>12.1f} {p95:>7.1f} {verdict:>7}  {warm50:>8.1f} {warm95:>7.1f}"
            f"  {baseline:>21}  {status}",
            flush=True,
        )
    print(f"{load_line()} (end of pages)")
    print_sizes()
    if args.no_writes:
        return
    print("\nwrites (rolled back): with the tally triggers, and without them\n")
    print(f"{'write':<36} {'p50':>7} {'p95':>7}  {'without p50':>11} {'p95':>7}")
    for label, p50, p95, bare50, bare95 in measure_writes(args.runs):
        print(f"{label:<36} {p50:>7.1f} {p95:>7.1f}  {bare50:>11.1f} {bare95:>7.1f}")


if __name__ == "__main__":
    main()
