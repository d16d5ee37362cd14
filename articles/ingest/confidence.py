"""How sure the parser is of each field; unsure fields are named in the warnings.

A field scores 0.9 when it comes from a place made for it (a portal's title line, a date
line, a mail's subject) and lower when it was inferred. A field below THRESHOLD is named in
a warning saying why, unless an earlier warning already says it ("title taken from the
first sentence", "year inferred from text (2025)", "no date in the text"); LOW_CONFIDENCE
lists the beginnings of all such warnings, so the admin can put those items first.
"""

from __future__ import annotations

from articles.ingest.item import ParsedItem

UNSURE = "unsure:"
THRESHOLD = 0.6
# Warnings that mark a field the parser is unsure of (the admin's review order reads them).
LOW_CONFIDENCE = (
    UNSURE,
    "title taken from the first sentence",
    "year inferred from text",
    "no date in the text",
)


def is_low_confidence(warning: str) -> bool:
    return warning.startswith(LOW_CONFIDENCE)


def assess(item: ParsedItem, form: str) -> None:
    """Fill item.confidence and add an "unsure:" warning for each doubtful field."""
    said = " | ".join(item.warnings)
    scores: dict[str, tuple[float, str | None]] = {}
    title = item.title or ""
    if "title taken from the first sentence" in said:
        scores["title"] = (0.5, None)
    elif len(title) > 160:
        scores["title"] = (0.5, "very long for a headline")
    elif len(title.split()) < 2:
        scores["title"] = (0.55, "a single word")
    else:
        scores["title"] = (0.9, "")
    if item.date is None:
        scores["date"] = (0.4, None if "no date in the text" in said else "no date found")
    elif item.date_inferred:
        scores["date"] = (0.5, None if "year inferred" in said else "year inferred")
    elif item.date_precision == "year":
        scores["date"] = (0.5, "only the year is known")
    else:
        scores["date"] = (0.9, "")
    if not item.body and not item.teaser:
        scores["body"] = (0.3, "no text besides the title")
    elif len((item.teaser or "") + (item.body or "")) < 120:
        scores["body"] = (0.5, "very short text; part of it may be missing")
    else:
        scores["body"] = (0.9, "")
    item.confidence = {name: score for name, (score, _) in scores.items()}
    item.confidence["item"] = min(item.confidence.values())
    for name, (score, reason) in scores.items():
        if score < THRESHOLD and reason:
            item.warnings.append(f"{UNSURE} {name} ({reason})")
