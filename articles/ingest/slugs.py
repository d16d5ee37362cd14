"""Slugs as django.utils.text.slugify makes them, without importing Django."""

from __future__ import annotations

import re
import unicodedata


def slugify(value: str, max_length: int = 200) -> str:
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    value = re.sub(r"[-\s]+", "-", value).strip("-_")
    return value[:max_length].strip("-") or "meldung"
