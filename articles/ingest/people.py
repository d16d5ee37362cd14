"""People named in the main text, with their roles as written.

No language model is available, so this works with German role words ("Minister",
"Staatssekretärin", "-CIO"), name shapes (two or three capitalised words), a list of
common given names and the document's own keyword list, which often names the people an
item is about. A name counts when a role word stands before it ("Landrätin Anna Beck",
"der Präsident des Verbands, Klaus Weber") or after it as an apposition ("Klaus Weber,
Präsident des Verbands,"), or when it starts with a common given name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from articles.ingest.given_names import GIVEN_NAMES
from articles.ingest.item import PersonRef

ROLE_ENDINGS = (
    "minister", "ministerin", "staatssekretär", "staatssekretärin", "präsident", "präsidentin",
    "bürgermeister", "bürgermeisterin", "landrat", "landrätin", "chef", "chefin", "direktor",
    "direktorin", "leiter", "leiterin", "sprecher", "sprecherin", "geschäftsführer",
    "geschäftsführerin", "vorsitzende", "vorsitzender", "beauftragte", "beauftragter",
    "dezernent", "dezernentin", "abgeordnete", "abgeordneter", "kanzler", "kanzlerin", "senator",
    "senatorin", "vorstand", "vorständin", "referent", "referentin", "kämmerer", "kämmerin",
    "stadtrat", "stadträtin", "professor", "professorin", "rektor", "rektorin", "gründer",
    "gründerin", "koordinator", "koordinatorin", "amtsleiter", "amtsleiterin", "richter",
    "richterin", "bischof", "bischöfin", "intendant", "intendantin", "manager", "managerin",
    "politiker", "politikerin", "beigeordneter", "beigeordnete", "beigeordneten",
    # weak nouns in the dative or genitive: "beim Beauftragten der Bundesregierung, Name"
    "beauftragten", "vorsitzenden", "abgeordneten", "präsidenten", "experte", "expertin",
)  # fmt: skip
ROLE_ACRONYMS = ("cio", "cdo", "cto", "ceo", "cfo", "cso", "ciso")
HYPHEN_ACRONYMS = tuple("-" + acronym for acronym in ROLE_ACRONYMS)
# Lowercase words that may stand inside a role phrase ("Beauftragter für … im Freistaat").
ROLE_JOINERS = {
    "des", "der", "die", "den", "dem", "für", "im", "in", "und", "von", "vom", "beim", "am",
    "zur", "zum", "bei", "a.d.", "a. d.", "sowie", "&",
}  # fmt: skip
# Capitalised words that are never part of a person's name.
NOT_NAMES = {
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Und", "Oder", "Mit",
    "Thüringen", "Thüringens", "Thüringer", "Freistaat", "Freistaats", "Land", "Landes", "Bund",
    "Bundes", "Deutschland", "Erfurt", "Jena", "Weimar", "Gera", "Berlin", "Bayern", "Sachsen",
    "Hessen", "Ministerium", "Staatskanzlei", "Landesregierung", "Kabinett", "Verwaltung",
    "Digitalisierung", "Digitale", "Digitalen", "Digital", "Herr", "Frau", "Prof", "Dr",
    "Im", "In", "Am", "Auf", "Für", "Bei", "Nach", "Wie", "Laut", "Auch", "Zudem", "Dabei",
    "Europa", "Stadt", "Kreis", "Gemeinde", "Kommune", "Kommunen", "Rahmen", "Gesellschaft",
    "Strategie", "Smart", "State", "City", "Heute", "Jahr", "Januar", "Februar", "März", "April",
    "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember",
    "Minister", "Ministerin", "Staatssekretär", "Staatssekretärin", "Präsident", "Präsidentin",
    "Zum", "Zur", "Vom", "Beim", "Seit", "Bis", "Über", "Unter", "Vor", "Ab", "Als", "So", "Da",
    "Es", "Er", "Wir", "Ihr", "Man", "Dies", "Diese", "Dieser", "Damit", "Dazu", "Daher", "Nun",
    "Viele", "Alle", "Einige", "Mehrere", "Manche", "Beide", "Weitere", "Andere", "Zahlreiche",
}  # fmt: skip
ORG_MARKERS = re.compile(
    r"(amt\b|ministerium|gmbh|\bag\b|e\.v\.|verband|bund\b|institut|behörde|kammer|stiftung|"
    r"gesetz|strategie|sicherheit|verwaltung|dienst\b|büro\b|steuerung\b|abteilung\b|"
    r"referat\b|fachbereich\b|zentrum\b|portal\b|gruppe\b|\()",
    re.IGNORECASE,
)

NAME_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüßéèáàç]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàç]+)?")
PARTICLES = {"von", "van", "de", "zu", "der"}
TOKEN = re.compile(
    r"\([^()]{1,40}\)|(?:Dr|Prof|a\.\s?D)\.|\d+(?:\.\d+)+|[\w&-]+(?:/[\w&-]+)*|[,.;:!?„“\"'»«]"
)  # "BÜNDNIS 90/DIE GRÜNEN" stays one token


@lru_cache(maxsize=8192)
def is_role_word(token: str) -> bool:
    if not token[:1].isupper():
        return False
    lower = token.lower().strip(".")
    return lower in ROLE_ACRONYMS or lower.endswith(HYPHEN_ACRONYMS) or lower.endswith(ROLE_ENDINGS)


def role_before(text: str, start: int) -> str | None:
    """The role phrase that ends right before a name at `start`, or None."""
    window = text[max(0, start - 240) : start]
    tokens = TOKEN.findall(window[window.rfind("\n") + 1 :])  # a role stays on its line
    while tokens and tokens[-1] in ("Dr.", "Prof."):
        tokens = tokens[:-1]  # "…, Dr. Hartmut Schubert": the title belongs to the name
    if tokens and tokens[-1] == ",":  # appositive: "der Vizepräsident des BSI, Gerhard Schabhüser"
        tokens = tokens[:-1]
    elif tokens and tokens[-1] in ROLE_JOINERS:
        return None  # "Leiterin der Modellfabrik Vernetzung": an article is followed by no name
    role_start = None
    for index in range(len(tokens) - 1, max(-1, len(tokens) - 13), -1):
        token = tokens[index]
        if token in ",.;:!?„“\"'»«" or (_given(token) and not is_role_word(token)):
            break  # "Oberbürgermeister Peter Kleine und Dr. …": another person's name between
        if is_role_word(token):
            role_start = index
            # "Finanzstaatssekretär und Beauftragter …": keep coordinated roles together.
            if index >= 2 and tokens[index - 1] == "und" and is_role_word(tokens[index - 2]):
                role_start = index - 2
            elif (
                index >= 2
                and tokens[index - 1] in ("und", "oder")
                and tokens[index - 2][-1:] == "-"
                and tokens[index - 2][:1].isupper()
            ):
                role_start = index - 2  # "Bau- und Digitalminister"
            break
        if token[:1].islower() and token.lower() not in ROLE_JOINERS:
            break
    if role_start is None:
        return None
    while role_start > 0 and (
        PLACE_ADJECTIVE.match(tokens[role_start - 1])
        or TITLE_ADJECTIVE.match(tokens[role_start - 1])
    ):
        role_start -= 1  # "Thüringer CIO", "Parlamentarische Staatssekretär"
    words = tokens[role_start:]
    role = re.sub(r"\s+([,)])", r"\1", " ".join(words))
    return re.sub(r"(\s+(?:Dr\.|Prof\.))+$", "", role).strip()


PLACE_ADJECTIVE = re.compile(
    r"^(?!(?:Der|Oder|Aber|Über|Unter|Hier|Wieder|Weiter|Später|Einer|Einen|Seiner|Seinen|"
    r"Ihrer|Ihren|Unser|Unseren|Jeder|Jeden|Dieser|Diesen|Jener|Allen|Vielen|Thüringen|"
    r"Sachsen|Hessen|Bremen)$)[A-ZÄÖÜ][a-zäöüß]{3,}(?:er|en)$"
)
# Adjectives that are part of an office's name: "Parlamentarische", "Stellvertretender",
# "digitalisierungspolitische" (Sprecher), "stellvertretende", "kommissarische"
TITLE_ADJECTIVE = re.compile(
    r"^[A-ZÄÖÜ][a-zäöüß]{3,}(?:ische|ischer|ende|ender)$"
    r"|^[a-zäöüß]*(?:politisch|vertretend|amtierend|kommissarisch)er?$"
)
ENUMERATION = re.compile(
    r",\s*((?:[A-ZÄÖÜ][\w-]+,\s*)*[A-ZÄÖÜ][\w-]+\s+und\s+[A-ZÄÖÜ][\w-]+)(?=\s*[.,;:!?“\"]|\s*$)"
)
ADJECTIVE = re.compile(r"[a-zäöüß]{4,}(?:er|e|en|es)")
INITIAL = re.compile(r"[A-ZÄÖÜ]\.")
PHRASE_JOINERS = {"für", "des", "der", "im", "vom", "beim", "zur", "zum"}
# ", der Präsident …" or an attribution's dash: "Milen Volkmar – Geschäftsführerin der …"
APPOSITION = re.compile(
    r"(?:\s*\([A-ZÄÖÜ][\w/ .-]{0,24}\))?(?:\s*,|\s+[–—])\s*(?:(?:der|die|dem|den|des)\s+)?"
)  # "Harald Zanker (SPD), Landrat im …": the party in brackets before the apposition
COMPANY_FORM = {"GmbH", "AG", "SE", "KG", "UG", "mbH"}
# "Frau Dr. Irina Eckardt", "Herrn Bernd Schlömer": an honorific before the name
HONORIFIC = re.compile(r"\b(?:Frau|Herrn?)\s+(?:(?:Dr|Prof)\.\s+)*$")
# "begleitet es Dr. Karolina Muster": an academic title names a person, like an honorific
ACADEMIC_TITLE = re.compile(r"(?<![\w.])(?:Dr|Prof)\.(?:\s+(?:Dr|Prof)\.)*\s+$")
# "Anna Muster (Juniorprofessorin für … an der Universität Bayreuth): „…“": the role in brackets
BRACKETED_ROLE = re.compile(r"\s*\(([^()]{3,160})\)")
# Words after a name that make it part of an organisation's name ("Carl Zeiss AG").
ORG_AFTER = re.compile(r"\s*(?:AG|GmbH|SE|KG|e\.\s?V\.|Stiftung|Institut|Schule|Straße|Preis)\b")


def role_after(text: str, end: int) -> str | None:
    """An apposition after a name: "Klaus Weber, Präsident des Verbands, sagte" → the role."""
    bracketed = BRACKETED_ROLE.match(text, end)
    opening = bracketed.group(1).split()[0] if bracketed else ""
    if opening and not opening.isupper() and is_role_word(opening):  # not "… Officer (CIO)"
        return bracketed.group(1).strip()
    match = APPOSITION.match(text, end)
    if not match or not re.search(r"[,–—]", match.group()):
        return None
    tokens: list[str] = []
    stop = len(text)
    for token in TOKEN.finditer(text, match.end()):
        word = token.group()
        if word in ",.;:!?„“\"'»«":
            stop = token.start()
            break
        if tokens and word[:1].islower() and word.lower() not in ROLE_JOINERS:
            if _attribute(tokens[-1], word, text[token.end() :]):
                tokens.append(word)  # "Leiter des städtischen Fachdienstes"
                continue
            following = text[token.end() :].split(maxsplit=1)
            if not (following and following[0].rstrip(",.;") in COMPANY_FORM):  # "q-soft GmbH"
                stop = token.start()
                break  # the role ends at a verb or a word that is no part of an office's name
        if len(tokens) >= 16:
            return None
        tokens.append(word)
    adjective = (
        ADJECTIVE.fullmatch(tokens[0]) or TITLE_ADJECTIVE.match(tokens[0]) if tokens else None
    )
    if len(tokens) >= 2 and adjective and is_role_word(tokens[1]):
        pass  # "parlamentarischer Geschäftsführer", "Parlamentarischer Staatssekretär"
    elif not tokens or not is_role_word(tokens[0]):
        return None
    # "Dezernent für Finanzen, Sicherheit und Bürgerservice": an enumeration in the office.
    listed = ENUMERATION.match(text, stop)
    if listed and tokens[-1][:1].isupper():
        tokens += [",", listed.group(1)]
    # "Anna Beispiel, SPD-Landtagsabgeordnete aus Erfurt, sagte": the role ends at a verb or
    # a preposition that is no part of an office's name.
    while tokens and tokens[-1].lower() in ROLE_JOINERS and not tokens[-1].endswith("."):
        tokens.pop()
    return re.sub(r"\s+([,)])", r"\1", " ".join(tokens))


def _attribute(before: str, word: str, rest: str) -> bool:
    """An adjective between an article and its noun inside an office's name: "des
    kommunalen Spitzenverbands", "im niedersächsischen Ministerium"."""
    noun = rest.split(maxsplit=1)[0] if rest.strip() else ""
    return before.lower() in ROLE_JOINERS and bool(ADJECTIVE.fullmatch(word)) and noun[:1].isupper()


# "Benedikt Muster Chef der Staatskanzlei" alone on a line: a pull quote's signature
LINE_ROLE = re.compile(r"[ \t]+(?P<role>[^\n.,;:!?„“\"]{3,120})[ \t]*(?:\n|$)")


def role_on_line(text: str, start: int, end: int) -> str | None:
    """The role after a name that opens its line, the rest of the line being the office."""
    if start and text[start - 1] != "\n":
        return None
    found = LINE_ROLE.match(text, end)
    if not found or len(found.group("role").split()) > 12:
        return None
    role = found.group("role").strip()
    return role if is_role_word(role.split()[0]) else None


@lru_cache(maxsize=16384)
def _given(word: str) -> bool:
    return word in GIVEN_NAMES or word.split("-")[0] in GIVEN_NAMES


def has_given_name(name: str) -> bool:
    return _given(name.split()[0])


@lru_cache(maxsize=16384)
def looks_like_name(name: str) -> bool:
    words = name.split()
    if len(words) < 2 or any(word in NOT_NAMES for word in words):
        return False
    return not ORG_MARKERS.search(name)


@lru_cache(maxsize=16384)
def _name_word(word: str) -> bool:
    return bool(NAME_WORD.fullmatch(word)) and word not in NOT_NAMES


def _initial(word: str) -> bool:
    """INITIAL.fullmatch(word), without the regex (it is asked of every capitalised word)."""
    return len(word) == 2 and word[1] == "." and word[0] in INITIAL_LETTERS


INITIAL_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")
OPENERS = "\u201e\"'("
CLOSERS = ",.;:!?\u201c\"')"


def name_candidates(text: str):
    """(name, start) for every run of two or three name-like capitalised words."""
    previous = ""
    segment: list[tuple[str, int, int]] = []
    before: list[str] = [""]  # the word before the current run

    def flush():
        if segment and _initial(segment[-1][0]):
            segment.pop()  # an initial ends no name
        if len(segment) == 3 and before[0].lower() in PHRASE_JOINERS:
            del segment[0]  # "Staatssekretärin für Digitales Milen Starke": a noun of the office
        if len(segment) >= 2:
            names = [w for w, _, _ in segment if w not in PARTICLES and not _initial(w)]
            if len(names) == 3 and names[1] not in GIVEN_NAMES and segment[1][0] == names[1]:
                segment[2:] = []  # "Anna Beck Leitlinien": a noun after the name
                names = names[:2]
            if 2 <= len(names) <= 3:
                yield " ".join(w for w, _, _ in segment), segment[0][1]
        segment.clear()

    for match in WORDS.finditer(text):
        raw = match.group()
        if not segment:
            if not (raw[0].isupper() or raw[0] in OPENERS):
                previous = raw  # a lower-case word outside a name: the common case, cheap
                continue
            before[0] = previous
        previous = raw
        if segment and _initial(raw) and _given(segment[-1][0]):
            segment.append((raw, match.start(), 0))  # "Thomas L. Kemmerich": a middle initial
            continue
        word = raw.rstrip(CLOSERS)
        stripped = word.lstrip(OPENERS)
        clean_start = match.start() + len(word) - len(stripped)
        word = stripped
        is_name = _name_word(word)
        # "Angaben von Klaus Weber", "Ministerium für Digitales Anna Beck": a given name
        # after a noun (or after a particle) starts the name.
        starts_name = is_name and segment and _given(word) and not _given(segment[0][0])
        if starts_name and (segment[-1][0] in PARTICLES or len(segment) == 1):
            yield from flush()
        # A surname may look like a role ("Markus Richter"): after a given name it is a name.
        surname = bool(segment) and _given(segment[-1][0])
        if (is_name and (not is_role_word(word) or surname)) or (word in PARTICLES and segment):
            segment.append((word, clean_start, 0))
        else:
            if segment:
                yield from flush()
            continue
        if word != raw.strip(OPENERS):  # punctuation after the word ends the run
            yield from flush()
    if segment:
        yield from flush()


WORDS = re.compile(r"\S+")


def find_people(main_text: str, keywords: list[str]) -> list[PersonRef]:
    """People in the main text, in order of first mention, with the first role given."""
    found: dict[str, PersonRef] = {}
    keyword_names = {k for k in keywords if looks_like_name(k) and len(k.split()) <= 3}
    for name, start in name_candidates(main_text):
        if not looks_like_name(name):
            continue
        end = start + len(name)
        if ORG_AFTER.match(main_text, end):
            continue
        role = (
            role_before(main_text, start)
            or role_after(main_text, end)
            or role_on_line(main_text, start, end)
        )
        keyword_person = name in keyword_names and _referred_to_by_surname(name, main_text)
        before = main_text[max(0, start - 20) : start]
        addressed = bool(HONORIFIC.search(before) or ACADEMIC_TITLE.search(before))
        if role is None and not has_given_name(name) and not keyword_person and not addressed:
            continue  # "Landkreis Greiz" is a keyword, not a person
        if name not in found:
            found[name] = PersonRef(name=name, role=role or "")
        elif not found[name].role and role:
            found[name].role = role
    for person in found.values():
        if not person.role:  # "… Anna Beck … sagte Staatssekretärin Beck"
            person.role = _role_at_surname(person.name, main_text) or ""
    return list(found.values())


def _role_at_surname(name: str, text: str) -> str | None:
    """A role word before a later mention of the surname alone."""
    surname = name.split()[-1]
    for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
        before = text[: match.start()].rstrip()
        if before.endswith(name.rsplit(" ", 1)[0]):
            continue  # the full name
        role = role_before(text, match.start())
        if role:
            return role
    return None


def _referred_to_by_surname(name: str, text: str) -> bool:
    """People are named in full once, then by surname: "… Milen Starke … so Starke"."""
    surname = name.split()[-1]
    alone = re.findall(rf"(?<![\w-])(\S+\s+)?{re.escape(surname)}(?![\w-])", text)
    return any(not (before or "").strip().endswith(name.split()[-2]) for before in alone)
