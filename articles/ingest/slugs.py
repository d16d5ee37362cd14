"""URL slugs for German titles and names (ä → ae, ß → ss), without importing Django."""

from __future__ import annotations

import re
import unicodedata

GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def slugify(value: str, max_length: int = 200) -> str:
    value = value.translate(GERMAN)
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    value = re.sub(r"[-\s]+", "-", value).strip("-_")
    return value[:max_length].strip("-") or "meldung"
