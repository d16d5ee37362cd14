"""Arbitrary input never crashes the parser: it returns an item or a clear ParseError."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest import ParsedItem, ParseError, parse_bytes

LINES = st.sampled_from(
    [
        "Thüringen:", "Titel der Meldung", "[20.12.2016] Ein Vorspann.", "(bs)", "mehr...",
        "Stichwörter: Politik, Thüringen", "Bildquelle: Foto", "Druckversion    PDF     Link mailen",
        "Weitere Meldungen und Beiträge aus dem Bereich Politik", "Suchen...", "12345 Ort",
        "Erfurt (dpa/th) - Text", "heute (16.12.)", "Stand: 05.01.2017", "http://example.org",
        "Minister Max Muster sagte:", "", "Doku (PDF, 3 MB) (Deep Link)", "[31.2.2020] kaputt",
    ]
)  # fmt: skip


def check(data: bytes) -> None:
    try:
        item = parse_bytes(data, "random.txt")
    except ParseError as error:
        assert str(error)
        return
    assert isinstance(item, ParsedItem)
    assert item.title
    json_keys = set(item.to_json())
    assert {"title", "date", "people", "links", "related", "warnings"} <= json_keys


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    check(data)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_random_text(text):
    check(text.encode("utf-8"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=40))
def test_document_shaped_text(lines):
    check("\n".join(lines).encode("utf-8"))


FORM_LINES = st.sampled_from(
    [
        "Von: Pressestelle <presse@example.org>", "Betreff: WG: PM 3/2022: Titel der Meldung",
        "Gesendet: Montag, 4. Juli 2022 16:12", "-----Ursprüngliche Nachricht-----", "> zitiert",
        "Am 11.02.2026 um 16:20 schrieb Pressestelle:", "Sehr geehrte Damen und Herren,",
        "---", "title: \"Titel: Untertitel\"", "tags:", "  - Smart City", "date: 2025-13-45",
        "### Rubrik", "=====", "-----", "1. Erste Meldung", "2. Zweite Meldung",
        "Weiterlesen: https://example.org/a", "Newsletter abbestellen", "Liebe Leserinnen,",
        "thl0212 4 pl 287  dpa 0473", "Regierung/Verwaltung/", "Titel der Meldung =",
        "171732 Sep 19", "999999 Xyz 99", "310000 Feb 25", "dpa mt yyth n1 kr", "\f",
        "Seite 1 von 2", "- 2 -", "Digitali-", "sierung der Verwaltung", "<item><title>T</title>",
        "<category term=\"x\"/>", "<figure><figcaption>(Bildquelle: X)</figcaption></figure>",
        "</item>", "<entry>", "Verantwortlich: Pressestelle", "Stadt Jena          Am Anger 15",
        "LANDESPOLITIK", "| Jahr | Mittel |", "|------|--------|", "Title: Titel",
        "Published: Wed, 23 Apr 2025 09:30:00 +0200", "+++", "tags = [\"a\", \"b\"]", "Leis\u00ad",
        "Das Land stellt seine Technik bereit        eigene Software zu kaufen, sagte er",
        "                                              Schubert. Neue Online-Dienste",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(FORM_LINES, LINES, st.text(max_size=60)), max_size=40))
def test_form_shaped_text(lines):
    check("\n".join(lines).encode("utf-8"))
