"""Reader pages: Python CPU time and the database's own time per page, uncached.

    BENCH_DATABASE=archive_bench_100k .venv/bin/python bench/reader_cost.py 5 [shape,shape]

On a busy machine wall times say more about the neighbours than about the page; this prints,
beside the wall time, the page's Python CPU time (process_time) and the summed planning and
execution time of EXPLAIN ANALYZE over every query the page ran. Needs a database built by
bench/run.py. PAGE_PARAM=page measures code from before the German parameter names.
"""

import os
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
    from django.test import Client
    from django.urls import reverse

    from articles.models import Article, Keyword, Person
    from articles.views.paging import Position

    page = os.environ.get("PAGE_PARAM", "seite")
    client = Client()
    listed = Article.objects.listed().order_by("-published_on", "-id")
    total = listed.count()
    deep = listed[min(total - 1, 20_000 * 25 if total > 600_000 else total * 4 // 5)]
    keyword = Keyword.objects.order_by("id").first()
    rare_keyword = Keyword.objects.order_by("-id").first()
    person = Person.objects.order_by("id").first()
    article = listed[total // 2]
    shapes = [
        ("timeline /", "/"),
        ("timeline page 20", f"/?{page}=20"),
        ("timeline deep ?vor=", f"/?vor={Position.of(deep)}"),
        ("year archive 2015", reverse("articles:archive_year", args=[2015])),
        ("month archive 2015/06", reverse("articles:archive_month", args=[2015, 6])),
        ("keyword page (most used)", keyword.get_absolute_url()),
        ("keyword page (least used)", rare_keyword.get_absolute_url()),
        ("person page", person.get_absolute_url()),
        ("keyword index", reverse("articles:keywords")),
        ("person index", reverse("articles:people")),
        ("article page (related)", article.get_absolute_url()),
    ]
    print(f"{total:,} listed items, {runs} runs; ms (median)")
    print(f"{'page':<30} {'cpu':>6} {'sql':>9} {'sum':>6} {'wall':>6} {'queries':>7}  slowest")
    for label, url in shapes:
        if only and not any(o in label for o in only):
            continue
        cost = measure(client, url, runs)
        spent, text = cost.slowest
        m = statistics.median
        print(
            f"{label:<30} {m(cost.cpu):>6.1f} {m(cost.sql):>9.1f} {m(cost.cpu) + m(cost.sql):>6.1f}"
            f" {m(cost.wall):>6.1f} {cost.queries:>7}  {spent:.1f} {text[:60]!r} [{cost.status}]",
            flush=True,
        )


if __name__ == "__main__":
    main()
