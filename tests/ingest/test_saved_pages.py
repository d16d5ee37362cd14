"""A web page saved as HTML is read as the text a person copying it would get (held-out batch J):
the markup's kicker, the caption's credit, the author meta; menus, consent banners, scripts and
the site's footer are no text. The page and the people are invented."""

import datetime

from articles.ingest import parse_bytes
from articles.ingest.html_text import render

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Neues Portal für Bauanträge | Beispielblatt</title>
<meta name="author" content="Erika Musterfrau">
<meta property="article:published_time" content="2025-03-03T09:00:00+01:00">
<script>var tracking = {"page": "article"};</script><style>body{margin:0}</style></head>
<body><div class="consent"><p>Wir verwenden Cookies, um Inhalte zu personalisieren.</p>
<button>Alle akzeptieren</button></div>
<header><nav><ul><li><a href="/">Start</a></li><li><a href="/region">Region</a></li></ul></nav></header>
<main><article><header><span class="kicker">Digitale Verwaltung</span>
<h1>Neues Portal für Bauanträge</h1>
<p class="lead">Bauanträge lassen sich im Landkreis Beispielkreis ab Montag vollständig online stellen.</p>
</header>
<figure><img src="bau.jpg" alt="Ein Bagger auf einer Baustelle">
<figcaption>Auch Baugenehmigungen werden digital. <span class="credit">Foto: Max Beispiel</span></figcaption></figure>
<p>Papierformulare werden nur noch auf Wunsch angenommen, sagte Landrätin Petra Muster.</p>
<p>Rund 40 Prozent der Anträge kamen zuletzt schon digital.</p>
</article></main>
<footer><p>© Beispielblatt</p><a href="/impressum">Impressum</a></footer></body></html>"""


def test_a_saved_page_renders_as_copied_text_without_what_the_markup_marks_as_no_content():
    text = render(PAGE)
    for furniture in ("Cookies", "Alle akzeptieren", "Start", "tracking", "margin", "Impressum"):
        assert furniture not in text
    assert "Ein Bagger" not in text  # alt texts are not copied
    assert "Auch Baugenehmigungen werden digital.\nFoto: Max Beispiel" in text
    assert "\n\nRund 40 Prozent" in text  # paragraphs stay apart


def test_a_saved_page_takes_kicker_credit_and_author_from_its_markup():
    item = parse_bytes(PAGE.encode(), "seite.html")
    assert item.kicker == "Digitale Verwaltung"
    assert item.title == "Neues Portal für Bauanträge"
    assert item.date == datetime.date(2025, 3, 3)
    assert item.teaser.startswith("Bauanträge lassen sich")
    assert item.body.startswith("Papierformulare werden")
    assert "Foto" not in item.body and "Baugenehmigungen" not in item.body
    assert item.image_credit == "Max Beispiel"
    assert item.author == "Erika Musterfrau"


def test_a_page_saved_as_one_file_is_read_from_its_html_part():
    import quopri

    encoded = quopri.encodestring(PAGE.encode("utf-8")).decode("ascii")
    mhtml = (
        "From: <Saved by Blink>\nSnapshot-Content-Location: https://example.org/bau\n"
        "Subject: Neues Portal =?utf-8?Q?f=C3=BCr?= Bauanträge\nDate: Tue, 4 Mar 2025 08:00:00 +0100\n"
        'MIME-Version: 1.0\nContent-Type: multipart/related;\n\ttype="text/html";\n\tboundary="B"\n\n'
        "--B\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n"
        f"{encoded}\n--B\nContent-Type: text/css\n\nbody{{margin:0}}\n--B--\n"
    )
    item = parse_bytes(mhtml.encode(), "seite.mhtml")
    assert item.title == "Neues Portal für Bauanträge"  # no charset named: the meta's UTF-8
    assert item.kicker == "Digitale Verwaltung"
    assert item.date == datetime.date(2025, 3, 3)  # the page's date, not the day it was saved
    assert "margin" not in item.body and "Content-Type" not in item.body


def test_a_date_line_right_above_the_headline_is_no_kicker():
    page = PAGE.replace(
        '<span class="kicker">Digitale Verwaltung</span>',
        '<p class="news-date">Medieninformation 6/2025 | 03.03.2025</p>',
    )
    item = parse_bytes(page.encode(), "seite.html")
    assert item.kicker is None
    assert item.date == datetime.date(2025, 3, 3)


def test_a_posts_rubric_and_tag_links_are_fields_and_a_comment_form_box_no_text():
    footer = (
        '<footer><span>Abgelegt unter <a href="/c/bau" rel="category tag">Bauen</a></span>'
        '<span>Schlagworte: <a href="/t/portal" rel="tag">Portal</a>, '
        '<a href="/t/online" rel="tag">Online-Dienste</a></span></footer>'
    )
    comments = (
        '<div class="comments"><h3>Schreibe einen Kommentar</h3><form action="/c">'
        "<textarea></textarea><input type=submit value=Senden></form></div>"
    )
    page = PAGE.replace("</article>", f"{footer}</article>{comments}")
    item = parse_bytes(page.encode(), "seite.html")
    assert item.category == "Bauen"
    assert item.keywords == ["Portal", "Online-Dienste"]
    assert item.body.endswith("Rund 40 Prozent der Anträge kamen zuletzt schon digital.")


def test_a_mail_saved_as_a_web_page_reads_its_header_table_as_mail_headers():
    mail = (
        "<html><head><style>p.MsoNormal{margin:0}</style></head><body><table>"
        "<tr><td><p><b>Von:</b></p></td><td><p>Pressestelle Ministerium für Bau</p></td></tr>"
        "<tr><td><p><b>Gesendet:</b></p></td><td><p>Montag, 3. März 2025 09:00</p></td></tr>"
        "<tr><td><p><b>Betreff:</b></p></td><td><p>Bauanträge gehen online</p></td></tr>"
        "</table><p>&nbsp;</p><p><b>Bauanträge gehen online</b></p>"
        "<p>Bauanträge lassen sich im Landkreis Beispielkreis ab Montag vollständig online "
        "stellen, teilte das Ministerium mit.</p></body></html>"
    )
    item = parse_bytes(mail.encode(), "mail.htm")
    assert item.title == "Bauanträge gehen online"
    assert item.date == datetime.date(2025, 3, 3)
    assert item.teaser.startswith("Bauanträge lassen sich")
    assert item.source_kind == "ministry"


def test_a_layout_tables_cell_of_paragraphs_keeps_its_lines():
    text = render(
        "<table><tr><td><img src=logo.png></td><td><h2>Neues Portal</h2>"
        "<p>Bauanträge lassen sich ab Montag online stellen.</p><p>Zweiter Absatz.</p>"
        "</td></tr></table>"
    )
    assert "Neues Portal\n\nBauanträge lassen sich" in text and "\n\nZweiter Absatz." in text


def test_a_saved_pages_site_name_in_its_title_names_the_publisher():
    page = PAGE.replace(
        "<title>Neues Portal für Bauanträge | Beispielblatt</title>",
        "<title>Neues Portal für Bauanträge | Ministerium für Bau</title>",
    ).replace("sagte Landrätin Petra Muster", "sagte eine Sprecherin")
    page = page.replace('<meta name="author" content="Erika Musterfrau">', "")
    assert parse_bytes(page.encode(), "seite.html").source_kind == "ministry"
