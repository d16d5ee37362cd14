"""Page furniture: text that belongs to the web page, not to the press item.

Lines are recognised by shape and by the small vocabulary every web page shares: skip
links, cookie and JavaScript notices, breadcrumbs, share and print buttons, contact lines,
picture captions and credits, "read more" links. No rule names one site.
"""

from __future__ import annotations

import re
from functools import lru_cache

FURNITURE_LINES = {
    "suchen...", "suchen", "anzeige", "aktuelle meldungen", "aboverwaltung",
    "abbonement kuendigen", "abonnement kündigen", "abonnement kuendigen", "newsletter",
    "newsletter abonnieren", "mehr...", "druckversion", "link mailen", "nach oben",
    "zurück", "zurück zur übersicht", "seite drucken", "drucken", "teilen", "inhalt",
    "startseite", "home", "menü", "navigation", "hauptnavigation", "kontakt", "impressum",
    "datenschutz", "datenschutzerklärung", "barrierefreiheit", "leichte sprache",
    "gebärdensprache", "schon gehört?", "sitemap", "presse", "pressemitteilungen",
    "pressemitteilung",
    "medieninformation", "aktuelles", "service", "suche", "artikel teilen", "schließen",
    "it-guide plus", "weiterlesen", "zur übersicht", "alle meldungen",
    # shared vocabulary of page chrome
    "mehr", "mehr erfahren", "mehr lesen", "mehr anzeigen", "weiter", "zur detailseite",
    "details", "artikel per e-mail versenden", "per e-mail versenden", "e-mail versenden",
    "seite per e-mail versenden", "artikel drucken", "druckansicht", "seite vorlesen",
    "vorlesen", "schriftgröße", "kontrast", "login", "anmelden", "abmelden", "registrieren",
    "back to overview", "back", "share", "print", "read more", "menu", "search", "close",
    "facebook", "twitter", "x", "instagram", "linkedin", "xing", "mastodon", "whatsapp",
    "youtube", "bluesky", "threads", "telegram", "rss", "rss-feed", "e-mail", "mail",
    "seitenanfang", "zum seitenanfang", "top", "menü öffnen", "menü schließen", "alle akzeptieren",
    "akzeptieren", "ablehnen", "nur notwendige", "nur notwendige cookies", "einstellungen",
    "cookie-einstellungen", "zustimmen", "ok", "verstanden", "einverstanden", "teilen auf",
    "link kopieren", "artikel merken", "merken", "kommentare", "zurück zur liste",
    "zur startseite", "übersicht", "mediathek", "themen", "presseservice", "pressebereich",
    "pressemeldungen", "nachrichten", "news", "zurück zu den nachrichten", "audio",
    "video", "bilder", "galerie", "bildergalerie", "download", "downloads", "links",
    "sie sind hier:", "sie befinden sich hier:", "hauptmenü", "navigation überspringen",
    "meta-navigation", "servicenavigation", "footer", "fußzeile", "dienstleistungen",
    "diesen artikel teilen", "beitrag teilen", "kopiert", "link kopiert",
    "meistgelesen", "meistgelesene artikel", "werbung", "zur bildergalerie",
    "bildergalerie öffnen", "seitenbeginn", "zum seiteninhalt", "detailseite", "vorherige",
    "nächste", "weitere infos", "hören", "artikel anhören", "kommentar schreiben",
    "kommentar verfassen", "kommentare schreiben", "antworten", "pressemitteilung - detailansicht",
    "newsletter bestellen", "zum newsletter", "anbieter zum thema", "newsletter-anmeldung",
    "kommentare lesen", "ältere beiträge", "neuere beiträge", "ältere artikel",
}  # fmt: skip
LIVE_PROMO = re.compile(
    r"^(?:alle\s+)?(?:aktuellen\s+)?(?:entwicklungen|infos|informationen|news|nachrichten)\s+"
    r"(?:im|in unserem|in unserem kostenlosen)\s+.{0,40}(?:blog|ticker)\.?$",
    re.IGNORECASE,
)
PRINT_LINE = re.compile(r"^druckversion\s+pdf\s+link\s+mailen$", re.IGNORECASE)
POSTCODE_LINE = re.compile(r"^(?:D-)?\d{5}\s+[A-ZÄÖÜ][\w\s().-]{1,60}$")
COMPANY_LINE = re.compile(r"\b(GmbH|AG|KG|SE|e\.V\.|mbH|Inc\.|Ltd\.)\s*$")
BREADCRUMB = re.compile(
    r"(\s[>»›|]\s)|^sie (sind|befinden sich) hier|^(startseite|home)\s*/\s*\S"
    r"|^(?:startseite|home)\s+(\S)\s+\S.*\s\4\s+\S",  # "Home 9 News 9 …": an icon as separator
    re.IGNORECASE,
)
CONTACT_LINE = re.compile(
    r"^(tel(efon)?|fax|e-mail|mail|telefax|internet|web|mobil|handy|phone)\s*[.:]"
    r"|^(tel(efon)?|fax|mobil)\s*[+(\d]",
    re.IGNORECASE,
)
STREET_LINE = re.compile(
    r"^[A-ZÄÖÜ][\w.-]*(?:\s[\w.-]+){0,3}?\s?(?:straße|strasse|str\.|platz|weg|allee|ring|gasse|"
    r"damm|ufer|markt|anger|hof)\s+\d+\s?[a-z]?(?:[-–/]\d+)?(?:,\s*(?:D-)?\d{5}\s+\S.*)?$",
    re.IGNORECASE,
)
POSTBOX_LINE = re.compile(r"^Postfach\s+[\d ]+", re.IGNORECASE)
PHONE_ONLY = re.compile(r"^[+(]?\d[\d\s/()+-]{6,}\d$")
CREATED_BY = re.compile(r"^(erstellt|verfasst|veröffentlicht)\s+(von|am)\b", re.IGNORECASE)
# "Zur Hauptnavigation springen", "Zum Inhalt", "Skip to main content", "Direkt zur Suche"
SKIP_LINK = re.compile(
    r"^(?:(?:direkt\s+)?(?:zur?|zum)|springe?\s+(?:zur?|zum)|gehe\s+zu[mr]?|skip\s+to|"
    r"jump\s+to|go\s+to)\s+(?:\w+\s+){0,2}?(?:haupt)?(?:inhalt|navigation|menü|suche|"
    r"seitenanfang|seitenende|fußzeile|footer|content|main|menu|search|hauptinhalt|"
    r"inhaltsbereich|kontakt|service|barrierefreiheit)\w*(?:\s+(?:springen|wechseln|gehen))?"
    r"\s*[.!]?$",
    re.IGNORECASE,
)
NOTICE_WORDS = re.compile(r"\b(cookies?|javascript|browser)\b", re.IGNORECASE)
# "… erst nach Zustimmung zu unserer Datenschutzerklärung … angezeigt": a consent notice
CONSENT = re.compile(r"\b(?:zustimmung|zustimmen|einwilligung|einwilligen)\b", re.IGNORECASE)
CONSENT_OBJECT = re.compile(
    r"\b(?:datenschutzerklärung|datenschutzbestimmungen|api|externe[nrs]?|drittanbieter\w*|"
    r"angezeigt|geladen|anzeigen)\b",
    re.IGNORECASE,
)
NOTICE_VERBS = re.compile(
    r"\b(verwendet|verwenden|nutzt|nutzen|setzt|einsetzen|benötigen|benötigt|aktivieren|"
    r"aktiviert|akzeptieren|zustimmen|einverstanden|einwilligung|erlauben|erforderlich|"
    r"deaktiviert|uses|enable|accept|datenschutz)\b",
    re.IGNORECASE,
)
SHARE_LINE = re.compile(
    r"^(teilen|share|drucken|print)\s+(auf|on|via|per|mit)?\b.{0,40}$|"
    r"^(facebook|twitter|x|linkedin|xing|whatsapp|e-mail|mail|mastodon)(\s*[|,/·]\s*\w+){1,8}$",
    re.IGNORECASE,
)
READ_MORE = re.compile(
    r"\s*(?:\.\.\.|…)?\s*(?:\[?(?:weiterlesen|mehr(?:\s*(?:\.\.\.|…|»|>))?|read more|"
    r"zur detailseite|mehr erfahren|zum beitrag|zum artikel)\]?)\s*[»>›]?\s*$",
    re.IGNORECASE,
)
READ_MORE_WORDS = ("weiterlesen", "mehr", "read more", "detailseite", "zum beitrag", "zum artikel")
# A picture credit or caption: "Foto: …", "(Bild: …)", "© …/Fotolia", "Bildrechte: …"
CREDIT_LINE = re.compile(
    r"^(?:\(?(?:foto|fotos|bild|bilder|bildrechte|bildnachweis|fotograf(?:in)?|"
    r"copyright|quelle\s*bild|titelbild|grafik|illustration|image|photo)\s*:|©|\(c\)\s)",
    re.IGNORECASE,
)
CREDIT_INLINE = re.compile(
    r"\s*\((?:foto|bild|bildrechte|grafik|quelle)\s*:[^()]{1,80}\)\s*$"
    r"|\s*(?:foto|bild|bildrechte)\s*:\s*[^.]{1,60}$"
    r"|\s*©\s*[^.]{1,60}$",
    re.IGNORECASE,
)
CREDIT_VALUE = re.compile(
    r"(?:bildrechte|bildnachweis|bildquelle|fotos|foto|bild|copyright|©)\s*:?\s*(.+?)\)?$",
    re.IGNORECASE,
)
# "Caption text. Foto: Name/Agentur © dpa - …": a caption with its credit inside.
CAPTION_WITH_CREDIT = re.compile(
    r"^.{10,300}?[.!?]\s+(?:\((?:symbolfoto|symbolbild|archivbild|archivfoto)\)\s+)?"
    r"(?:foto|fotos|bild|bildrechte|bildquelle)"
    r"(?:\s*[:,]\s*|\s+(?=[A-ZÄÖÜ]\S*(?:\s\S+)?\s*$))"  # "…. Bild AdobeStock": no colon
    r"(?P<credit>[^©]{2,60}?)\s*"
    r"(?:©.*)?$",
    re.IGNORECASE,
)
# "Blick auf den Dom mit digitalen Symbolen © Stadt Magdeburg / Romy Buhr": a caption line
# closed by its copyright mark (not an agency's "© dpa" under a wire item).
COPYRIGHT_TAIL = re.compile(
    r"^(?P<caption>[A-ZÄÖÜ„\"].{10,300}?)\s+©\s*(?P<credit>[^©]{2,70}?)\s*$"
)
WIRE_AGENCIES = ("dpa", "epd", "afp", "kna", "ap", "reuters", "dts", "ddp", "apa")
# "(Bildquelle: TSK/Jacob Schröter)": a portal's credit line, always in brackets.
BRACKETED_CREDIT = re.compile(r"^\((?:bildquelle|foto|bild|bildrechte)\s*:\s*(.+)\)$", re.I)
# A line of skip links: "Seitenbeginn . Zur Hauptnavigation . Zum Seiteninhalt"
LINK_ROW = re.compile(r"\s+[.|·•/]\s+")
PAGINATION = re.compile(r"^.{0,25}\bseite\s+\d+\s+(?:von|/)\s+\d+\b.{0,30}$", re.IGNORECASE)
# "Quelle: MDR THÜRINGEN/ts": the outlet's source line, with the author's initials.
SOURCE_LINE = re.compile(
    r"^(?:quelle|source)\s*:\s*(?P<outlet>[^,]{1,60}?)(?:/(?P<initials>[a-z]{2,4}))?\s*$",
    re.IGNORECASE,
)
# "Interview mit … | Autor: Max Muster": a page header repeated on every page
PAGE_HEADER = re.compile(r"\|\s*(?:autor|author|von|text)\s*:", re.IGNORECASE)


# "Sie können sich Ihre Nachrichten jetzt auch vorlesen lassen. Klicken Sie …", "Artikel
# anhören:": the read-aloud player's notice
READ_ALOUD = re.compile(
    r"^(?:artikel|beitrag|text) (?:anhören|vorlesen(?: lassen)?)\s*:?$|\bvorlesen lassen\b.{0,200}"
    r"\b(?:klicken|play|wiedergabeliste|abspielen)",
    re.IGNORECASE,
)


def is_notice(line: str) -> bool:
    """Cookie, JavaScript and consent notices ("Diese Website verwendet Cookies …", "Verwendung
    der OpenWeather API zustimmen"), a read-aloud player's notice."""
    if len(line) > 400:
        return False
    if READ_ALOUD.search(line):
        return True
    if NOTICE_WORDS.search(line) and NOTICE_VERBS.search(line):
        return True
    consent = CONSENT.search(line) and CONSENT_OBJECT.search(line)
    return bool(consent) and len(line) <= 250


def is_credit(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= 200 and bool(CREDIT_LINE.match(stripped))


def credit_value(line: str) -> str | None:
    match = CREDIT_VALUE.search(line.strip().strip("()"))
    return match.group(1).strip(" .)©") or None if match else None  # "Foto: © Name"


def is_link_row(line: str) -> bool:
    parts = LINK_ROW.split(line.strip())
    return len(parts) >= 2 and all(
        part.lower() in FURNITURE_LINES or SKIP_LINK.match(part) for part in parts
    )


@lru_cache(maxsize=8192)
def is_furniture(line: str) -> bool:
    stripped = line.strip()
    if stripped[:14].lower() == "lesen sie auch" and " Anzeige " in stripped:
        return True  # "Lesen Sie auch Anzeige Prime Day …": an advert among the paragraphs
    if stripped.endswith(("blog.", "ticker.", "blog")) and LIVE_PROMO.match(stripped):
        return True  # "Alle aktuellen Entwicklungen im kostenlosen Corona-Liveblog."
    if len(stripped) > 200:
        return is_notice(stripped)  # menus, addresses and buttons are short
    lower = stripped.lower().strip(" :»›><«‹")
    return (
        bool(PAGINATION.match(stripped))
        or is_link_row(stripped)
        or lower in FURNITURE_LINES
        or stripped.lower() in FURNITURE_LINES
        or bool(PRINT_LINE.match(stripped))
        or bool(POSTCODE_LINE.match(stripped))
        or bool(BREADCRUMB.search(stripped))
        or bool(CONTACT_LINE.match(stripped))
        or bool(SKIP_LINK.match(stripped))
        or bool(SHARE_LINE.match(stripped))
        or bool(STREET_LINE.match(stripped))
        or bool(POSTBOX_LINE.match(stripped))
        or bool(PHONE_ONLY.match(stripped))
        or is_notice(stripped)
    )


def is_advertiser(line: str) -> bool:
    return bool(COMPANY_LINE.search(line.strip())) and len(line) < 80


def strip_read_more(paragraph: str) -> str:
    """ "… Text. Weiterlesen" → "… Text." (the link label of a teaser)."""
    tail = paragraph[-40:].lower()
    if not any(word in tail for word in READ_MORE_WORDS):
        return paragraph
    return READ_MORE.sub("", paragraph).rstrip()


def copyright_tail(line: str) -> str | None:
    """The credit of a caption line that ends with "© …", else None."""
    found = COPYRIGHT_TAIL.match(line)
    if found is None or len(found.group("credit").split()) > 8:
        return None
    credit = found.group("credit").strip(" .")
    return None if credit.split()[0].lower().strip(",-") in WIRE_AGENCIES else credit
