"""A database outage ends in 503 with Retry-After within seconds, and the site heals at once.

gunicorn (the repository's config) runs against a PostgreSQL started for this module, which the
tests stop, start and restart.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.ops.processes import (
    REPO,
    VENV_BIN,
    ThrowawayPostgres,
    app_environment,
    free_port,
    get,
    start_gunicorn,
)

PAGES = ["/", "/suche/?q=digital", "/stichwoerter/", "/personen/", "/feed/", "/sitemap.xml"]
FAIL_FAST_SECONDS = 3.5


@pytest.fixture(scope="module")
def postgres(module_folder):
    server = ThrowawayPostgres(module_folder / "pgdata")
    try:
        server.psql("CREATE DATABASE archive;")
        env = app_environment(DATABASE_URL=server.url("archive"))
        subprocess.run(
            [str(VENV_BIN / "python"), "manage.py", "migrate", "--noinput"],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
        yield server
    finally:
        server.close()


@pytest.fixture(params=["0", "1"], ids=["connection-per-worker", "psycopg-pool"])
def site(request, postgres, static_root, tmp_path):
    port = free_port()
    env = app_environment(
        DATABASE_URL=postgres.url("archive"),
        DATABASE_POOL=request.param,
        STATIC_ROOT=str(static_root),
    )
    process = start_gunicorn(port, tmp_path / "gunicorn.log", env, workers=2)
    try:
        yield port
    finally:
        process.stop()
        if not (postgres.data_dir / "postmaster.pid").exists():
            postgres.start()


def _warm_up(port: int) -> None:
    # Enough requests for both workers to hold a connection.
    for _ in range(10):
        assert get(port, "/").status == 200


def test_healthz_reports_the_database(site, postgres):
    reply = get(site, "/healthz")
    assert (reply.status, reply.body) == (200, "ok\n")
    assert "set-cookie" not in reply.headers
    postgres.stop()
    try:
        down = get(site, "/healthz")
    finally:
        postgres.start()
    assert down.status == 503
    assert down.seconds < FAIL_FAST_SECONDS
    assert get(site, "/healthz").status == 200


def test_outage_gives_the_german_503_page_fast_and_heals_on_the_first_request(site, postgres):
    _warm_up(site)
    postgres.stop()
    try:
        replies = {path: get(site, path) for path in PAGES}
    finally:
        postgres.start()
    for path, reply in replies.items():
        assert reply.status == 503, path
        assert reply.headers.get("retry-after", "").isdigit(), path
        assert "vorübergehend nicht erreichbar" in reply.body, path
        assert reply.seconds < FAIL_FAST_SECONDS, (path, reply.seconds)
    first = get(site, "/")
    assert first.status == 200


def test_no_request_fails_after_a_database_restart(site, postgres):
    _warm_up(site)
    postgres.restart()
    statuses = [get(site, path).status for _ in range(4) for path in PAGES]
    assert statuses == [200] * len(statuses)
