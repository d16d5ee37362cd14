"""More invented documents of the seeds' kinds: layouts and encodings the seeds do not show.

Every file in tests/data/documents/ was written for these tests (realistic German, invented
people); none of the parser's rules names a word from them.
"""

import datetime
import json
from pathlib import Path

import pytest

from articles.ingest import parse_file

DATA = Path(__file__).parent.parent / "data" / "documents"
FURNITURE = [
    "Startseite", "Menü", "Suche", "Erstellt von", "Kontakt", "Telefon", "Zurück",
    "Seite teilen", "Seite drucken", "Druckversion", "Anzeige", "GmbH", "Suchen...",
    "Aktuelle Meldungen", "mehr...", "Stichwörter", "Bildquelle", "Pressekontakt",
]  # fmt: skip
DESIGN_KEYS = {
    "file", "source_kind", "kicker", "title", "date", "date_precision", "teaser", "body",
    "author", "category", "image_credit", "keywords", "people", "links", "related", "warnings",
}  # fmt: skip


def parse(name: str):
    return parse_file(DATA / name)


def people(item) -> list[tuple[str, str]]:
    return [(person.name, person.role) for person in item.people]


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_every_document_keeps_the_interface_and_a_clean_body(path):
    item = parse_file(path)
    data = item.to_json()
    assert set(data) == DESIGN_KEYS
    assert all(set(r) == {"kicker", "title", "date", "teaser", "kind"} for r in data["related"])
    json.dumps(data)  # serialisable as it stands
    for furniture in FURNITURE:
        assert furniture not in (item.teaser or "") + (item.body or ""), furniture
    assert "\r" not in item.text and "\ufeff" not in item.text


@pytest.mark.parametrize(
    "name", ["k21_render_date_related_without_header.txt", "k21_render_date_bom_crlf.txt"]
)
def test_portal_item_under_a_render_date_with_related_items_but_no_list_header(name):
    item = parse(name)
    assert item.source_kind == "kommune21"
    assert (item.kicker, item.title) == ("Landkreis Greiz", "Digitale Bauakte eingeführt")
    assert item.date == datetime.date(2025, 3, 4)  # not Montag, 23. November 2026
    assert item.author == "sib"
    assert item.image_credit == "Landratsamt Greiz"
    assert item.category is None
    # A keyword that is a place is no person; the people come with their roles.
    assert people(item) == [
        ("Martina Beckmann", "Landrätin"),
        ("Jens Oberhoff", "Fachdienstleiter"),
    ]
    assert [link.to_json() for link in item.links] == [
        {"label": "Landkreis Greiz", "url": None, "format": None, "size": None},
        {"label": None, "url": "https://www.landkreis-greiz.de", "format": None, "size": None},
    ]
    assert [r.to_json() for r in item.related] == [
        {
            "kicker": "Gera",
            "title": "Neues Serviceportal online",
            "date": "2025-03-02",
            "teaser": "Die Stadt Gera hat ihr Serviceportal erneuert. "
            "Bürgerinnen und Bürger finden dort mehr als 150 Leistungen.",
            "kind": "news",
        },
        {
            "kicker": "Digitale Souveränität",
            "title": "Open Source im Rathaus",
            "date": "2025-02-27",
            "teaser": "Immer mehr Kommunen setzen auf quelloffene Software. "
            "Ein Überblick über Chancen und Risiken.",
            "kind": "report",
        },
    ]
    assert item.related[0].caption == "Das neue Serviceportal der Stadt Gera."
    assert "Gera" not in item.body and "07545" not in item.body


def test_bom_and_crlf_change_nothing_but_the_encoding():
    plain = parse("k21_render_date_related_without_header.txt")
    bom = parse("k21_render_date_bom_crlf.txt")
    assert bom.encoding == "utf-8-sig" and plain.encoding == "utf-8"
    assert {**bom.to_json(), "file": None} == {**plain.to_json(), "file": None}


def test_portal_item_without_a_date_does_not_borrow_one_from_its_related_list():
    item = parse("k21_no_date_with_related.txt")
    assert (item.kicker, item.title) == ("Sonneberg", "Bürgerbüro mit Terminbuchung")
    assert item.date is None and item.to_json()["date_precision"] is None
    assert item.teaser == "Das Bürgerbüro der Stadt Sonneberg vergibt Termine jetzt online."
    assert item.body.count("\n\n") == 1
    assert item.author is None
    assert item.category == "Bürgerservice"
    assert [(r.title, r.date) for r in item.related] == [
        ("Digitaler Meldeschein", datetime.date(2023, 5, 5))
    ]
    assert people(item) == [("Heiko Voigt", "Bürgermeister")]


@pytest.mark.parametrize(
    "name, encoding",
    [
        ("ministry_menu_lines.txt", "utf-8"),
        ("ministry_menu_lines_cp1252_crlf.txt", "windows-1252"),
    ],
)
def test_ministry_page_with_menu_lines_and_a_dated_creator_line(name, encoding):
    item = parse(name)
    assert item.encoding == encoding
    assert item.source_kind == "ministry"
    assert item.title == "Neues Förderprogramm für digitale Kommunen gestartet"
    # "Erstellt von … am 12.03.2024" dates the item; "gestern (11. März 2024)" and the
    # dates of the review section ("Rückblick") do not.
    assert item.date == datetime.date(2024, 3, 12)
    assert not item.date_inferred
    assert item.teaser.startswith("Das Thüringer Ministerium für Digitales")
    assert item.body.startswith("„Mit dem Programm unterstützen wir")
    assert item.body.endswith("ein erstes Programm vorgestellt.")
    assert "Ministerium\n" not in item.body and "Themen" not in item.body
    assert people(item) == [
        ("Anna Lehmann", "Staatssekretärin"),
        ("Klaus Weber", "Präsident des Gemeinde- und Städtebundes Thüringen"),
    ]
    assert [link.to_json() for link in item.links] == [
        {
            "label": "Weitere Informationen zum Förderprogramm",
            "url": None,
            "format": "PDF",
            "size": "1,2 MB",
        }
    ]


def test_ministry_page_with_breadcrumb_stand_line_and_press_contact():
    item = parse("ministry_breadcrumb_stand.txt")
    assert item.title == "Landesverwaltung setzt auf E-Akte"
    assert item.date == datetime.date(2017, 1, 5)
    assert item.body.endswith("Die Einführung beginnt im Frühjahr.")
    assert people(item) == [("Karl Schneider", "Finanzminister")]  # not the press contact


def test_ministry_release_in_latin1_infers_the_year_of_today():
    item = parse("ministry_today_latin1.txt")
    assert item.encoding == "windows-1252"  # Latin-1 is read as its superset
    assert item.title == "Landesportal bietet 500 Verwaltungsleistungen an"
    assert item.teaser.startswith("Über das Landesportal")
    assert (item.date, item.date_inferred) == (datetime.date(2024, 4, 3), True)
    assert "year inferred from text (2024)" in item.warnings
    assert "Pressestelle" not in item.body
    assert people(item) == [("Georg Maier", "Innenminister")]


def test_wire_item_with_timestamp_and_no_headline():
    item = parse("wire_epd_timestamp.txt")
    assert item.source_kind == "wire"
    assert item.source_name == "epd"
    assert item.date == datetime.date(2024, 3, 12)
    assert item.title == (
        "Die Stadt Jena hat als erste Kommune in Thüringen einen Chatbot für "
        "Verwaltungsfragen eingeführt"
    )
    assert "title taken from the first sentence" in item.warnings
    assert people(item) == [("Thomas Nitzsche", "Oberbürgermeister")]


def test_wire_item_without_a_date_has_none():
    item = parse("wire_without_title_or_date.txt")
    assert (item.source_kind, item.source_name) == ("wire", "dpa")
    assert item.date is None
    assert "no date in the text" in item.warnings
    assert item.people == []


def test_event_over_two_days_is_dated_by_its_first_day_not_the_deadline():
    item = parse("event_two_days.txt")
    assert item.source_kind == "event"
    assert item.title == "Fachtag Digitale Verwaltung 2025"
    assert (item.date, item.date_precision) == (datetime.date(2025, 5, 14), "day")
    assert item.teaser.startswith("Der Fachtag Digitale Verwaltung findet am 14. und 15. Mai")
    assert "Programm\n" not in item.body and "Anfahrt" not in item.body
    assert people(item) == [("Steffen Schütz", "Digitalminister")]


def test_portal_item_with_an_advert_inside_the_text_and_a_single_space_print_line():
    item = parse("k21_ad_inside_text.txt")
    assert (item.kicker, item.title) == (
        "Digitalisierung",
        "Thüringen und Sachsen vereinbaren Kooperation",
    )
    assert item.date == datetime.date(2022, 10, 12)
    assert item.author == "co"
    assert item.body.endswith("„Wir müssen nicht jedes Rad zweimal erfinden“, sagte Becker.")
    assert people(item) == [("Peter Krause", "Staatsminister"), ("Ute Becker", "Finanzministerin")]


def test_ministry_page_with_skip_links_share_menu_and_creator_line_with_bar():
    item = parse("ministry_skip_links_and_share_menu.txt")
    assert item.title == "Digitaler Führerscheinantrag startet landesweit"
    assert item.date == datetime.date(2023, 5, 8)
    assert item.body.endswith("Bis Ende 2023 sollen weitere Leistungen folgen.")
    # "Dr." is a title, not part of the role or the name.
    assert people(item) == [("Susanne Karawanskij", "Verkehrsministerin")]


def test_wire_item_ending_with_the_agency_mark():
    item = parse("wire_agency_mark.txt")
    assert (item.source_kind, item.source_name, item.author) == ("wire", "dpa", "dpa")
    assert (
        item.body
        == "Nach Angaben des Ministeriums sind derzeit rund 60 Prozent der Schulen angeschlossen."
    )
    assert item.date is None  # "am Mittwoch" names no date


def test_event_page_recognised_by_its_lead():
    item = parse("event_announced_in_the_lead.txt")
    assert item.source_kind == "event"
    assert (item.date, item.date_precision) == (datetime.date(2024, 6, 7), "day")
    assert people(item) == [("Bodo Ramelow", "Ministerpräsident")]


def test_damaged_utf8_is_refused_rather_than_read_as_windows_1252():
    from articles.ingest import ParseError, parse_bytes

    text = "Thüringen:\nGrüße aus Gera\n\n[1.2.2020] Die Stadt grüßt ihre Bürger.\n\nText. (ab)\n"
    damaged = text.encode("utf-8").replace("ß".encode(), b"\xdf", 1)  # one stray Latin-1 byte
    with pytest.raises(ParseError, match=r"undecodable bytes at offset \d+ \(damaged UTF-8\)"):
        parse_bytes(damaged, "kaputt.txt")


def test_portal_item_with_the_date_alone_and_related_items_without_more_links():
    item = parse("k21_date_alone_related_without_more.txt")
    assert item.date == datetime.date(2025, 8, 14)
    assert (
        item.teaser == "Die Stadtverwaltung Erfurt testet einen KI-Assistenten für Bürgeranfragen."
    )
    assert item.body.startswith("Der Assistent soll")
    assert item.category == "Panorama"
    assert [(r.kicker, r.title, r.date) for r in item.related] == [
        ("Weimar", "Digitale Stadtführung", datetime.date(2025, 8, 10)),
        ("Jena", "Open-Data-Portal erweitert", datetime.date(2025, 8, 8)),
    ]
    assert item.warnings == []


def test_today_without_any_year_in_the_text_leaves_the_date_empty_and_says_why():
    from articles.ingest import parse_bytes

    text = (
        "Neue Förderung für Kommunen beschlossen\n"
        "Das Ministerium hat heute (16.12.) eine neue Förderung für die Digitalisierung "
        "der Kommunen beschlossen, sagte Minister Jan Roth.\n"
    )
    item = parse_bytes(text.encode(), "ohne_jahr.txt")
    assert item.date is None and not item.date_inferred
    assert "no year in the text for heute (16.12.): date left empty" in item.warnings
