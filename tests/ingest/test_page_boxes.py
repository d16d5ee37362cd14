"""Boxes around the text of a page: bylines, pictures, signatures, facts, lists of other items.

Written for these tests in the general shape of each class; the people are invented.
"""

import datetime

from articles.ingest import parse_bytes

LEAD = (
    "Die Stadt hat am Dienstag ein neues Bürgerportal freigeschaltet. Anträge können dort "
    "rund um die Uhr gestellt werden."
)
BODY = (
    "Zum Start stehen dreißig Leistungen bereit, weitere sollen bis zum Sommer folgen. Die "
    "Verwaltung will damit Wartezeiten im Bürgerbüro verkürzen."
)


def parse(*lines: str):
    return parse_bytes("\n".join(lines).encode("utf-8"), "page.txt")


def test_byline_and_reading_time_in_the_date_line():
    item = parse("Stadt startet Bürgerportal", "", "16. Mai 2018 von Redaktion", "", LEAD, "", BODY)
    assert (item.date, item.author) == (datetime.date(2018, 5, 16), "Redaktion")
    glued = parse("Stadt startet Bürgerportal", "Stadtblog Beispiel12. März 20196 min read", "",
                  LEAD, "", BODY)  # fmt: skip
    assert (glued.date, glued.author) == (datetime.date(2019, 3, 12), "Stadtblog Beispiel")


def test_category_and_keyword_boxes_under_the_text():
    item = parse(
        "Stadt startet Bürgerportal", "", LEAD, "", BODY, "", "Kategorien: Verwaltung, Digitales",
        "Themen in diesem Artikel", "Bürgerportal", "Verwaltung",
    )  # fmt: skip
    assert item.category == "Verwaltung, Digitales"
    assert item.keywords == ["Bürgerportal", "Verwaltung"]
    assert "Kategorien" not in item.body and "Themen in" not in item.body


def test_a_picture_block_gives_the_credit_and_stays_out_of_the_text():
    item = parse(
        "Stadt startet Bürgerportal", "", LEAD, "", BODY, "", "Bild",
        "Zwei Menschen stehen vor dem Rathaus", "v. l. Anna Beck und Klaus Weber vor dem Rathaus",
        "Stadt Beispiel",
    )  # fmt: skip
    assert item.image_credit == "Stadt Beispiel"
    assert "Rathaus" not in item.body
    assert [p.name for p in item.people] == []  # people in a caption are not the item's


def test_a_signature_is_a_person_not_text():
    item = parse(
        "Stadt startet Bürgerportal", "", LEAD, "", BODY, "", "Anna Beck", "Bürgermeisterin"
    )
    assert [(p.name, p.role) for p in item.people] == [("Anna Beck", "Bürgermeisterin")]
    assert "Anna Beck" not in item.body


def test_an_events_facts_box_and_a_list_of_cut_teasers_end_the_text():
    facts = parse("Fachtag Digitale Verwaltung 2025", "", LEAD, "", BODY, "",
                  "Ort: Rathaus, Markt 1", "Anmeldeschluss: 1. Juni 2025")  # fmt: skip
    assert facts.body == BODY
    teasers = parse("Stadt startet Bürgerportal", "", LEAD, "", BODY, "",
                    "Der Landkreis hat einen neuen Radweg eröffnet, der... [zum Beitrag]",
                    "Die Bibliothek bleibt im August geschlossen, weil... [zum Beitrag]")  # fmt: skip
    assert teasers.body == BODY
    assert [r.title for r in teasers.related] == [
        "Der Landkreis hat einen neuen Radweg eröffnet, der...",
        "Die Bibliothek bleibt im August geschlossen, weil...",
    ]


def test_a_dated_heading_after_the_text_is_the_next_entry_of_a_listing():
    item = parse("Stadt startet Bürgerportal", "", LEAD, "", BODY, "", "03.03.2017",
                 "Neue Öffnungszeiten im Bürgerbüro")  # fmt: skip
    assert item.body == BODY
    assert [(r.title, r.date) for r in item.related] == [
        ("Neue Öffnungszeiten im Bürgerbüro", datetime.date(2017, 3, 3))
    ]


def test_an_interview_subtitle_leads_when_the_text_opens_with_a_question():
    item = parse(
        "Interview", "„Wir haben die Verwaltung handlungsfähig gehalten“",
        "Die Stadtdirektorin über Heimarbeit, Bürgerportal und Personal", "",
        "Frau Beck, wie hat die Verwaltung den Winter bewältigt?", "", BODY,
    )  # fmt: skip
    assert item.kicker == "Interview"
    assert item.title == "„Wir haben die Verwaltung handlungsfähig gehalten“"
    assert item.teaser == "Die Stadtdirektorin über Heimarbeit, Bürgerportal und Personal"


def test_a_pdf_letterhead_in_two_columns():
    item = parse(
        "Stadt Beispiel                                     Pressestelle",
        "Dezernat 1                                         Markt 1",
        "",
        "Pressemitteilung                                   Beispielstadt, 22. Mai 2025",
        "",
        "Stadtrat beschließt Datenstrategie",
        "",
        "Die Stadt hat eine Datenstrategie. Der Stadtrat hat sie am 21. Mai beschlossen. Sie",
        "regelt, wie die Verwaltung Daten nutzt und wer dafür verantwortlich ist, und sie",
        "gilt bis zum Ende des Jahres 2030 für alle Ämter der Stadtverwaltung.",
    )
    assert item.title == "Stadtrat beschließt Datenstrategie"
    assert item.date == datetime.date(2025, 5, 22)
    assert item.teaser.startswith("Die Stadt hat eine Datenstrategie.")
    assert "Pressestelle" not in (item.teaser or "") + (item.body or "")
