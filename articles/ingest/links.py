"""Link lines: bare addresses and labels such as "… (PDF, 27 MB) (Deep Link)"."""

from __future__ import annotations

import re

from articles.ingest.item import LinkRef

URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
FORMAT_SIZE = re.compile(
    r"\s*\((PDF|DOCX?|XLSX?|PPTX?|ODT|ODS|ZIP|MP3|MP4|CSV|RTF|TXT)(?:[,;]?\s*([\d.,]+\s*[KMGT]?B))?\)",
    re.IGNORECASE,
)
ARROW = re.compile(r"^(?:-->|->|=>|»|›)\s*")
SIZE_ONLY = re.compile(r"\s*\(([\d.,]+\s*[KMGT]B)\)\s*$")
# "Link: Thüringer Service-Portal", "Link zum Programm: kongress.thueringen.de"
LABELLED = re.compile(
    r"^(?:link|weblink)(?:\s+(?:zum|zur|zu)\s+\w+)?\s*:\s*(\S.{1,120})$", re.IGNORECASE
)
# "Weitere Informationen: https://…", "Mehr dazu unter https://…": an address introduced
INTRODUCED_URL = re.compile(
    r"^(?:weitere\s+)?(?:informationen|infos?|mehr(?:\s+dazu)?|details)(?:\s+(?:unter|im internet|"
    r"online))?\s*:?\s+(https?://[^\s<>\"]+)(?:\s*<https?://[^\s<>]+>)?$",
    re.IGNORECASE,
)
LINK_MARK = re.compile(r"\s*\((Deep Link|Link|externer Link|extern|Download)\)\s*$", re.IGNORECASE)

# "Städtebund(Zeigt auf eine externe Webseite)": a screen reader's note on a link
LINK_NOTE = re.compile(
    r"\s*\((?:zeigt auf eine externe webseite|externer link|link ist extern|"
    r"öffnet (?:sich )?(?:in )?(?:einem )?neuen? (?:fenster|tab)|external link|"
    r"opens in (?:a )?new (?:window|tab))\)",
    re.IGNORECASE,
)


def parse_link(line: str) -> LinkRef | None:
    """A LinkRef when the line is a link (an address or a marked label), else None."""
    line = line.strip()
    if URL.match(line):
        url = line if line.lower().startswith("http") else "http://" + line
        return LinkRef(label=None, url=url.rstrip(".,;"))
    introduced = INTRODUCED_URL.match(line)
    if introduced:  # "Weitere Informationen: https://…" (a mail's "<https://…>" echo dropped)
        return LinkRef(label=None, url=introduced.group(1).rstrip(".,;"))
    labelled = LABELLED.match(line)
    if labelled:  # "Link: Thüringer Service-Portal"
        target = labelled.group(1).strip()
        if URL.match(target):
            return LinkRef(
                label=None, url=target if target.startswith("http") else "http://" + target
            )
        return LinkRef(label=target, url=None)
    arrow = ARROW.match(line)
    if arrow:  # "--> Download Bürgeraufruf als PDF-Datei (950 KB)"
        line = line[arrow.end() :]
        size_only = SIZE_ONLY.search(line)
        if size_only and re.search(r"\bPDF\b", line):
            label = re.sub(r"\s+als\s+PDF(?:-Datei)?$|\s+\(PDF\)$", "", line[: size_only.start()])
            return LinkRef(
                label=line[: size_only.start()].strip() or label,
                format="PDF",
                size=size_only.group(1),
            )
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


# "… gibt es unter diesem Link: https://…", "… ist hier nachzulesen: https://…": an address
# closing a paragraph of the text (introduced by a colon or "unter", or in brackets)
CLOSING_URL = re.compile(
    r"(?:(?:[:]|\bunter)\s+(https?://[^\s<>\"]+?)|\((https?://[^\s<>\"()]+)\))[.,;]?$",
    re.IGNORECASE,
)


# "MandantenportalsÖffnet sich in einem neuen Fenster": a screen reader's note glued to a label
GLUED_LINK_NOTE = re.compile(
    r"(?<=[a-zäöüß])(?:Öffnet sich in einem neuen Fenster|Externer Link|Opens in a new window)"
)


def closing_address(paragraph: str) -> LinkRef | None:
    """The link a paragraph of text ends with, when it names the address itself."""
    if "://" not in paragraph[-200:]:
        return None
    match = CLOSING_URL.search(paragraph)
    return LinkRef(label=None, url=match.group(1) or match.group(2)) if match else None


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
