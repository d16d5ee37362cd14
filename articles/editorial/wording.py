"""German wording for the importer's English reasons and warnings, as editors read them.

The importer (articles/ingest) speaks English for the command line and the fixtures; the
admin speaks German. A reason or warning without a translation here is shown as it is.
"""

from __future__ import annotations

import re

_ERRORS = [
    (r"empty file", "Die Datei ist leer."),
    (
        r"file too large \((?P<size>[\d.]+) MB, at most 5 MB\)",
        "Die Datei ist zu groß ({size} MB, höchstens 5 MB).",
    ),
    (r"binary file.*", "Das ist keine Textdatei (Binärdaten)."),
    (
        r"undecodable bytes at offset (?P<offset>\d+).*",
        "Nicht lesbare Zeichen ab Byte {offset}: Die Datei ist weder UTF-8 noch Windows-1252. "
        "Bitte als UTF-8 speichern und erneut hochladen.",
    ),
    (r"no recognisable title", "Kein Titel erkennbar."),
    (r"no text besides the title", "Außer dem Titel ist kein Text erkennbar."),
    (r"no main text found in the web page", "Die Webseite enthält keinen erkennbaren Haupttext."),
    (r"cannot read file: (?P<reason>.*)", "Die Datei ist nicht lesbar: {reason}"),
]

_WARNINGS = [
    (r"page date ignored: (?P<text>.*)", "Datum der Webseite nicht übernommen: {text}"),
    (r"impossible date ignored: (?P<text>.*)", "Unmögliches Datum nicht übernommen: {text}"),
    (r"no date in the text", "Kein Datum im Text."),
    (r"date from the web page's metadata", "Datum aus den Metadaten der Webseite übernommen."),
    (
        r"unrecognised line after the text: (?P<text>.*)",
        "Nicht zugeordnete Zeile nach dem Text: {text}",
    ),
    (r"creator line removed: (?P<text>.*)", "Zeile „Erstellt von …“ entfernt: {text}"),
    (r"navigation removed: (?P<text>.*)", "Navigation entfernt: {text}"),
    (r"title taken from the first sentence", "Titel aus dem ersten Satz übernommen."),
    (r"year inferred from text \((?P<year>\d+)\)", "Jahr aus dem Text erschlossen ({year})."),
    (
        r"no year in the text for (?P<text>.*): date left empty",
        "Kein Jahr im Text für „{text}“: Datum bleibt leer.",
    ),
]


def _translate(message: str, table: list[tuple[str, str]]) -> str:
    for pattern, german in table:
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match:
            return german.format(**match.groupdict())
    return message


def parse_error(reason: str) -> str:
    """Why a document cannot be read, in German."""
    return _translate(str(reason), _ERRORS)


def warnings(messages: list[str]) -> list[str]:
    """The parser's warnings about one document, in German."""
    return [_translate(str(message), _WARNINGS) for message in messages or []]
