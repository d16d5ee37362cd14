"""The API against its own OpenAPI schema: schemathesis generates requests from the schema
(valid and invalid parameters) and checks every answer: no 500, status codes, content types
and bodies as the schema documents them. The number of examples is bounded (make test)."""

import json
import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

# make test runs 25 per operation; API_SCHEMATHESIS_EXAMPLES=500 for a deeper run by hand.
EXAMPLES_PER_OPERATION = int(os.environ.get("API_SCHEMATHESIS_EXAMPLES", "25"))


class TransactionApp(WSGIHandler):
    """Django's WSGI application inside the test's transaction (as Django's test client does:
    no connection is closed at the end of a request)."""

    def __call__(self, environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            return super().__call__(environ, start_response)
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


def load_schema():
    """The schema /api/v1/schema/ serves (generated without a request: no database at import)."""
    document = json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True)))
    loaded = schemathesis.openapi.from_dict(document)
    loaded.app = TransactionApp()
    loaded.config.generation.update(max_examples=EXAMPLES_PER_OPERATION, deterministic=True)
    return loaded


schema = load_schema()


@pytest.mark.usefixtures("archive")
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_answer_matches_the_schema(case):
    # Every check but one: the API refuses some values the schema cannot express (a keyword
    # no public item has, `to` before `from`, a query of operators only) with a clear 400,
    # which schemathesis's "schema-valid data must be accepted" would count as a failure.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


@pytest.mark.django_db
def test_the_schema_served_is_the_one_tested(client):
    served = client.get("/api/v1/schema/").json()
    assert served["paths"].keys() == schema.raw_schema["paths"].keys()


def test_the_schema_is_valid_openapi_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    assert "/api/v1/items/" in (tmp_path / "s.yml").read_text()


@pytest.mark.django_db
def test_answers_about_real_entries_match_the_schema(archive, make_article):
    """Generated ids and slugs rarely name an existing entry: every public one, checked here."""
    from articles.models import Article, Keyword, Person, Source

    make_article("Mit Quelle", original_url="https://example.org/pm/112")
    operations = {
        "/api/v1/items/{id}/": [{"id": pk} for pk in Article.objects.values_list("pk", flat=True)],
        "/api/v1/keywords/{slug}/": [
            {"slug": s} for s in Keyword.objects.values_list("slug", flat=True)
        ],
        "/api/v1/people/{slug}/": [
            {"slug": s} for s in Person.objects.values_list("slug", flat=True)
        ],
        "/api/v1/sources/{slug}/": [
            {"slug": s} for s in Source.objects.values_list("slug", flat=True)
        ],
    }
    for path, parameters in operations.items():
        operation = schema[path]["GET"]
        for path_parameters in parameters:
            operation.Case(path_parameters=path_parameters).call_and_validate(
                excluded_checks=[positive_data_acceptance]
            )
    lists = {
        "/api/v1/items/": [{}, {"q": "Breitband"}, {"sort": "oldest", "page_size": 100},
                           {"keyword": "politik", "year": 2018}],
        "/api/v1/facets/": [{"q": "Digitalisierung"}],
        "/api/v1/keywords/": [{}, {"sort": "count", "page_size": 1}],
        "/api/v1/people/": [{}], "/api/v1/sources/": [{}], "/api/v1/": [{}],
    }  # fmt: skip
    for path, queries in lists.items():
        for query in queries:
            schema[path]["GET"].Case(query=query).call_and_validate(
                excluded_checks=[positive_data_acceptance]
            )
