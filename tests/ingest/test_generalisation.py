"""Documents of the seeds' kinds in other layouts and encodings (written for these tests)."""

import datetime
from pathlib import Path

import pytest

from articles.ingest import ParseError, parse_bytes, parse_file

DATA = Path(__file__).parent.parent / "data" / "documents"


def parse(name: str):
    return parse_file(DATA / name)


def test_kicker_and_title_on_one_line_below_a_render_date():
    item = parse("k21_run_together_render_date.txt")
    assert (item.kicker, item.title) == ("Sachsen-Anhalt", "Land startet neues Bürgerportal")
    assert item.date == datetime.date(2021, 5, 3)  # not the page's render date (2026)
    assert item.author == "al"
    assert item.image_credit == "Staatskanzlei Sachsen-Anhalt"
    assert [(p.name, p.role) for p in item.people] == [
        ("Peter Müller", "Landrat"),
        ("Lydia Hüskens", "Digitalministerin"),
    ]
    assert [link.to_json() for link in item.links] == [
        {
            "label": "Portal des Landes",
            "url": "https://www.sachsen-anhalt.de",
            "format": None,
            "size": None,
        }
    ]
    # Related items without a "Weitere Meldungen" header.
    assert [(r.kicker, r.title, r.kind) for r in item.related] == [
        ("Berlin", "Neues Serviceportal", "news"),
        ("Hessen", "Digitalplan vorgelegt", "report"),
    ]
    assert item.related[0].caption == "Das neue Serviceportal ist barrierefrei."
    assert "GmbH" not in item.body and "Musterstadt" not in item.body


def test_portal_article_without_a_date_has_none():
    item = parse("k21_no_date.txt")
    assert item.date is None
    assert item.to_json()["date_precision"] is None
    assert "no date in the text" in item.warnings
    assert item.teaser.startswith("Alle Schulen der Stadt Jena")
    assert [(p.name, p.role) for p in item.people] == [("Thomas Nitzsche", "Oberbürgermeister")]


@pytest.mark.parametrize("name", ["ministry_navigation.txt", "ministry_cp1252_crlf.txt"])
def test_ministry_page_with_navigation_and_creator_line(name):
    item = parse(name)
    assert item.source_kind == "ministry"
    assert item.source_name == "Thüringer Finanzministerium"
    assert item.title == "Land und Kommunen vereinbaren gemeinsames E-Government"
    assert item.date == datetime.date(2017, 1, 5)
    text = item.teaser + item.body
    for furniture in [
        "Startseite",
        "Erstellt von",
        "Stand:",
        "Telefon",
        "E-Mail",
        "Pressemitteilung",
    ]:
        assert furniture not in text
    assert {p.name: p.role for p in item.people} == {
        "Heike Taubert": "Finanzministerin",
        "Michael Brychcy": "Präsident des Gemeinde- und Städtebundes",
    }
    assert "ä" in item.teaser  # Windows-1252 decoded without mojibake
    assert "\r" not in item.text


def test_stand_line_dates_the_item_not_a_date_inside_the_body():
    item = parse("ministry_stand_only.txt")
    assert item.date == datetime.date(2024, 6, 12)
    assert not item.date_inferred


def test_wire_item():
    item = parse("wire_dpa.txt")
    assert item.source_kind == "wire"
    assert item.source_name == "dpa"
    assert item.title == "Thüringen will Verwaltung schneller digitalisieren"
    assert item.teaser.startswith("Thüringen will die Digitalisierung")  # dateline removed
    assert item.date is None  # the text gives none: never today
    assert [(p.name, p.role) for p in item.people] == [("Heike Taubert", "Finanzministerin")]


def test_bom_and_crlf_give_the_same_item_as_plain_utf8():
    plain = parse_file(Path("fixtures/documents/001_571333d6ca442d97.txt")).to_json()
    bom = parse("k21_bom_crlf.txt").to_json()
    bom["file"] = plain["file"]
    assert bom == plain


def test_mojibake_is_repaired():
    text = "Thüringen:\nGrüße aus Gera\n\n[1.2.2020] Die Stadt grüßt ihre Bürger.\n\nText. (ab)\n"
    double_encoded = text.encode("utf-8").decode("cp1252").encode("utf-8")
    assert parse_bytes(double_encoded, "x.txt").title == "Grüße aus Gera"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"Titel\n\n\x81\x8d\x8f\x90 text", "undecodable"),
        (b"x" * (5 * 1024 * 1024 + 1), "too large"),
        (b"...\n\n!!!", "no recognisable title"),
    ],
)
def test_bad_input_gives_one_clear_reason(data, reason):
    with pytest.raises(ParseError, match=reason):
        parse_bytes(data, "bad.txt")
