"""Start the embedded PostgreSQL (pgserver) that serves when DATABASE_URL is unset.

The server keeps running after the process that started it exits, so that the
next `manage.py` call finds it up; `python -m archive.embedded_db stop` stops it.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

DATABASE_NAME = "archive"


def default_data_dir() -> Path:
    """Where the data lives: $ARCHIVE_VAR_DIR/pgdata, by default var/pgdata (settings use it)."""
    base = Path(__file__).resolve().parent.parent / "var"
    return Path(os.environ.get("ARCHIVE_VAR_DIR", base)) / "pgdata"


def _server(data_dir: Path):
    warnings.filterwarnings("ignore", module="platformdirs")
    import pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    return pgserver.get_server(data_dir, cleanup_mode=None)


def embedded_database_settings(data_dir: Path) -> dict:
    """Start (or reuse) the embedded server and return Django DATABASES settings for it."""
    server = _server(data_dir)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": str(data_dir),
        "PORT": "",
    }


def stop(data_dir: Path) -> None:
    if not (data_dir / "postmaster.pid").exists():
        return
    server = _server(data_dir)
    server.cleanup_mode = "stop"
    server.cleanup()


if __name__ == "__main__":
    if sys.argv[1:] == ["stop"]:
        stop(default_data_dir())
    else:
        sys.exit("usage: python -m archive.embedded_db stop")
