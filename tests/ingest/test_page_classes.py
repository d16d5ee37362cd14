"""One test per failure class of issue 11, on small pages written for these tests.

Each input has the general shape of a class (navigation above a headline, a date glued to
a lead, agency copy without a dateline, …); none of the parser's rules names their words.
"""

import datetime

import pytest

from articles.ingest import parse_bytes
from articles.ingest.sentences import split_sentences

LEAD = (
    "Die Landesregierung hat am Dienstag ein neues Programm für die Digitalisierung der "
    "Kommunen beschlossen. Es soll vor allem kleinen Gemeinden helfen."
)
BODY = (
    "Insgesamt stehen in den kommenden zwei Jahren zehn Millionen Euro bereit. Anträge "
    "können ab dem Frühjahr gestellt werden, teilte das Ministerium mit."
)


def parse(text: str):
    return parse_bytes(text.encode("utf-8"), "page.txt")


def page(*top: str, lead: str = LEAD, tail: tuple[str, ...] = ()) -> str:
    return "\n".join([*top, "", lead, "", BODY, "", *tail])


@pytest.mark.parametrize(
    "furniture",
    [
        ("Zur Hauptnavigation springen", "Zum Inhalt springen", "Skip to main content"),
        ("Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie dem zu.", "OK"),
        ("Zur optimalen Darstellung dieser Seite benötigen Sie Javascript.",),
        ("Startseite > Presse > Meldungen", "Sie sind hier: Start / Aktuelles"),
        ("Foto: Pressestelle/Beispiel",),
        ("Pressemitteilungen 2022",),
    ],
)
def test_headline_is_found_below_any_page_furniture(furniture):
    item = parse(page(*furniture, "Neues Förderprogramm für digitale Kommunen"))
    assert item.title == "Neues Förderprogramm für digitale Kommunen"
    assert item.teaser == LEAD
    for line in furniture:
        assert line not in (item.teaser or "") + (item.body or "")


def test_a_bullet_is_not_part_of_the_title_and_a_credit_becomes_the_image_credit():
    item = parse(
        page("Bild: Stadtverwaltung Beispielstadt", "· Stadt eröffnet digitales Bürgerbüro")
    )
    assert item.title == "Stadt eröffnet digitales Bürgerbüro"
    assert item.image_credit == "Stadtverwaltung Beispielstadt"


def test_sentences_are_not_cut_at_german_abbreviations():
    text = (
        "Staatssekretärin Dr. Anna Beck stellte z. B. die Nr. 5 vor. Das gilt u. a. für "
        "Abs. 2 des Gesetzes. Am 7. November 2018 folgte Prof. Weber."
    )
    assert split_sentences(text) == [
        "Staatssekretärin Dr. Anna Beck stellte z. B. die Nr. 5 vor.",
        "Das gilt u. a. für Abs. 2 des Gesetzes.",
        "Am 7. November 2018 folgte Prof. Weber.",
    ]
    item = parse("Staatssekretärin Dr. Anna Beck eröffnet das Bürgerportal. " + LEAD)
    assert item.title == "Staatssekretärin Dr. Anna Beck eröffnet das Bürgerportal"


@pytest.mark.parametrize(
    "heading, kicker, title",
    [
        ("HessenServicekonto wächst weiter stark", "Hessen", "Servicekonto wächst weiter stark"),
        (
            "Sachsen-AnhaltNeues Portal für Bauanträge",
            "Sachsen-Anhalt",
            "Neues Portal für Bauanträge",
        ),
    ],
)
def test_a_kicker_glued_to_the_headline_is_split_off(heading, kicker, title):
    item = parse(page("Startseite", heading))
    assert (item.kicker, item.title) == (kicker, title)


def test_a_dachzeile_above_the_headline_is_the_kicker():
    item = parse(page("Nachrichten", "", "Interview", "Wie digital ist das Rathaus?"))
    assert (item.kicker, item.title) == ("Interview", "Wie digital ist das Rathaus?")


@pytest.mark.parametrize(
    "date_line, expected",
    [
        ("05. Juni. 2022", datetime.date(2022, 6, 5)),
        ("14.03.2016 10:05", datetime.date(2016, 3, 14)),
        ("08.07.2021, 16:40 Uhr | dpa", datetime.date(2021, 7, 8)),
        ("2. Oktober 2020, 09:12 Uhr", datetime.date(2020, 10, 2)),
        ("Erfurt, 3. Februar 2022", datetime.date(2022, 2, 3)),
    ],
)
def test_date_lines_in_every_written_form(date_line, expected):
    item = parse(page("Neues Förderprogramm für digitale Kommunen", date_line))
    assert item.date == expected and item.date_precision == "day"


def test_a_date_line_under_the_lead_and_a_date_glued_to_the_lead():
    below = parse("Neues Programm für Kommunen\n\n" + LEAD + "\n\n12.05.2023\n\n" + BODY)
    assert below.date == datetime.date(2023, 5, 12)
    glued = parse("Neues Programm für Kommunen\n\n11.04.2022 " + LEAD + "\n\n" + BODY)
    assert glued.date == datetime.date(2022, 4, 11)
    assert glued.teaser == LEAD


def test_dates_the_text_states_about_itself_when_no_date_line_exists():
    today = parse(
        page(
            "Neues Programm",
            lead="Der Landtag hat heute, am Dienstag, dem 5. Mai 2020, "
            "ein Gesetz zur digitalen Verwaltung beschlossen. Es tritt im Sommer in Kraft.",
        )
    )
    assert today.date == datetime.date(2020, 5, 5)
    story = parse(page("Neues Programm", tail=("dpa-infocom, dpa:200505-99-123456/2",)))
    assert story.date == datetime.date(2020, 5, 5)
    assert story.source_kind == "wire"
    assert "dpa-infocom" not in story.body
    numbered = parse(page("Pressemitteilung 7/2022", "Neues Programm für Kommunen"))
    assert (numbered.date, numbered.date_precision) == (datetime.date(2022, 1, 1), "year")


@pytest.mark.parametrize(
    "line",
    ["Abgerufen am 12.01.2026", "Termin: 14.09.2023, 10 Uhr", "Gedruckt am 02.02.2026"],
)
def test_dates_of_the_copy_or_an_appointment_never_date_the_item(line):
    item = parse(page("Neues Programm für Kommunen", line))
    assert item.date is None


def test_an_update_date_dates_the_item_only_when_the_page_gives_no_other():
    updated = "Aktualisiert am 5. Mai 2020, 14:30 Uhr"
    alone = parse(page("Neues Programm für Kommunen", updated))
    assert alone.date == datetime.date(2020, 5, 5)
    both = parse(page("Neues Programm für Kommunen", "04.05.2020", updated))
    assert both.date == datetime.date(2020, 5, 4)


def test_dates_in_a_related_list_do_not_date_the_item():
    item = parse(page("Neues Programm für Kommunen", tail=(
        "Mehr zum Thema", "Stadt führt E-Akte ein", "03.02.2021",
        "Die Stadt arbeitet nun mit der elektronischen Akte.",
        "Landkreis startet Bürgerportal", "01.02.2021",
    )))  # fmt: skip
    assert item.date is None
    assert [(r.title, r.date) for r in item.related] == [
        ("Stadt führt E-Akte ein", datetime.date(2021, 2, 3)),
        ("Landkreis startet Bürgerportal", datetime.date(2021, 2, 1)),
    ]
    assert item.related[0].teaser == "Die Stadt arbeitet nun mit der elektronischen Akte."
    assert "Mehr zum Thema" not in item.body


@pytest.mark.parametrize(
    "signal",
    ["08.07.2021, 16:40 Uhr | dpa", "© dpa-infocom GmbH", "Quelle: MDR/dpa", "© dpa"],
)
def test_agency_copy_is_wire_wherever_the_signal_stands(signal):
    item = parse(page("Ministerium startet Förderprogramm", tail=(signal,)))
    assert item.source_kind == "wire"
    assert signal not in (item.body or "")


def test_a_city_press_office_is_no_ministry():
    item = parse(page("Stadtverwaltung Beispielstadt", "Pressestelle der Stadt Beispielstadt",
                      "Stadt eröffnet digitales Bürgerbüro"))  # fmt: skip
    assert item.source_kind == "other"


@pytest.mark.parametrize(
    "junk",
    [
        "Artikel per E-Mail versenden", "zur Detailseite", "Weiterlesen", "Back to overview",
        "Tel. 0361 123456-0", "Musterstraße 12", "99084 Erfurt",
    ],
)  # fmt: skip
def test_page_junk_stays_out_of_the_body(junk):
    item = parse(page("Neues Programm für Kommunen", tail=(junk, "Noch ein Satz zum Schluss.")))
    assert junk not in item.body


def test_a_page_header_repeated_on_page_two_is_removed():
    header = "Digitale Rathäuser | Autor: Max Beispiel"
    item = parse(
        "\n".join([header, "Wie digital ist das Rathaus?", "", LEAD, "", header, "", BODY])
    )
    assert item.title == "Wie digital ist das Rathaus?"
    assert "Autor:" not in item.body


def test_weiterlesen_lines_become_related_items():
    item = parse(page("Neues Programm für Kommunen", tail=("Weiterlesen: Stadt führt E-Akte ein",)))
    assert [r.title for r in item.related] == ["Stadt führt E-Akte ein"]


def test_a_listing_without_headline_is_not_refused():
    item = parse(
        "[12.5.2022] Die Stadt hat ihr Portal erweitert. Nun geht mehr online ... mehr...\n"
    )
    assert item.title == "Die Stadt hat ihr Portal erweitert"


def test_a_lead_printed_above_its_headline():
    item = parse("\n".join([LEAD, "", "Neues Programm für digitale Kommunen", "", BODY]))
    assert (item.title, item.teaser) == ("Neues Programm für digitale Kommunen", LEAD)


def test_unsure_fields_are_named_in_the_warnings():
    item = parse(page("Programm"))  # one word, no date
    assert item.confidence["item"] < 0.6
    assert any(w.startswith("unsure: title") for w in item.warnings)
    sure = parse(page("Neues Förderprogramm für digitale Kommunen", "05.06.2022"))
    assert sure.confidence["item"] >= 0.6
    assert not any(w.startswith("unsure:") for w in sure.warnings)
