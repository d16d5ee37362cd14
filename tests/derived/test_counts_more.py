"""The count tables: scheduled items, repair, dumps, concurrent writers (helpers: test_counts)."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles.derived.counts import ListedCounts
from articles.models import Article
from tests.derived.test_counts import assert_consistent, in_tallies, stored, truth

pytestmark = pytest.mark.django_db


def test_a_scheduled_item_counts_once_its_time_has_come(make_article):
    make_article("Schon da", keywords=["OZG"], people=[("Anna Schmidt", "Ministerin")])
    later = make_article(
        "Kommt noch",
        keywords=["OZG", "Cloud"],
        people=[("Anna Schmidt", "Ministerin"), ("Bernd Weber", "CIO")],
        publish_at=timezone.now() + datetime.timedelta(hours=1),
    )
    tallies = ListedCounts()
    assert sum(tallies.periods().values()) == 1
    assert [(u.name, u.count) for u in tallies.keywords()] == [("OZG", 1)]
    assert [u.name for u in tallies.people()] == ["Anna Schmidt"]
    assert_consistent()

    # The publish time passes without a write to any tally.
    Article.objects.filter(pk=later.pk).update(publish_at=timezone.now())
    tallies = ListedCounts()
    assert sum(tallies.periods().values()) == 2
    assert [(u.name, u.count) for u in tallies.keywords()] == [("Cloud", 1), ("OZG", 2)]
    assert_consistent()


def test_rebuild_command_repairs_drifted_tallies(make_article):
    make_article("Eins", keywords=["OZG", "Cloud"], people=[("Anna Schmidt", "Ministerin")])
    make_article("Zwei", keywords=["OZG"])
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_keywordperiodcount SET count = count + 5")
    assert stored() != truth(in_tallies())
    out = io.StringIO()
    call_command("rebuild_tallies", stdout=out)
    assert "2 listed items, 2 keywords" in out.getvalue()
    assert_consistent()


def test_a_dump_leaves_the_tallies_out(make_article):
    """Loading a dump beside the triggers would count every item twice."""
    make_article("Eins", keywords=["OZG"])
    out = io.StringIO()
    call_command("dumpdata", "articles", stdout=out)
    models = {row["model"] for row in json.loads(out.getvalue())}
    assert "articles.article" in models
    assert not {model for model in models if model.endswith("count")}
