"""Link lines: bare addresses and labels such as "… (PDF, 27 MB) (Deep Link)"."""

from __future__ import annotations

import re

from articles.ingest.item import LinkRef

URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
FORMAT_SIZE = re.compile(
    r"\s*\((PDF|DOCX?|XLSX?|PPTX?|ODT|ODS|ZIP|MP3|MP4|CSV|RTF|TXT)(?:[,;]\s*([\d.,]+\s*[KMGT]?B))?\)",
    re.IGNORECASE,
)
LINK_MARK = re.compile(r"\s*\((Deep Link|Link|externer Link|extern|Download)\)\s*$", re.IGNORECASE)


def parse_link(line: str) -> LinkRef | None:
    """A LinkRef when the line is a link (an address or a marked label), else None."""
    line = line.strip()
    if URL.match(line):
        url = line if line.lower().startswith("http") else "http://" + line
        return LinkRef(label=None, url=url.rstrip(".,;"))
    format_match = FORMAT_SIZE.search(line)
    mark = LINK_MARK.search(line)
    if not format_match and not mark:
        return None
    label = line
    if mark:
        label = label[: mark.start()]
    file_format = size = None
    if format_match:
        file_format = format_match.group(1).upper()
        size = format_match.group(2)
        label = FORMAT_SIZE.sub("", label, count=1)
    label, url = _address_in(label)
    return LinkRef(label=label, url=url, format=file_format, size=size)


EMBEDDED_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)


def _address_in(label: str) -> tuple[str | None, str | None]:
    """("Weitere Informationen", "https://…") from "Weitere Informationen: https://…"."""
    match = EMBEDDED_URL.search(label)
    if not match:
        return label.strip() or None, None
    url = match.group(0).rstrip(".,;:)")
    if not url.lower().startswith("http"):
        url = "http://" + url
    rest = (label[: match.start()] + " " + label[match.end() :]).strip(" :–-\t")
    return rest or None, url
