"""Invented press items for the judged query set (tests/search/test_judged.py).

Each item has a key; the judgements name keys. Texts are written like real releases, with
compounds, hyphenated and slash-joined words, abbreviations and passing mentions.
"""

from __future__ import annotations

import datetime

FILLER = (
    "Weitere Einzelheiten sollen in den kommenden Wochen folgen. Rückfragen beantwortet die "
    "Pressestelle gern, auch telefonisch."
)


def item(key, title, body="", *, kicker="", teaser="", date=(2023, 5, 10), kind="news",
         keywords=(), people=()):  # fmt: skip
    return {
        "key": key,
        "title": title,
        "kicker": kicker,
        "teaser": teaser,
        "body": f"{body} {FILLER}".strip() if kind != "teaser" else body,
        "published_on": datetime.date(*date),
        "kind": kind,
        "keywords": list(keywords),
        "people": list(people),
    }


ITEMS = [
    item(
        "cloud",
        "Landesverwaltung startet eigene Plattform",
        "Die neue Verwaltungscloud des Landes geht in Betrieb. Sie ersetzt alte Server.",
    ),
    item(
        "cloud_whole",
        "Rechenleistung aus dem Netz",
        "Die Kommunen setzen auf die Cloud, um Fachverfahren zu betreiben.",
        date=(2021, 3, 1),
    ),
    item("app", "Neue Bürger-Anwendung", "Mit der ThüringenApp erreichen Bürger alle Dienste."),
    item(
        "digitalminister",
        "Kabinett berät Digitalpaket",
        "Der Digitalminister stellte die Pläne vor; Fragen kamen aus dem Parlament.",
    ),
    item(
        "wirtschaftsminister",
        "Förderprogramm für Betriebe",
        "Der Wirtschaftsminister kündigte neue Zuschüsse für kleine Betriebe an.",
    ),
    item(
        "staatssekretaerin",
        "Fachtag eröffnet",
        "Die Digitalstaatssekretärin eröffnete den Fachtag in Weimar.",
    ),
    item(
        "cyber_solid",
        "Schutz vor Angriffen",
        "Cybersicherheit hat für die Landkreise höchste Priorität.",
    ),
    item(
        "cyber_hyphen", "Neues Lagezentrum", "Das Land baut ein Zentrum für Cyber-Sicherheit auf."
    ),
    item(
        "ozg_full",
        "Thüringen meldet Fortschritte bei Verwaltungsleistungen",
        "Nach dem OZG müssen Leistungen online angeboten werden. Thüringen hat 120 Leistungen "
        "umgesetzt.",
        kind="press_release",
        date=(2022, 6, 1),
    ),
    item(
        "ozg_long",
        "Gesetz verlangt digitale Anträge",
        "Das Onlinezugangsgesetz verpflichtet Bund und Länder.",
        date=(2020, 2, 2),
    ),
    item(
        "ozg_hyphen",
        "Umsetzung im Zeitplan",
        "Das Online-Zugangsgesetz gilt seit 2017.",
        date=(2019, 9, 9),
    ),
    item(
        "ozg_stub1",
        "OZG-Umsetzung in Hessen",
        "Hessen setzt das OZG um.",
        kind="teaser",
        date=(2024, 1, 10),
    ),
    item(
        "ozg_stub2",
        "OZG-Bilanz in Bayern",
        "Bayern zieht Bilanz zum OZG.",
        kind="teaser",
        date=(2024, 1, 11),
    ),
    item("ozg_stub3", "OZG in Sachsen", "Sachsen und das OZG.", kind="teaser", date=(2024, 1, 12)),
    item(
        "cdo_cio",
        "Neue Stelle im Landratsamt",
        "Der Kreis hat eine Beauftragte für Digitales (CDO/CIO) ernannt.",
    ),
    item(
        "cio_long",
        "IT-Steuerung neu geordnet",
        "Der Chief Information Officer des Landes koordiniert die IT der Ressorts.",
    ),
    item(
        "bund_laender", "Arbeitsgruppe tagt", "Die Bund/Länder-Arbeitsgruppe traf sich in Berlin."
    ),
    item(
        "akte",
        "Papier verschwindet",
        "Jede Akte wird künftig elektronisch geführt; die Akte liegt im System.",
    ),
    item(
        "akteure",
        "Netzwerk wächst",
        "Viele Akteure aus Wirtschaft und Wissenschaft beteiligen sich.",
    ),
    item(
        "eakte", "Einführung in allen Ressorts", "Die E-Akte ist nun in allen Ressorts im Einsatz."
    ),
    item(
        "elektronische_akte",
        "Landkreis stellt um",
        "Die elektronische Akte ersetzt im Kreis das Papier.",
    ),
    item("rat", "Beratendes Gremium", "Der Rat für Digitalisierung tagte zum dritten Mal."),
    item("rathaus", "Bürgerbüro erweitert", "Im Rathaus öffnet ein neues Bürgerbüro."),
    item(
        "amt",
        "Neues Amt für Digitales",
        "Das Amt nimmt im Januar seine Arbeit auf.",
        date=(2019, 1, 5),
    ),
    item(
        "amtsleiterin",
        "Personalie",
        "Die Amtsleiterin stellte den Haushalt vor.",
        date=(2024, 2, 2),
    ),
    item(
        "rechenzentrum", "Technik modernisiert", "Das Landesrechenzentrum erneuert seine Technik."
    ),
    item("glasfaser", "Schnelles Internet", "Der Glasfaserausbau im Ilm-Kreis kommt voran."),
    item(
        "keyword_compound",
        "Förderbescheide übergeben",
        "Der Minister übergab Bescheide.",
        keywords=["Breitbandförderung"],
    ),
    item(
        "person_hyphen",
        "Neue Leitung",
        "Die Stelle ist besetzt.",
        people=[("Anna Schulze-Brandt", "Abteilungsleiterin")],
    ),
    item(
        "tmdi",
        "Ministerium stellt Strategie vor",
        "Das Thüringer Ministerium für Digitales und Infrastruktur legte die Strategie vor.",
    ),
    item(
        "thavel", "Anträge online stellen", "Über ThAVEL können Anträge digital eingereicht werden."
    ),
    item(
        "breitband",
        "Breitbandgipfel in Erfurt",
        "Netzbetreiber und Kommunen trafen sich.",
        date=(2015, 4, 4),
    ),
    item(
        "breitband_body",
        "Netze im ländlichen Raum",
        "Auch Breitband war ein Thema, neben vielen anderen.",
        date=(2024, 4, 4),
    ),
    item(
        "keyword_hit",
        "Bilanz des Jahres",
        "Ein Rückblick auf viele Themen.",
        keywords=["Glasfaser"],
        date=(2016, 1, 1),
    ),
    item(
        "glasfaser_body",
        "Jahresrückblick der Kreise",
        "Nebenbei wurde auch über Glasfaser gesprochen.",
        date=(2024, 6, 6),
    ),
    item(
        "digital_old", "Digitalisierung der Schulen", "Schulen erhalten Geräte.", date=(2018, 3, 3)
    ),
    item(
        "digital_new", "Digitalisierung der Schulen", "Schulen erhalten Geräte.", date=(2023, 3, 3)
    ),
    item(
        "url",
        "Portal freigeschaltet",
        "Das Serviceportal unter https://service.example.org/portal/start?id=42 ist online. "
        "Das Serviceportal bündelt alle Leistungen.",
    ),
    item(
        "stub_only",
        "Kommunale Registermodernisierung",
        "Ein Anreißer zur Registermodernisierung.",
        kind="teaser",
        date=(2024, 5, 5),
    ),
]
