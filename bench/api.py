"""Benchmark the API (/api/v1/) on the synthetic archive of bench/run.py.

    .venv/bin/python bench/api.py --items 100000 --runs 30     (make bench runs it too)

Same corpus, database and method as bench/run.py (uncached: the archive generation moves on
before every request; warm: the same URL again). Requests go through Django's test client
with rate limits lifted; the items list has a target of p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run as base
from bench.reuse import check_reused

TARGET_MS = 50


def shapes() -> list[tuple[str, str, int | None]]:
    from django.test import Client
    from django.urls import reverse

    from articles.models import Article, Keyword, Person, Source
    from bench.corpus import COMMON_TERM, MEDIUM_TERM, RARE_TERM

    items = reverse("api:items")
    keyword = Keyword.objects.order_by("id").first()
    person = Person.objects.order_by("id").first()
    source = Source.objects.order_by("id").first()
    client = Client()
    # A cursor 50 pages deep: keyset pages cost what the first page costs.
    url = f"{items}?sort=newest"
    for _ in range(50):
        url = client.get(url).json()["next"]
    deep = url.replace("http://testserver", "")
    some_item = Article.objects.listed().order_by("-id").values_list("id", flat=True).first()
    return [
        ("(the site's timeline /, reference)", reverse("articles:timeline"), None),
        ("items: newest, page 1", items, TARGET_MS),
        ("items: newest, page 51 (cursor)", deep, TARGET_MS),
        ("items: oldest, page 1", f"{items}?sort=oldest", TARGET_MS),
        ("items: keyword", f"{items}?keyword={keyword.slug}", TARGET_MS),
        ("items: person", f"{items}?person={person.slug}", TARGET_MS),
        ("items: source + year", f"{items}?source={source.slug}&year=2015", TARGET_MS),
        ("items: from/to", f"{items}?from=2015-03-01&to=2015-09-30", TARGET_MS),
        ("items: q rare (relevance)", f"{items}?q={RARE_TERM}", TARGET_MS),
        ("items: q medium (relevance)", f"{items}?q={MEDIUM_TERM}", TARGET_MS),
        ("items: q common (relevance)", f"{items}?q={COMMON_TERM}", TARGET_MS),
        ("items: q common, newest", f"{items}?q={COMMON_TERM}&sort=newest", TARGET_MS),
        ("items: q common + keyword", f"{items}?q={COMMON_TERM}&keyword={keyword.slug}",
         TARGET_MS),
        ("items: 100 per page", f"{items}?page_size=100", None),
        ("item detail", reverse("api:item", kwargs={"pk": some_item}), None),
        ("keywords", reverse("api:keywords"), None),
        ("person detail", reverse("api:person", kwargs={"slug": person.slug}), None),
        ("facets: q common", f"{reverse('api:facets')}?q={COMMON_TERM}", None),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--database", default=base.BENCH_DATABASE)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the database as it is (a shared one built elsewhere): never build or empty it",
    )
    args = parser.parse_args()
    base.BENCH_DATABASE = args.database
    base.configure()
    if args.reuse:
        check_reused(base.BENCH_DATABASE)
    else:
        base.ensure_database()
        base.build(args.items)

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from articles.models import Article

    settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
        "anonymous": "1000000/min", "authenticated": "1000000/min",
    }  # fmt: skip
    from rest_framework.settings import api_settings

    api_settings.reload()
    if args.reuse:  # a shared database stays as it is: the counts in this process's memory
        settings.CACHES["api"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        # "Uncached" without writing the generation: this process's caches are emptied instead.
        from django.core.cache import caches

        from articles import cache as archive_cache

        archive_cache.bump = lambda: [caches[alias].clear() for alias in ("default", "pages")]
    else:
        call_command("createcachetable")  # the rate limit's table: its queries are measured too
    client = Client()
    print(f"\n{Article.objects.count():,} items, {args.runs} runs each; milliseconds")
    print(f"{'endpoint':<34} {'uncached p50':>12} {'p95':>7} {'target':>7}  {'warm p50':>8}"
          f" {'p95':>7}  status")  # fmt: skip
    for label, url, target in shapes():
        p50, p95, warm50, warm95, status = base.measure(client, url, args.runs)
        verdict = f"{'<' if p95 <= target else '>'}{target}" if target else ""
        print(f"{label:<34} {p50:>12.1f} {p95:>7.1f} {verdict:>7}  {warm50:>8.1f} {warm95:>7.1f}"
              f"  {status}")  # fmt: skip


if __name__ == "__main__":
    main()
