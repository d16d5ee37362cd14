"""Which line above the text is the headline, which the kicker: candidates scored by shape.

The lines above the first paragraph of prose are navigation, breadcrumbs, listing headers,
kickers (Dachzeilen), the headline and perhaps a subtitle. Each candidate is scored by its
length, word count, closeness to the text, capitalisation and share of German function
words; the best is the headline. A short line right above it, in one block with it, or a
known rubric or region, is the kicker. A headline may carry its kicker glued on without a
separator ("HessenServicekonto wächst weiter").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.ingest import dates
from articles.ingest.furniture import is_credit

_STOP_WORDS_TEXT = """
    der die das den dem des ein eine einer einen einem eines und oder aber für mit von vom zu
    zum zur im in am an auf aus bei nach über unter vor durch gegen ohne um ist sind wird
    werden wurde wurden hat haben soll sollen will kann können nicht auch noch neue neuen neues
    sich als wie was wer so mehr erste ersten jetzt ab bis seit
    """
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
_REGIONS_TEXT = """
    Thüringen Sachsen Sachsen-Anhalt Hessen Bayern Baden-Württemberg Berlin Brandenburg Bremen
    Hamburg Niedersachsen Nordrhein-Westfalen Rheinland-Pfalz Saarland Schleswig-Holstein
    Mecklenburg-Vorpommern Deutschland Bund Europa EU Österreich Schweiz NRW
    """
REGIONS = frozenset(_REGIONS_TEXT.split())
_RUBRICS_TEXT = """
    Interview Kommentar Analyse Hintergrund Porträt Portrait Serie Reportage Meinung Gastbeitrag
    Exklusiv Politik Wirtschaft Verwaltung Digitalisierung Digitales Kommunen Bildung Panorama
    Nachrichten Regional Service Ticker Eilmeldung Video Audio Podcast Termin
    """
RUBRICS = frozenset(_RUBRICS_TEXT.split())
# A periodical's section: "Aus dem Landtag", "Neues aus den Kommunen", "Aus der Region"
RUBRIC_PHRASE = re.compile(
    r"^(?:(?:Neues|Nachrichten|News)\s+aus|Aus)\s+(?:dem|der|den)\s+[A-ZÄÖÜ][\w-]+"
    r"(?:\s+und\s+(?:dem|der|den)\s+[A-ZÄÖÜ][\w-]+)?$"
)
# "Zahlen, Daten, Fakten": a rubric made of a list of nouns, no headline
NOUN_LIST = re.compile(r"^[A-ZÄÖÜ][\w-]+(?:, [A-ZÄÖÜ][\w-]+)+(?: (?:und|&) [A-ZÄÖÜ][\w-]+)?$")
DASH_KICKER = re.compile(r"^[A-ZÄÖÜ][\wäöüß.-]+ [-–] [A-ZÄÖÜ][\wäöüß.-]+$")
INNER_CAPITAL = re.compile(r"[a-zäöüß](?=[A-ZÄÖÜ][a-zäöüß]+\s)")
_PLACES_TEXT = """
    Erfurt Jena Gera Weimar Gotha Eisenach Nordhausen Suhl Mühlhausen Altenburg Ilmenau
    Saalfeld Arnstadt Sonneberg Meiningen Apolda Sömmerda Greiz Schmalkalden Rudolstadt
    Pößneck Hildburghausen Eisenberg Schleiz Sondershausen Heiligenstadt Worbis Zeulenroda
    Ronneburg Schleusingen Bad-Salzungen Leinefelde Ohrdruf Waltershausen Stadtroda
"""
PLACES = frozenset(_PLACES_TEXT.split())
# A regional daily's location kicker: "Landkreis Dillingen", "Saale-Holzland-Kreis"
LOCAL_KICKER = re.compile(
    r"^(?:(?:Land)?[Kk]reis|Stadt|Region|Gemeinde|Landeshauptstadt)\s+[A-ZÄÖÜ][\w./-]+$"
    r"|^(?!Wahlkreis$)[A-ZÄÖÜ][\w-]*-?[Kk]reis$|^[A-ZÄÖÜ][a-zäöü]+er Land$"  # not an MP's menu
)
# A genre set before the headline with a space: "Kommentar Wer bohrt das dicke Brett …?"
GENRE_KICKER = re.compile(
    r"^(Kommentar|Interview|Analyse|Hintergrund|Porträt|Meinung|Gastbeitrag|Reportage|Kolumne|"
    r"Glosse|Leitartikel)\s+(?=[A-ZÄÖÜ]\w*\s+\S+\s+\S)"
)
OPENING_WORDS = frozenset(
    {"die", "der", "das", "ein", "eine", "wie", "was", "wer", "wo", "warum", "wann", "neue"}
)
BULLET = re.compile(r"^[·•▪►»>*–—-]\s+")
GLUED = re.compile(
    r"^(?P<kicker>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*)"
    r"(?P<title>[A-ZÄÖÜ](?:[a-zäöüß]|[A-ZÄÖÜ]{1,4}-)\w*(?:-\w+)*\s.+)$"  # also "KI-basierte …"
)


@dataclass
class Line:
    text: str
    blank_before: bool


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text).strip()


def split_glued_kicker(title: str, portal: bool = False) -> tuple[str, str] | None:
    """ "Sachsen-AnhaltNeues Portal für Bauanträge" → ("Sachsen-Anhalt", "Neues Portal …").

    The kicker is glued on without a separator (a lower-case letter, then a capital inside
    one word); a known region, place or rubric, or a kicker of three words or more, is split
    off when at least three words of headline remain. On a portal that always glues its
    kickers (`portal`), any kicker word is. A Thuringian place written before the
    headline with a space ("Erfurt Parlament berät …") is a kicker too.
    """
    match = GLUED.match(title)
    if match:
        kicker, rest = match.group("kicker"), match.group("title")
        words = rest.split()
        known = kicker in REGIONS or kicker in RUBRICS or kicker in PLACES
        # "OnlinezugangsgesetzDie Digitalisierung kann kommen": a headline opening with an
        # article or pronoun glued to its kicker
        article = words[0].lower() in OPENING_WORDS and len(kicker) >= 6
        if (known or article or (portal and len(words) >= 3)) and (
            len(words) >= 3 or (len(words) == 2 and len(words[0]) >= 5)
        ):
            return kicker, rest  # not "ThüringenApp startet": one word in camel case
    for inner in INNER_CAPITAL.finditer(title):
        kicker, rest = title[: inner.start() + 1], title[inner.start() + 1 :]
        if ":" in kicker:
            break  # "Serie 03: Weg zur SmartCity …": the headline has its separator already
        if len(kicker.split()) >= 3 and len(rest.split()) >= 3:
            return kicker.strip(), rest.strip()
    first, _, rest = title.partition(" ")
    if first in PLACES and rest[:1].isupper() and len(rest.split()) >= 3:
        second = rest.split()[0]
        if second.lower() not in STOP_WORDS and not second.endswith(("er", "ern")):
            return first, rest
    return None


def is_candidate(text: str) -> bool:
    short_sentence = text.endswith(".") and len(text.split()) <= 6 and not text.endswith("..")
    if len(text) > 200 or (re.search(r"[.,;:]$", text) and not short_sentence):
        return False  # "Jena digitalisiert, lernt und teilt." is a headline, a sentence is not
    if text.endswith(("...", "…")):
        return False
    if is_credit(text) or (dates.parse_date(text) and len(text) <= 60 and not _worded(text)):
        return False  # a date line, not "Aus der Gemeinderatssitzung vom 6. November 2014"
    return any(char.isalpha() for char in text)


def _worded(text: str) -> bool:
    """Three words or more besides the date's: a headline naming a date."""
    words = re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", text)
    return sum(word.lower() not in dates.MONTHS for word in words) >= 4


def score(text: str, distance: int) -> float:
    words = text.split()
    value = -1.2 * distance
    if 3 <= len(words) <= 20:
        value += 3
    elif len(words) == 2:
        value += 1
    if 20 <= len(text) <= 160:
        value += 2
    if text.isupper() and len(text) > 4 and len(words) <= 2:
        value -= 2  # an outlet's name in capitals, not a headline set in capitals
    if re.search(r"\b(19|20)\d\d$", text) and len(words) <= 3:
        value -= 2  # a listing header: "Pressemitteilungen 2022"
    if distance > 0 and NOUN_LIST.match(text):
        value -= 4  # a rubric above the headline
    lower = [word.lower().strip("„“\"',") for word in words]
    if any(word in STOP_WORDS for word in lower):
        value += 1
    return value


def is_kicker(line: Line, title: Line, masthead: bool = False, in_menu: bool = False) -> bool:
    """A Dachzeile: a short line directly above the headline, or a known rubric or region.

    `masthead`: the line is the page's first; a district's name there is the site's name."""
    text = line.text.rstrip(":")
    words = text.split()
    if RUBRIC_PHRASE.match(text):
        return True  # "Aus dem Plenum und den Ausschüssen": a periodical's section
    if not words or len(words) > 4 or len(text) > 40 or not text[:1].isupper():
        return False
    if line.text.endswith(":") or DASH_KICKER.match(text) or NOUN_LIST.match(text):
        return True  # "Thüringen:", "Regierung - Erfurt"
    if title.blank_before:
        # a line apart from the headline is navigation, unless a region or rubric stands alone
        # ("LOKALES": a rubric in capitals)
        rubric = text.isupper() and len(words) <= 2 and len(text) > 3 and not masthead
        return line.blank_before and (
            text in REGIONS or text in RUBRICS or text in PLACES or rubric
        )
    local = LOCAL_KICKER.match(text) is not None  # "Landkreis Dillingen"
    known = text in RUBRICS or text in REGIONS or text in PLACES
    if masthead and not (known or text.isupper()):
        return False  # the page's first line: the site's name ("Landesportal Sachsen-Anhalt")
    if in_menu and not local:
        # "Nachrichten" / "Schleswig-Holstein" / "Politik": the end of a menu; a longer line
        # after short menu entries ("Rahmenprogramm KOMMUNALE 2023") is the Dachzeile
        worded = [word for word in words if any(char.isalnum() for char in word)]
        return len(worded) >= 3 and not title.blank_before  # not "News & Termine"
    return text in RUBRICS or text in REGIONS or text in PLACES or local or line.blank_before


def in_menu(above: list[Line], best: int) -> bool:
    """The line above the headline ends a run of short menu lines in one block with it."""
    return (
        best >= 2
        and not above[best - 1].blank_before
        and len(above[best - 2].text.split()) <= 3
        and len(above[best - 1].text.split()) <= 4
    )


SUBTITLE_MARK = "\x00subtitle:"


def _alone(above: list[Line], index: int) -> bool:
    """The line is a block of its own: blank lines before and after it."""
    after = index + 1 >= len(above) or above[index + 1].blank_before
    return above[index].blank_before and after


def choose(
    above: list[Line], above_date: str | None = None, below_date: str | None = None
) -> tuple[str | None, str | None, list[str]]:
    """(kicker, headline, dropped lines) among the lines above the first prose paragraph.

    The line right above the page's date line (`above_date`) is favoured.
    A headline with a subtitle (Unterzeile) right under it: the subtitle is the closer line,
    so the line above it wins when it is a long headline itself. The subtitle is returned
    last in the dropped lines, prefixed with SUBTITLE_MARK.
    """
    candidates = [i for i, line in enumerate(above) if is_candidate(line.text)]
    if not candidates:
        return None, None, [line.text for line in above]
    last = len(candidates) - 1

    def value(i: int) -> tuple[float, int]:
        dated = 2.5 if above[i].text == above_date else 0.0  # the line right above the date
        return score(above[i].text, last - candidates.index(i)) + dated, i

    best = max(candidates, key=value)
    subtitle = None
    dachzeile = None
    if best > 0 and best - 1 in candidates and not above[best].blank_before:
        upper, lower = above[best - 1].text, above[best].text
        headline_sized = len(upper) > 40 or len(upper.split()) >= 5
        worded = [w for w in upper.split() if any(c.isalpha() for c in w)]
        sentence_like = len(worded) >= 4 or any(w.lower() in STOP_WORDS for w in worded)
        comparable = (len(upper.split()) >= 3 and len(upper) >= 0.6 * len(lower)) or (
            len(worded) >= 3 and sentence_like and not is_kicker(above[best - 1], above[best])
        )
        fuller = len(lower.split()) >= 5 or len(lower.split()) > len(upper.split())
        if (headline_sized or comparable) and len(lower.split()) >= 4 and fuller:
            subtitle, best = above[best].text, best - 1
        elif headline_sized and len(upper) <= 60 and not upper.endswith((".", "!", "?")):
            # "Parlamentsaussprache auf Antrag der FDP" / "Große Anfrage zur …" / date: a
            # short headline under a Dachzeile no shorter than itself, in one block
            dachzeile = best - 1
    elif (
        best > 0
        and best - 1 in candidates
        and above[best].text == above_date
        and not BULLET.match(above[best].text)  # a listing's entry, no subtitle
        and _alone(above, best - 1)
        and _alone(above, best)
    ):
        # "Headline" / blank / "Unterzeile" / blank / date line: two lines each alone in its
        # block, the upper a headline itself; the lower one, over the date, is the subtitle.
        upper, lower = above[best - 1].text, above[best].text
        if (len(upper) > 40 or len(upper.split()) >= 5) and len(lower.split()) >= 5:
            subtitle, best = above[best].text, best - 1
    under = next((i for i in range(best) if above[i].text == below_date), None)
    if (
        subtitle is None
        and under is not None
        and best - under == 2
        and all(line.blank_before for line in above[under:])
        and len(below_date.split()) >= 4
        and is_candidate(below_date)
    ):
        # date / headline / subtitle / alt text / text, each a block of its own: the heading
        # right under the date is the headline, the lines below it picture and subtitle
        subtitle, best = above[under + 1].text, under
    if (
        subtitle is None
        and best > 0
        and above[best - 1].text == below_date
        and best - 1 in candidates
        and above[best].blank_before
        and 3 <= len(below_date.split()) <= len(above[best].text.split())
    ):
        # date / "Wartburgkreis will digitaler werden" / "Corona-Krise verdeutlicht …" / text:
        # the heading under the date is the headline, the fuller one under it its subtitle
        subtitle, best = above[best].text, best - 1
    title = above[best]
    kicker = None
    if best > 0 and (
        best - 1 == dachzeile or is_kicker(above[best - 1], title, best == 1, in_menu(above, best))
    ):
        kicker = above[best - 1].text.rstrip(":").strip()
    dropped = [
        line.text
        for i, line in enumerate(above)
        if i != best and not (kicker and i == best - 1) and line.text != subtitle
    ]
    if subtitle:
        dropped.append(SUBTITLE_MARK + subtitle)
    return kicker, strip_bullet(title.text), dropped
