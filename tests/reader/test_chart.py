"""The bar chart: read from the tallies, readable axis labels, bars that lead to their period."""

import datetime
import re

import pytest
from django.urls import reverse

from articles.charts import items_per_period, period_counts
from articles.models import Article
from articles.tallies import Tallies

pytestmark = pytest.mark.django_db


def axis_labels(html: str) -> list[str]:
    axis = re.search(r'<div class="chart-axis"[^>]*>(.*?)</div>', html).group(1)
    return re.findall(r">([^<]+)</span>", axis)


def test_long_spans_count_per_year_and_label_the_last_year(client, make_article):
    for year in range(2010, 2026):
        make_article(f"Meldung {year}", published_on=datetime.date(year, 3, 1))
    html = client.get(reverse("articles:timeline")).text
    labels = axis_labels(html)
    assert labels[0] == "2010" and labels[-1] == "2025"
    assert len(labels) <= 8 and "2024" not in labels  # no label crowding the last one
    assert 'class="tick-end"' in html


def test_short_spans_count_per_month_with_empty_months_kept(
    make_article, django_assert_num_queries
):
    make_article("Herbst", published_on=datetime.date(2018, 11, 9))
    make_article("Winter", published_on=datetime.date(2019, 2, 1))
    make_article("Winter 2", published_on=datetime.date(2019, 2, 3))
    make_article("Ohne Datum", published_on=None)
    with django_assert_num_queries(2):  # the tallies, and the items scheduled for later
        chart = items_per_period(Tallies().periods(), "Test")
    assert Tallies().periods() == period_counts(Article.objects.listed())
    assert [(bar.label, bar.count) for bar in chart.bars] == [
        ("November 2018", 1),
        ("Dezember 2018", 0),
        ("Januar 2019", 0),
        ("Februar 2019", 2),
    ]
    assert chart.bars[-1].url == reverse("articles:archive_month", args=[2019, 2])
    assert chart.bars[-1].height > chart.bars[0].height > chart.bars[1].height == 0


def test_items_known_only_to_the_year_stand_in_no_month(client, make_article):
    make_article("Jahresbericht", published_on=datetime.date(2018, 1, 1), date_precision="year")
    make_article("Januar-Meldung", published_on=datetime.date(2018, 1, 20))
    make_article("März-Meldung", published_on=datetime.date(2018, 3, 2))
    html = client.get(reverse("articles:timeline")).text
    assert "<h3>2018, ohne Monatsangabe</h3>" in html
    assert html.index("<h3>Januar 2018</h3>") < html.index("Januar-Meldung")
    assert html.index("ohne Monatsangabe") < html.index("Jahresbericht")
    january = reverse("articles:archive_month", args=[2018, 1])
    assert "Jahresbericht" not in client.get(january).text
    assert "Januar-Meldung" in client.get(january).text
    assert "Jahresbericht" in client.get(reverse("articles:archive_year", args=[2018])).text
    chart = items_per_period(Tallies().periods(), "Test")
    assert [bar.count for bar in chart.bars] == [1, 0, 1] + [0] * 9  # January to December
    assert chart.unplaced == 1
    assert "1 Meldung mit nur einer Jahresangabe ist nicht eingezeichnet" in html


def test_year_archive_charts_its_own_months(client, make_article):
    make_article("Vorjahr", published_on=datetime.date(2017, 5, 1))
    make_article("Frühjahr", published_on=datetime.date(2018, 3, 2))
    make_article("Herbst", published_on=datetime.date(2018, 10, 9))
    make_article("Folgejahr", published_on=datetime.date(2019, 6, 1))
    html = client.get(reverse("articles:archive_year", args=[2018])).text
    rows = re.findall(r"<tr><td>(?:<a [^>]*>)?([^<]+)(?:</a>)?</td><td>(\d+)</td></tr>", html)
    # The whole year, newest month first like the list beside it.
    assert rows[0] == ("Dezember 2018", "0") and rows[-1] == ("Januar 2018", "0")
    assert ("März 2018", "1") in rows and ("Oktober 2018", "1") in rows and len(rows) == 12


def test_one_period_is_a_centred_bar_not_a_wall(make_article):
    make_article("Einzeln", published_on=datetime.date(2018, 12, 13))
    chart = items_per_period(Tallies().periods(), "Test")
    december = next(bar for bar in chart.bars if bar.count)
    assert december.width <= chart.width / 12
    assert chart.span == "Januar 2018 bis Dezember 2018"
    for year in (2016, 2017):
        make_article(f"Jahr {year}", published_on=datetime.date(year, 5, 1))
    chart = items_per_period(Tallies().periods(), "Test")  # three years: per year
    assert [bar.label for bar in chart.bars] == ["2016", "2017", "2018"]
    assert all(bar.width <= chart.width / 12 for bar in chart.bars)
    assert 30 < chart.bars[1].center_pct < 70  # in the middle, not stretched over the width
