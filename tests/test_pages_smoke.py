import pytest
from django.urls import reverse

from articles.models import Article


@pytest.mark.django_db
def test_home_lists_published_items_only(client, make_article):
    make_article("Öffentliche Meldung")
    make_article("Geheimer Entwurf", status=Article.Status.DRAFT)
    response = client.get(reverse("articles:timeline"))
    assert response.status_code == 200
    assert "Öffentliche Meldung" in response.text
    assert "Geheimer Entwurf" not in response.text


@pytest.mark.django_db
def test_a_draft_has_no_public_page(client, make_article):
    draft = make_article("Geheimer Entwurf", status=Article.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_search_finds_published_items_only(client, make_article):
    make_article("Digitalstrategie Smart State")
    make_article("Digitalstrategie im Entwurf", status=Article.Status.DRAFT)
    response = client.get(reverse("articles:search"), {"q": "Digitalstrategie"})
    assert response.status_code == 200
    assert "<mark>Digitalstrategie</mark> Smart State" in response.text
    assert "im Entwurf" not in response.text
