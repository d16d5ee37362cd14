"""The bar chart (articles/charts.py) as SVG and a data table, built in Python.

{% load chart_svg %}{{ chart|chart_svg }} in templates/articles/_chart.html.

A chart has up to a few dozen bars, each written four times (bar, value, axis label, table
row); through the template engine that took over a millisecond per page, here a tenth of it.
Every text is escaped as Django's autoescaping does (html.escape); numbers are written as the
templates wrote them (no thousands separator, str() of the layout's floats).
"""

from __future__ import annotations

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from articles.charts import Chart

register = template.Library()


def _plural(count: int, one: str = "", many: str = "en") -> str:
    return one if count == 1 else many


def _bars(chart: Chart) -> str:
    return "".join(
        f'\n      <a href="{escape(bar.url)}" aria-label="{escape(bar.label)}: {bar.count} '
        f'Meldung{_plural(bar.count)}">\n        <rect x="{bar.x}" y="{bar.y}" '
        f'width="{bar.width}" height="{bar.height}"><title>{escape(bar.label)}: {bar.count}'
        "</title></rect>\n      </a>"
        for bar in chart.bars
        if bar.count
    )


def _values(chart: Chart) -> str:
    if not chart.show_values:
        return ""
    values = "".join(
        f'<span style="left: {bar.center_pct}%; bottom: {bar.top_pct}%">{bar.count}</span>'
        for bar in chart.bars
        if bar.count
    )
    return f'<div class="chart-values" aria-hidden="true">{values}</div>'


def _ticks(chart: Chart) -> str:
    return "".join(
        f'<span class="tick-{escape(bar.tick_align)}" style="left: {bar.center_pct}%">'
        f"{escape(bar.tick)}</span>"
        for bar in chart.bars
        if bar.tick
    )


def _rows(chart: Chart) -> str:
    return "".join(
        f'<tr><td><a href="{escape(bar.url)}">{escape(bar.label)}</a></td><td>{bar.count}</td></tr>'
        if bar.count
        else f"<tr><td>{escape(bar.label)}</td><td>{bar.count}</td></tr>"
        for bar in chart.newest_first
    )


@register.filter
def chart_svg(chart: Chart | None) -> SafeString:
    """The chart as a figure: SVG bars that lead to their period, axis labels, a data table."""
    if not chart or not chart.bars:
        return mark_safe("")
    title = escape(chart.title)
    unplaced = ""
    if chart.unplaced:
        unplaced = (
            f" {chart.unplaced} Meldung{_plural(chart.unplaced)} mit nur einer Jahresangabe "
            f"{_plural(chart.unplaced, 'ist', 'sind')} nicht eingezeichnet."
        )
    return mark_safe(
        '<figure class="chart" aria-labelledby="chart-caption">\n  <div class="chart-plot">\n'
        f'    <svg viewBox="0 0 {chart.width} {chart.height}" aria-labelledby="chart-title"'
        ' preserveAspectRatio="none" focusable="false">\n'
        f'      <title id="chart-title">{title}: {chart.total} Meldungen, ein Balken je Zeitraum'
        f"</title>{_bars(chart)}\n    </svg>\n    {_values(chart)}\n  </div>\n"
        f'  <div class="chart-axis" aria-hidden="true">{_ticks(chart)}</div>\n'
        f'  <figcaption id="chart-caption">{title} ({escape(chart.span)}). Balken führen zum'
        f" Zeitraum.{unplaced}</figcaption>\n"
        '  <details class="chart-data">\n    <summary>Daten als Tabelle</summary>\n'
        f'    <table>\n      <caption class="visually-hidden">{title}</caption>\n'
        '      <thead><tr><th scope="col">Zeitraum</th><th scope="col">Meldungen</th></tr>'
        f"</thead>\n      <tbody>\n      {_rows(chart)}\n      </tbody>\n    </table>\n"
        "  </details>\n</figure>\n"
    )
