"""Classes of the other forms found on held-out batch J: raw .eml files (MIME, quoted-printable,
base64, HTML only), sender blocks and distribution notes at a mail's end.

All inputs were written for these tests; the people and addresses are invented.
"""

import base64
import datetime
import quopri

from articles.ingest import mail as mail_reader
from articles.ingest import parse_bytes


def parse(text: str, name: str = "doc.txt"):
    return parse_bytes(text.encode("utf-8"), name)


RELEASE = (
    "Neues Portal für Bauanträge\n\n"
    "Bauanträge lassen sich im Landkreis Beispielkreis ab Montag vollständig online stellen. "
    "Papierformulare werden nur noch auf Wunsch angenommen.\n\n"
    "„Das spart Wege und Porto“, sagte Landrätin Erika Musterfrau. Rund 40 Prozent der Anträge "
    "kamen zuletzt schon digital.\n"
)


def raw_mail(part_headers: str, payload: str, subject: str) -> str:
    return (
        "Received: from mx.example.org (mx.example.org [192.0.2.1])\n"
        "\tby mail.example.net; Mon, 3 Mar 2025 09:00:02 +0100\n"
        "Message-ID: <abc@example.org>\n"
        "Date: Mon, 3 Mar 2025 09:00:00 +0100\n"
        "From: =?UTF-8?Q?Landratsamt_Beispielkreis?= <presse@example.org>\n"
        f"Subject: {subject}\n"
        "MIME-Version: 1.0\n"
        f"{part_headers}\n\n{payload}"
    )


def test_a_raw_multipart_mail_is_read_from_its_quoted_printable_text_part():
    encoded = quopri.encodestring(RELEASE.encode()).decode()
    html = quopri.encodestring(b"<p>HTML-Fassung</p>").decode()
    body = (
        "This is a multi-part message in MIME format.\n\n--XYZ\n"
        "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        f"{encoded}\n--XYZ\nContent-Type: text/html; charset=UTF-8\n"
        f"Content-Transfer-Encoding: quoted-printable\n\n{html}\n--XYZ--\n"
    )
    subject = "=?UTF-8?Q?PM_12/2025:_Neues_Portal_f=C3=BCr?=\n =?UTF-8?Q?_Bauantr=C3=A4ge?="
    item = parse(raw_mail('Content-Type: multipart/alternative; boundary="XYZ"', body, subject))
    assert item.title == "Neues Portal für Bauanträge"  # decoded, unfolded, label removed
    assert item.date == datetime.date(2025, 3, 3)
    assert item.teaser.startswith("Bauanträge lassen sich im Landkreis")
    assert "=C3" not in item.body and "Content-Type" not in item.body
    assert "HTML-Fassung" not in item.body  # the plain part is the text, not both
    assert [person.name for person in item.people] == ["Erika Musterfrau"]


def test_a_raw_html_only_mail_in_base64_keeps_paragraphs_and_links_without_its_footer():
    html = (
        "<html><head><title>Newsletter</title><style>p{color:red}</style></head><body><table>"
        '<tr><td><img src="cid:logo" alt="Logo"></td></tr><tr><td>'
        "<h2>Neues Portal für Bauanträge</h2>"
        "<p>Bauanträge lassen sich im Landkreis Beispielkreis ab Montag vollständig online "
        "stellen.</p><p>Mehr dazu im <a href='x'>x</a><a href=\"https://example.org/bau\">"
        "Bauportal</a>.</p>"
        "<p>Landratsamt Beispielkreis<br>Pressestelle<br>"
        '<a href="mailto:presse@example.org">presse@example.org</a></p>'
        "<p>Sie erhalten diese E-Mail, weil Sie im Presseverteiler eingetragen sind.</p>"
        "</td></tr></table></body></html>"
    )
    payload = base64.encodebytes(html.encode()).decode()
    headers = 'Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: base64'
    item = parse(raw_mail(headers, payload, "Neues Portal =?utf-8?B?ZsO8cg==?= Bauanträge"))
    assert item.title == "Neues Portal für Bauanträge"
    text = (item.teaser or "") + (item.body or "")
    for furniture in (
        "p{color",
        "Newsletter",
        "Logo",
        "Pressestelle",
        "presse@",
        "Presseverteiler",
    ):
        assert furniture not in text
    assert ("Bauportal", "https://example.org/bau") in [(lk.label, lk.url) for lk in item.links]
    assert not any(link.url.startswith("mailto:") for link in item.links)


def test_a_mail_shown_by_a_client_is_not_taken_for_a_raw_message():
    shown = "Von: Pressestelle\nBetreff: Neues Portal für Bauanträge\nDatum: 03.03.2025\n\n"
    item = parse(shown + RELEASE.split("\n\n", 1)[1])
    assert item.title == "Neues Portal für Bauanträge"
    assert item.date == datetime.date(2025, 3, 3)


FORWARD = """Gesendet: Montag, 03. März 2025 um 09:00 Uhr
Von: "Pressestelle" <presse@example.org>
An: redaktion@example.net
Betreff: Neues Portal für Bauanträge

Bauanträge lassen sich ab Montag vollständig online stellen, teilte das Bauministerium mit.

„Das spart Wege und Porto“, sagte Bauministerin Erika Musterfrau.

Mit freundlichen Grüßen

{signature}
Tel.: 0361 000000
"""


def test_the_signature_of_a_forwarded_release_names_its_publisher():
    party = parse(FORWARD.format(signature="Pressestelle\nBeispielpartei Landesverband"))
    assert party.source_kind == "other"  # quoting a ministry makes no ministry release
    ministry = parse(FORWARD.format(signature="Pressestelle\nMinisterium für Bau und Verkehr"))
    assert ministry.source_kind == "ministry"
    assert "Landesverband" not in party.body and "Tel.:" not in ministry.body


DIGEST = """Send Beispiel-Presse mailing list submissions to
\tbeispiel-presse@lists.example.org

Today's Topics:

   1. Neues Portal für Bauanträge (Landratsamt)
   2. Bürgerbüro öffnet samstags (Stadt Beispielstadt)

----------------------------------------------------------------------

Message: 1
Date: Mon, 3 Mar 2025 09:00:00 +0100
From: Landratsamt <presse@example.org>
Subject: [Beispiel-Presse] Neues Portal für
\tBauanträge
Message-ID: <1@example.org>
Content-Type: text/plain; charset="utf-8"

Bauanträge lassen sich im Landkreis ab Montag vollständig online stellen.

Papierformulare werden nur noch auf Wunsch angenommen.

------------------------------

Message: 2
Date: Tue, 4 Mar 2025 14:00:00 +0100
From: Stadt Beispielstadt <presse@example.net>
Subject: [Beispiel-Presse] Bürgerbüro öffnet samstags
Message-ID: <2@example.net>

Das Bürgerbüro ist ab April auch samstags von 9 bis 12 Uhr geöffnet.

------------------------------

Subject: Digest Footer

_______________________________________________
Beispiel-Presse mailing list

End of Beispiel-Presse Digest, Vol 3, Issue 7
"""


def test_a_list_digest_keeps_its_first_message_and_lists_the_others():
    item = parse(DIGEST)
    assert item.title == "Neues Portal für Bauanträge"  # list tag gone, folded line joined
    assert item.date == datetime.date(2025, 3, 3)
    assert (
        item.teaser == "Bauanträge lassen sich im Landkreis ab Montag vollständig online stellen."
    )
    assert item.body == "Papierformulare werden nur noch auf Wunsch angenommen."  # umlauts intact
    assert [(r.title, r.date) for r in item.related] == [
        ("Bürgerbüro öffnet samstags", datetime.date(2025, 3, 4))
    ]
    assert "Digest" not in item.body and "Message-ID" not in (item.teaser + item.body)


RDF = """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/rss"><title>{channel}</title>
<items><rdf:Seq><rdf:li rdf:resource="https://example.org/1"/></rdf:Seq></items></channel>
<item rdf:about="https://example.org/1"><title>Neues Portal für Bauanträge</title>
<link>https://example.org/1</link><dc:date>2025-03-03T09:00:00+01:00</dc:date>
<dc:subject>Politik</dc:subject>
<description>Bauanträge lassen sich ab Montag online stellen, sagte Bauministerin Erika
Musterfrau. Das Ministerium rechnet mit weniger Papier.</description></item>
</rdf:RDF>"""


def test_an_rss_1_item_takes_its_rubric_from_dc_subject_and_its_kind_from_the_channel():
    broadcaster = parse(RDF.format(channel="Beispielrundfunk – Nachrichten aus der Region"))
    assert broadcaster.date == datetime.date(2025, 3, 3)
    assert broadcaster.category == "Politik"
    assert broadcaster.source_kind == "other"  # a broadcaster quoting a minister
    ministry = parse(RDF.format(channel="Ministerium für Bau – Medieninformationen"))
    assert ministry.source_kind == "ministry"


PDF_PAGES = """Ministerium für Bau und Verkehr

Medieninformation 7/2025                                   Erfurt, 3. März 2025

Neues Portal für Bauanträge

Bauanträge lassen sich im Landkreis Beispielkreis ab Montag vollständig on-
line stellen. Papierformulare werden nur noch auf Wunsch angenommen, teilte
das Ministerium mit. Rund 40 Prozent der Anträge kamen zuletzt schon digital
und die Bearbeitung dauerte dabei im Schnitt zwei Wochen kürzer als auf

Medieninformation 7/2025 vom 3. März 2025                                      2

Papier. Die Bauämter werden dafür geschult.
"""


def test_a_pdf_running_header_with_the_page_number_is_no_part_of_the_text():
    item = parse(PDF_PAGES)
    text = f"{item.teaser}\n{item.body or ''}"
    assert "vom 3. März 2025" not in text
    assert "als auf Papier. Die Bauämter" in text  # the sentence runs on across the page


def test_a_pandoc_title_block_gives_title_author_and_date():
    text = (
        "% Neues Portal für Bauanträge\n% Landratsamt Beispielkreis; Pressestelle\n% 3. März 2025\n\n"
        + RELEASE.split("\n\n", 1)[1]
    )
    item = parse(text)
    assert item.title == "Neues Portal für Bauanträge"
    assert item.author == "Landratsamt Beispielkreis, Pressestelle"
    assert item.date == datetime.date(2025, 3, 3)
    assert "%" not in item.teaser + (item.body or "")


NEWSLETTER_MAIL = """Von: Stadt Beispielstadt <newsletter@example.org>
Datum: 03.03.2025 10:00
Betreff: {subject}

Newsletter der Stadt Beispielstadt | März 2025

Liebe Leserinnen und Leser,

heute mit zwei Meldungen aus dem Rathaus.

Neues Portal für Bauanträge
03.03.2025
Bauanträge lassen sich ab Montag vollständig online stellen.
Weiterlesen: https://example.org/bau

Bürgerbüro öffnet samstags
28.02.2025
Das Bürgerbüro im Rathaus ist ab April auch samstags von 9 bis 12 Uhr für alle Anliegen geöffnet.
Weiterlesen: https://example.org/buergerbuero

Abmelden: https://example.org/abmelden
"""


def test_a_newsletter_mail_takes_its_first_items_headline_not_the_issues_subject():
    item = parse(NEWSLETTER_MAIL.format(subject="Newsletter März: Bauanträge online"))
    assert item.title == "Neues Portal für Bauanträge"
    assert [r.title for r in item.related] == ["Bürgerbüro öffnet samstags"]


STATUS = """<rss version="2.0"><channel><title>Landkreis Beispielkreis</title><item>
<link>https://social.example.org/@lk/1</link><pubDate>Mon, 03 Mar 2025 09:00:00 +0000</pubDate>
<description>&lt;p&gt;Bauanträge gehen ab Montag online. Das spart Wege zum
&lt;a href="https://social.example.org/tags/Bauamt" class="mention hashtag" rel="tag"&gt;#&lt;span&gt;Bauamt&lt;/span&gt;&lt;/a&gt;
und Porto.&lt;/p&gt;&lt;p&gt;&lt;a href="https://social.example.org/tags/Digitalisierung" class="mention hashtag"
rel="tag"&gt;#&lt;span&gt;Digitalisierung&lt;/span&gt;&lt;/a&gt;&lt;/p&gt;</description>
<category>Bauamt</category><category>Digitalisierung</category></item></channel></rss>"""


def test_a_social_status_in_a_feed_has_its_hashtags_as_keywords_not_links_or_rubric():
    item = parse(STATUS)
    assert item.title == "Bauanträge gehen ab Montag online"  # a status has no title
    assert sorted(item.keywords) == ["Bauamt", "Digitalisierung"]
    assert item.category is None
    assert item.links == []
    assert "#Bauamt und Porto" in item.teaser + (item.body or "")  # a tag inside a sentence stays
    assert "#Digitalisierung" not in item.teaser + (item.body or "")  # the tag line goes


PDF_FOOTNOTES = """Ministerium für Bau und Verkehr                         Medieninformation 8/2025
                                                        Erfurt, 4. März 2025

Neues Portal für Bauanträge

Bauanträge lassen sich im Landkreis über das Portal BOB¹ vollständig online stel-
len. Mitgewirkt hat die Friedrich-Schiller-
Universität Jena. Geburtsurkunden sowie Wohnungen mit 80 m² sind nicht betroffen, Bau-
und Abrissanträge dagegen schon, teilte das Ministerium mit.

______________
¹ Bauantrag online bearbeiten
"""


def test_pdf_footnotes_and_their_marks_go_and_compounds_keep_their_hyphens():
    item = parse(PDF_FOOTNOTES)
    text = f"{item.teaser}\n{item.body or ''}"
    assert "Portal BOB vollständig online stellen" in text
    assert "Bauantrag online bearbeiten" not in text and "___" not in text
    assert "Friedrich-Schiller-Universität Jena" in text
    assert "80 m²" in text  # a superscript no footnote refers to stays
    assert "Bau- und Abrissanträge" in text


def test_a_release_forwarded_as_an_attachment_is_read_instead_of_the_note():
    inner = raw_mail("Content-Type: text/plain; charset=utf-8", RELEASE, "Neues Portal")
    outer = (
        "Message-ID: <fwd@example.net>\nDate: Tue, 4 Mar 2025 10:00:00 +0100\n"
        "From: Redakteurin <r@example.net>\nSubject: Fwd: Neues Portal\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="M"\n\n--M\nContent-Type: text/plain\n\n'
        "Zur Kenntnis, die Meldung hängt an.\n\n--M\nContent-Type: message/rfc822\n"
        f'Content-Disposition: attachment; filename="pm.eml"\n\n{inner}\n--M--\n'
    )
    item = parse(outer)
    assert item.date == datetime.date(2025, 3, 3)  # the release's date, not the forward's
    assert item.teaser.startswith("Bauanträge lassen sich")
    assert "Zur Kenntnis" not in item.teaser + (item.body or "")


CAMPAIGN = """Zwei Neuigkeiten aus dem Rathaus

View this email in your browser (https://campaign.example.org/1)

** Beispielstadt aktuell – Newsletter März 2025
------------------------------------------------------------

Liebe Leserinnen und Leser,

** Neues Portal für Bauanträge
------------------------------------------------------------

Bauanträge lassen sich im Landkreis ab Montag vollständig online stellen und verfolgen.

Weiterlesen (https://example.org/bau)

** Bürgerbüro öffnet samstags
------------------------------------------------------------

Das Bürgerbüro im Rathaus ist ab April auch samstags von 9 bis 12 Uhr für alle Anliegen geöffnet.

Weiterlesen (https://example.org/buero)

unsubscribe from this list (https://campaign.example.org/unsubscribe)
"""


def test_a_mailing_tools_plain_text_campaign_is_read_as_a_newsletter():
    item = parse(CAMPAIGN)
    assert item.title == "Neues Portal für Bauanträge"  # not the preview text, not the masthead
    assert (item.date, item.date_precision) == (datetime.date(2025, 3, 1), "month")
    assert [r.title for r in item.related] == ["Bürgerbüro öffnet samstags"]
    assert "**" not in item.teaser and "Weiterlesen" not in item.teaser


def test_a_markdown_alert_or_callout_block_is_a_note_beside_the_text():
    text = (
        "# Neues Portal für Bauanträge\n\n"
        + RELEASE.split("\n\n", 1)[1]
        + "\n> [!NOTE] Nachfrage\n> Beim Landratsamt die Nutzerzahlen erfragen.\n\nLetzter Satz.\n"
    )
    item = parse(text)
    text = item.teaser + (item.body or "")
    assert "Nachfrage" not in text and "Nutzerzahlen" not in text
    assert item.body.endswith("Letzter Satz.")


def test_an_atom_feeds_relative_links_are_read_against_its_xml_base():
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/presse/">'
        "<title>Landkreis</title><entry><title>Neues Portal für Bauanträge</title>"
        '<link href="bau"/><published>2025-03-03T09:00:00+01:00</published>'
        '<content type="html">&lt;p&gt;Bauanträge gehen online, Hilfe gibt der '
        '&lt;a href="../hilfe/bau"&gt;Leitfaden&lt;/a&gt;.&lt;/p&gt;</content></entry></feed>'
    )
    item = parse(feed)
    assert [(link.label, link.url) for link in item.links] == [
        ("Leitfaden", "https://example.org/hilfe/bau")
    ]


def test_a_closing_line_with_an_address_is_text_not_a_sender_block():
    mail = (
        "Von: Landratsamt\nBetreff: Neues Portal für Bauanträge\nDatum: 03.03.2025\n\n"
        + RELEASE.split("\n\n", 1)[1]
        + "\nMehr unter www.beispielkreis.de\n"
    )
    body = mail_reader.read_mail(mail.split("\n")).body
    assert "Mehr unter www.beispielkreis.de" in body  # the mail reader keeps it for the parser
    signed = mail.replace("Mehr unter", "Landratsamt Beispielkreis\nPressestelle\nWeb:")
    assert "Pressestelle" not in mail_reader.read_mail(signed.split("\n")).body
