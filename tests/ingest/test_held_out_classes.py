"""Classes found on the sixth held-out batch: JSON Feed items, Markdown comments, a newsletter's
issue line, letter-spaced PDF labels, dash attributions and long appositions, a date line with
a blog's categories, an editorial team as author.

All inputs were written for these tests; the people are invented.
"""

import datetime
import json

from articles.ingest import parse_bytes
from articles.ingest.people import find_people


def parse(text: str, name: str = "doc.txt"):
    return parse_bytes(text.encode("utf-8"), name)


def _json_feed(**item) -> str:
    return json.dumps(
        {"version": "https://jsonfeed.org/version/1.1", "title": "Nachrichten", "items": [item]},
        ensure_ascii=False,
    )


def test_a_json_feed_item_is_read_by_its_fields():
    item = parse(
        _json_feed(
            id="1",
            url="https://example.org/a",
            title="Gemeinden dürfen Satzungen digital beschließen",
            summary="Weniger Papier in den Rathäusern: Das Land legt einen Entwurf vor.",
            content_html="<p>Die Gemeinden sollen Satzungen künftig elektronisch erlassen "
            "können, sagte Staatssekretärin Anna Beispiel am Dienstag.</p>"
            "<p>Der Entwurf geht nun an die Verbände.</p>",
            date_published="2026-03-03T11:42:00+01:00",
            authors=[{"name": "dpa"}],
            tags=["Kommunen", "Satzungen"],
        )
    )
    assert item.title == "Gemeinden dürfen Satzungen digital beschließen"
    assert item.date == datetime.date(2026, 3, 3)
    assert item.teaser.startswith("Weniger Papier in den Rathäusern")
    assert item.body.startswith("Die Gemeinden sollen") and "<p>" not in item.body
    assert item.author == "dpa" and item.source_kind == "wire"
    assert set(item.keywords) == {"Kommunen", "Satzungen"}


def test_a_json_feed_item_with_plain_text_and_no_summary():
    item = parse(
        _json_feed(
            id="2",
            title="Neues Bürgerportal freigeschaltet",
            content_text="Ab sofort lassen sich 40 Anträge der Stadt online stellen, auch "
            "am Wochenende und ohne Termin.\n\nWeitere Dienste folgen im Herbst.",
            date_published="2025-05-02T08:00:00Z",
        )
    )
    assert item.title == "Neues Bürgerportal freigeschaltet"
    assert item.teaser.startswith("Ab sofort lassen sich 40 Anträge")
    assert item.body == "Weitere Dienste folgen im Herbst."


def test_markdown_comments_are_no_text():
    item = parse(
        "---\ntitle: Das Amt geht online\ndate: 2024-02-01\n---\n\n"
        "Das Ordnungsamt nimmt Anträge für Sondernutzungen jetzt auch online entgegen, "
        "teilte die Stadt mit.\n\n<!--more-->\n\nDie Bearbeitung soll so deutlich schneller "
        "werden als bisher.\n"
    )
    assert "<!--" not in (item.body or "") and item.body.startswith("Die Bearbeitung")


NEWSLETTER = """Newsletter nicht lesbar? Hier online ansehen.

Kammer Beispielland
Kammer-Newsletter für die Region Beispielland | Ausgabe 7/2023 | 4. Juli 2023

Sehr geehrte Damen und Herren,

heute lesen Sie zwei Meldungen aus der Kammer.

DIGITALES
Förderaufruf für kleine Betriebe gestartet
Kleine Betriebe können ab sofort Zuschüsse für neue Software beantragen; das Programm läuft bis zum Jahresende.
Weiterlesen ›

RECHT
Neue Pflichten bei der E-Rechnung
Ab dem kommenden Jahr müssen Betriebe elektronische Rechnungen empfangen können, erklärt die Kammer.
Weiterlesen ›

Abmelden | Einstellungen ändern
"""


def test_a_newsletter_sender_line_is_no_headline_and_the_issue_line_dates_the_item():
    item = parse(NEWSLETTER)
    assert item.kicker == "DIGITALES"
    assert item.title == "Förderaufruf für kleine Betriebe gestartet"
    assert (item.date, item.date_precision) == (datetime.date(2023, 7, 4), "day")
    assert [r.title for r in item.related] == ["Neue Pflichten bei der E-Rechnung"]


def test_a_letter_spaced_label_in_pdf_text_is_not_glued_to_the_headline():
    text = (
        "Landtag Beispielland                                   Drucksache 7/1234\n"
        "7. Wahlperiode                                                 02.03.2021\n\n"
        "K l e i n e   A n f r a g e\n\n"
        "Breitband in den Schulen des Landkreises\n\n"
        "Die Kleine Anfrage 512 vom 3. Februar 2021 hat folgenden Wortlaut in voller Länge:\n\n"
        "Viele Schulen im ländlichen Raum sind noch immer nicht an schnelles Internet ange-\n"
        "schlossen, obwohl die Mittel dafür seit Jahren bereitstehen und abgerufen werden\n"
        "könnten. Der Ausbau kommt nach Auskunft der Schulträger nur langsam voran.\n\n"
        "Ich frage die Landesregierung:\n\n"
        "1. Wie viele Schulen haben einen Anschluss mit mindestens 1 Gbit/s?\n"
    )
    item = parse(text)
    assert item.title == "Breitband in den Schulen des Landkreises"
    assert item.date == datetime.date(2021, 3, 2)
    assert item.teaser.startswith("Die Kleine Anfrage 512")
    assert "angeschlossen" in item.body


def test_dash_attribution_long_apposition_and_no_organisation_as_person():
    text = (
        "Die Runde leitete Dr. Carla Beispiel, Vorsitzende des Ausschusses Mittelstand der "
        "Kammer Nord und Leiterin der Lernfabrik Vernetzung bei uns im Haus.\n\n"
        "„Wir müssen schneller werden.“\nJonas Muster – Geschäftsführer der x-data GmbH, Erfurt"
    )
    people = {p.name: p.role for p in find_people(text, [])}
    assert people == {
        "Carla Beispiel": "Vorsitzende des Ausschusses Mittelstand der Kammer Nord und "
        "Leiterin der Lernfabrik Vernetzung",
        "Jonas Muster": "Geschäftsführer der x-data GmbH",
    }


def test_a_date_line_with_categories_gives_the_category():
    item = parse(
        "Startseite » Aktuelles\n\nTag der offenen Tür im Rechenzentrum\n"
        "3. Mai 2024 | Aktuelles, Veranstaltungen\n\n"
        "Mehr als 300 Gäste haben am Samstag das neue Rechenzentrum des Landes besichtigt "
        "und sich die Technik erklären lassen.\n"
    )
    assert item.category == "Aktuelles, Veranstaltungen"
    assert item.date == datetime.date(2024, 5, 3)


def test_an_editorial_team_as_author_makes_no_ministry_release():
    item = parse(
        "---\ntitle: Land beschließt Gesetz\ndate: 2017-11-07\nauthor: redaktion\n---\n\n"
        "Das Finanzministerium hat das Gesetz vorgelegt, sagte Finanzstaatssekretär Max "
        "Beispiel am Dienstag vor der Presse.\n"
    )
    assert item.source_kind == "other"


def test_date_and_headline_on_one_line_and_a_caption_with_a_bare_bild_credit():
    item = parse(
        "Stadt Beispielstadt\n\nPressemitteilung - Detailansicht\n\n"
        "14.03.2023, Bürgerbüro bietet Termine am Samstag an\n\n"
        "Ab April öffnet das Bürgerbüro der Stadt auch an jedem ersten Samstag im Monat, "
        "Termine lassen sich online buchen.\n\nDas Angebot gilt zunächst bis Jahresende.\n"
    )
    assert item.title == "Bürgerbüro bietet Termine am Samstag an"
    assert item.date == datetime.date(2023, 3, 14) and not item.kicker
    item = parse(
        "Wochenblatt\nBeiträge\n\nDas Amt zieht um\n\n0\n215\n\n"
        "Das Amt zieht um. Bild AdobeStock\n\n"
        "Das Ordnungsamt der Stadt zieht im Mai in das sanierte Gebäude am Markt, teilte die "
        "Verwaltung mit.\n\nKommentar schreiben\n"
    )
    assert item.title == "Das Amt zieht um"
    assert item.image_credit == "AdobeStock"
    assert "Kommentar" not in (item.body or "") and "Bild AdobeStock" not in (item.body or "")
