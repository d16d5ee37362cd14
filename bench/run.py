"""Benchmark the search and archive pages on a synthetic archive of N items.

    make bench N=100000          (or: .venv/bin/python bench/run.py --items 100000)

Builds (once, and again when N changes) a database `archive_bench` on the same server as
the archive (DATABASE_URL or the embedded PostgreSQL), then requests each page shape RUNS
times through Django's test client and prints p50/p95 latencies in milliseconds, side by
side with a naive icontains search over title and body.
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


TRIGGER_TABLES = ("articles_article", "articles_taggedarticle", "articles_mention")


def measure_writes(runs: int) -> list[tuple[str, float, float, float, float]]:
    """What the tally triggers add to an editor's writes: each write with and without them.

    Every write runs in a transaction that is rolled back, so the archive stays as built;
    "without" disables the triggers inside that transaction only.
    """
    import datetime

    from django.db import connection, transaction

    from articles.models import Article, Keyword, Mention, Person

    keywords = list(Keyword.objects.order_by("id")[:3])
    person = Person.objects.order_by("id").first()
    existing = Article.objects.filter(status="published").order_by("id").first()

    def create() -> None:
        article = Article.objects.create(
            title="Neue Meldung", slug="neue-meldung-bench", status="published",
            published_on=datetime.date(2020, 5, 5),
        )  # fmt: skip
        article.keywords.add(*keywords)
        Mention.objects.create(article=article, person=person)

    def withdraw() -> None:
        existing.status = "draft"
        existing.save()

    def edit_text() -> None:
        existing.body += " Nachtrag."
        existing.save()

    results = []
    for label, write in (
        ("create item, 3 keywords, 1 person", create),
        ("withdraw a published item", withdraw),
        ("edit an item's text", edit_text),
    ):
        timings = {}
        for triggers in (True, False):
            samples = []
            for _ in range(runs):
                with transaction.atomic():
                    if not triggers:
                        with connection.cursor() as cursor:
                            for table in TRIGGER_TABLES:
                                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
                    started = time.perf_counter()
                    write()
                    samples.append((time.perf_counter() - started) * 1000)
                    transaction.set_rollback(True)
                existing.refresh_from_db()
            timings[triggers] = percentiles(samples)
        results.append((label, *timings[True], *timings[False]))
    return results


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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--loaders", type=int, default=2, help="processes that load items")
    args = parser.parse_args()
    configure()
    build(args.items, args.loaders)

    from django.db.models import Q
    from django.test import Client
    from django.urls import reverse

    from articles.models import Article, Keyword, Person
    from bench.corpus import (
        COMMON_TERM,
        MEDIUM_TERM,
        PART_COMPOUND,
        PART_TERM,
        PHRASE,
        PREFIX_QUERY,
        RARE_TERM,
        SYNONYM_LONG,
        SYNONYM_TERM,
    )

    client = Client()
    search = reverse("articles:search")
    keyword = Keyword.objects.order_by("id").first()
    person = Person.objects.order_by("id").first()
    search_target, page_target = 50, 30
    shapes = [
        ("search: rare term (0.005 %)", f"{search}?q={RARE_TERM}", RARE_TERM, search_target),
        ("search: medium term (1 %)", f"{search}?q={MEDIUM_TERM}", MEDIUM_TERM, search_target),
        ("search: common term (35 %)", f"{search}?q={COMMON_TERM}", COMMON_TERM, search_target),
        ("search: two-word AND", f"{search}?q={COMMON_TERM}+{keyword.name}", COMMON_TERM,
         search_target),
        ("search: phrase", f'{search}?q="{PHRASE[0]}+{PHRASE[1]}"', " ".join(PHRASE),
         search_target),
        ("search: compound part (1 %)", f"{search}?q={PART_TERM}", PART_COMPOUND, search_target),
        ("search: synonym OZG (1 %)", f"{search}?q={SYNONYM_TERM}", SYNONYM_LONG, search_target),
        ("search: prefix Digi*", f"{search}?q={PREFIX_QUERY}", "Digi", search_target),
        ("search: filtered (year+keyword)",
         f"{search}?q={COMMON_TERM}&jahr=2015&stichwort={keyword.slug}", COMMON_TERM,
         search_target),
        ("search: common term by date", f"{search}?q={COMMON_TERM}&sort=datum", COMMON_TERM,
         search_target),
        ("timeline /", reverse("articles:timeline"), None, page_target),
        ("keyword page", keyword.get_absolute_url(), None, page_target),
        ("timeline, keyword filter", f"{reverse('articles:timeline')}?stichwort={keyword.slug}",
         None, page_target),
        ("person page", person.get_absolute_url(), None, page_target),
        ("year archive", reverse("articles:archive_year", args=[2015]), None, page_target),
        ("keyword index", reverse("articles:keywords"), None, page_target),
    ]  # fmt: skip
    total = Article.objects.count()
    print(f"\n{total:,} items, {args.runs} runs each; milliseconds")
    print("uncached: every request after a change of the archive (no cached figure or list)")
    print("warm: the same URL again, counts, facets and lists from the cache\n")
    print(
        f"{'page':<32} {'uncached p50':>12} {'p95':>7} {'target':>7}  {'warm p50':>8} {'p95':>7}"
        f"  {'icontains p50':>13} {'p95':>7}  status"
    )
    for label, url, term, target in shapes:
        p50, p95, warm50, warm95, status = measure(client, url, args.runs)
        baseline = ""
        if term:

            def naive(term=term):
                matches = Article.objects.filter(Q(title__icontains=term) | Q(body__icontains=term))
                matches.count()
                list(matches.order_by("-published_on")[:20])

            b50, b95 = measure_callable(naive, 3)
            baseline = f"{b50:>13.1f} {b95:>7.1f}"
        verdict = f"{'<' if p95 < target else '>='}{target}"
        print(
            f"{label:<32} {p50:>12.1f} {p95:>7.1f} {verdict:>7}  {warm50:>8.1f} {warm95:>7.1f}"
            f"  {baseline:>21}  {status}"
        )
    print_sizes()
    print("\nwrites (rolled back): with the tally triggers, and without them\n")
    print(f"{'write':<36} {'p50':>7} {'p95':>7}  {'without p50':>11} {'p95':>7}")
    for label, p50, p95, bare50, bare95 in measure_writes(args.runs):
        print(f"{label:<36} {p50:>7.1f} {p95:>7.1f}  {bare50:>11.1f} {bare95:>7.1f}")


if __name__ == "__main__":
    main()
