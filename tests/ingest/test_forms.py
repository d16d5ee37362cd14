"""Documents that are no web page: forwarded e-mail, PDF text, feed item, Markdown, digest.

All inputs were written for these tests; the people are invented.
"""

import datetime

from articles.ingest import parse_bytes
from articles.ingest.people import find_people

MAIL = """Von: Redaktion <redaktion@example.org>
Gesendet: Freitag, 6. Mai 2022 09:12
An: Archiv <archiv@example.org>
Betreff: WG: PM 31/2022: Neues Serviceportal für Bauanträge

Zur Info, bitte archivieren.

-----Ursprüngliche Nachricht-----
Von: Pressestelle <presse@example.org>
Gesendet: Dienstag, 3. Mai 2022 14:05
An: Verteiler Presse
Betreff: PM 31/2022: Neues Serviceportal für Bauanträge

Ab sofort können Bauherren in Thüringen ihre Anträge digital stellen. Das Portal wurde heute von Ministerin Anna Beck freigeschaltet.

„Wir sparen damit Wege und Papier“, sagte Beck. Die Landkreise sollen bis Jahresende folgen.

Mit freundlichen Grüßen
Max Mustermann
Pressesprecher
Telefon: 0361 57 4111 000

Diese E-Mail enthält vertrauliche Informationen.
"""

PDF = """Thüringer Ministerium für Beispiele
Pressestelle

Erfurt, 3. Februar 2022

Neue Förderrichtlinie für kommunale Digitali-
sierung tritt in Kraft

Die Landesregierung hat eine neue Förderrichtlinie für die Digitalisierung der
Kommunen beschlossen. Gemeinden können ab März Mittel für die Einführung digitaler
Verwaltungsleistungen beantragen. Staatssekretär Dr. Hans-Peter Muster sagte: „Damit
unterstützen wir gerade kleine Gemeinden.“

Seite 1 von 2
Thüringer Ministerium für Beispiele
Pressestelle

Anträge können bis zum 30. Juni gestellt werden. Gefördert werden bis zu 80 Prozent
der Kosten.

Seite 2 von 2
"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Presse</title>
<item>
<title>Digitale Verwaltung &#8211; neues Portal startet</title>
<link>https://example.org/presse/123</link>
<pubDate>Wed, 14 Oct 2020 10:30:00 +0200</pubDate>
<description>&lt;p&gt;Das Land hat ein neues Verwaltungsportal gestartet &amp;ndash; Bürger können dort Anträge stellen.&lt;/p&gt;&lt;p&gt;Weitere Leistungen folgen im kommenden Jahr.&lt;/p&gt;</description>
</item></channel></rss>
"""

MARKDOWN = """# Landkreis startet **digitale** Bauakte

Der Landkreis hat die [digitale Bauakte](https://example.org/bauakte) eingeführt. Bauanträge können nun vollständig online gestellt werden, teilte das Landratsamt mit.

## Weitere Schritte

Bis Ende des Jahres sollen auch die Gemeinden angeschlossen werden.

[Mehr Informationen](https://example.org/info)
"""

DIGEST = """Newsletter Digitale Verwaltung – Ausgabe 4/2023

Liebe Leserinnen und Leser,

Stadt führt digitale Bauakte ein

Die Stadt hat die digitale Bauakte eingeführt. Bauanträge können nun vollständig online gestellt werden, teilte die Verwaltung mit.

Landkreis eröffnet Bürgerportal

Der Landkreis bietet nun zwanzig Leistungen online an. Weitere sollen bis zum Sommer folgen. Weiterlesen

Land fördert kommunale IT

Das Land stellt fünf Millionen Euro für die IT der Kommunen bereit, die in diesem Jahr ausgezahlt werden.

Newsletter abbestellen
"""


def parse(text: str):
    return parse_bytes(text.encode("utf-8"), "doc.txt")


def test_forwarded_mail_reads_the_original_message():
    item = parse(MAIL)
    assert item.title == "Neues Serviceportal für Bauanträge"  # no WG:, no PM 31/2022:
    assert item.date == datetime.date(2022, 5, 3)  # the original message, not the forward
    assert item.teaser.startswith("Ab sofort können Bauherren")
    text = item.teaser + item.body
    for junk in ["Zur Info", "Mit freundlichen", "Mustermann", "vertrauliche", "Telefon"]:
        assert junk not in text
    assert [p.name for p in item.people] == ["Anna Beck"]


def test_pdf_text_is_reflowed_without_page_furniture():
    item = parse(PDF)
    assert item.title == "Neue Förderrichtlinie für kommunale Digitalisierung tritt in Kraft"
    assert item.date == datetime.date(2022, 2, 3)  # the letterhead date
    assert "Digitalisierung der Kommunen" in item.teaser  # hard breaks re-flowed
    assert "\n" not in item.teaser
    assert "Seite" not in item.body and "Pressestelle" not in item.body
    assert item.body.startswith("Anträge können")
    assert [(p.name, p.role) for p in item.people] == [("Hans-Peter Muster", "Staatssekretär")]


def test_feed_item_with_rfc822_date_and_double_escaped_entities():
    item = parse(FEED)
    assert item.title == "Digitale Verwaltung – neues Portal startet"
    assert item.date == datetime.date(2020, 10, 14)
    assert item.teaser == (
        "Das Land hat ein neues Verwaltungsportal gestartet – Bürger können dort Anträge stellen."
    )
    assert "<" not in item.body and "&" not in item.body
    assert item.links == []  # the item's own address is no link of the item


def test_markdown_markup_is_stripped():
    item = parse(MARKDOWN)
    assert item.title == "Landkreis startet digitale Bauakte"
    assert item.teaser.startswith("Der Landkreis hat die digitale Bauakte eingeführt.")
    for mark in ["#", "**", "](", "["]:
        assert mark not in item.title + item.teaser + item.body
    assert item.links[-1].url == "https://example.org/info"


def test_newsletter_digest_first_item_is_the_item_the_others_are_related():
    item = parse(DIGEST)
    assert item.title == "Stadt führt digitale Bauakte ein"
    assert item.teaser.startswith("Die Stadt hat die digitale Bauakte")
    assert [r.title for r in item.related] == [
        "Landkreis eröffnet Bürgerportal",
        "Land fördert kommunale IT",
    ]
    assert item.related[0].teaser.endswith("bis zum Sommer folgen.")  # no "Weiterlesen"
    assert "abbestellen" not in (item.body or "")


def people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in find_people(text, [])]


def test_people_roles_after_the_name_hyphenated_names_and_surname_references():
    assert people("Anna Beispiel, SPD-Landtagsabgeordnete aus Erfurt, sagte das.") == [
        ("Anna Beispiel", "SPD-Landtagsabgeordnete")
    ]
    assert people("Das sagte Hans-Peter Muster am Montag in Jena.") == [("Hans-Peter Muster", "")]
    assert people("Anna Beck eröffnete. Staatssekretärin Beck sagte, es sei gut.") == [
        ("Anna Beck", "Staatssekretärin")
    ]


def test_no_false_people_and_roles_not_cut_at_a_number():
    assert people("Nach Angaben von Klaus Weber ist das gut.") == [("Klaus Weber", "")]
    names = [name for name, _ in people("Das Ministerium für Digitales Anna Beck lud ein.")]
    assert not any(name.startswith("Digitales") for name in names)
    assert people("Die Beauftragte für Verwaltung 4.0 Anna Beck sprach.") == [
        ("Anna Beck", "Beauftragte für Verwaltung 4.0")
    ]


QUOTED_REPLY = """Betreff: Fwd: Pressemitteilung: Landkreis startet digitale Bauakte
Von: Jonas Berger <jonas@example.org>
Datum: 12.03.2024 09:00

Zur Kenntnis.

Am 11. März 2024 um 15:20 schrieb Pressestelle Landkreis <presse@landkreis.example>:
> Landkreis startet digitale Bauakte
>
> Der Landkreis hat die digitale Bauakte eingeführt. Bauanträge können ab sofort vollständig online gestellt werden, teilte das Landratsamt mit.
>
> „Wir sparen damit Wege und Papier“, sagte Landrätin Anna Beck.
>
> Mit freundlichen Grüßen
> Pressestelle
"""


def test_a_quoted_message_under_am_schrieb_is_the_release():
    item = parse(QUOTED_REPLY)
    assert item.title == "Landkreis startet digitale Bauakte"
    assert item.date == datetime.date(2024, 3, 11)  # the quoted message's, not the forward's
    assert item.source_kind == "other"  # a district office, not a ministry
    assert "Zur Kenntnis" not in item.teaser + item.body and "Grüßen" not in item.body
    assert [(p.name, p.role) for p in item.people] == [("Anna Beck", "Landrätin")]
