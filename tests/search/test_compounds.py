"""The compound splitter on its own: parts it must give and parts it must never give."""

import pytest

from articles.compounds import MAX_WORD, primary_parts, split


@pytest.mark.parametrize(
    "word, parts",
    [
        ("Verwaltungscloud", {"verwaltung", "cloud"}),
        ("Landesrechenzentrum", {"rechenzentrum"}),
        ("Glasfaserausbau", {"glasfaser", "faser", "ausbau"}),
        ("Digitalstaatssekretärin", {"digital", "staatssekretärin"}),
        ("ThüringenApp", {"app"}),
        ("Digitalminister", {"digital", "minister"}),
        ("Wirtschaftsminister", {"wirtschaft", "minister"}),
        ("Cybersicherheit", {"cyber", "sicherheit"}),
        ("Onlinezugangsgesetz", {"online", "zugangsgesetz", "gesetz"}),
        ("Schulcloud", {"schule", "cloud"}),  # elided -e
        ("Digitalministerin", {"ministerin", "minister"}),
    ],
)
def test_compounds_give_their_parts(word, parts):
    assert parts <= set(split(word))


@pytest.mark.parametrize(
    "word, never",
    [
        ("Akteure", {"akte", "akt"}),
        ("Rathaus", {"rat"}),
        ("Amtsleiterin", {"amt", "amts"}),
        ("Beratung", {"rat", "bera"}),
        ("Direktor", {"tor"}),
        ("Wirtschaft", {"schaft", "wirt"}),
        ("Apparat", {"app"}),
        ("Digitalisierung", {"digital"}),
    ],
)
def test_traps_give_no_false_parts(word, never):
    assert not never & set(split(word))


def test_lower_case_words_are_never_split():
    assert split("insgesamt", capitalised=False) == ()
    assert split("digitalpolitische", capitalised=False) == ()


def test_a_query_compound_needs_both_parts_and_a_real_modifier():
    assert primary_parts("Landesverwaltungscloud") == ("landesverwaltung", "cloud")
    assert primary_parts("Rathaus") == ()  # "Rat" is too short to stand for a part


def test_overlong_words_are_not_split():
    # One long typed word once held a search request for minutes in HanTa and the cut loop.
    assert primary_parts("Verwaltungsdigitalisierungsgesetz") != ()
    assert primary_parts("x" * (MAX_WORD + 1)) == ()
    assert split("Digitalverwaltung" * 3) == ()
