"""Which shape a document has."""

from __future__ import annotations

from articles.ingest import kommune21, press

MESSAGE_FORMS = {"feed", "email", "newsletter"}  # news sent as messages, never an event page


def detect_shape(lines: list[str], form: str = "page") -> str:
    """kommune21 | ministry | wire | event | other"""
    if kommune21.looks_like(lines):
        return "kommune21"
    return press.detect(lines, event_by_headline=form not in MESSAGE_FORMS)
