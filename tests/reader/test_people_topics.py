"""Person pages show offices over time; keyword pages can be topic pages; items suggest
related items by content. Drafts never show, and each page stays bounded."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article, Keyword, Person

pytestmark = pytest.mark.django_db


def test_person_page_lists_offices_with_years(client, archive):
    html = client.get(reverse("articles:person", args=["hartmut-schubert"])).text
    offices = html[
        html.index('<h2 id="offices-heading">Ämter</h2>') : html.index(
            "</section>", html.index("offices-heading")
        )
    ]
    assert 'Finanzstaatssekretär</span>, <span class="office-years">2018</span>' in offices
    assert offices.index("Finanzstaatssekretär") < offices.index("Thüringen-CIO")  # oldest first
    assert "Geheime Rolle" not in html  # the draft's role


def test_office_years_span_the_items_that_give_the_role(client, make_article):
    for year in (2017, 2019):
        make_article(
            f"Haushalt {year}", published_on=datetime.date(year, 5, 1),
            people=[("Anna Beispiel", "Finanzstaatssekretärin")],
        )  # fmt: skip
    html = client.get(reverse("articles:person", args=["anna-beispiel"])).text
    assert 'Finanzstaatssekretärin</span>, <span class="office-years">2017–2019</span>' in html


def test_person_index_is_sorted_by_surname_with_the_latest_role(client, make_article):
    make_article("A", published_on=datetime.date(2018, 1, 1), people=[("Zora Adler", "Landrätin")])
    make_article("B", published_on=datetime.date(2020, 1, 1), people=[("Zora Adler", "Ministerin")])
    make_article("C", people=[("Anton Zeller", "Bürgermeister")])
    make_article("D", people=[("Berta von Mittel", "")])
    make_article("E", status=Article.Status.DRAFT, people=[("Zora Adler", "Geheimrolle")])
    html = client.get(reverse("articles:people")).text
    assert html.index("Zora Adler") < html.index("Berta von Mittel") < html.index("Anton Zeller")
    assert 'Zora Adler</a>, <span class="role">Ministerin</span>' in html
    assert "Geheimrolle" not in html and "Landrätin" not in html


def test_latest_role_looks_past_newer_items_without_one(client, make_article):
    from django.utils import timezone

    person = [("Zora Adler", "Landrätin")]
    make_article("A", published_on=datetime.date(2017, 3, 1), people=person)
    make_article("B", published_on=datetime.date(2019, 1, 1), date_precision="year",
                 people=[("Zora Adler", "Ministerin")])  # fmt: skip
    make_article("C", published_on=datetime.date(2021, 5, 3), people=[("Zora Adler", "")])
    make_article("D", published_on=datetime.date(2022, 1, 1), people=[("Zora Adler", "Geplant")],
                 publish_at=timezone.now() + datetime.timedelta(days=3))  # fmt: skip
    make_article("E", published_on=None, people=[("Anton Zeller", "Bürgermeister")])
    html = client.get(reverse("articles:people")).text
    assert 'Zora Adler</a>, <span class="role">Ministerin</span>' in html
    assert 'Anton Zeller</a>, <span class="role">Bürgermeister</span>' in html
    assert "Geplant" not in html


def test_person_and_keyword_of_the_same_name_link_each_other(client, make_article):
    make_article(
        "Schubert zieht Bilanz", keywords=["Hartmut Schubert"],
        people=[("Hartmut Schubert", "Finanzstaatssekretär")],
    )  # fmt: skip
    person_html = client.get(reverse("articles:person", args=["hartmut-schubert"])).text
    keyword = Keyword.objects.get(name="Hartmut Schubert")
    assert f'Auch als Stichwort: <a href="{keyword.get_absolute_url()}">' in person_html
    keyword_html = client.get(keyword.get_absolute_url()).text
    person = Person.objects.get(name="Hartmut Schubert")
    assert f'Auch als Person: <a href="{person.get_absolute_url()}">' in keyword_html


def test_keyword_topic_page_shows_introduction_and_pinned_items_but_no_drafts(client, make_article):
    pinned = make_article("Grundsatzpapier Breitband", keywords=["Breitband"])
    draft = make_article("Unveröffentlicht", keywords=["Breitband"], status=Article.Status.DRAFT)
    keyword = Keyword.objects.get(name="Breitband")
    keyword.introduction = "Alles zum Ausbau schneller Netze in Thüringen.\n\n<b>fett</b>"
    keyword.save()
    keyword.pinned.add(pinned, draft)
    html = client.get(keyword.get_absolute_url()).text
    assert "<p>Alles zum Ausbau schneller Netze in Thüringen.</p>" in html
    assert "&lt;b&gt;fett&lt;/b&gt;" in html
    section = html[html.index("Von der Redaktion ausgewählt") :]
    assert "Grundsatzpapier Breitband" in section[: section.index("</section>")]
    assert "Unveröffentlicht" not in html


def test_related_items_by_content_rank_rare_shared_keywords_first_and_skip_drafts(
    client, make_article
):
    common = [f"Meldung {n}" for n in range(6)]
    for title in common:
        make_article(title, keywords=["Freistaat"])
    article = make_article(
        "Glasfaser für Gotha", keywords=["Freistaat", "Glasfaser"],
        people=[("Anna Beispiel", "Landrätin")],
    )  # fmt: skip
    make_article("Glasfaser für Erfurt", keywords=["Glasfaser"])
    make_article("Beispiel besucht Jena", people=[("Anna Beispiel", "Landrätin")])
    make_article("Geheime Glasfaser", keywords=["Glasfaser"], status=Article.Status.DRAFT)
    make_article("Nur Anreißer Glasfaser", keywords=["Glasfaser"], kind=Article.Kind.TEASER)
    html = client.get(article.get_absolute_url()).text
    section = html[html.index("Ähnliche Meldungen im Archiv") :]
    section = section[: section.index("</section>")]
    titles = [t for t in ["Beispiel besucht Jena", "Glasfaser für Erfurt", *common] if t in section]
    assert titles[:2] == ["Beispiel besucht Jena", "Glasfaser für Erfurt"]
    assert "Geheime Glasfaser" not in html and "Nur Anreißer Glasfaser" not in section
    assert "Glasfaser für Gotha</a>" not in section  # not itself


@pytest.mark.parametrize("page", ["person", "keyword", "people", "article"])
def test_offices_topics_and_related_stay_bounded(
    client, make_article, django_assert_max_num_queries, page
):
    def grow(start: int, count: int) -> None:
        for n in range(start, start + count):
            make_article(
                f"Nummer {n}", published_on=datetime.date(2018, 1, 1) + datetime.timedelta(days=n),
                keywords=["Breitband", f"Thema {n}"], people=[("Anna Beispiel", f"Rolle {n}"), (f"Person {n} Muster", "Landrat")],
            )  # fmt: skip

    grow(0, 2)
    keyword = Keyword.objects.get(name="Breitband")
    keyword.pinned.add(*Article.objects.all())
    url = {
        "person": reverse("articles:person", args=["anna-beispiel"]),
        "keyword": keyword.get_absolute_url(),
        "people": reverse("articles:people"),
        "article": Article.objects.get(title="Nummer 1").get_absolute_url(),
    }[page]
    with django_assert_max_num_queries(25) as few:
        assert client.get(url).status_code == 200
    grow(10, 20)
    keyword.pinned.add(*Article.objects.all())
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
