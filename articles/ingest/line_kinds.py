"""What kind of line this is: the patterns and small tests the first pass over a page uses.

Shapes of page furniture, metadata lines (date lines, bylines, source lines, keyword and
category boxes, facts boxes), captions and credits, signatures, lists of other items; and the
helpers that read them into the item. `page_lines.read` decides in which order they apply.
"""

from __future__ import annotations

import re
from functools import lru_cache

from articles.ingest import dates, related
from articles.ingest.furniture import (
    BRACKETED_CREDIT,
    CAPTION_WITH_CREDIT,
    SOURCE_LINE,
    copyright_tail,
    credit_value,
    is_credit,
    is_furniture,
)
from articles.ingest.headline import PLACES
from articles.ingest.item import ParsedItem, PersonRef
from articles.ingest.people import is_role_word, looks_like_name

AGENCIES = {"dpa", "epd", "afp", "kna", "ap", "reuters", "dts", "ddp", "apa"}
WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\wäöüß./ -]{1,40}?)\s*"
    r"\((?P<agency>dpa(?:-AFX)?|epd|afp|ap|kna|reuters|dts|ddp|apa)(?:/[a-z]{1,4})?\)\s*[-–—]\s*",
    re.IGNORECASE,
)
# "Ilmenau/Erfurt - Das …": a dateline without the agency's mark.
PLACE_DATELINE = re.compile(
    r"^[A-ZÄÖÜ][\wäöüß.-]+(?:/[A-ZÄÖÜ][\wäöüß.-]+)*\s+[-–—]\s+(?=[A-ZÄÖÜ„«»\"])"
    # "Nordhausen (psv) Der …": a press office's own mark after the place
    r"|^[A-ZÄÖÜ][\wäöüß.-]+(?:/[A-ZÄÖÜ][\wäöüß.-]+)*\s+\([a-z]{2,5}\)\s*[-–—]?\s+(?=[A-ZÄÖÜ„«»\"])"
    rf"|^(?:{'|'.join(sorted(PLACES))})\.\s+(?=[A-ZÄÖÜ„«»\"])"
    # "Kiel | Homeoffice, …": the place set off by a bar
    r"|^[A-ZÄÖÜ][\wäöüß.-]+(?:/[A-ZÄÖÜ][\wäöüß.-]+)*\s+\|\s+(?=[A-ZÄÖÜ„«»\"])"
    # "Wartburgkreis. Die Landräte …": a district as the dateline
    r"|^[A-ZÄÖÜ][\w-]*(?:kreis|Kreis)\.\s+(?=[A-ZÄÖÜ„«»\"])"
    # "(28. April, Gera) In Gera …": day and place in brackets
    r"|^\(\d{1,2}\.\s*[A-ZÄÖÜ][a-zäöü]+\.?,\s*[A-ZÄÖÜ][\w/ .-]{1,30}\)\s+(?=[A-ZÄÖÜ„«»\"])"
    # "Neustadt/WN. „Der …": a place with its district's mark, closed by a full stop
    r"|^[A-ZÄÖÜ][a-zäöüß-]+/[A-ZÄÖÜ][\wäöüß-]*\.\s+(?=[A-ZÄÖÜ„«»\"])"
)
STAND = re.compile(r"^(?:Stand|Datum|Veröffentlicht(?: am)?)\s*:?\s*(.+)$", re.IGNORECASE)
CONTACT_START = re.compile(
    r"^(Pressekontakt|Medienkontakt|Kontakt|Pressestelle|Pressesprecher(?:in)?|"
    r"Ansprechpartner(?:in)?|Verantwortlich(?=\s*:)|V\.\s?i\.\s?S\.\s?d\.\s?P\.)(?:\b|(?<=\.))",
    re.I,
)
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s*Uhr\b")
RELEASE_NUMBER = re.compile(
    r"^(?:(?:Presse|Medien)\w*\s*(?:Nr\.?|Nummer)?\s*[\d/]*|(?:Nr\.\s*)?\d{1,4}/(?:19|20)\d\d)$",
    re.IGNORECASE,
)
# "dpa-infocom, dpa:200505-99-123456/2", "© dpa", "Direkt aus dem dpa-Newskanal"
AGENCY_FOOTER = re.compile(
    r"^(?:©\s*)?(?:dpa-infocom\b.*|dpa:\d{6}-.*|\(?(?:dpa|epd|afp|kna)(?:/[a-z]{1,4})?\)?|"
    r"(?:quelle|source)\s*:\s*(?:dpa|epd|afp|kna)\b.*)$|^[^.]{0,60}\bdpa-\w+[^.]{0,30}$",
    re.IGNORECASE,
)
# "Avatar_shz von Dieter Schulz": the author's picture's alt text glued to the byline
BYLINE = re.compile(
    r"^(?:(?:avatar|profilbild|autorenbild|autorenfoto)\S*\s+)?"
    r"(?:von|by|autor(?:in)?\s*:|verfasser(?:in)?\s*:)\s+(?P<name>[\w .,/&-]{2,60})$",
    re.IGNORECASE,
)
# "16. Mai 2018 von Redaktion", "Datum: 02.07.2020 | Autor: Jonas Weber": a byline in a date line
BYLINE_TAIL = re.compile(
    r"(?:\s+(?:von|by)\s+|\s*\|?\s*(?:autor(?:in)?|author|redakteur(?:in)?|text)\s*:\s*)"
    r"(?P<name>[\w][\w .-]{1,40})$|\s*\|\s*(?P<agency>dpa(?:-AFX)?|epd|afp|kna)$",
    re.IGNORECASE,
)
# "6 min read", "Lesedauer: 2 Minuten" (also glued to the year: "20196 min read")
READING_TIME = re.compile(
    r"(?:(?<=(?:19|20)\d\d)|\s*\|\s*|\s+)(?:lesedauer:?\s*)?\d{1,2}\s*(?:min\.?|minuten)"
    r"(?:\s*(?:read|lesezeit|lesen))?\s*$",
    re.IGNORECASE,
)
# "19. Oktober 2024 Redaktion 0": a blog's meta line (date, author, number of comments)
DATE_AUTHOR_COUNT = re.compile(
    r"^(?P<date>.{6,30}?(?:19|20)\d\d)\s+"
    r"(?P<name>[A-ZÄÖÜ][\w.-]+(?: [A-ZÄÖÜ][\w.-]+){0,2})\s+\d{1,4}$"
)
# "Bitkom Smart City Atlas19. März 2019": an author glued to the date
GLUED_BYLINE = re.compile(
    r"^(?P<name>[A-ZÄÖÜ][^\d|]{2,50}?[a-zäöüß])(?P<date>\d{1,2}\.\s?\S+\s+\d{4})$"
)
CATEGORY_LINE = re.compile(
    r"^(?:kategorie|kategorien|rubrik|ressort)\s*:\s*(?P<name>.{2,80})$", re.I
)
# "Home 9 News 9 Kategorie: Pressemitteilungen": the category at the end of a breadcrumb
CATEGORY_IN_CRUMB = re.compile(r"\s(?:kategorie|rubrik)\s*:\s*(?P<name>[^:|>»›]{2,40})$", re.I)
# "Eine Familien-App gibt es schon. (Symbolbild)": a caption marked as a stock picture
MARKED_CAPTION = re.compile(
    r"\((?:symbolbild|symbolfoto|archivbild|archivfoto|illustration)\)$"
    r"|\bdas (?:bild|foto) ist ein (?:archiv|symbol)-?(?:bild|foto)\.?$",
    re.IGNORECASE,
)
# "Von Redaktion MittelstandsWiki | 30. November 2017": the byline before the date
BYLINE_HEAD = re.compile(r"^(?:von|by)\s+(?P<name>[^|]{2,60}?)\s*\|\s*(?P<date>\S.*)$", re.I)
# "Markus Ermert 04.06.2025 - 11:24 Uhr": the author's name before the date
NAME_DATE = re.compile(
    r"^(?P<name>[A-ZÄÖÜ][a-zäöüß][\w.-]*(?:\s+[A-ZÄÖÜ][a-zäöüß][\w.-]*){1,2})\s+"
    r"(?P<date>\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b.*)$"
)
# "Digitale VerwaltungDigitale Verwaltung": a label printed twice or more (icon, text, title)
REPEATED_LABEL = re.compile(r"^(?P<label>[A-ZÄÖÜ][^.!?]{2,40}?)(?:\s*(?P=label))+$")
# "25.06.2014 | Thüringen", "21.11.2012 in Landtag", "| Aktuelles, Veranstaltungen": a rubric
# (or a blog's categories) after the date
DATE_RUBRIC = re.compile(
    r"(?:\s+in|\s*[|·•]|(?<=\d\d\d\d))\s+"
    r"(?P<name>[A-ZÄÖÜ][\w&-]*(?:(?:,\s*|\s+)[\w&-]+){0,2})\s*$"
)
# A caption with its position marks: "Prof. Anna Beck (r.) mit …", "v. l. Name, Name"
CAPTION_MARKS = re.compile(
    r"\((?:r|l|m|li|re|Mitte)\.?\)|\bv\.\s?[lr]\.\s|\bvon (?:links|rechts)\b"
)
INLINE_CREDIT = re.compile(
    r"^(?P<caption>.{3,300}?)\s*(?:\((?:foto|bild|bildrechte|quelle)\s*:\s*(?P<a>[^()]+)\)|"
    r"\|\s*(?:presse)?(?:foto|bild|bildrechte)\s*:\s*(?P<b>.+))\s*$",
    re.IGNORECASE,
)
# "11.04.2022 Die Stadt …", "Erfurt, 4. März 2025 – Der Landkreis …": a date glued to the lead.
GLUED_DATE = re.compile(
    r"^(?:[A-ZÄÖÜ][\wäöüß/.-]{1,30},\s*)?(?P<date>\d{1,2}\.\s?(?:\d{1,2}\.\s?|"
    rf"(?:{dates.MONTH_NAMES})\.?\s+)\d{{4}})(?:,?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*Uhr)?)?"
    r"\s*[-–—:|.]?\s+(?P<rest>[A-ZÄÖÜ„\"].*)$",
    re.IGNORECASE,
)
KEYWORD_HEADER = re.compile(
    r"^(?:stichw(?:ö|oe)rter|stichworte|schlagw(?:ö|oe)rter|schlagworte|tags|"
    r"themen in diesem artikel|mehr zu den themen|themen(?=\s*:?\s*$))(?:\s+zum\s+thema)?"
    r"\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# Boxes after the text that end it: adverts, paywalls, programme notes, "more news".
END_OF_TEXT = re.compile(
    r"^(?:mehr aus dem web|neues aus der redaktion|weitere news|top news|weiterlesen mit\b|"
    r"jetzt weiterlesen|unsere premium|dieses thema im programm|zur [\w-]+-startseite|"
    r"das könnte sie auch interessieren"
    r"\s*\(anzeige\)|weitere meldungen aus dem dpa|zur startseite|meistgelesen|newsletter\b|"
    r"quelle:?$|herausgeber\s*:|\*{1,3}$|- ende -$|\d+\s+kommentare?$|"
    r"(?:schreibe|schreiben sie)\s+einen\s+kommentar|kommentar\s+(?:schreiben|hinterlassen)|"
    r"teilen\s+mit:?$|diesen\s+beitrag\s+teilen|über\s+(?:den\s+autor|die\s+autorin)$|"
    r"(?:audio|video|podcast)\s*:\s+\S|made with\b|powered by\b|website by\b|"
    r"dieser beitrag ist urheberrechtlich geschützt|"
    # a paywall under the cut text: "Wenn Sie ein Abo haben, loggen Sie sich ein:"
    r"wenn sie (?:bereits )?(?:ein )?abo(?:nnent(?:in)?)? (?:haben|sind)|"
    r"(?:jetzt|weiterlesen mit|mit einem)\s+(?:\w+-)?abo\b)",
    re.IGNORECASE,
)


# Lower-case words a picture description has and a credit ("Stadt Jena", "TSK/Name") has not
DESCRIPTION = re.compile(r"\s(?!(?:von|und|der|die|des|für|e\.\s?V\.)\s)[a-zäöüß]{2,}\b(?!\.)")
# A caption closed by a photo agency's credit in brackets: "… (picture alliance / dpa / Name)"
AGENCY_CREDIT_TAIL = re.compile(
    r"(?<=[.!?“\"])\s+\((?P<credit>(?:picture alliance|imago|getty images|istock|dpa|afp|ap|"
    r"reuters|epd|ddp)\b[^()]{0,70})\)$",
    re.IGNORECASE,
)
CREDIT_WORDS = (
    "foto", "bild", "©", "copyright", "(c) ", "grafik", "quelle", "image", "photo",
    "(picture alliance", "(imago", "(getty",
)  # fmt: skip
NAME_LINE = re.compile(
    r"^(?:Dr\.\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:\s+[A-ZÄÖÜ][a-zäöüß-]+){1,2}$"
)
LABEL_LINE = re.compile(
    r"^(?:Ort|Termin|Datum|Zeit|Uhrzeit|Anmeldung|Anmeldeschluss|Veranstalter(?:in)?|Kosten|"
    r"Eintritt|Teilnahme|Teilnahmegebühr|Zielgruppe|Adresse|Veranstaltungsort|Beginn|Ende|"
    r"Einlass|Moderation|Anfahrt|Programm|Veranstaltung|Format|Sprache)\s*:\s+\S.{0,120}$"
)
IMAGE_LABELS = {"bild", "foto", "image", "bildergalerie", "abbildung"}
CAPTION_START = re.compile(r"^(?:v\.\s?[lr]\.|von (?:links|rechts))", re.IGNORECASE)
# Words a date line may carry besides the date: "Aktualisiert am 5. Mai 2020, 14:30 Uhr | dpa"
DATE_LINE_WORDS = {
    "uhr", "bis", "vom", "stand", "datum", "veröffentlicht", "aktualisiert", "erstellt", "quelle",
    "von", "dpa", "epd", "afp", "kna", "lesedauer", "min", "minuten", "montag", "dienstag",
    "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "pressemitteilung",
    "medieninformation",
}  # fmt: skip
ARROW = re.compile(r"^(?:-->|->|=>|>|»|›)\s+")
SALUTATION = re.compile(
    r"^(?:werte|liebe|lieber|sehr geehrte[rn]?)\s+[^.!?]{2,40},$", re.IGNORECASE
)
# "Herzlichst,", "Mit freundlichen Grüßen": the close of a letter; the signature follows
VALEDICTION = re.compile(
    r"^(?:herzlichst|herzliche grüße|mit (?:den )?(?:besten|freundlichen|herzlichen) grüßen|"
    r"viele grüße|beste grüße|ihr[e]?|euer|eure)\s*,?$",
    re.IGNORECASE,
)
# "« Älterer Beitrag", "Nächster Beitrag »": the blog's links to the neighbouring posts
POST_NAVIGATION = re.compile(r"^[«‹]\s+\S.{0,80}$|^\S.{0,80}\s+[»›]$")
TEASER_ENTRY = re.compile(r"(?:\.\.\.|…)\s*\[[^\]]{3,30}\]$")
LIST_BULLET = re.compile(r"^\s*[•·▪►]\s*")


@lru_cache(maxsize=8192)
def is_prose(paragraph: str) -> bool:
    """A paragraph of text: a sentence of eight words or more, or a long paragraph."""
    if paragraph.endswith(("...", "…")):
        return _cut_lead(paragraph)
    if len(paragraph) >= 200 or WIRE_DATELINE.match(paragraph):
        return True
    last, before = paragraph[-1:], paragraph[-2:-1]
    sentence_end = last in ".!?)" or (last in "“\"”«»'" and before in ".!?")
    if last == ":" and len(paragraph.split()) >= 10:
        return True  # "Die Kleine Anfrage … hat folgenden Wortlaut:" opens the text
    return sentence_end and len(paragraph.split()) >= 8


# "Erstmals … berät der Landtag. Es geht darum, wie weit …": a lead cut by the page after
# a whole first sentence (not a listing's "… mehr...", not a teaser of one line)
CUT_AFTER_SENTENCE = re.compile(r"^[^.!?]{40,}?[a-zäöüß)][.!?]\s+[A-ZÄÖÜ]")
READ_MORE_CUT = re.compile(r"\b(?:mehr|weiter|weiterlesen|lesen)\s*(?:\.\.\.|…)$", re.IGNORECASE)


def _cut_lead(paragraph: str) -> bool:
    return (
        len(paragraph) >= 120
        and not READ_MORE_CUT.search(paragraph)
        and bool(CUT_AFTER_SENTENCE.match(paragraph))
        and len(paragraph.split()) >= 16
    )


def is_date_line(line: str) -> bool:
    line = " ".join(line.split())
    if len(line) > 80:
        return False
    found = dates.parse_date(line)
    if not found:
        return False
    words = [
        word
        for word in re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", line)
        if word.lower() not in DATE_LINE_WORDS and word.lower() not in dates.MONTHS
    ]
    if len(words) == 3 and any(word.lower() in HEADING_WORDS for word in words):
        return False  # "Aus der Gemeinderatssitzung vom 6. November 2014": a headline
    return len(words) <= 3 and (len(line) <= 60 or len(words) <= 1)


HEADING_WORDS = frozenset({"der", "die", "das", "des", "dem", "aus", "für", "über", "zur", "zum"})


# "Landratsamt Kyffhäuserkreis, Markt 8, 99706 Sondershausen": the office's address on one line
POSTAL_LINE = re.compile(
    r"\S,\s*[A-ZÄÖÜ][\w.-]*(?:\s[\w.-]+)*\s\d{1,4}\s?[a-z]?,\s*\d{5}\s+[A-ZÄÖÜ][\w .()/-]+$"
)


def starts_contact_block(line: str) -> bool:
    if len(line) <= 140 and line[-1:].isalpha() and POSTAL_LINE.search(line):
        return True
    match = CONTACT_START.match(line)
    if not match:
        return False
    rest = line[match.end() :]
    # "Pressestelle der Fraktion BÜNDNIS 90/DIE GRÜNEN im Hessischen Landtag": a sender line
    owner = len(line) <= 100 and rest.startswith((" der ", " des ")) and line[-1:].isalpha()
    return len(line) <= 40 or rest.lstrip().startswith(":") or owner


# "--- Datum: 18.10.2023 Uhrzeit: 17:00 - 18:00 Uhr Ort: DIGITAL-Bühne": an event's facts row
FACTS_ROW = re.compile(
    r"^[-–—*\s]*(?:Datum|Termin|Wann)\s*:\s*\S.{0,60}?\s(?:Uhrzeit|Zeit|Ort|Wo)\s*:\s*\S"
)


def label_block(lines: list[str], index: int) -> bool:
    if FACTS_ROW.match(lines[index].strip()):
        return True
    if not LABEL_LINE.match(lines[index].strip()):
        return False
    following = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    return bool(LABEL_LINE.match(following))


def heading_follows(lines: list[str], index: int) -> bool:
    following = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    labelled = re.match(r"^[\w-]+:\s", following)  # "Ort: Messe Erfurt"
    return (
        bool(following)
        and not labelled
        and not is_furniture(following)
        and not is_prose(following)
        and related.is_heading(following)
    )


def signature_below(lines: list[str], index: int) -> PersonRef | None:
    """A name alone on its line and an office alone on the next: who signed the text."""
    name = re.sub(r"^(?:Ihre?|Euer|Eure)\s+", "", lines[index].strip())  # "Ihre Anna Beck"
    role = lines[index + 1].strip() if index + 1 < len(lines) else ""
    words = name.split()
    if not (2 <= len(words) <= 3 and looks_like_name(name)) or not NAME_LINE.match(name):
        return None
    if not role or len(role.split()) > 6 or not is_role_word(role.split()[0]):
        return None
    return PersonRef(name=name, role=role)


def teaser_entry(line: str) -> bool:
    """A cut teaser with its link: "… aus dem... [zum Beitrag]"."""
    return bool(TEASER_ENTRY.search(line)) and len(line) <= 300


def drop_alt_text(kept: list[str], item: ParsedItem) -> None:
    """A picture's short alt text above its caption, under the headline: out too."""
    filled = [i for i, line in enumerate(kept) if line]
    if len(filled) < 2:
        return
    last = kept[filled[-1]]
    earlier = [kept[i] for i in filled[:-1]]
    if (
        not is_prose(last)
        and len(last.split()) <= 6
        and any(len(line) > len(last) and len(line.split()) >= 3 for line in earlier)
    ):
        item.warnings.append(f"alt text removed: {last[:80]}")
        del kept[filled[-1] :]


def take_credit(line: str, item: ParsedItem, kept: list[str], prose_seen: int) -> bool:
    """A picture credit, with the caption lines right above it: out of the text."""
    credit = agency = None
    lower = line.lower()
    if len(line) > 400 or not any(word in lower for word in CREDIT_WORDS):
        return False
    if (bracketed := BRACKETED_CREDIT.match(line)) is not None:
        credit = bracketed.group(1).strip()
    elif is_credit(line) and not line.startswith("©"):
        credit = credit_value(line)
    elif (caption := CAPTION_WITH_CREDIT.match(line)) is not None:
        credit = caption.group("credit").strip(" .")
    elif (agency := AGENCY_CREDIT_TAIL.search(line)) is not None:
        credit = agency.group("credit").strip()  # "… erreichen. (picture alliance / dpa / Name)"
    elif (tail := copyright_tail(line)) is not None:
        credit = tail
    elif (inline := INLINE_CREDIT.match(line)) is not None:
        credit = re.sub(
            r"(?<=[a-zäöüß]{3})\.$", "", (inline.group("a") or inline.group("b")).strip()
        )
    else:
        return is_credit(line)  # "© dpa-infocom GmbH": a copyright notice, no picture credit
    if credit and DESCRIPTION.search(credit) and not credit.islower() and not agency:
        return True  # "Bild: Staatssekretärin … am Rednerpult": alt text, no credit
    if credit and not item.image_credit:
        item.image_credit = credit
    if prose_seen >= 1:  # captions sit between the lead and the text
        paragraphs = [i for i, text in enumerate(kept) if text]
        first_prose = next((i for i in paragraphs if is_prose(kept[i])), None)
        for position in reversed(paragraphs[-2:]):
            if position == first_prose or len(kept[position]) > 250 or is_prose(kept[position]):
                break
            item.warnings.append(f"caption removed: {kept[position][:80]}")
            del kept[position:]
    return True


def read_keywords(lines: list[str], index: int, rest: str, item: ParsedItem) -> int:
    """ "Themen in diesem Artikel" and the short lines under it, or "Schlagworte: a, b"."""
    words = [word.strip() for word in rest.split(",") if word.strip()]
    following = index + 1
    if not words:
        while following < len(lines) and 0 < len(lines[following].strip()) <= 40:
            words.append(lines[following].strip())
            following += 1
    for word in words:
        if word not in item.keywords:
            item.keywords.append(word[:100])
    return following - 1


def source_below(lines: list[str], item: ParsedItem) -> None:
    """ "Quelle: MDR THÜRINGEN/mwi" under the boxes that end the text: the author's initials."""
    for line in lines:
        source = SOURCE_LINE.match(line.strip())
        initials = (source.group("initials") or "").lower() if source else ""
        if initials and initials not in AGENCIES:
            item.author = item.author or initials
            return


def keywords_below(lines: list[str], item: ParsedItem) -> None:
    for index, line in enumerate(lines):
        match = KEYWORD_HEADER.match(line.strip())
        if match:
            read_keywords(lines, index, match.group("rest"), item)
            return
