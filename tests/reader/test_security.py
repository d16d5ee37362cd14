"""Document-supplied text is escaped everywhere; drafts never reach the public."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article, Keyword, Link, Person, Source

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile(make_article):
    article = make_article(
        f"Titel {PAYLOAD}",
        slug="boese",
        published_on=datetime.date(2020, 1, 1),
        kicker=PAYLOAD,
        teaser=f"Vorspann {PAYLOAD}",
        body=f"Text {PAYLOAD}",
        author="<b>",
        image_credit=PAYLOAD,
        keywords=[f"Stichwort {PAYLOAD}"],
        people=[(f"Hans {PAYLOAD}", f"Minister {PAYLOAD}")],
    )
    teaser = make_article(
        f"Anreißer {PAYLOAD}", slug="anreisser", kind=Article.Kind.TEASER, teaser=PAYLOAD
    )
    article.related.add(teaser)
    Link.objects.create(article=article, position=0, label=f"Link {PAYLOAD}", size="<b>1 MB")
    article.source = Source.objects.create(name=f"Quelle {PAYLOAD}", slug="quelle")
    article.save()
    # Names with markup are stored as given by a document; their slugs are clean.
    Person.objects.filter(name__startswith="Hans").update(slug="hans")
    Keyword.objects.filter(name__startswith="Stichwort").update(slug="stichwort-boese")
    return article


def pages(article):
    return [
        reverse("articles:timeline"),
        article.get_absolute_url(),
        reverse("articles:keywords"),
        reverse("articles:keyword", args=["stichwort-boese"]),
        reverse("articles:people"),
        reverse("articles:person", args=["hans"]),
        reverse("articles:feed"),
        reverse("articles:keyword_feed", args=["stichwort-boese"]),
        reverse("articles:person_feed", args=["hans"]),
        reverse("articles:archive_year", args=[2020]),
        reverse("articles:archive_month", args=[2020, 1]),
        reverse("articles:timeline") + "?quelle=quelle&stichwort=stichwort-boese",
        article.related.get().get_absolute_url(),
        reverse("articles:search") + "?q=Titel",
    ]


def test_document_text_is_escaped_on_every_page(client, hostile):
    for url in pages(hostile):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<script>alert" not in response.text, url
        assert "<img src=x" not in response.text, url
        assert "&lt;script&gt;" in response.text or "&amp;lt;script" in response.text, url


def test_json_ld_cannot_close_its_script_element(client, hostile):
    html = client.get(hostile.get_absolute_url()).text
    start = html.index('<script type="application/ld+json">')
    end = html.index("</script>", start)
    assert "<" not in html[start + 35 : end]


def test_drafts_never_appear_in_pages_feeds_or_sitemap(client, archive):
    draft = archive["draft"]
    urls = [
        reverse("articles:timeline"),
        reverse("articles:keywords"),
        reverse("articles:keyword", args=["politik"]),
        reverse("articles:people"),
        reverse("articles:person", args=["hartmut-schubert"]),
        reverse("articles:feed"),
        reverse("articles:keyword_feed", args=["politik"]),
        reverse("articles:person_feed", args=["hartmut-schubert"]),
        "/sitemap.xml",
    ]
    for url in urls:
        text = client.get(url).text
        assert "Geheim" not in text, url
    search = client.get(reverse("articles:search"), {"q": "Entwurf"}).text
    assert "Geheimer Entwurf" not in search
    assert client.get(draft.get_absolute_url()).status_code == 404
    # A keyword or person that only a draft names is not public yet, not even by its name.
    for url in [
        reverse("articles:keyword", args=["geheimstichwort"]),
        reverse("articles:keyword_feed", args=["geheimstichwort"]),
        reverse("articles:person", args=["geheime-person"]),
        reverse("articles:person_feed", args=["geheime-person"]),
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Geheim" not in response.text, url
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.REVIEW)
    assert client.get(draft.get_absolute_url()).status_code == 404
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.PUBLISHED)
    assert client.get(reverse("articles:keyword", args=["geheimstichwort"])).status_code == 200
    assert client.get(reverse("articles:person", args=["geheime-person"])).status_code == 200


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>"]
)
def test_only_web_addresses_become_links(client, make_article, source, address):
    """Addresses from documents are never validated by a form: only http(s) is followed."""
    article = make_article("Meldung mit Links", source=source)
    Link.objects.create(article=article, position=0, label="Gefährlich", url=address)
    Link.objects.create(article=article, position=1, label="Portal", url="https://example.org/a")
    Source.objects.filter(pk=source.pk).update(homepage=address)
    html = client.get(article.get_absolute_url()).text
    assert 'href="https://example.org/a"' in html
    assert "javascript:" not in html.lower().replace("&quot;", "")
    assert 'href="data:' not in html
    assert 'Gefährlich <span class="note">(keine Adresse bekannt)</span>' in html
