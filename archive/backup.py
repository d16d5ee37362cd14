"""Backups with PostgreSQL's own tools: pg_dump -Fc and pg_restore, then ANALYZE.

The client programs must be at least as new as the server; `pg_binaries()` picks, for the
server at hand, the matching major version among PG_BIN_DIR (if set), the embedded database's
own programs (the pgserver package ships them), Debian's /usr/lib/postgresql/*/bin and PATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg
from django.conf import settings


class BackupError(RuntimeError):
    """A backup or restore could not run; the message says why, in plain words."""


@dataclass(frozen=True)
class Target:
    """Connection parameters of one database, as the PostgreSQL client programs take them."""

    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""

    @classmethod
    def from_settings(cls, database_url: str | None = None) -> Target:
        config = (
            dj_database_url.parse(database_url) if database_url else settings.DATABASES["default"]
        )
        return cls(
            name=config["NAME"],
            user=config.get("USER") or "",
            password=config.get("PASSWORD") or "",
            host=str(config.get("HOST") or ""),
            port=str(config.get("PORT") or ""),
        )

    def args(self) -> list[str]:
        args = ["--dbname", self.name]
        if self.host:
            args += ["--host", self.host]
        if self.port:
            args += ["--port", self.port]
        if self.user:
            args += ["--username", self.user]
        return args

    def env(self) -> dict[str, str]:
        env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
        if self.password:
            env["PGPASSWORD"] = self.password
        return env

    def connect(self, **kwargs) -> psycopg.Connection:
        params = {"dbname": self.name, "user": self.user or None, "password": self.password}
        params |= {"host": self.host or None, "port": self.port or None, "connect_timeout": 10}
        return psycopg.connect(**{k: v for k, v in params.items() if v}, **kwargs)


def _candidate_dirs() -> list[Path]:
    dirs = []
    if os.environ.get("PG_BIN_DIR"):
        dirs.append(Path(os.environ["PG_BIN_DIR"]))
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        dirs.append(Path(POSTGRES_BIN_PATH))
    except ImportError:  # pragma: no cover - pgserver is a dependency
        pass
    dirs += sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    on_path = shutil.which("pg_dump")
    if on_path:
        dirs.append(Path(on_path).resolve().parent)
    return dirs


def _major(program: Path) -> int | None:
    try:
        output = subprocess.run(
            [str(program), "--version"], capture_output=True, text=True, timeout=10
        ).stdout
    except OSError:
        return None
    match = re.search(r"\b(\d+)(?:\.\d+)?", output)
    return int(match.group(1)) if match else None


def server_major(target: Target) -> int:
    try:
        with target.connect() as conn:
            number = conn.execute("SHOW server_version_num").fetchone()[0]
    except psycopg.Error as error:
        raise BackupError(f"cannot reach database {target.name!r}: {error}".strip()) from error
    return int(number) // 10000


def pg_binaries(target: Target) -> Path:
    """The directory whose pg_dump/pg_restore fit the server: same major, else the next newer."""
    server = server_major(target)
    found: dict[int, Path] = {}
    for directory in _candidate_dirs():
        if (directory / "pg_dump").exists() and (directory / "pg_restore").exists():
            major = _major(directory / "pg_dump")
            if major is not None:
                found.setdefault(major, directory)
    usable = sorted(major for major in found if major >= server)
    if not usable:
        have = ", ".join(f"{m} ({p})" for m, p in sorted(found.items())) or "none"
        raise BackupError(
            f"no pg_dump/pg_restore for PostgreSQL {server} or newer (found: {have}); "
            f"install postgresql-client-{server} or set PG_BIN_DIR"
        )
    return found[usable[0]]


def backup(target: Target, output: Path) -> Path:
    """Write the whole database to `output` in pg_dump's custom format (compressed)."""
    binaries = pg_binaries(target)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    command = [str(binaries / "pg_dump"), "--format=custom", "--file", str(partial)]
    _run(command + target.args(), target)
    partial.replace(output)  # a file under the final name is always complete
    return output


def is_empty(target: Target) -> bool:
    with target.connect() as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', "
            "'information_schema')"
        ).fetchone()[0]
    return tables == 0


def restore(target: Target, dump: Path, replace: bool = False) -> None:
    """Restore `dump` into the database in one transaction, then ANALYZE it.

    The database must be empty unless `replace` is given (then its objects are dropped first).
    """
    if not dump.is_file():
        raise BackupError(f"no backup file at {dump}")
    binaries = pg_binaries(target)
    if not replace and not is_empty(target):
        raise BackupError(
            f"database {target.name!r} is not empty; restore into a new database, "
            "or pass --replace to drop its contents first"
        )
    command = [
        str(binaries / "pg_restore"),
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
    ]
    if replace:
        command += ["--clean", "--if-exists"]
    _run([*command, *target.args(), str(dump)], target)
    with target.connect(autocommit=True) as conn:
        conn.execute("ANALYZE")  # pg_restore leaves the planner without statistics


def _run(command: list[str], target: Target) -> None:
    result = subprocess.run(command, env=target.env(), capture_output=True, text=True)
    if result.returncode != 0:
        name = Path(command[0]).name
        raise BackupError(f"{name} failed: {result.stderr.strip() or result.returncode}")
