"""The paste page and the admin as a newsroom desk: what an editor keeps, is offered and sees."""

import datetime
import re

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Keyword, Person, Source
from tests.editorial.test_from_text import review_data

pytestmark = pytest.mark.django_db
URL = "admin:articles_article_from_text"

TMDI_RELEASE = """Thüringer Ministerium für Digitales und Infrastruktur
Medieninformation 112/2025
Erfurt, 4. November 2025
Breitbandausbau: Land fördert weitere Glasfaserprojekte
Das Land stellt weitere acht Millionen Euro für den Breitbandausbau in ländlichen Regionen bereit.

Digitalminister Steffen Schütz übergab die Förderbescheide in Gotha. Die Mittel fließen auch in Projekte der Initiative Open Data Thüringen.

Weitere Informationen: https://digitales.thueringen.de/foerderung/glasfaser.pdf (PDF, 1,2 MB)
"""

SAVED_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Neues Serviceportal startet | Stadt Jena</title>
<link rel="canonical" href="https://www.jena.de/de/neues-serviceportal">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
</head><body>
<a href="#main">Zum Inhalt springen</a>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/rathaus">Rathaus</a></li></ul></nav>
<main id="main"><article>
<h1>Neues Serviceportal startet</h1>
<p>Die Stadt Jena hat ein neues Serviceportal freigeschaltet. Bürgerinnen und Bürger können damit mehr als 40 Verwaltungsleistungen online beantragen.</p>
<p>Oberbürgermeister Thomas Nitzsche nannte das Portal einen wichtigen Schritt zu einer digitalen Verwaltung. In den kommenden Monaten sollen weitere Leistungen folgen.</p>
<p>Das Portal ist an das Servicekonto des Landes angebunden.</p>
</article></main>
<footer><p>© Stadt Jena · Impressum · Datenschutz</p></footer>
</body></html>
"""


@pytest.fixture
def digital_ministry(db) -> Source:
    return Source.objects.create(
        name="Digitalministerium",
        slug="digitalministerium",
        kind=Source.Kind.MINISTRY,
        aliases=["Thüringer Ministerium für Digitales und Infrastruktur"],
    )


def parsed(editor_client, **data):
    response = editor_client.post(reverse(URL), {"step": "parse", **data})
    assert response.status_code == 200
    return response


def test_paste_page_keeps_link_address_release_number_and_proposes_the_known_source(
    editor_client, digital_ministry
):
    response = parsed(editor_client, text=TMDI_RELEASE)
    form = response.context_data["formset"].forms[0]
    assert form["source"].value() == "Digitalministerium"
    assert form["release_number"].value() == "112/2025"
    assert (
        form["links"].value()
        == "Weitere Informationen | https://digitales.thueringen.de/foerderung/glasfaser.pdf | PDF | 1,2 MB"
    )
    response = editor_client.post(reverse(URL), review_data(response))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.source == digital_ministry and Source.objects.count() == 1
    assert article.release_number == "112/2025"
    link = article.links.get()
    assert (link.label, link.url) == (
        "Weitere Informationen",
        "https://digitales.thueringen.de/foerderung/glasfaser.pdf",
    )


def test_archive_keywords_and_people_named_in_the_text_are_offered_and_taken_when_ticked(
    editor_client, make_article
):
    make_article("Älteres Stück", keywords=["Breitbandausbau", "Open Data", "Verwaltungscloud"])
    Person.objects.create(name="Steffen Schütz", slug="steffen-schuetz")
    Person.objects.create(name="Anna Beispiel", slug="anna-beispiel")
    response = parsed(editor_client, text=TMDI_RELEASE)
    form = response.context_data["formset"].forms[0]
    offered = [value for value, _ in form.fields["proposed_keywords"].choices]
    assert offered == ["Breitbandausbau", "Open Data"]  # named in the text; the cloud is not
    # The parser found the minister already, so he is not offered twice; nobody else is named.
    assert form.fields["proposed_people"].choices == []
    html = response.rendered_content
    assert 'name="form-0-proposed_keywords" value="Open Data"' in html
    data = review_data(response)
    data["form-0-proposed_keywords"] = ["Open Data"]
    response = editor_client.post(reverse(URL), data)
    assert response.status_code == 302
    article = Article.objects.exclude(title="Älteres Stück").get()
    assert list(article.keywords.names()) == ["Open Data"]
    assert Keyword.objects.filter(name__iexact="open data").count() == 1


def test_save_anyway_box_only_shows_for_a_document_already_in_the_archive(editor_client):
    response = parsed(editor_client, text=TMDI_RELEASE)
    assert "Trotzdem speichern" not in response.rendered_content
    assert editor_client.post(reverse(URL), review_data(response)).status_code == 302
    response = parsed(editor_client, text=TMDI_RELEASE)
    assert "Trotzdem speichern" in response.rendered_content


def test_a_saved_web_page_is_read_for_its_main_text_date_and_address(editor_client):
    page = SimpleUploadedFile("serviceportal.html", SAVED_PAGE.encode(), "text/html")
    response = parsed(editor_client, files=[page])
    form = response.context_data["formset"].forms[0]
    assert form["title"].value() == "Neues Serviceportal startet"
    assert form["published_on"].value() == datetime.date(2024, 3, 5)
    assert form["original_url"].value() == "https://www.jena.de/de/neues-serviceportal"
    assert "Zum Inhalt springen" not in form["body"].value() + form["teaser"].value()
    assert "Impressum" not in form["body"].value()
    assert editor_client.post(reverse(URL), review_data(response)).status_code == 302
    assert Article.objects.get().original_url == "https://www.jena.de/de/neues-serviceportal"


def test_a_web_page_without_main_text_gets_a_german_message(editor_client):
    page = SimpleUploadedFile("leer.html", b"<html><body><nav>Start</nav></body></html>")
    response = editor_client.post(reverse(URL), {"step": "parse", "files": [page]})
    assert response.status_code == 200
    assert "keinen erkennbaren Haupttext" in response.rendered_content


def test_labels_say_author_initials_and_the_url_slug_apart(editor_client, make_article):
    article = make_article("Meldung mit Autor", author="ba")
    html = editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert "Autor (Kürzel)" in html and "URL-Kürzel" in html
    public = editor_client.get(article.get_absolute_url()).text
    assert "Kürzel: ba" not in public


def test_taggits_own_tag_table_is_not_offered_beside_keywords():
    assert not admin.site.is_registered(Tag)
    assert admin.site.is_registered(Keyword)


@pytest.mark.parametrize(
    ("count", "message"), [(1, "1 Meldung veröffentlicht."), (2, "2 Meldungen veröffentlicht.")]
)
def test_workflow_messages_use_the_german_plural(editor_client, make_article, count, message):
    articles = [make_article(f"Entwurf {n}", status=Article.Status.DRAFT) for n in range(count)]
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [a.pk for a in articles]},
        follow=True,
    )
    assert message in [str(m) for m in response.context["messages"]]


def test_start_page_is_a_desk(editor_client, make_article, django_assert_max_num_queries):
    doubtful = make_article("Unsicher gelesen", status=Article.Status.REVIEW)
    make_article("Sicher gelesen", status=Article.Status.DRAFT)
    later = timezone.now() + datetime.timedelta(days=2)
    make_article("Erscheint übermorgen", publish_at=later)
    from articles.models import Document

    doubtful.document = Document.objects.create(
        file_name="x.txt", sha256="a" * 64, encoding="utf-8", raw_text="x", parser="p@1",
        warnings=["no date in the text", "title taken from the first sentence"],
    )  # fmt: skip
    doubtful.save()
    with django_assert_max_num_queries(20):
        html = editor_client.get(reverse("admin:index")).text
    review = html[html.index("Zur Prüfung") : html.index("Geplant")]
    assert re.findall(r">(Unsicher gelesen|Sicher gelesen)<", review) == [
        "Unsicher gelesen",
        "Sicher gelesen",
    ]  # the doubtful parse first
    assert "2 Hinweise des Importers" in review
    assert "Erscheint übermorgen" in html[html.index("Geplant") :]
    assert reverse(URL) in html


def test_throttled_login_page_names_the_site(client, editor):
    url = reverse("admin:login")
    for _ in range(6):
        response = client.post(url, {"username": "redakteurin", "password": "falsch"})
    assert response.status_code == 429
    assert "Django" not in response.text
    assert "Pressearchiv Thüringen" in response.text
