"""Which shape a document has."""

from __future__ import annotations

from articles.ingest import kommune21, press


def detect_shape(lines: list[str]) -> str:
    """kommune21 | ministry | wire | event | other"""
    if kommune21.looks_like(lines):
        return "kommune21"
    return press.detect(lines)
