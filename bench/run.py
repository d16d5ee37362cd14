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
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
BENCH_DATABASE = "archive_bench"


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
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    params = {"dbname": "postgres", "user": db.get("USER") or "postgres", "autocommit": True}
    if db.get("HOST"):
        params["host"] = db["HOST"]
    if db.get("PORT"):
        params["port"] = db["PORT"]
    if db.get("PASSWORD"):
        params["password"] = db["PASSWORD"]
    with psycopg.connect(**params) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DATABASE]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')


def build(items: int, batch: int = 5000) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils.text import slugify
    from tqdm import tqdm

    from articles.models import Article, Keyword, Mention, Person, Source, TaggedArticle
    from bench.corpus import SOURCES, Corpus

    call_command("migrate", verbosity=0)
    if Article.objects.count() == items:
        return
    print(f"Building a synthetic archive of {items:,} items (once)…", file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE articles_article, articles_person, articles_keyword, articles_source,"
            " articles_document RESTART IDENTITY CASCADE"
        )
    corpus = Corpus()
    sources = {name: Source.objects.create(name=name, slug=slugify(name)) for name in SOURCES}
    keywords = {
        name: Keyword.objects.create(name=name, slug=slugify(name)) for name in corpus.keywords
    }
    people = {name: Person.objects.create(name=name, slug=slugify(name)) for name in corpus.people}
    for start in tqdm(range(0, items, batch), unit="batch", file=sys.stderr):
        rows = [corpus.item(number) for number in range(start, min(start + batch, items))]
        with transaction.atomic():
            articles = Article.objects.bulk_create(
                Article(
                    title=row["title"], slug=slugify(row["title"])[:200], kicker=row["kicker"],
                    published_on=row["published_on"], teaser=row["teaser"], body=row["body"],
                    status="published", kind="news", source=sources[row["source"]],
                    search_text=" ".join(row["keywords"] + [name for name, _ in row["people"]]),
                )
                for row in rows
            )  # fmt: skip
            TaggedArticle.objects.bulk_create(
                TaggedArticle(content_object=article, tag=keywords[name])
                for article, row in zip(articles, rows, strict=True)
                for name in row["keywords"]
            )
            Mention.objects.bulk_create(
                Mention(article=article, person=people[name], role=role, position=position)
                for article, row in zip(articles, rows, strict=True)
                for position, (name, role) in enumerate(row["people"])
            )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def measure(client, url: str, runs: int) -> tuple[float, float, float, int]:
    """(p50, p95, first request, status): the first request fills the page's caches."""
    from django.core.cache import cache

    cache.clear()
    timings = []
    status = 0
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        status = response.status_code
    cold = timings[0]
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, cold, status


def measure_callable(function, runs: int) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[
        min(len(timings) - 1, round(0.95 * (len(timings) - 1)))
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    configure()
    ensure_database()
    build(args.items)

    from django.db.models import Q
    from django.test import Client
    from django.urls import reverse

    from articles.models import Article, Keyword
    from bench.corpus import COMMON_TERM, PHRASE, RARE_TERM

    client = Client()
    search = reverse("articles:search")
    keyword = Keyword.objects.order_by("id").first()
    shapes = [
        ("search: rare term", f"{search}?q={RARE_TERM}", RARE_TERM),
        ("search: common term", f"{search}?q={COMMON_TERM}", COMMON_TERM),
        ("search: two-word AND", f"{search}?q={COMMON_TERM}+{keyword.name}", COMMON_TERM),
        ("search: phrase", f'{search}?q="{PHRASE[0]}+{PHRASE[1]}"', " ".join(PHRASE)),
        (
            "search: filtered (year+keyword)",
            f"{search}?q={COMMON_TERM}&jahr=2015&stichwort={keyword.slug}",
            COMMON_TERM,
        ),
        ("search: common term by date", f"{search}?q={COMMON_TERM}&sort=datum", COMMON_TERM),
        ("timeline /", reverse("articles:timeline"), None),
        ("keyword page", keyword.get_absolute_url(), None),
    ]  # fmt: skip
    total = Article.objects.count()
    print(f"\n{total:,} items, {args.runs} runs each; milliseconds\n")
    print(
        f"{'page':<34} {'p50':>8} {'p95':>8} {'cold':>8}   {'icontains p50':>13} {'p95':>8}  status"
    )
    for label, url, term in shapes:
        p50, p95, cold, status = measure(client, url, args.runs)
        baseline = ""
        if term:

            def naive(term=term):
                matches = Article.objects.filter(Q(title__icontains=term) | Q(body__icontains=term))
                matches.count()
                list(matches.order_by("-published_on")[:20])

            b50, b95 = measure_callable(naive, max(3, args.runs // 6))
            baseline = f"{b50:>13.1f} {b95:>8.1f}"
        print(f"{label:<34} {p50:>8.1f} {p95:>8.1f} {cold:>8.1f}   {baseline:>22}  {status}")


if __name__ == "__main__":
    main()
