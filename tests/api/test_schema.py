"""The API against its own OpenAPI schema: schemathesis generates requests from the schema
(valid and invalid parameters) and checks every answer: no 500, status codes, content types
and bodies as the schema documents them. The number of examples is bounded (make test)."""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

EXAMPLES_PER_OPERATION = 25


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
