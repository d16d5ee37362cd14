"""Facts a sender prints beside the text: the release number and the original address."""

from __future__ import annotations

import re

# "Medieninformation 112/2025", "Pressemitteilung Nr. 7/2022", "PM 31/2022"; not a date.
RELEASE_NUMBER = re.compile(
    r"\b(?:Medieninformation|Presseinformation|Pressemitteilung|Pressemeldung|Medienmitteilung"
    r"|Mitteilung|PM)\s*(?:Nr\.?|Nummer)?\s*:?\s*(\d{1,4}\s*/\s*(?:19|20)?\d{2})\b"
)
# A line that names where the text was copied from.
ORIGINAL_ADDRESS = re.compile(
    r"^\s*(?:Quelle|Originalartikel|Original|URL|Link zum Artikel|Zum Artikel|Online)\s*:\s*"
    r"(https?://\S+)\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def release_number(text: str) -> str | None:
    """The sender's number of the release ("112/2025"), from the first lines that carry one."""
    match = RELEASE_NUMBER.search(text[:3000])
    return re.sub(r"\s+", "", match.group(1)) if match else None


def original_address(text: str) -> str | None:
    """The address of the page the text came from, when a line says so."""
    match = ORIGINAL_ADDRESS.search(text)
    return match.group(1).rstrip(".,;)") if match else None
