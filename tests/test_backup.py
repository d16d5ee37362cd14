"""manage.py backup / restore: a backup restored into a fresh database is the same archive."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from archive.backup import Target
from articles.models import Article
from tests.servers import app_server, database_url, fetch

pytestmark = pytest.mark.django_db(transaction=True)

SEEDS = Path(settings.DOCUMENTS_DIR)


@pytest.fixture
def fresh_database():
    """An empty database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    admin = Target.from_settings(database_url("postgres"))
    with admin.connect(autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    with admin.connect(autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def snapshot(url: str) -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of its rows; every sequence's position."""
    state = {}
    with Target.from_settings(url).connect() as conn:
        tables = conn.execute(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
        for (table,) in tables:
            state[table] = conn.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f"FROM {table} t"
            ).fetchone()
        for name, value in conn.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
        ):
            state[f"sequence {name}"] = value
    return state


def analysed_tables(url: str) -> set[str]:
    with Target.from_settings(url).connect() as conn:
        rows = conn.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL"
        ).fetchall()
    return {name for (name,) in rows}


PAGES = ["/", "/stichwoerter/", "/personen/", "/feed/", "/sitemap.xml", "/suche/?q=Digitalisierung"]


def test_a_backup_restores_into_a_fresh_database_with_identical_rows_tallies_and_pages(
    tmp_path, fresh_database
):
    call_command("import_documents", str(SEEDS), fixtures_dir=str(tmp_path / "fx"),
                 stdout=io.StringIO())  # fmt: skip
    Article.objects.filter(pk=Article.objects.first().pk).update(status=Article.Status.DRAFT)
    dump = tmp_path / "archive.dump"
    call_command("backup", output=str(dump), stdout=io.StringIO())
    assert dump.stat().st_size > 0

    out = io.StringIO()
    call_command("restore", str(dump), database_url=fresh_database, stdout=out)
    assert "analysed" in out.getvalue()

    original = snapshot(database_url())
    restored = snapshot(fresh_database)
    assert restored == original
    assert original["articles_article"][0] == Article.objects.count() > 0
    assert original["articles_periodcount"][0] > 0  # tallies came along, counted once
    assert {"articles_article", "articles_periodcount"} <= analysed_tables(fresh_database)

    pages = [*PAGES, Article.objects.published().first().get_absolute_url()]
    with app_server(database_url()) as before, app_server(fresh_database) as after:
        for page in pages:
            status, body = fetch(before + page)
            assert status == 200, page
            again, restored_body = fetch(after + page)
            host = after.removeprefix("http://").encode()
            same_host = restored_body.replace(host, before.removeprefix("http://").encode())
            assert (again, same_host) == (status, body), page


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, fresh_database):
    dump = tmp_path / "archive.dump"
    call_command("backup", output=str(dump), stdout=io.StringIO())
    call_command("restore", str(dump), database_url=fresh_database, stdout=io.StringIO())
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(dump), database_url=fresh_database, stdout=io.StringIO())
    call_command("restore", str(dump), database_url=fresh_database, replace=True,
                 stdout=io.StringIO())  # fmt: skip
    assert snapshot(fresh_database) == snapshot(database_url())


def test_a_missing_backup_file_is_a_clear_error(tmp_path, fresh_database):
    with pytest.raises(CommandError, match="no backup file"):
        call_command("restore", str(tmp_path / "nichts.dump"), database_url=fresh_database)


def test_an_unreachable_database_is_a_clear_error(tmp_path):
    url = "postgresql://postgres@127.0.0.1:1/archive"
    with pytest.raises(CommandError, match="cannot reach"):
        call_command("backup", output=str(tmp_path / "x.dump"), database_url=url)
    assert not (tmp_path / "x.dump").exists()
