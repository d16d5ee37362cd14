"""People named in the main text, with their roles as written.

No language model is available, so this works with German role words ("Minister",
"Staatssekretärin", "-CIO"), name shapes (two or three capitalised words) and the
document's own keyword list, which often names the people an item is about.
"""

from __future__ import annotations

import re

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
)  # fmt: skip
ROLE_ACRONYMS = ("cio", "cdo", "cto", "ceo", "cfo", "cso", "ciso")
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
}  # fmt: skip
ORG_MARKERS = re.compile(
    r"(amt|ministerium|gmbh|ag\b|e\.v\.|verband|bund\b|institut|behörde|kammer|stiftung|"
    r"gesetz|strategie|sicherheit|verwaltung|\()",
    re.IGNORECASE,
)

NAME_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüßéèáàç]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàç]+)?")
PARTICLES = {"von", "van", "de", "zu", "der"}
TOKEN = re.compile(r"\([^()]{1,40}\)|(?:Dr|Prof|a\.\s?D)\.|[\w&-]+|[,.;:!?„“\"'»«]")


def is_role_word(token: str) -> bool:
    lower = token.lower().strip(".")
    if not token[:1].isupper():
        return False
    if lower in ROLE_ACRONYMS or any(lower.endswith("-" + a) for a in ROLE_ACRONYMS):
        return True
    return lower.endswith(ROLE_ENDINGS)


def role_before(text: str, start: int) -> str | None:
    """The role phrase that ends right before a name at `start`, or None."""
    tokens = TOKEN.findall(text[max(0, start - 240) : start])
    if tokens and tokens[-1] == ",":  # appositive: "der Vizepräsident des BSI, Gerhard Schabhüser"
        tokens = tokens[:-1]
    role_start = None
    for index in range(len(tokens) - 1, max(-1, len(tokens) - 13), -1):
        token = tokens[index]
        if token in ",.;:!?„“\"'»«":
            break
        if is_role_word(token):
            role_start = index
            # "Finanzstaatssekretär und Beauftragter …": keep coordinated roles together.
            if index >= 2 and tokens[index - 1] == "und" and is_role_word(tokens[index - 2]):
                role_start = index - 2
            break
        if token[:1].islower() and token.lower() not in ROLE_JOINERS:
            break
    if role_start is None:
        return None
    words = tokens[role_start:]
    role = re.sub(r"\s+([,)])", r"\1", " ".join(words))
    return re.sub(r"(\s+(?:Dr\.|Prof\.))+$", "", role).strip()


def looks_like_name(name: str) -> bool:
    words = name.split()
    if len(words) < 2 or any(word in NOT_NAMES for word in words):
        return False
    return not ORG_MARKERS.search(name)


def name_candidates(text: str):
    """(name, start) for every run of two or three name-like capitalised words."""
    words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    segment: list[tuple[str, int, int]] = []

    def flush():
        if len(segment) >= 2:
            names = [w for w, _, _ in segment if w not in PARTICLES]
            if 2 <= len(names) <= 3:
                yield " ".join(w for w, _, _ in segment), segment[0][1]
        segment.clear()

    for raw, start, _end in words:
        word = raw.rstrip(",.;:!?\u201c\"')")
        clean_start = start + len(raw) - len(raw.lstrip("\u201e\"'("))
        word = word.lstrip("\u201e\"'(")
        is_name = bool(NAME_WORD.fullmatch(word)) and word not in NOT_NAMES
        if (is_name and not is_role_word(word)) or (word in PARTICLES and segment):
            segment.append((word, clean_start, 0))
        else:
            yield from flush()
            continue
        if word != raw.strip("\u201e\"'("):  # punctuation after the word ends the run
            yield from flush()
    yield from flush()


def find_people(main_text: str, keywords: list[str]) -> list[PersonRef]:
    """People in the main text: a role word before a name, or a name from the keyword list."""
    found: dict[str, PersonRef] = {}
    keyword_people = {k for k in keywords if looks_like_name(k) and len(k.split()) <= 3}
    for name, start in name_candidates(main_text):
        if not looks_like_name(name):
            continue
        role = role_before(main_text, start)
        if role is None and name not in keyword_people:
            continue
        if name not in found:
            found[name] = PersonRef(name=name, role=role or "")
        elif not found[name].role and role:
            found[name].role = role
    for name in keyword_people:
        if name not in found and name in main_text:
            found[name] = PersonRef(name=name, role="")
    return list(found.values())
