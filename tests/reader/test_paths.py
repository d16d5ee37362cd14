"""The addresses articles/paths.py builds are the ones reverse() gives, prefix and odd slugs too."""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from articles.paths import item_path, month_path, slug_path, year_path

DAYS = [
    datetime.date(2018, 11, 9),
    datetime.date(2018, 12, 31),
    datetime.date(999, 1, 1),  # a year of three digits is padded, as the converter does
    datetime.date(2025, 2, 28),
]
SLUGS = ["digitalstrategie", "a-b_c-1", "X"]


@pytest.mark.parametrize("prefix", ["/", "/archiv/"])
def test_addresses_equal_reverse(prefix):
    set_script_prefix(prefix)
    try:
        for day in DAYS:
            for slug in SLUGS:
                kwargs = {"year": day.year, "month": day.month, "day": day.day, "slug": slug}
                assert item_path(day, slug) == reverse("articles:article", kwargs=kwargs)
            assert month_path(day.year, day.month) == reverse(
                "articles:archive_month", kwargs={"year": day.year, "month": day.month}
            )
            assert year_path(day.year) == reverse("articles:archive_year", args=[day.year])
        for name in ("articles:keyword", "articles:person", "articles:article_undated"):
            for slug in SLUGS:
                assert slug_path(name, slug) == reverse(name, kwargs={"slug": slug})
    finally:
        set_script_prefix("/")
    assert item_path(DAYS[0], "x").startswith("/meldungen/")


def test_a_slug_the_pattern_refuses_fails_as_reverse_does():
    for slug in ("", "mit leerzeichen", "ümlaut", "a/b"):
        with pytest.raises(NoReverseMatch):
            item_path(DAYS[0], slug)
        with pytest.raises(NoReverseMatch):
            slug_path("articles:keyword", slug)
