from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.ops.processes import collect_static


@pytest.fixture(scope="session")
def static_root():
    root = _own_folder("archive-static-")
    collect_static(root / "static")
    yield root / "static"
    shutil.rmtree(root, ignore_errors=True)


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


def _own_folder(prefix: str):
    """A folder outside pytest's basetemp: PostgreSQL runs as another user when the tests run
    as root (pgserver's "pgserver" user) and needs to reach it, and basetemp's parent is
    private and cleaned up by any other pytest run of the same user."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


@pytest.fixture(scope="module")
def module_folder(request):
    folder = _own_folder(f"archive-{request.module.__name__.rsplit('.', 1)[-1]}-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def own_folder():
    folder = _own_folder("archive-ops-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
