"""The corpus of real layouts (tests/data/corpus/): every document against its expected parse.

Each document's misses must be exactly its entry in KNOWN_MISSES (corpus_known_misses.py), so a
fix that is not struck from the list fails here as loudly as a regression. Scoring rules:
tests/data/corpus/README.md; figures: `.venv/bin/python -m bench.score_corpus`.
"""

import json

import pytest

from articles.ingest import parse_file
from bench.score_corpus import CORPUS, FIELDS, documents, expected_for, score_document
from tests.ingest.corpus_known_misses import KNOWN_MISSES

DOCUMENTS = documents()
EXPECTED_KEYS = {
    "file", "form", "layout", "source_kind", "kicker", "title", "date", "date_precision", "teaser",
    "body", "author", "category", "image_credit", "keywords", "people", "links", "related",
    "body_excludes",
}  # fmt: skip
FORMS = {"web", "email", "pdf", "feed", "markdown", "newsletter", "html"}
KINDS = {"kommune21", "ministry", "wire", "event", "other"}


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_document_parses_as_a_reader_reads_it(path):
    missed = {miss.field: miss for miss in score_document(path)}
    known = KNOWN_MISSES.get(path.name, set())
    fixed = sorted(known - set(missed))
    broken = [str(missed[field]) for field in FIELDS if field in missed and field not in known]
    assert not broken, "regression:\n" + "\n".join(broken)
    assert not fixed, f"now right, strike from KNOWN_MISSES[{path.name!r}]: {fixed}"


def test_the_corpus_is_large_and_every_document_has_its_expected_parse():
    assert len(DOCUMENTS) >= 40
    assert sorted(p.stem for p in CORPUS.glob("*.json")) == [p.stem for p in DOCUMENTS]
    for path in DOCUMENTS:
        expected = expected_for(path)
        assert set(expected) == EXPECTED_KEYS, path.name
        assert expected["file"] == path.name
        assert expected["form"] in FORMS and expected["source_kind"] in KINDS, path.name
        assert expected["layout"], f"{path.name}: the source address of its layout"
        assert (expected["date"] is None) == (expected["date_precision"] is None), path.name
        text = path.read_text(encoding="utf-8")
        for junk in expected["body_excludes"]:  # only furniture the page really has
            assert junk in text, (path.name, junk)
    forms = {expected_for(p)["form"] for p in DOCUMENTS}
    assert forms == FORMS, f"every form is represented: {FORMS - forms}"


def test_known_misses_name_only_corpus_documents_and_scored_fields():
    names = {p.name for p in DOCUMENTS}
    assert set(KNOWN_MISSES) <= names
    assert all(fields and fields <= set(FIELDS) for fields in KNOWN_MISSES.values())


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_no_document_a_person_can_read_is_refused(path):
    data = parse_file(path).to_json()  # raises ParseError on a refusal
    json.dumps(data)
    assert data["title"] and (data["teaser"] or data["body"])
