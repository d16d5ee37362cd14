"""Classes found on held-out web batch I: what a page's frame says about its headline, date
and captions (a date and time glued before the headline, a breadcrumb that repeats the
headline, "Headline | Subheadline" above a place and date, a caption closed by "© …", a skip
anchor "Inhalt"), and people named with an academic title or a role in brackets.

All inputs were written for these tests; the people and places are invented.
"""

import datetime

from articles.ingest import parse_bytes
from articles.ingest.people import find_people


def parse(text: str, name: str = "page.txt"):
    return parse_bytes(text.encode("utf-8"), name)


LEAD = (
    "Die Stadtverwaltung Beispielstadt bietet ab sofort zwölf weitere Anträge online an, "
    "darunter die Anmeldung eines Hundes und die Reservierung von Terminen im Bürgerbüro."
)
TEXT = (
    "Das Angebot soll bis zum Jahresende auf vierzig Leistungen wachsen, kündigte die "
    "Verwaltung am Montag an. Wer lieber ins Rathaus kommt, kann das weiterhin tun."
)


def test_date_and_time_glued_before_the_headline_date_the_item_and_leave_the_title():
    item = parse(
        "Nachrichtenportal\nStartseite > Beispielstadt > Lokales\n\n"
        f"13.02.2024 07:26 Beispielstadt baut ihr Online-Angebot aus\n\n{LEAD}\n\n{TEXT}\n"
    )
    assert item.title == "Beispielstadt baut ihr Online-Angebot aus"
    assert item.date == datetime.date(2024, 2, 13)


def test_a_time_with_uhr_after_the_date_is_no_headline():
    item = parse(
        "Medienservice\nNeue Termine im Bürgerbüro\n"
        f"21.01.2026, 17:54 Uhr — Erstveröffentlichung\n{LEAD}\n\n{TEXT}\n"
    )
    assert item.title == "Neue Termine im Bürgerbüro"
    assert item.date == datetime.date(2026, 1, 21)


def test_a_caption_closed_by_a_copyright_mark_leaves_the_text_and_gives_the_credit():
    item = parse(
        f"Beispielstadt baut ihr Online-Angebot aus\n\n{LEAD}\n\n"
        "Blick auf das Rathaus mit digitalen Symbolen im Vordergrund © Stadt Beispielstadt / "
        f"Anna Muster\n\n{TEXT}\n"
    )
    assert item.image_credit == "Stadt Beispielstadt / Anna Muster"
    assert "Blick auf das Rathaus" not in (item.body or "")
    assert item.body.startswith("Das Angebot soll")


def test_an_agency_copyright_at_a_paragraphs_end_is_no_caption():
    item = parse(f"Beispielstadt baut ihr Online-Angebot aus\n\n{LEAD}\n\n{TEXT} © dpa\n")
    assert item.body.startswith("Das Angebot soll")


def test_a_skip_anchor_inhalt_does_not_make_a_web_page_a_newsletter():
    item = parse(
        "Stadt Beispielstadt\nKurzmenü\nInhalt\n\nServiceleistungen werden ausgebaut\n\n"
        f"{LEAD}\n\nDigitalisierung geht weiter\n\n{TEXT}\n\nTermine im Bürgerbüro\n\n"
        f"{TEXT.replace('Montag', 'Dienstag')}\n"
    )
    assert item.title == "Serviceleistungen werden ausgebaut"
    assert item.related == []
    assert "Digitalisierung geht weiter" in item.body


def test_a_breadcrumb_ending_with_the_headline_names_it_over_a_subtitle_under_the_date():
    item = parse(
        "Regionalblatt\nStartseite » Bildung » Hochschule baut eine digitale Musterbehörde\n\n"
        "Hochschule baut eine digitale Musterbehörde\n\nVeröffentlicht am 20. Dezember 2020\n\n"
        f"Stiftung fördert Projekt mit 500.000 Euro\n\n{LEAD}\n\n{TEXT}\n"
    )
    assert item.title == "Hochschule baut eine digitale Musterbehörde"
    assert item.teaser == LEAD
    assert "Stiftung fördert" not in (item.body or "")


def test_headline_and_subheadline_joined_by_a_pipe_above_place_and_date():
    item = parse(
        "Landesagentur für Digitales\nPresse\nPressemitteilung\n"
        "Eine Million Euro für die Forschung: Hochschule begleitet die Verwaltung | "
        "Universität Beispielstadt wirbt Mittel einer Stiftung ein\n"
        f"München, 31. März 2025\n{LEAD}\n{TEXT}\n"
    )
    assert item.title == "Eine Million Euro für die Forschung: Hochschule begleitet die Verwaltung"
    assert item.teaser == LEAD
    assert item.date == datetime.date(2025, 3, 31)


def test_an_academic_title_marks_a_person_without_a_common_given_name():
    people = find_people(
        "Das Projekt begleitet Dr. Jolanthe Musterfrau-Beispiel bei der Agentur.", []
    )
    assert [person.name for person in people] == ["Jolanthe Musterfrau-Beispiel"]


def test_a_role_in_brackets_after_the_name_and_beigeordneter_as_role():
    people = find_people(
        "Prof. Dr. Anna Muster (Juniorprofessorin für Verwaltungsinformatik an der Universität "
        "Beispielstadt): „Wir forschen mit der Praxis.“ Das erklärt Beigeordneter Ronald Beispiel.",
        [],
    )
    roles = {person.name: person.role for person in people}
    assert roles == {
        "Anna Muster": "Juniorprofessorin für Verwaltungsinformatik an der Universität Beispielstadt",
        "Ronald Beispiel": "Beigeordneter",
    }


def test_an_acronym_in_brackets_is_no_role_of_the_words_before_it():
    people = find_people("Er übernimmt die Rolle des Chief Information Officer (CIO) im Amt.", [])
    assert people == []


def test_a_report_that_speaks_of_its_own_newsroom_is_no_ministry_release():
    item = parse(
        "Wochenblatt Beispielkreis\nSport\n\nStaatssekretär widerspricht dem Landrat\n\n"
        "11:41 Uhr | 05.09.2019\n\nFinanzstaatssekretär Otto Beispiel widerspricht Landrat "
        "Karl Muster, der dem Land Versäumnisse bei der Digitalisierung vorgeworfen hatte.\n\n"
        "„Davon sollte der Landrat lernen“, sagte Beispiel unserer Redaktion.\n"
    )
    assert item.source_kind == "other"


def test_a_state_agencys_release_is_no_ministry_release():
    item = parse(
        "Landesagentur für Digitales GmbH\nÜber uns\nPresse\nPressemitteilung\n"
        "Agentur und Universität starten ein Forschungsprojekt\nMünchen, 31. März 2025\n"
        f"{LEAD}\n{TEXT}\n"
    )
    assert item.source_kind == "other"


def test_a_rubric_and_headline_between_paragraphs_are_a_teaser_of_another_item():
    item = parse(
        f"Beispielstadt baut ihr Online-Angebot aus\n\n{LEAD}\n\nBeispielstadt Lokales\n"
        f"Achtung, Baustelle! Hier müssen Autofahrer mit Umleitungen rechnen\n\n{TEXT}\n"
    )
    assert [entry.title for entry in item.related] == [
        "Achtung, Baustelle! Hier müssen Autofahrer mit Umleitungen rechnen"
    ]
    assert "Baustelle" not in item.body


def test_a_subhead_between_paragraphs_stays_in_the_text():
    item = parse(
        f"Beispielstadt baut ihr Online-Angebot aus\n\n{LEAD}\n\nNeue Termine im Bürgerbüro\n\n"
        f"{TEXT}\n"
    )
    assert item.related == []
    assert "Neue Termine im Bürgerbüro" in item.body


ARCHIVE = (
    "Landratsamt Beispielkreis\nStartseite > Landkreis > Pressearchiv\n\nPressearchiv\n\n"
    "Es wurden 812 Mitteilungen gefunden\n\n"
    "09.04.2019\nDie Landrätin und der Bürgermeister beim Start des neuen Portals im Rathaus.\n"
    "Im Landratsamt können Bürger ab Montag ihr Auto online anmelden. „Das spart Wege“, sagt "
    "Landrätin Petra Beispiel. Weitere Dienste sollen folgen. Mehr\n"
    "08.04.2019\nDas Bürgerbüro hat am Freitag, 12. April 2019, nur bis 12 Uhr geöffnet. Wir "
    "bitten um Verständnis. Mehr\n"
    "05.04.2019\nFür den Herbst plant der Kreis einen Tag der offenen Tür in allen Ämtern. "
    "Vereine können sich anmelden. Mehr\n\nSeite: 1 2 3 ... 82 Weiter\n"
)


def test_a_press_archive_of_dated_entries_without_headlines():
    item = parse(ARCHIVE)
    assert item.title == "Im Landratsamt können Bürger ab Montag ihr Auto online anmelden"
    assert item.date == datetime.date(2019, 4, 9)
    assert item.teaser.startswith("„Das spart Wege“")
    assert "Die Landrätin und der Bürgermeister" not in item.teaser
    assert item.body is None
    assert [(entry.title, entry.date) for entry in item.related] == [
        (
            "Das Bürgerbüro hat am Freitag, 12. April 2019, nur bis 12 Uhr geöffnet",
            datetime.date(2019, 4, 8),
        ),
        (
            "Für den Herbst plant der Kreis einen Tag der offenen Tür in allen Ämtern",
            datetime.date(2019, 4, 5),
        ),
    ]


def test_two_dated_entries_are_no_archive():
    two = ARCHIVE.split("05.04.2019")[0]
    item = parse(two)
    assert item.title != "Im Landratsamt können Bürger ab Montag ihr Auto online anmelden"


def test_a_headline_alone_is_parsed_and_its_missing_text_flagged():
    item = parse("Neues Portal für alle Bürger\n")
    assert item.title == "Neues Portal für alle Bürger"
    assert item.teaser is None and item.body is None
    assert item.confidence["body"] < 0.5
    assert "unsure: body (no text besides the title)" in item.warnings


def test_one_very_long_line_without_punctuation_is_parsed():
    item = parse("Digitale Verwaltung " * 20000)
    assert item.title.startswith("Digitale Verwaltung")
    assert len(item.title) <= 300


def test_a_place_and_full_stop_open_the_text_when_the_menu_names_the_place():
    item = parse(
        f"Regionalportal\nBeispielstadt\nNachbarort\n\nNeue Online-Dienste im Rathaus\n\n"
        f"Beispielstadt. {LEAD}\n\n{TEXT}\n"
    )
    assert item.teaser == LEAD


def test_a_one_word_sentence_not_in_the_menu_stays():
    item = parse(f"Regionalportal\n\nNeue Online-Dienste im Rathaus\n\nAchtung. {LEAD}\n\n{TEXT}\n")
    assert item.teaser.startswith("Achtung.")


def test_a_read_aloud_notice_is_no_lead_and_initials_end_a_one_paragraph_item():
    item = parse(
        "Zeitung\nBeispielstadt\n\nBauanträge künftig elektronisch\n\nSchon gehört?\n"
        "Sie können sich Ihre Nachrichten jetzt auch vorlesen lassen. Klicken Sie dazu auf das "
        "Play-Symbol in einem beliebigen Artikel.\nArtikel anhören:\nBeispielstadt.\n\n"
        f"{LEAD} (bp)\n"
    )
    assert item.teaser == LEAD
    assert item.author == "bp"


def test_a_caption_printed_twice_inside_the_text_is_removed():
    item = parse(
        f"Beispielstadt baut ihr Online-Angebot aus\n\n{LEAD}\n\n{TEXT}\n\n"
        "Noch immer stehen Faxgeräte in den Ämtern\nNoch immer stehen Faxgeräte in den Ämtern\n\n"
        "Zwischenüberschrift\n\n"
        f"{TEXT.replace('Montag', 'Freitag')}\n"
    )
    assert "Faxgeräte" not in item.body
    assert "Zwischenüberschrift" in item.body
    assert item.related == []


def test_a_byline_run_into_the_headline_is_the_author():
    item = parse(
        'Zeitung\nNewsdatum: 03.04.2001\n\n"Den Anschluss nicht verpassen" Von Hartmut Muster\n\n'
        f"{LEAD}\n\n{TEXT}\n"
    )
    assert item.title == '"Den Anschluss nicht verpassen"'
    assert item.author == "Hartmut Muster"
    assert "Hartmut Muster" not in [person.name for person in item.people]


def test_a_role_with_an_adjective_between_article_and_noun():
    people = find_people(
        "Das sagt Ralf Muster, stellvertretender Geschäftsführer des kommunalen Spitzenverbands. "
        "Es sprach auch Otto Beispiel, Leiter des städtischen Fachdienstes IT-Service.",
        [],
    )
    assert {person.name: person.role for person in people} == {
        "Ralf Muster": "stellvertretender Geschäftsführer des kommunalen Spitzenverbands",
        "Otto Beispiel": "Leiter des städtischen Fachdienstes IT-Service",
    }


def test_a_quote_signature_line_gives_the_role_and_stays_under_each_quote():
    item = parse(
        "Staatskanzlei\n\nBericht zur Verwaltung\n\nDer erste Bericht liegt vor.\n\n"
        "Eine neue Regierung bringt immer den Wind der Veränderung mit, was zu begrüßen ist.\n\n"
        "Benedikt Muster Chef der Staatskanzlei\n\n"
        f"{TEXT}\n\nPortraitfoto von Benedikt Muster\n\n"
        "Ich bin stolz auf den Fortschritt, der in dieser kurzen Zeit erreicht werden konnte.\n\n"
        "Benedikt Muster Chef der Staatskanzlei\n"
    )
    assert item.body.endswith("Benedikt Muster Chef der Staatskanzlei")
    assert "Portraitfoto" not in item.body
    assert [(p.name, p.role) for p in item.people] == [
        ("Benedikt Muster", "Chef der Staatskanzlei")
    ]


def test_an_address_in_brackets_closing_a_paragraph_is_a_link():
    item = parse(
        f"Bauantrag jetzt digital\n\n{LEAD}\n\n"
        "Für den Antrag braucht man das Nutzerkonto Bund-ID (https://id.example.de/de).\n"
    )
    assert [link.url for link in item.links] == ["https://id.example.de/de"]


def test_a_credit_after_foto_and_copyright_sign():
    item = parse(
        f"Gotha: Neue Öffnungszeiten im Bürgerbüro\n\nFoto: © Beispiel-Portal/TS\n\n{LEAD}\n\n{TEXT}\n"
    )
    assert item.image_credit == "Beispiel-Portal/TS"


def test_a_report_relaying_a_towns_release_is_no_ministry_release():
    item = parse(
        "Regionalportal\nBeispielstadt\nNachbarort\n\nStaatssekretär besucht Beispielstadt\n\n"
        "Beispielstadt. Staatssekretär Otto Muster aus dem Ministerium für Digitales hat am "
        "Mittwoch die Stadtverwaltung besucht, teilt die Stadt Beispielstadt mit.\n\n"
        f"{TEXT}\n"
    )
    assert item.source_kind == "other"
