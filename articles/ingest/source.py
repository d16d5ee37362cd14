"""Which kind of source a document comes from, from signals anywhere in the page.

DESIGN.md fixes the kinds: kommune21 | ministry | wire | event | other. Agency copy is
"wire" wherever its signal stands ("| dpa", "© dpa", "dpa-infocom", "(dpa/th) -",
"MDR/dpa", a dpa story id); pages of city and district press offices, parliaments, parties,
trade press and blogs are "other", not "ministry", even when they quote a minister.
"""

from __future__ import annotations

import re

from articles.ingest.furniture import is_furniture
from articles.ingest.item import ParsedItem
from articles.ingest.people import looks_like_name

AGENCY = r"(?:dpa|epd|afp|kna|reuters|dts|ddp|apa)"
WIRE_SIGNAL = re.compile(
    rf"(?:\|\s*{AGENCY}\b|©\s*{AGENCY}\b|\bdpa-infocom\b|\({AGENCY}(?:/[a-z]{{1,4}})?\)\s*[-–—]|"
    rf"\b[A-Z]{{2,5}}/{AGENCY}\b|\b{AGENCY}/[A-Z]{{2,5}}\b|\bdpa:\d{{6}}-|"
    rf"(?:quelle|source)\s*:\s*{AGENCY}\b|^{AGENCY}\s*$|^(?:von|by)\s+{AGENCY}\s*$)",
    re.IGNORECASE | re.MULTILINE,
)
# Organisations that publish on their own account and are no ministry.
OTHER_PUBLISHER = re.compile(
    r"\b(Stadtverwaltung|Landratsamt|Rathaus|Oberbürgermeister(?:in)?|Bürgermeister(?:in)?|"
    r"Pressestelle der Stadt|Stadt\s+[A-ZÄÖÜ]\w+|Landkreis\s+[A-ZÄÖÜ]\w+|Kreisverwaltung|"
    r"Gemeindeverwaltung|Landtag(?:s|es)?|Fraktion(?:en)?|Abgeordnete[rn]?|MdL|MdB|Landtagsabgeordnete[rn]?|"
    r"Landesverband|Kreisverband|Ortsverband|Blog|Redaktion|Verlag|Magazin|Zeitschrift|"
    r"\w*[Zz]eitung|MDR|Rundfunk|Radio|Nachrichten)\b"
)
# Institutions that publish on their own account, but that a ministry's text names as partners
# too: they count where a page or sender names its publisher, not in the opening text.
INSTITUTION = re.compile(
    r"\b(Agentur|Hochschule|Universität|Handelskammer|Handwerkskammer|IHK|GmbH)\b"
)


def _publishers(text: str) -> int:
    return len(OTHER_PUBLISHER.findall(text)) + len(INSTITUTION.findall(text))


# A newspaper speaking of itself in its report: "sagte Schubert unserer Redaktion"
NEWSROOM_VOICE = re.compile(
    r"\b(?:unserer|dieser)\s+(?:Redaktion|Zeitung)\b|\bim Gespräch mit (?:unserer|dieser)\b"
    # a report relaying a town's release: "…, teilt die Stadt Goslar mit"
    r"|\bteilte?\s+(?:die\s+Stadt|die\s+Gemeinde|der\s+Landkreis|das\s+Landratsamt|die\s+"
    r"Stadtverwaltung)\b[^.!?]{0,60}?\bmit\b"
)
MINISTRY_SIGNAL = re.compile(
    r"\b(Ministerium|[A-ZÄÖÜ]\w*ministerium|Staatskanzlei|Landesregierung|Minister(?:in)?|"
    r"Staatssekretär(?:in)?|[A-ZÄÖÜ]\w*minister(?:in)?|[A-ZÄÖÜ]\w*staatssekretär(?:in)?)\b"
)


# "Quelle: Thüringer Ministerium für Digitales und Infrastruktur" under a reprinted release
MINISTRY_SOURCE = re.compile(
    r"^(?:quelle|source)\s*:\s*(?:thüringer\s+)?(?:\w*ministerium\b|staatskanzlei|landesregierung)"
    r".{0,80}$",
    re.IGNORECASE | re.MULTILINE,
)
AGENCY_WORD = re.compile(rf"\b{AGENCY}\b", re.IGNORECASE)


RELEASE_STYLE = re.compile(
    r"\b(?:Pressemitteilung|Medieninformation|Presseinformation|Erstellt von)\b|"
    r"\bheute\s*\(\d{1,2}\.\d{1,2}\.\)",
    re.IGNORECASE,
)


def is_wire(text: str) -> bool:
    return bool(AGENCY_WORD.search(text)) and bool(WIRE_SIGNAL.search(text))


def decide_kind(item: ParsedItem, text: str, sender: str | None = None) -> None:
    """Correct the shape's guess with the page's signals; the reason goes to the warnings."""
    if item.source_kind in ("kommune21", "wire"):
        return  # the portal's own items and agency copy
    if item.author and re.fullmatch(AGENCY, item.author.strip(), re.IGNORECASE):
        item.warnings.append(f"source kind wire: the item's author is an agency ({item.author})")
        item.source_kind, item.source_name = "wire", item.author.strip().lower()
        return
    if is_wire(text):
        item.warnings.append(f"source kind wire: agency signal in the page ({item.source_kind})")
        item.source_kind = "wire"
        item.source_name = item.source_name if item.source_name == "dpa" else "dpa"
        match = WIRE_SIGNAL.search(text)
        agency = re.search(AGENCY, match.group(), re.IGNORECASE) if match else None
        item.source_name = agency.group().lower() if agency else "dpa"
        return
    if item.source_kind not in ("ministry", "other"):
        return
    if sender and (kind := sender_kind(sender)):  # the mail's sender and signature name it
        if kind != item.source_kind:
            item.warnings.append(f"source kind {kind}: sent by {sender[:60]}")
            item.source_kind, item.source_name = kind, None
        return
    if item.source_kind != "ministry":
        return
    author = (item.author or "").title()  # "redaktion" in a front matter, "Blog-Team"
    if _publishers(author) and not MINISTRY_SIGNAL.search(author):
        item.warnings.append(f"source kind other: the author is a publisher ({item.author})")
        item.source_kind, item.source_name = "other", None
        return
    if item.author and looks_like_name(item.author) and not RELEASE_STYLE.search(text):
        item.warnings.append(f"source kind other: a journalist's byline ({item.author})")
        item.source_kind, item.source_name = "other", None
        return
    if NEWSROOM_VOICE.search(text) and not RELEASE_STYLE.search(text):
        item.warnings.append("source kind other: the text speaks of its own newsroom")
        item.source_kind, item.source_name = "other", None
        return
    lines = [line for line in text.split("\n") if not is_furniture(line)]  # no cookie notice
    first_prose = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
    masthead = "\n".join(lines[:first_prose])
    other = _publishers(masthead)
    ministry = len(MINISTRY_SIGNAL.findall(masthead))
    if other == ministry:
        if RELEASE_STYLE.search(text):
            return  # "Medieninformation", "Erstellt von …", "heute (16.12.)": a release
        named = [line for line in lines[:first_prose] if line.strip()]
        if len(named) >= 3:  # a masthead and menu that name no ministry
            other, ministry = 1, 0
        else:  # no masthead: what the opening text names
            head = "\n".join(lines[:25])
            other = len(OTHER_PUBLISHER.findall(head))
            ministry = len(MINISTRY_SIGNAL.findall(head))
    if other > ministry and (named := MINISTRY_SOURCE.search(text)):
        item.warnings.append(f"source kind ministry: a reprint naming its source ({named.group()})")
        return
    if other > ministry:
        item.warnings.append("source kind other: the page names a city, parliament or publisher")
        item.source_kind = "other"
        item.source_name = None


PARTY = re.compile(r"\b(?:FDP|SPD|CDU|CSU|AfD|BSW|Grünen?|Die Linke|Bündnis\s*90)\b", re.IGNORECASE)


def sender_kind(sender: str) -> str | None:
    """ "ministry" or "other" when the sender names only one of them, else None."""
    other = bool(_publishers(sender) or PARTY.search(sender))
    ministry = bool(MINISTRY_SIGNAL.search(sender))
    if other != ministry:
        return "other" if other else "ministry"
    return None


def _is_prose(line: str) -> bool:
    line = line.strip()
    return len(line.split()) >= 8 and line.endswith((".", "!", "?", "“", '"'))
