"""Start the embedded PostgreSQL (pgserver) that serves when DATABASE_URL is unset.

The server keeps running after the process that started it exits, so that the next
`manage.py` call finds it up; `python -m archive.embedded_db stop` stops it.

pgserver counts the processes using a server in `<pgdata>/.handle_pids.json` and rewrote that
file in place: a process killed in between (SIGTERM to `make run`'s process group) left it empty,
and every later start failed with a JSONDecodeError. Here the file is written atomically, a
damaged one is replaced before pgserver reads it, and stopping does not depend on it at all
(the server runs with cleanup_mode=None, so the count decides nothing).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

DATABASE_NAME = "archive"
HANDLE_FILE = ".handle_pids.json"


def var_dir() -> Path:
    """Local state (embedded database, development secret key): ARCHIVE_VAR_DIR or var/."""
    return Path(os.environ.get("ARCHIVE_VAR_DIR") or Path(__file__).resolve().parent.parent / "var")


def _write_atomically(path: Path, values: list[int]) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(values))
    os.replace(temporary, path)


def _atomic_put(disk_list, values: list[int]) -> None:
    _write_atomically(disk_list.path, values)


def repair_handle_file(data_dir: Path) -> None:
    """Keep only the pids of live processes; a file that is not a JSON list of ints goes."""
    import psutil

    path = data_dir / HANDLE_FILE
    try:
        values = json.loads(path.read_text())
    except FileNotFoundError:
        return
    except (OSError, ValueError):
        values = None
    if not (isinstance(values, list) and all(isinstance(pid, int) for pid in values)):
        path.unlink(missing_ok=True)
        return
    alive = [pid for pid in values if psutil.pid_exists(pid)]
    if alive != values:
        _write_atomically(path, alive)


def _pgserver():
    warnings.filterwarnings("ignore", module="platformdirs")
    import pgserver
    import pgserver.utils

    pgserver.utils.DiskList.put = _atomic_put
    return pgserver


def default_data_dir() -> Path:
    """Where the data lives: $ARCHIVE_VAR_DIR/pgdata, by default var/pgdata (settings use it)."""
    return var_dir() / "pgdata"


def _server(data_dir: Path):
    pgserver = _pgserver()
    data_dir.mkdir(parents=True, exist_ok=True)
    repair_handle_file(data_dir)
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


def is_running(data_dir: Path) -> bool:
    pgserver = _pgserver()
    try:
        info = pgserver.utils.PostmasterInfo.read_from_pgdata(data_dir)
    except (OSError, ValueError, IndexError):
        return False
    return info is not None and info.is_running()


def stop(data_dir: Path) -> None:
    """Stop the server if it runs (pg_ctl stop, fast mode); never fails on a stopped one."""
    with contextlib.suppress(OSError):
        (data_dir / HANDLE_FILE).unlink()
    if not is_running(data_dir):
        return
    from pgserver._commands import pg_ctl

    # pgserver runs PostgreSQL as the user "pgserver" when started by root.
    user = "pgserver" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    try:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=data_dir, user=user, timeout=60)
    except subprocess.CalledProcessError:
        if is_running(data_dir):
            raise


if __name__ == "__main__":
    # Without importing the settings, which would start the server first.
    if sys.argv[1:] == ["stop"]:
        stop(default_data_dir())
    else:
        sys.exit("usage: python -m archive.embedded_db stop")
