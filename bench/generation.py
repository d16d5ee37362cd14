"""What the cache generation costs: one read per request, one row update per write statement.

Run against a database with items: `DATABASE_URL=… .venv/bin/python manage.py shell <
bench/generation.py` (state `uptime` with the figures). Writes are made on one published
item and its teaser is written back unchanged.
"""

import statistics
import time

from django.db import connection

from articles.cache import _read_generation
from articles.models import Article


def timed(function, runs):
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (runs - 1))]


print("items", Article.objects.count())
read = timed(_read_generation, 2000)
print(f"generation read p50/p95 ms: {read[0]:.3f} / {read[1]:.3f}")
item = Article.objects.filter(status="published").first()
writes = {
    "ORM save": lambda: item.save(update_fields=["teaser"]),
    "queryset update": lambda: Article.objects.filter(pk=item.pk).update(teaser=item.teaser),
}
for label, write in writes.items():
    with_trigger = timed(write, 500)
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE articles_article DISABLE TRIGGER articles_article_generation")
    try:
        without = timed(write, 500)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                "ALTER TABLE articles_article ENABLE TRIGGER articles_article_generation"
            )
    print(
        f"{label} p50/p95 ms: with the generation trigger {with_trigger[0]:.2f}/"
        f"{with_trigger[1]:.2f}, without {without[0]:.2f}/{without[1]:.2f}"
    )
