"""Two writers at once keep the count tables exact.

A transactional test: it ends with a flush of the test database, so it lives here, after the
browser tests, which expect the groups a migration created.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import transaction

from articles.models import Article
from tests.derived.test_counts import assert_consistent


@pytest.mark.django_db(transaction=True)
def test_concurrent_imports_keep_the_tallies_exact():
    """Two importers at once, one transaction per item, the same months and keywords.

    Each also tags one shared item: the pairs among its keywords need what the other
    importer committed meanwhile.
    """
    import threading

    from django.db import connections

    errors: list[BaseException] = []
    start = threading.Barrier(2)
    shared = Article.objects.create(
        title="Gemeinsam", slug="gemeinsam", status=Article.Status.PUBLISHED
    )

    def importer(name: str, keywords: list[str]) -> None:
        try:
            start.wait()
            for number in range(12):
                with transaction.atomic():
                    item = Article.objects.create(
                        title=f"{name} {number}",
                        slug=f"{name}-{number}",
                        status=Article.Status.PUBLISHED,
                        published_on=datetime.date(2020, 1 + number % 2, 1 + number),
                    )
                    item.keywords.add(*keywords)
                with transaction.atomic():
                    shared.keywords.add(f"{name.upper()}{number}")
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=importer, args=("a", ["OZG", "Cloud", "Breitband"])),
        threading.Thread(target=importer, args=("b", ["Breitband", "OZG", "E-Akte"])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [str(error) for error in errors] == []
    assert Article.objects.count() == 25 and shared.keywords.count() == 24
    assert_consistent()
