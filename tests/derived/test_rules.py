""" "Listed" and "the period of an item" are defined once (articles/derived/rules.py); every
other expression of them (the SQL functions the triggers use, the ORM's annotations) agrees."""

import datetime
import itertools

import pytest
from django.db import connection
from django.db.models.functions import ExtractYear

from articles.derived.rules import is_listed, listed_q, month_of_period, period_of
from articles.models import Article

pytestmark = pytest.mark.django_db
DATES = [None, datetime.date(2018, 1, 1), datetime.date(2018, 12, 31), datetime.date(2005, 6, 15)]


def test_listed_in_sql_is_listed_in_the_orm():
    for number, (status, kind) in enumerate(
        itertools.product(Article.Status.values, Article.Kind.values)
    ):
        Article.objects.create(title=f"{status} {kind}", slug=f"a-{number}", status=status,
                               kind=kind)  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM articles_article WHERE articles_listed(status, kind)")
        in_sql = {row[0] for row in cursor.fetchall()}
    in_orm = set(Article.objects.filter(listed_q()).values_list("id", flat=True))
    public = set(Article.objects.listed().values_list("id", flat=True))
    in_python = {item.pk for item in Article.objects.all() if is_listed(item.status, item.kind)}
    assert in_sql == in_orm == public == in_python
    assert len(in_sql) == len(Article.Kind.values) - 1


def test_the_period_is_the_same_in_python_sql_and_the_orm():
    for number, (date, precision) in enumerate(
        itertools.product(DATES, Article.DatePrecision.values)
    ):
        Article.objects.create(title=f"P{number}", slug=f"p-{number}", published_on=date,
                               date_precision=precision)  # fmt: skip
    rows = Article.objects.annotate(y=ExtractYear("published_on"), m=month_of_period())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.id, p.year, p.month FROM articles_article a,"
            " articles_tally_period(a.published_on, a.date_precision) p"
        )
        in_sql = {pk: (year, month) for pk, year, month in cursor.fetchall()}
    for article in rows:
        expected = period_of(article.published_on, article.date_precision)
        assert in_sql[article.pk] == expected == (article.y, article.m), article.title
