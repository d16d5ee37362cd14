"""Items per period as bars for a server-rendered SVG chart (no JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import reverse

from articles.models.article import MONTHS_DE

CHART_HEIGHT = 120
MONTHLY_UP_TO_YEARS = 2


@dataclass
class Bar:
    label: str
    count: int
    url: str
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0


@dataclass
class Chart:
    title: str
    bars: list[Bar]
    width: int = 600
    height: int = CHART_HEIGHT

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)


def items_per_period(queryset: QuerySet, title: str) -> Chart:
    """One aggregate query; per month when the items span at most two years, else per year."""
    rows = list(
        queryset.filter(published_on__isnull=False)
        .annotate(y=ExtractYear("published_on"), m=ExtractMonth("published_on"))
        .values("y", "m")
        .annotate(n=Count("id"))
        .order_by("y", "m")
    )
    if not rows:
        return Chart(title=title, bars=[])
    years = sorted({row["y"] for row in rows})
    if years[-1] - years[0] < MONTHLY_UP_TO_YEARS:
        counts = {(row["y"], row["m"]): row["n"] for row in rows}
        periods = [
            (year, month)
            for year in range(years[0], years[-1] + 1)
            for month in range(1, 13)
            if (year, month) >= min(counts) and (year, month) <= max(counts)
        ]
        bars = [
            Bar(
                label=f"{MONTHS_DE[month - 1]} {year}",
                count=counts.get((year, month), 0),
                url=reverse("articles:archive_month", kwargs={"year": year, "month": month}),
            )
            for year, month in periods
        ]
    else:
        per_year: dict[int, int] = {}
        for row in rows:
            per_year[row["y"]] = per_year.get(row["y"], 0) + row["n"]
        bars = [
            Bar(
                label=str(year),
                count=per_year.get(year, 0),
                url=reverse("articles:archive_year", kwargs={"year": year}),
            )
            for year in range(years[0], years[-1] + 1)
        ]
    return _layout(Chart(title=title, bars=bars))


def _layout(chart: Chart) -> Chart:
    peak = max(bar.count for bar in chart.bars) or 1
    slot = chart.width / len(chart.bars)
    for index, bar in enumerate(chart.bars):
        bar.width = round(max(slot * 0.8, 1), 2)
        bar.x = round(index * slot + slot * 0.1, 2)
        bar.height = round((chart.height - 20) * bar.count / peak, 2)
        bar.y = round(chart.height - bar.height, 2)
    return chart
