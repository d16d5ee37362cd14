"""What the derived-data triggers add to an editor's writes, measured on the bench archive."""

from __future__ import annotations

import time

from bench.run import percentiles

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
