"""Every field of every seed, exactly as reviewed (tests/data/expected/*.json).

The expected files were written once from the parser and then checked by hand against
the documents; a change in any field fails here and must be reviewed again.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings

from articles.ingest import parse_file

SEEDS = sorted(Path(settings.DOCUMENTS_DIR).glob("*.txt"))
EXPECTED = Path(__file__).parent.parent / "data" / "expected"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_parses_exactly(path):
    expected = json.loads((EXPECTED / f"{path.stem}.json").read_text())
    assert parse_file(path).to_json() == expected


def parsed(name: str):
    return parse_file(next(p for p in SEEDS if p.name.startswith(name)))


FURNITURE = [
    "Druckversion", "Link mailen", "Suchen...", "Anzeige", "Aboverwaltung", "kuendigen",
    "GmbH", "Aktuelle Meldungen", "Stichwörter", "Weitere Meldungen", "mehr...", "Bildquelle",
]  # fmt: skip


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_body_is_free_of_page_furniture(path):
    item = parse_file(path)
    for furniture in FURNITURE:
        assert furniture not in item.body
    assert "\n\n" in item.body or len(item.body) < 1500  # paragraphs are kept


def test_portal_article_fields():
    item = parsed("000")
    assert (item.kicker, item.title) == (
        "Thüringen",
        "Freistaat will Vorreiter für Digitales werden",
    )
    assert item.date.isoformat() == "2016-12-20"
    assert item.author == "bs"
    assert item.category == "Politik"
    assert item.keywords == ["Politik", "Thüringen", "Wolfgang Tiefensee", "E-Government-Strategie"]
    assert [(p.name, p.role) for p in item.people] == [
        ("Wolfgang Tiefensee", "Wirtschaftsminister")
    ]
    assert item.links[0].to_json() == {
        "label": "Zum Grundlagenpapier Digitale Strategie Thüringen",
        "url": None,
        "format": "PDF",
        "size": "27 MB",
    }
    assert [r.kind for r in item.related] == ["news", "news", "report", "news", "news"]
    assert item.related[2].title == "Entscheidender Anstoß"  # the "Bericht" label is not title


def test_people_with_roles_as_written():
    roles = {p.name: p.role for p in parsed("004").people}
    assert roles == {
        "Hartmut Schubert": "Finanzstaatssekretär und Beauftragter für E-Government und IT im Freistaat",
        "Gerhard Schabhüser": "Vizepräsident des Bundesamts für Sicherheit in der Informationstechnik (BSI)",
    }
    # People in related lists and captions are not the item's people.
    names = {p.name for item in map(parsed, ["000", "001", "004"]) for p in item.people}
    assert "Gerd Landsberg" not in names and "Nancy Faeser" not in names


def test_ministry_release_infers_the_year_and_says_so():
    item = parsed("002")
    assert item.source_kind == "ministry"
    assert item.date.isoformat() == "2025-12-16"
    assert item.date_inferred
    assert "year inferred from text (2025)" in item.warnings
    assert {p.name: p.role for p in item.people} == {
        "Steffen Schütz": "Digitalminister",
        "Milen Starke": "Digitalstaatssekretärin",
    }


def test_event_page_drops_navigation_and_takes_the_event_date():
    item = parsed("003")
    assert item.source_kind == "event"
    assert item.date.isoformat() == "2018-11-07"
    assert item.teaser.startswith("Der Thüringer E-Government Kongress fand am 7. November 2018")
    assert "E-Government im Überblick" not in (item.teaser + item.body)
