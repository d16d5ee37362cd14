"""Pages run a bounded number of SQL queries, however many items they show."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article, Link

pytestmark = pytest.mark.django_db

PAGES = [
    ("articles:timeline", []),
    ("articles:archive_year", [2018]),
    ("articles:archive_month", [2018, 12]),
    ("articles:keywords", []),
    ("articles:keyword", ["politik"]),
    ("articles:people", []),
    ("articles:person", ["hartmut-schubert"]),
    ("articles:feed", []),
    ("articles:keyword_feed", ["politik"]),
    ("articles:person_feed", ["hartmut-schubert"]),
]


def grow(make_article, count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        article = make_article(
            f"Meldung Nummer {number}",
            published_on=datetime.date(2018, 12, 1) + datetime.timedelta(days=number % 28),
            keywords=["Politik", f"Thema {number}"],
            people=[
                ("Hartmut Schubert", f"Rolle {number}"),
                (f"Person {number} Muster", "Landrat"),
            ],
        )
        Link.objects.create(article=article, position=0, label=f"Link {number}")


@pytest.mark.parametrize("name, args", PAGES)
def test_list_pages_do_not_grow_with_the_archive(
    client, make_article, django_assert_max_num_queries, name, args
):
    url = reverse(name, args=args)
    grow(make_article, 2)
    with django_assert_max_num_queries(12) as few:
        assert client.get(url).status_code == 200
    grow(make_article, 20, start=10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_article_page_is_bounded(client, make_article, django_assert_max_num_queries):
    grow(make_article, 3)
    article = Article.objects.get(title="Meldung Nummer 1")
    grow(make_article, 20, start=10)
    # 12 before related items by content, which add at most five (articles/related.py).
    with django_assert_max_num_queries(17) as few:
        client.get(article.get_absolute_url())
    for other in Article.objects.exclude(pk=article.pk):
        article.related.add(other)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_sitemap_is_bounded(client, make_article, django_assert_max_num_queries):
    grow(make_article, 2)
    with django_assert_max_num_queries(12) as few:
        client.get("/sitemap.xml")
    grow(make_article, 20, start=10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/sitemap.xml")


def test_filtered_timeline_and_error_page_are_bounded(
    client, make_article, django_assert_max_num_queries
):
    filtered = reverse("articles:timeline") + (
        "?stichwort=politik&person=hartmut-schubert&von=2018-01-01&bis=2018-12-31&seite=1"
    )
    grow(make_article, 2)
    with django_assert_max_num_queries(12) as few:
        assert client.get(filtered).status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/meldungen/2018/12/13/gibt-es-nicht/").status_code == 404
    grow(make_article, 20, start=10)
    make_article("Außerhalb der Filter", published_on=datetime.date(2017, 5, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(filtered).text
    assert html.count('class="article-item"') == 22
    # Counted over the items (the tallies do not cover two filters at once), not the archive.
    assert "<p>22 Meldungen</p>" in html
