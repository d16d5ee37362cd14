"""The file names the importer takes: every form a newsroom receives.

Pasted or uploaded one by one, any of them is a document. In a folder, a .json is one only
when it is a JSON Feed (the corpus keeps its expected parses as .json beside the documents),
and a README.md is the folder's notes, not a document.
"""

from __future__ import annotations

from pathlib import Path

from articles.ingest.json_feed import looks_like_json_feed

DOCUMENT_SUFFIXES = (
    ".txt", ".eml", ".html", ".htm", ".mhtml", ".mht", ".xml", ".rss", ".atom", ".json", ".md",
    ".markdown",
)  # fmt: skip
NOTES = ("readme", "license", "changelog")
SNIFF_BYTES = 2048


def is_document_name(name: str) -> bool:
    return name.lower().endswith(DOCUMENT_SUFFIXES)


def is_folder_document(path: Path) -> bool:
    """A file of a folder that is a document, not the folder's notes or data beside them."""
    name = path.name.lower()
    if not is_document_name(name) or name.startswith(NOTES):
        return False
    if path.suffix.lower() == ".json":
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES).decode("utf-8", errors="replace")
        return looks_like_json_feed(head)
    return True
