"""Addresses and parameters nobody should send still get a German page, never a 500."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

IMPOSSIBLE_DAYS = [
    "/meldungen/10000/1/1/x/",
    "/meldungen/0/1/1/x/",
    "/meldungen/99999999999999999999/1/1/x/",
    "/meldungen/2018/2/30/x/",
    "/meldungen/2018/13/1/x/",
]


@pytest.mark.parametrize("url", IMPOSSIBLE_DAYS)
def test_an_impossible_date_in_an_article_address_is_a_german_404(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


ADMIN = [
    "/admin/articles/article/?jahr=99999",
    "/admin/articles/article/?jahr=0",
    "/admin/articles/article/?stichwort=%00",
    "/admin/articles/article/?q=%00",
    "/admin/autocomplete/?term=%00&app_label=articles&model_name=article&field_name=related",
    "/admin/autocomplete/?term=%00&app_label=articles&model_name=mention&field_name=person",
    "/admin/autocomplete/?term=%00&app_label=articles&model_name=taggedarticle&field_name=tag",
    "/admin/autocomplete/?term=%00&app_label=articles&model_name=article&field_name=source",
]


@pytest.mark.parametrize("url", ADMIN)
def test_odd_admin_filters_and_autocomplete_terms_answer(client, make_article, url):
    make_article(keywords=["Politik"], people=[("Anna Schmidt", "CIO")])
    client.force_login(User.objects.create_superuser("chefin", password="x"))
    assert client.get(url).status_code == 200
