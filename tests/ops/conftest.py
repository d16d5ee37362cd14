from __future__ import annotations

import pytest

from tests.ops.processes import collect_static


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    collect_static(root)
    return root


@pytest.fixture(scope="session")
def app_database_url(django_db_setup, django_db_blocker) -> str:
    """A URL for the test database (migrated by pytest-django) that server processes can use."""
    from urllib.parse import quote

    from django.db import connection

    with django_db_blocker.unblock():
        params = connection.settings_dict
    user = quote(params["USER"] or "", safe="")
    password = f":{quote(params['PASSWORD'], safe='')}" if params.get("PASSWORD") else ""
    host = quote(params["HOST"] or "", safe="")
    port = f":{params['PORT']}" if params["PORT"] else ""
    return f"postgresql://{user}{password}@{host}{port}/{params['NAME']}"
