import datetime
import re

import pytest
from django.urls import reverse

from articles.models import Article, Person

pytestmark = pytest.mark.django_db


def test_timeline_groups_items_by_year_and_month_newest_first(client, archive):
    html = client.get(reverse("articles:timeline")).text
    titles = re.findall(r'class="item-title"><a href="[^"]+">([^<]+)<', html)
    assert titles == [
        "Smart State beschlossen",
        "Digitalstrategie Smart State",
        "Zweites Digitalisierungskabinett",
        "Erster E-Government-Kongress",
        "Kongress ohne Datum",
    ]
    assert ">Dezember 2018</h3>" in html and ">2025</h2>" in html and ">Ohne Datum</h2>" in html
    assert "Gemeinsame OZG-Umsetzung" not in html  # teaser-only items are not in timelines


def test_timeline_filters_combine_and_live_in_the_url(client, archive):
    url = reverse("articles:timeline")
    html = client.get(url, {"stichwort": "politik", "von": "2018-12-01"}).text
    assert "Zweites Digitalisierungskabinett" in html
    assert "Erster E-Government-Kongress" not in html
    assert "Gefiltert nach: Stichwort: Politik, Von: 01.12.2018" in html
    assert 'type="date" name="von" value="2018-12-01"' in html  # the picker keeps the filter
    html = client.get(url, {"person": "hartmut-schubert", "quelle": "kommune21"}).text
    assert re.findall(r'class="item-title"><a[^>]*>([^<]+)<', html) == [
        "Zweites Digitalisierungskabinett"
    ]


def test_bad_filters_say_so_and_never_fail(client, archive):
    url = reverse("articles:timeline")
    response = client.get(url, {"stichwort": "gibt-es-nicht", "von": "gestern"})
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen" in response.text
    assert "Bitte ein gültiges Datum eingeben" in response.text
    response = client.get(url, {"stichwort": "politik", "von": "gestern"})
    assert "Erster E-Government-Kongress" in response.text  # the valid filter still applies
    assert "Digitalstrategie Smart State" not in response.text
    response = client.get(url, {"von": "2019-01-01", "bis": "2018-01-01"})
    assert "Das Startdatum liegt nach dem Enddatum." in response.text


def test_chart_bars_link_to_their_periods_with_a_text_alternative(client, archive):
    html = client.get(reverse("articles:timeline")).text
    assert '<svg viewBox="0 0 600 120"' in html
    assert f'href="{reverse("articles:archive_year", args=[2018])}"' in html
    assert '<title id="chart-title">' in html
    assert re.search(r"<td><a href=\"/meldungen/2018/\">2018</a></td><td>2</td>", html)


def test_year_and_month_archives_link_to_neighbouring_periods(client, archive):
    html = client.get(reverse("articles:archive_year", args=[2018])).text
    assert "Zweites Digitalisierungskabinett" in html and "Smart State" not in html
    assert f'href="{reverse("articles:archive_year", args=[2025])}"' in html
    html = client.get(reverse("articles:archive_month", args=[2018, 12])).text
    assert "Zweites Digitalisierungskabinett" in html and "Kongress" not in html
    assert f'href="{reverse("articles:archive_month", args=[2018, 11])}"' in html
    assert client.get("/meldungen/2018/13/").status_code == 404
    assert client.get(reverse("articles:archive_year", args=[1999])).status_code == 404


def test_article_page_shows_every_part(client, archive):
    main = archive["main"]
    html = client.get(main.get_absolute_url()).text
    for expected in [
        '<p class="kicker">Thüringen</p>', "<h1>Zweites Digitalisierungskabinett</h1>",
        "13.12.2018", 'Autor: <abbr title="Kürzel des Autors">ba</abbr>', "<p>Erster Absatz.</p>",
        "<p>Zweiter Absatz.</p>", "<dt>Bildnachweis im Original</dt><dd>Thüringer Staatskanzlei</dd>",
        "Strategie (PDF, 4,4 MB)", "(keine Adresse bekannt)",
        '<a href="http://www.thueringen.de"', ", Thüringen-CIO", "Nur Anreißer",
        "Auf der Quellseite daneben gelistet", "Kommune21", 'rel="prev"',
    ]:  # fmt: skip
        assert expected in html, expected
    assert "kabinett.txt" not in html  # internal file names are for staff only
    assert f'href="{Person.objects.get(name="Hartmut Schubert").get_absolute_url()}"' in html
    assert "ROHTEXT DES DOKUMENTS" not in html  # raw text is for staff only
    assert '"@type": "NewsArticle"' in html and 'property="og:title"' in html
    assert f'<link rel="canonical" href="http://testserver{main.get_absolute_url()}">' in html


def test_raw_text_is_shown_to_staff(admin_client, archive):
    html = admin_client.get(archive["main"].get_absolute_url()).text
    assert "ROHTEXT DES DOKUMENTS" in html and "kabinett.txt" in html


def test_body_sub_headings_and_addresses_read_as_such(client, make_article):
    article = make_article(
        "Strategie beschlossen",
        body="Das Kabinett hat beschlossen.\n\nWas sich ändert\n\nMehr unter "
        "https://example.org/strategie.\n\n<script>alert(1)</script>",
        original_url="https://www.example.org/original-meldung",
    )
    html = client.get(article.get_absolute_url()).text
    assert '<h2 class="subheading">Was sich ändert</h2>' in html
    assert (
        '<a href="https://example.org/strategie" rel="nofollow">https://example.org/strategie</a>.'
        in html
    )
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert '<a href="https://www.example.org/original-meldung" rel="nofollow noopener">' in html


def test_dates_are_shown_honestly(client, archive):
    assert "Dezember 2025" in client.get(archive["month"].get_absolute_url()).text
    html = client.get(archive["inferred"].get_absolute_url()).text
    assert "aus dem Text erschlossen" in html
    assert "ohne Datum" in client.get(archive["undated"].get_absolute_url()).text


def test_teaser_only_item_has_a_page_marked_as_such_that_links_back(client, archive):
    html = client.get(archive["teaser"].get_absolute_url()).text
    assert "Nur Anreißer" in html
    assert archive["main"].get_absolute_url() in html


def test_keyword_index_and_page(client, archive):
    html = client.get(reverse("articles:keywords")).text
    assert re.search(r">Politik</a> <span class=\"count\">\(3\)</span>", html)
    assert "Geheimstichwort" not in html
    html = client.get(reverse("articles:keyword", args=["politik"])).text
    assert "Zweites Digitalisierungskabinett" in html and "Kongress ohne Datum" in html
    assert ">Digitalisierung</a>" in html and ">Hartmut Schubert</a>" in html  # co-occurring
    assert 'type="application/atom+xml"' in html


def test_person_page_lists_each_mention_with_the_role_then(client, archive, make_article):
    make_article("Rede ohne Datum", published_on=None, people=[("Hartmut Schubert", "Redner")])
    html = client.get(reverse("articles:person", args=["hartmut-schubert"])).text
    assert html.index("als Thüringen-CIO") < html.index("als Finanzstaatssekretär")
    assert html.index("als Finanzstaatssekretär") < html.index("als Redner")  # undated last
    assert "Geheime Rolle" not in html and "Geheime Person" not in html
    assert ">Valentina Kerst</a>" in html
    html = client.get(reverse("articles:people")).text
    assert re.search(
        r">Hartmut Schubert</a>, <span class=\"role\">Thüringen-CIO</span> <span class=\"count\">\(3\)</span>",
        html,
    )


def test_feeds_are_atom_and_linked_from_pages(client, archive):
    for url in [
        reverse("articles:feed"),
        reverse("articles:keyword_feed", args=["politik"]),
        reverse("articles:person_feed", args=["hartmut-schubert"]),
    ]:
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        assert "Zweites Digitalisierungskabinett" in response.text
    html = client.get(reverse("articles:timeline")).text
    assert (
        f'type="application/atom+xml" title="Alle Meldungen (Atom)" href="{reverse("articles:feed")}"'
        in html
    )


def test_sitemap_lists_public_pages(client, archive):
    xml = client.get("/sitemap.xml").text
    assert archive["main"].get_absolute_url() in xml
    assert reverse("articles:keyword", args=["politik"]) in xml
    assert archive["teaser"].get_absolute_url() not in xml  # teaser-only pages are not indexed


def test_dates_keep_their_precision_in_the_markup(client, archive):
    html = client.get(archive["month"].get_absolute_url()).text
    assert '<time datetime="2025-12">Dezember 2025</time>' in html
    assert '"datePublished": "2025-12"' in html
    assert '<meta property="article:published_time" content="2025-12">' in html
    html = client.get(archive["inferred"].get_absolute_url()).text
    assert '<time datetime="2025-12-16">16.12.2025</time><span class="inferred"' in html


def test_items_dated_ahead_have_their_period_pages(client, make_article):
    ahead = datetime.date.today() + datetime.timedelta(days=400)
    make_article("Kongress im kommenden Jahr", published_on=ahead)
    make_article("Kongress vor Jahren", published_on=datetime.date(2016, 5, 1))
    year_url = reverse("articles:archive_year", args=[ahead.year])
    assert f'href="{year_url}"' in client.get(reverse("articles:timeline")).text
    assert "Kongress im kommenden Jahr" in client.get(year_url).text
    month_url = reverse("articles:archive_month", args=[ahead.year, ahead.month])
    assert "Kongress im kommenden Jahr" in client.get(month_url).text


def test_not_found_page_is_in_the_sites_design(client, db):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text and "Pressearchiv Thüringen" in response.text


def test_server_error_page_is_in_the_sites_design(client, db, monkeypatch):
    from articles.views.timeline import TimelineView

    def explode(self, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(TimelineView, "get_queryset", explode)
    client.raise_request_exception = False
    response = client.get(reverse("articles:timeline"))
    assert response.status_code == 500
    assert "Ein Fehler ist aufgetreten" in response.text and 'lang="de"' in response.text


def test_future_publication_stays_hidden_until_its_time(client, make_article):
    from django.utils import timezone

    item = make_article("Geplante Meldung", publish_at=timezone.now() + datetime.timedelta(hours=1))
    assert client.get(item.get_absolute_url()).status_code == 404
    Article.objects.filter(pk=item.pk).update(
        publish_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get(item.get_absolute_url()).status_code == 200


def test_a_scheduled_item_appears_everywhere_when_its_time_comes(client, make_article):
    """Its publish time passes without any write: no cached list or count may hold it back."""
    from django.utils import timezone

    make_article("Frühere Meldung", keywords=["Politik"], people=[("Anna Schmidt", "CIO")])
    later = make_article(
        "Geplante Quantenmeldung",
        published_on=datetime.date(2018, 12, 14),
        keywords=["Politik"],
        people=[("Anna Schmidt", "CIO")],
        publish_at=timezone.now() + datetime.timedelta(hours=1),
    )
    pages = {  # what each page says before and after the publish time
        reverse("articles:timeline"): ("1 Meldung<", "2 Meldungen"),
        reverse("articles:keyword", args=["politik"]): ("1 Meldung ·", "2 Meldungen"),
        reverse("articles:person", args=["anna-schmidt"]): ("1 Nennung ·", "2 Nennungen"),
        reverse("articles:archive_year", args=[2018]): ("Frühere", "Geplante Quantenmeldung"),
        reverse("articles:keywords"): ('>Politik</a> <span class="count">(1)', "(2)"),
        reverse("articles:search") + "?q=Quantenmeldung": ("0 Treffer", "1 Treffer"),
    }
    for url, (before, _) in pages.items():
        html = client.get(url).text
        assert before in html and "Geplante Quantenmeldung" not in html, url

    Article.objects.filter(pk=later.pk).update(publish_at=timezone.now())
    for url, (_, after) in pages.items():
        assert after in client.get(url).text, url


def test_cached_lists_and_figures_follow_every_change(client, make_article):
    url = reverse("articles:timeline")
    make_article("Erste Meldung")
    assert "1 Meldung<" in client.get(url).text
    second = make_article("Zweite Meldung", published_on=datetime.date(2019, 1, 1))
    html = client.get(url).text
    assert "Zweite Meldung" in html and "2 Meldungen" in html
    second.status = Article.Status.DRAFT
    second.save()
    html = client.get(url).text
    assert "Zweite Meldung" not in html and "1 Meldung<" in html
    keyword_url = reverse("articles:keyword", args=["politik"])
    item = make_article(
        "Dritte Meldung", published_on=datetime.date(2020, 1, 1), keywords=["Politik"]
    )
    assert "Dritte Meldung" in client.get(keyword_url).text
    item.delete()
    assert "Dritte Meldung" not in client.get(keyword_url).text


def test_canonical_address_keeps_the_page_but_not_the_filters(client, archive, monkeypatch):
    from articles.views.timeline import TimelineView

    monkeypatch.setattr(TimelineView, "paginate_by", 2)
    html = client.get(reverse("articles:timeline"), {"seite": 2, "stichwort": "politik"}).text
    assert '<link rel="canonical" href="http://testserver/?seite=2">' in html
    html = client.get(reverse("articles:timeline")).text
    assert '<link rel="canonical" href="http://testserver/">' in html
    assert 'rel="canonical"' not in client.get("/gibt-es-nicht/").text


def test_person_page_does_not_offer_the_persons_own_name_as_a_related_keyword(client, make_article):
    make_article(
        "Kabinett tagt",
        keywords=["Hartmut Schubert", "Digitalisierung"],
        people=[("Hartmut Schubert", "CIO")],
    )
    html = client.get(reverse("articles:person", args=["hartmut-schubert"])).text
    co_keywords = html[html.index('id="co-keywords"') :]
    assert ">Digitalisierung</a>" in co_keywords
    assert ">Hartmut Schubert</a>" not in co_keywords


def test_the_feed_declares_teasers_as_plain_text(client, make_article):
    import xml.etree.ElementTree as ET

    make_article("Vergleich", teaser="Kosten <b>nicht</b> höher & 3 < 5")
    root = ET.fromstring(client.get(reverse("articles:feed")).content)
    [summary] = root.iter("{http://www.w3.org/2005/Atom}summary")
    assert summary.get("type") == "text"  # a reader shows "<b>" as typed, never as markup
    assert summary.text == "Kosten <b>nicht</b> höher & 3 < 5"


def test_robots_txt_and_favicon_answer(client):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200 and robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.text
    assert "Disallow: /admin/" in robots.text
    icon = client.get("/favicon.ico")
    assert icon.status_code == 301 and icon["Location"].endswith("img/favicon.svg")
    assert 'rel="icon"' in client.get(reverse("articles:timeline")).text


def test_date_addresses_are_padded_and_have_one_form(client, make_article):
    article = make_article("Neunter November", published_on=datetime.date(2018, 11, 9))
    assert article.get_absolute_url() == "/meldungen/2018/11/09/neunter-november/"
    old = client.get("/meldungen/2018/11/9/neunter-november/")
    assert old.status_code == 301 and old["Location"] == article.get_absolute_url()
    assert client.get("/meldungen/2018/011/").status_code == 404
    assert client.get("/meldungen/2018/13/").status_code == 404
    assert client.get("/meldungen/2018/2/30/x/").status_code == 404
    assert client.get(reverse("articles:archive_month", args=[2018, 11])).status_code == 200


def test_an_empty_year_inside_the_archive_is_a_page_and_neighbours_skip_it(client, make_article):
    make_article("Alt", published_on=datetime.date(2016, 5, 1))
    make_article("Neu", published_on=datetime.date(2018, 5, 1))
    empty = client.get(reverse("articles:archive_year", args=[2017]))
    assert empty.status_code == 200 and "Keine Meldungen" in empty.text
    assert client.get(reverse("articles:archive_year", args=[2015])).status_code == 404
    html = client.get(reverse("articles:archive_year", args=[2018])).text
    assert f'href="{reverse("articles:archive_year", args=[2016])}"' in html
    assert f'href="{reverse("articles:archive_year", args=[2019])}"' not in html


def test_navigation_marks_the_current_section(client, make_article):
    make_article("Etwas", keywords=["Breitband"])
    html = client.get(reverse("articles:keywords")).text
    assert f'<a href="{reverse("articles:keywords")}" aria-current="true">' in html
    assert html.count("aria-current") == 1
    search = client.get(reverse("articles:search"), {"q": "Etwas"}).text
    assert search.count('type="search"') == 1  # one search box on the search page


def test_a_browser_opening_a_feed_gets_a_page_and_feed_readers_get_atom(client, archive):
    url = reverse("articles:keyword_feed", args=["politik"])
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = client.get(url, HTTP_ACCEPT=browser)
    assert page["Content-Type"].startswith("text/html") and "Accept" in page["Vary"]
    assert "Feed-Reader" in page.text and "Zweites Digitalisierungskabinett" in page.text
    assert "Geheimer Entwurf" not in page.text
    for reader in ("application/atom+xml", "*/*", ""):
        feed = client.get(url, HTTP_ACCEPT=reader)
        assert feed["Content-Type"].startswith("application/atom+xml"), reader
