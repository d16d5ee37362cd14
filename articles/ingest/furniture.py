"""Page furniture: text that belongs to the web page, not to the press item."""

from __future__ import annotations

import re

FURNITURE_LINES = {
    "suchen...", "suchen", "anzeige", "aktuelle meldungen", "aboverwaltung",
    "abbonement kuendigen", "abonnement kündigen", "abonnement kuendigen", "newsletter",
    "newsletter abonnieren", "mehr...", "druckversion", "link mailen", "nach oben",
    "zurück", "zurück zur übersicht", "seite drucken", "drucken", "teilen", "inhalt",
    "startseite", "home", "menü", "navigation", "hauptnavigation", "kontakt", "impressum",
    "datenschutz", "datenschutzerklärung", "barrierefreiheit", "leichte sprache",
    "gebärdensprache", "sitemap", "presse", "pressemitteilungen", "pressemitteilung",
    "medieninformation", "aktuelles", "service", "suche", "artikel teilen", "schließen",
    "it-guide plus", "weiterlesen", "zur übersicht", "alle meldungen",
}  # fmt: skip
PRINT_LINE = re.compile(r"^druckversion\s+pdf\s+link\s+mailen$", re.IGNORECASE)
POSTCODE_LINE = re.compile(r"^\d{5}\s+[A-ZÄÖÜ][\w\s().-]{1,60}$")
COMPANY_LINE = re.compile(r"\b(GmbH|AG|KG|SE|e\.V\.|mbH|Inc\.|Ltd\.)\s*$")
BREADCRUMB = re.compile(r"(\s[>»›|]\s)|^sie sind hier", re.IGNORECASE)
CONTACT_LINE = re.compile(
    r"^(tel(efon)?|fax|e-mail|mail|telefax|internet|web)\s*[.:]", re.IGNORECASE
)
CREATED_BY = re.compile(r"^(erstellt|verfasst|veröffentlicht)\s+(von|am)\b", re.IGNORECASE)


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    lower = stripped.lower()
    return (
        lower in FURNITURE_LINES
        or bool(PRINT_LINE.match(stripped))
        or bool(POSTCODE_LINE.match(stripped))
        or bool(BREADCRUMB.search(stripped))
        or bool(CONTACT_LINE.match(stripped))
    )


def is_advertiser(line: str) -> bool:
    return bool(COMPANY_LINE.search(line.strip())) and len(line) < 80
