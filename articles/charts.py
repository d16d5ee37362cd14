"""Items per period as bars for a server-rendered SVG chart (no JavaScript)."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear

from articles.derived.rules import UNKNOWN_MONTH, Period, month_of_period
from articles.models.article import MONTHS_DE
from articles.paths import month_path, year_path

CHART_HEIGHT = 120
MONTHLY_UP_TO_YEARS = 2
MAX_TICKS = 8  # axis labels under the bars; the data table names every period
VALUES_UP_TO_BARS = 16  # counts above the bars when there is room for them
MIN_SLOTS = 12  # a chart of one or two periods keeps bars of a twelfth of its width, centred
MONTHS_SHORT = [
    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez.",
]  # fmt: skip


@dataclass
class Bar:
    label: str
    count: int
    url: str
    tick: str = ""  # short axis label, "" where the axis stays blank
    tick_align: str = "middle"  # start/end at the chart's edges, so no label sticks out
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    center_pct: float = 0  # the bar's middle, in percent of the chart's width
    top_pct: float = 0  # the bar's height, in percent of the chart's height


@dataclass
class Chart:
    title: str
    bars: list[Bar]
    width: int = 600
    height: int = CHART_HEIGHT

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)

    unplaced: int = 0  # items known only to the year, left out of a chart per month

    @property
    def span(self) -> str:
        """ "März 2024" or "2016 bis 2025": the periods the chart covers."""
        first, last = self.bars[0].label, self.bars[-1].label
        return first if first == last else f"{first} bis {last}"

    @property
    def newest_first(self) -> list[Bar]:
        """The data table runs like the lists beside it: newest period first."""
        return self.bars[::-1]

    @property
    def show_values(self) -> bool:
        return len(self.bars) <= VALUES_UP_TO_BARS


def period_counts(queryset: QuerySet) -> Counter[Period]:
    """Items per period in one aggregate query, for selections the tallies do not cover."""
    rows = (
        queryset.annotate(y=ExtractYear("published_on"), m=month_of_period())
        .values("y", "m")
        .annotate(n=Count("id"))
        .order_by()
    )
    return Counter({(row["y"], row["m"] or 0): row["n"] for row in rows})


def items_per_period(counts: Counter[Period], title: str) -> Chart:
    """Per month when the dated items span at most two years, else per year."""
    dated = {period: n for period, n in counts.items() if period[0] is not None and n}
    if not dated:
        return Chart(title=title, bars=[])
    years = sorted({year for year, _ in dated})
    unplaced = sum(n for (_, month), n in dated.items() if month == UNKNOWN_MONTH)
    by_month = {period: n for period, n in dated.items() if period[1] != UNKNOWN_MONTH}
    if years[-1] - years[0] < MONTHLY_UP_TO_YEARS and by_month:
        first, last = min(by_month), max(by_month)
        if years[0] == years[-1]:
            # One year reads as January to December (a year's archive, a short list), not
            # only the months that have items; months still to come stay off.
            today = datetime.date.today()
            first = (years[0], 1)
            last = max(last, (years[0], 12) if years[0] < today.year else (today.year, today.month))
        periods = [
            (year, month)
            for year in range(years[0], years[-1] + 1)
            for month in range(1, 13)
            if first <= (year, month) <= last
        ]
        bars = [
            Bar(
                label=f"{MONTHS_DE[month - 1]} {year}",
                tick=f"{MONTHS_SHORT[month - 1]} {year}",
                count=by_month.get((year, month), 0),
                url=month_path(year, month),
            )
            for year, month in periods
        ]
        return _layout(Chart(title=title, bars=bars, unplaced=unplaced))
    per_year: Counter[int] = Counter()
    for (year, _), n in dated.items():
        per_year[year] += n
    bars = [
        Bar(
            label=str(year),
            tick=str(year),
            count=per_year[year],
            url=year_path(year),
        )
        for year in range(years[0], years[-1] + 1)
    ]
    return _layout(Chart(title=title, bars=bars))


def _layout(chart: Chart) -> Chart:
    peak = max(bar.count for bar in chart.bars) or 1
    slots = max(len(chart.bars), MIN_SLOTS)
    slot = chart.width / slots
    offset = (slots - len(chart.bars)) / 2  # few bars stand in the middle
    for index, bar in enumerate(chart.bars):
        bar.width = round(max(slot * 0.8, 1), 2)
        bar.x = round((offset + index) * slot + slot * 0.1, 2)
        bar.height = round((chart.height - 20) * bar.count / peak, 2)
        bar.y = round(chart.height - bar.height, 2)
        bar.center_pct = round(100 * (offset + index + 0.5) / slots, 2)
        bar.top_pct = round(100 * bar.height / chart.height, 2)
    # Every step-th bar gets a label, and the last one always does; a label too close
    # before the last one is dropped so that the two cannot overlap.
    last = len(chart.bars) - 1
    step = -(-len(chart.bars) // MAX_TICKS)  # ceiling division
    for index, bar in enumerate(chart.bars):
        if index != last and (index % step or last - index < step):
            bar.tick = ""
    if len(chart.bars) >= MIN_SLOTS:
        chart.bars[0].tick_align = "start"
        chart.bars[-1].tick_align = "end"
    return chart
