import csv
import io
import json

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article
from articles.search import matching

pytestmark = pytest.mark.django_db


def test_staff_export_the_whole_result_set_as_csv_and_json(staff_client, seeds, make_article):
    make_article("=Formel Thüringen", status=Article.Status.DRAFT, keywords=["Test"])
    response = staff_client.get(reverse("articles:search_export", args=["csv"]), {"q": "Thüringen"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert (
        len(rows)
        == matching(Article.objects.all(), "Thüringen").count()
        == len({r["id"] for r in rows})
    )
    draft = next(r for r in rows if r["status"] == "draft")
    assert draft["title"] == "'=Formel Thüringen"  # no formula for spreadsheet programs
    assert draft["keywords"] == "Test"
    response = staff_client.get(reverse("articles:search_export", args=["json"]), {"q": "Schubert"})
    data = json.loads(b"".join(response.streaming_content))
    assert {item["title"] for item in data} == {
        "Zweites Digitalisierungskabinett",
        "Erster E-Government-Kongress",
    }
    assert "Hartmut Schubert" in data[0]["people"]


def test_export_is_for_staff_with_the_permission_only(client, seeds):
    url = reverse("articles:search_export", args=["csv"])
    assert client.get(url, {"q": "Thüringen"}).status_code == 403
    User.objects.create_user("leser", password="x", is_staff=True)
    client.login(username="leser", password="x")
    assert client.get(url, {"q": "Thüringen"}).status_code == 403


def test_search_page_offers_export_to_staff_only(client, staff_client, seeds):
    url = reverse("articles:search")
    assert "Ergebnis exportieren" in staff_client.get(url, {"q": "Thüringen"}).text
    client.logout()
    from django.test import Client

    assert "Ergebnis exportieren" not in Client().get(url, {"q": "Thüringen"}).text
