"""Bad input for every parameter gives a clear 400 in JSON; unknown things a JSON 404."""

import pytest
from django.core import signing
from django.urls import reverse

from api.pagination import SALT

pytestmark = pytest.mark.django_db

WRONG = {
    "q": ["x" * 1001, "Breit\x00band"],
    "keyword": ["gibt-es-nicht", "nicht ein slug", "ENTWURF"],
    "person": ["niemand", "../etc/passwd"],
    "source": ["geheimquelle", "ü"],
    "kind": ["teaser", "NEWS", "1"],
    "year": ["zwanzig", "2018.5", "0", "10000", "-1", "9" * 40],
    "from": ["13.12.2018", "2018-02-30", "2018", "gestern", "2018-12-13T10:00"],
    "to": ["2018-13-01", "x"],
    "sort": ["date", "RELEVANCE", "1"],
    "page_size": ["0", "-5", "101", "1000000", "zehn", "1e3", "9" * 40],
    "cursor": ["abc", "x" * 2001, "eyJzIjoibmV3ZXN0In0:1xZ:abc"],
}


def assert_clear_400(response, parameter: str) -> None:
    assert response.status_code == 400, (parameter, response.content)
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == 400 and body["error"] == "invalid_parameters"
    assert parameter in body["fields"] and body["fields"][parameter][0]


@pytest.mark.parametrize(
    ("parameter", "value"), [(p, v) for p, values in WRONG.items() for v in values]
)
def test_every_items_parameter_rejects_bad_values(api, archive, parameter, value):
    assert_clear_400(api.get(reverse("api:items"), {parameter: value}), parameter)


@pytest.mark.parametrize("parameter", ["q", "keyword", "kind", "year", "from", "to"])
def test_facet_parameters_reject_bad_values(api, archive, parameter):
    params = {"q": "Breitband", parameter: WRONG[parameter][-1]}
    assert_clear_400(api.get(reverse("api:facets"), params), parameter)


@pytest.mark.parametrize("url_name", ["api:keywords", "api:people", "api:sources"])
@pytest.mark.parametrize(
    ("parameter", "value"),
    [("sort", "newest"), ("page_size", "1001"), ("page_size", "null"), ("cursor", "abc")],
)
def test_catalogue_parameters_reject_bad_values(api, archive, url_name, parameter, value):
    assert_clear_400(api.get(reverse(url_name), {parameter: value}), parameter)


@pytest.mark.parametrize(
    "url_name", ["api:items", "api:facets", "api:keywords", "api:people", "api:sources"]
)
def test_unknown_and_repeated_parameters_are_refused(api, archive, url_name):
    # The site's German names are not the API's.
    assert_clear_400(api.get(reverse(url_name), {"q": "Breitband", "stichwort": "politik"}),
                     "stichwort")  # fmt: skip
    assert_clear_400(api.get(reverse(url_name), {"keywords": "politik"}), "keywords")
    assert_clear_400(api.get(reverse(url_name) + "?page_size=2&page_size=3"), "page_size")


def test_detail_endpoints_take_no_parameters(api, archive):
    url = reverse("api:item", kwargs={"pk": archive["main"].pk})
    assert_clear_400(api.get(url, {"fields": "title"}), "fields")


def test_dates_in_the_wrong_order_and_empty_queries(api, archive):
    assert_clear_400(api.get(reverse("api:items"), {"from": "2019-01-01", "to": "2018-01-01"}),
                     "to")  # fmt: skip
    assert_clear_400(api.get(reverse("api:items"), {"q": '- OR ""'}), "q")
    assert_clear_400(api.get(reverse("api:facets")), "q")
    assert_clear_400(api.get(reverse("api:facets"), {"q": "   "}), "q")
    # An empty value is no value (the schema says what each parameter takes).
    assert_clear_400(api.get(reverse("api:items"), {"keyword": ""}), "keyword")
    assert_clear_400(api.get(reverse("api:items"), {"q": ""}), "q")


def test_cursors_that_were_tampered_with_are_refused(api, make_article):
    for n in range(4):
        make_article(f"Meldung {n}")
    page = api.get(reverse("api:items"), {"page_size": 2, "sort": "newest"}).json()
    token = page["next"].split("cursor=")[1]
    cursor = signing.loads(token.replace("%3A", ":"), salt=SALT)
    forged = signing.dumps({**cursor, "i": cursor["i"] + 1}, salt="another salt", compress=True)
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    unsigned_payload = signing.dumps({**cursor, "i": "1; DROP TABLE"}, salt=SALT)
    for bad in (tampered, forged):
        assert_clear_400(api.get(reverse("api:items"), {"page_size": 2, "cursor": bad}), "cursor")
    # Signed by us but nonsense inside (as if the secret had leaked) is still a 400, not a 500.
    assert_clear_400(api.get(reverse("api:items"), {"page_size": 2, "cursor": unsigned_payload}),
                     "cursor")  # fmt: skip
    # A cursor belongs to its sort and its query.
    other_sort = page["next"].replace("sort=newest", "sort=oldest")
    assert_clear_400(api.get(other_sort), "cursor")
    other_query = page["next"] + "&year=2018"
    assert_clear_400(api.get(other_query), "cursor")


def test_unknown_addresses_answer_json_404(api, archive):
    for url in ["/api/v1/nichts/", "/api/v1/items/999999/", "/api/v1/items/99999999999999999999/",
                "/api/v1/keywords/gibt-es-nicht/", "/api/v1/people/gerda-geheim/",
                "/api/v1/sources/geheimquelle/", "/api/v2/", "/api/"]:  # fmt: skip
        response = api.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"] == "not_found"
    # Without the final slash: redirected to the address with it, never an HTML 404.
    assert api.get("/api/v1/items").status_code == 301


def test_writes_are_refused_in_json(api, archive):
    response = api.post(reverse("api:items"), {"title": "x"})
    assert response.status_code in (403, 405)
    assert response.json()["status"] == response.status_code
    response = api.delete(reverse("api:item", kwargs={"pk": archive["main"].pk}))
    assert response.status_code in (403, 405) and "error" in response.json()


def test_a_bad_token_is_a_json_401(api, archive):
    api.credentials(HTTP_AUTHORIZATION="Token nicht-gueltig")
    response = api.get(reverse("api:items"))
    assert response.status_code == 401
    assert response.json()["error"] == "not_authenticated"
