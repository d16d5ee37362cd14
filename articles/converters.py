"""Date parts in URLs: four-digit years, two-digit months and days (/meldungen/2018/11/09/…).

Anything else (/meldungen/2018/011/, a twenty-digit year) matches no pattern: a 404, never
a 500 and never a second address for the same page.
"""

from __future__ import annotations


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):04d}"


class MonthConverter:
    regex = "0[1-9]|1[0-2]"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):02d}"


class DayConverter(MonthConverter):
    regex = "0[1-9]|[12][0-9]|3[01]"
