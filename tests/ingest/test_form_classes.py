"""Classes of the other forms found on held-out documents: a feed channel, front matter,
agency copy as received, PDF text without blank lines, numbered newsletters, cover notes.

All inputs were written for these tests; the people are invented.
"""

import datetime

from articles.ingest import parse_bytes


def parse(text: str, name: str = "doc.txt"):
    return parse_bytes(text.encode("utf-8"), name)


CHANNEL = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Stadt Beispielstadt – Digitales</title>
<item><title>Parken mit dem Smartphone bezahlen</title>
<pubDate>Thu, 23 Jan 2025 11:20:00 +0100</pubDate>
<category term="ignored"/><category>Lokales</category>
<description><![CDATA[<figure><img src="a.jpg" alt=""/><figcaption>Ein Parkautomat. (Bildquelle: Stadt Beispielstadt)</figcaption></figure><p>Auf allen städtischen Parkplätzen lassen sich die Gebühren ab sofort mit dem Smartphone bezahlen.</p><p>Mehr steht auf der <a href="https://example.org/parken">Seite der Stadt</a>.</p>]]></description>
</item>
<item><title>Neue Website ist online</title><pubDate>Wed, 03 May 2023 12:05:00 +0200</pubDate>
<description>Nach 18 Monaten ist der neue Auftritt freigeschaltet.</description></item>
</channel></rss>"""


def test_a_feed_channel_keeps_its_first_item_and_lists_the_others():
    item = parse(CHANNEL)
    assert item.title == "Parken mit dem Smartphone bezahlen"
    assert item.date == datetime.date(2025, 1, 23)
    assert item.teaser.startswith("Auf allen städtischen Parkplätzen")  # not the caption
    assert item.image_credit == "Stadt Beispielstadt"
    assert item.category == "Lokales"
    assert [(link.label, link.url) for link in item.links] == [
        ("Seite der Stadt", "https://example.org/parken")
    ]
    assert [(r.title, r.date) for r in item.related] == [
        ("Neue Website ist online", datetime.date(2023, 5, 3))
    ]


FRONT_MATTER = """---
title: "Smart City Beispielstadt: Ein Jahr im Rückblick"
date: 2025-12-18T09:00:00+01:00
author: "Team Digitales"
tags: [Smart City, Daten]
---

Das Jahr hat gezeigt, wie gut Verwaltung, Wirtschaft und Stadtgesellschaft in der Stadt zusammenarbeiten.

## Daten

Der Stadtrat hat eine Datenstrategie beschlossen; Details stehen beim [Digitalbüro](https://example.org/digital).
"""


def test_markdown_front_matter_gives_title_date_author_and_tags():
    item = parse(FRONT_MATTER, "post.md")
    assert item.title == "Smart City Beispielstadt: Ein Jahr im Rückblick"
    assert item.date == datetime.date(2025, 12, 18)
    assert item.author == "Team Digitales"
    assert item.keywords == ["Smart City", "Daten"]
    assert "title:" not in (item.teaser + item.body) and "---" not in item.body
    assert [link.url for link in item.links] == ["https://example.org/digital"]


KICKER_MARKDOWN = """### Landesfinanzen

Wenig Geld für die Digitalisierung
==================================

Das Land stellt im Haushalt kaum mehr Geld für die Digitalisierung der Verwaltung bereit als im Vorjahr.
"""


def test_a_lower_heading_above_the_markdown_headline_is_its_kicker():
    item = parse(KICKER_MARKDOWN, "item.md")
    assert (item.kicker, item.title) == ("Landesfinanzen", "Wenig Geld für die Digitalisierung")
    assert "=" not in item.teaser


AGENCY_COPY = """thl0101 4 pl 120  dpa 0400

Verwaltung/Internet/
Behördengang per Mausklick: Kommunen gehen online =

   Beispielstadt (dpa/th) - Die Verwaltungen im Land sollen ihre Dienste bis Ende des Jahres auch online anbieten, sagte Staatssekretär Max Muster am Dienstag.

   Das Land stelle dafür seine Technik zur Verfügung.

dpa-Kontakt: Landesbüro, Tel. 0000 000000
dpa mt yyth n1 kr

171732 Sep 19
"""


def test_agency_copy_as_received_reads_slug_line_headline_and_time_stamp():
    item = parse(AGENCY_COPY)
    assert item.source_kind == "wire"
    assert item.title == "Behördengang per Mausklick: Kommunen gehen online"  # no " ="
    assert item.kicker is None
    assert item.keywords == ["Verwaltung", "Internet"]
    assert item.date == datetime.date(2019, 9, 17)  # "171732 Sep 19"
    assert item.body == "Das Land stelle dafür seine Technik zur Verfügung."


PDF_WITHOUT_BLANK_LINES = """Freistaat Beispiel
Ministerium für Digitales
Medieninformation Nr. 5/2025
09.08.2025
Bauanträge werden digital
Die Bauämter im Land sollen Bauanträge spätestens ab dem kommenden Jahr
digital bearbeiten. Der Antrag wird dann online gestellt.
„Wir digitalisieren die Bauverwaltung“, sagte Minister Max Muster am Samstag
in der Landeshauptstadt. Wie lang die Fristen sein werden, ist noch offen und
soll mit den Kommunen geklärt werden.
"""


def test_pdf_text_without_blank_lines_keeps_its_paragraphs():
    item = parse(PDF_WITHOUT_BLANK_LINES)
    assert item.title == "Bauanträge werden digital"
    assert item.teaser.endswith("Der Antrag wird dann online gestellt.")
    assert item.body.startswith("„Wir digitalisieren")


PDF_SUBTITLE_APART = """Landesparlament Beispiel                  Pressestelle

PRESSEMITTEILUNG                          Erfurt, 4. Juni 2024

300 Petitionen abschließend bearbeitet

Ausschuss legt seinen Bericht für 2023 vor

Der Petitionsausschuss hat am Dienstag seinen Bericht für das Jahr 2023
vorgestellt. Von den eingereichten Petitionen hat der Ausschuss 300 beraten.
Eingereicht werden können Petitionen schriftlich, per E-Mail oder über die

                                   - 1 -

Plattform des Landesparlaments sowie mündlich in einer der Sprechstunden im Land.

                                   - 2 -
"""


def test_pdf_headline_and_subtitle_set_apart_and_a_paragraph_cut_by_a_page_break():
    item = parse(PDF_SUBTITLE_APART)
    assert item.title == "300 Petitionen abschließend bearbeitet"
    assert "Ausschuss legt" not in (item.teaser + (item.body or ""))
    assert "über die Plattform des Landesparlaments" in (item.teaser + " " + (item.body or ""))


NUMBERED_DIGEST = """RUNDBRIEF Nr. 4/2025
=============================================
INHALT
1. Bürgerbüro wieder geöffnet
2. Passbilder nur noch digital
=============================================

1. Bürgerbüro wieder geöffnet
---------------------------------------------
Beispielstadt, 27.10.2025 – Nach dem Umbau ist das Bürgerbüro wieder geöffnet und jetzt barrierefrei.

2. Passbilder nur noch digital
---------------------------------------------
Beispielstadt, 23.04.2025 – Ab Mai nimmt die Passbehörde nur noch digital erstellte Lichtbilder an.

Rundbrief abbestellen: Antwort mit „Abmelden“
"""


def test_a_numbered_digest_loses_its_numbers_and_its_table_of_contents():
    item = parse(NUMBERED_DIGEST)
    assert item.title == "Bürgerbüro wieder geöffnet"
    assert item.date == datetime.date(2025, 10, 27)
    assert item.teaser.startswith("Nach dem Umbau")
    assert [(r.title, r.date) for r in item.related] == [
        ("Passbilder nur noch digital", datetime.date(2025, 4, 23))
    ]


COVER_NOTE = """Von: Pressestelle <presse@example.org>
Gesendet: Mittwoch, 3. Mai 2023 09:15
An: Presseverteiler
Betreff: Pressemitteilung: Neue Website der Stadt ist online

Sehr geehrte Damen und Herren,

anbei erhalten Sie eine Pressemitteilung mit der Bitte um Veröffentlichung.

Neue Website der Stadt ist online

Seit Freitag ist der überarbeitete Internetauftritt der Stadt freigeschaltet, mit einer besseren Suche.

Die Seite sei ein wichtiger Schritt zur digitalen Verwaltung, sagte Bürgermeisterin Anna Beck.
"""


def test_a_cover_note_above_the_repeated_headline_is_not_the_lead():
    item = parse(COVER_NOTE)
    assert item.title == "Neue Website der Stadt ist online"
    assert item.teaser.startswith("Seit Freitag ist")
    assert "Bitte um Veröffentlichung" not in item.teaser + item.body


def _two_columns() -> str:
    left = [
        "Das neue Antragssystem für Verwaltungs-",
        "leistungen bleibt für die Kommunen auch",
        "in den nächsten Jahren kostenfrei, haben",
        "Land und Spitzenverbände vereinbart.",
        "",
        "„Städte und Gemeinden können ihre Leis-",
        "tungen so schnell online anbieten, ohne",
    ]
    right = [
        "eigene Software zu kaufen“, sagte Staats-",
        "sekretär Max Muster. Mehr als dreihundert",
        "Kommunen nutzen das System schon heute.",
        "",
        "Neue Online-Dienste kommen laufend dazu,",
        "sagte Muster bei der Vorstellung im Land.",
        "",
    ]
    rows = [f"{a:<46}{b}".rstrip() for a, b in zip(left, right, strict=True)]
    return "\n".join(["Erfurt, 3. Februar 2022", "", "Antragssystem bleibt kostenfrei", "", *rows])


def test_pdf_text_in_two_columns_is_read_column_by_column():
    item = parse(_two_columns())
    assert item.title == "Antragssystem bleibt kostenfrei"
    assert item.teaser.startswith("Das neue Antragssystem für Verwaltungsleistungen bleibt")
    text = item.teaser + " " + item.body
    assert "Leistungen so schnell online anbieten, ohne eigene Software zu kaufen" in text
    assert item.body.endswith("bei der Vorstellung im Land.")


def test_a_feed_item_exported_as_text_and_soft_hyphens():
    item = parse(
        "Title: Passbilder nur noch digital\nLink: https://example.org/pm/1\n"
        "Published: Wed, 23 Apr 2025 09:30:00 +0200\n\nAb Mai nimmt die Behörde nur noch digi\u00ad\n"
        "tal erstellte Lichtbilder an, die elektronisch übermittelt werden.\n"
    )
    assert item.title == "Passbilder nur noch digital"
    assert item.date == datetime.date(2025, 4, 23)
    assert "digital erstellte" in item.teaser and "\u00ad" not in item.teaser


def test_a_markdown_table_becomes_lines_of_text():
    item = parse(
        "Haushalt für Digitales steigt leicht\n===================================\n\n"
        "Für die Digitalisierung stehen im Haushalt etwas mehr Mittel bereit als im Vorjahr.\n\n"
        "| Jahr | Mittel |\n|------|--------|\n| 2024 | 241 Mio. Euro |\n| 2025 | 244 Mio. Euro |\n\n"
        "Für den Doppelhaushalt erwartet der Minister deutlich mehr Geld für die Verwaltung.\n"
    )
    assert item.title == "Haushalt für Digitales steigt leicht"
    assert "|" not in item.body and "2025: 244 Mio. Euro" in item.body


def test_a_feed_item_about_a_workshop_is_news_not_an_event_page():
    item = parse(
        "<rss><channel><item><title>Auftaktworkshop zur Digitalstrategie</title>"
        "<pubDate>Mon, 28 Mar 2022 17:45:00 +0200</pubDate><description>Die Stadt lädt alle "
        "Interessierten zu einem Workshop über ihre neue Digitalstrategie ins Rathaus ein."
        "</description></item></channel></rss>"
    )
    assert item.title == "Auftaktworkshop zur Digitalstrategie"
    assert item.source_kind == "other"
