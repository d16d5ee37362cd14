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
