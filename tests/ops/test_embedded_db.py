"""The embedded default survives any way of stopping, and `make clean` always works.

Each test runs its own embedded PostgreSQL under a temporary ARCHIVE_VAR_DIR.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess

import psutil
import pytest

from archive.embedded_db import HANDLE_FILE
from tests.ops.processes import REPO, VENV_BIN, Process, free_port, get, wait_until

CHECK = "from django.db import connection; connection.ensure_connection(); print('connected')"


def _env(var_dir) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("DJANGO_")
    }
    env.update(ARCHIVE_VAR_DIR=str(var_dir), DEBUG="1", PYTHONUNBUFFERED="1")
    return env


def _manage(var_dir, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args],
        cwd=REPO,
        env=_env(var_dir),
        capture_output=True,
        text=True,
        timeout=180,
    )


def _postmaster_pid(var_dir) -> int:
    return int((var_dir / "pgdata" / "postmaster.pid").read_text().split()[0])


@pytest.fixture
def var_dir(tmp_path):
    folder = tmp_path / "var"
    yield folder
    subprocess.run(
        [str(VENV_BIN / "python"), "-m", "archive.embedded_db", "stop"],
        cwd=REPO,
        env=_env(folder),
        capture_output=True,
        timeout=120,
    )


@pytest.mark.parametrize("damage", ["", "[4711, 12"], ids=["empty", "cut-short"])
def test_a_damaged_handle_file_does_not_break_later_commands(var_dir, damage):
    assert "connected" in _manage(var_dir, "shell", "-c", CHECK).stdout
    (var_dir / "pgdata" / HANDLE_FILE).write_text(damage)
    again = _manage(var_dir, "shell", "-c", CHECK)
    assert again.returncode == 0, again.stderr
    assert "connected" in again.stdout


def test_db_stop_works_with_a_damaged_handle_file(var_dir):
    _manage(var_dir, "shell", "-c", CHECK)
    postmaster = _postmaster_pid(var_dir)
    (var_dir / "pgdata" / HANDLE_FILE).write_text("")
    stop = subprocess.run(
        ["make", "--no-print-directory", "db-stop", f"VAR={var_dir}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert stop.returncode == 0, stop.stderr
    wait_until(lambda: not psutil.pid_exists(postmaster), 20, "PostgreSQL to stop")


def _fake_venv(folder, exit_status: int | None):
    """A venv whose python is the real one (exit_status None) or always fails."""
    (folder / "bin").mkdir(parents=True)
    python = folder / "bin" / "python"
    body = f'exec "{VENV_BIN / "python"}" "$@"' if exit_status is None else f"exit {exit_status}"
    python.write_text(f"#!/bin/sh\n{body}\n")
    python.chmod(0o755)
    return folder


@pytest.mark.parametrize("db_stop_fails", [False, True], ids=["db-stop-works", "db-stop-fails"])
def test_make_clean_always_works(var_dir, tmp_path, db_stop_fails):
    _manage(var_dir, "shell", "-c", CHECK)
    postmaster = _postmaster_pid(var_dir)
    (var_dir / "pgdata" / HANDLE_FILE).write_text("[1, 2")
    venv = _fake_venv(tmp_path / "venv", 1 if db_stop_fails else None)
    clean = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "clean",
            f"VENV={venv}",
            f"VAR={var_dir}",
            f"STATIC_ROOT_DIR={tmp_path / 'static'}",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    try:
        assert clean.returncode == 0, clean.stderr
        assert not var_dir.exists()
        assert not venv.exists()
        if not db_stop_fails:
            wait_until(lambda: not psutil.pid_exists(postmaster), 20, "PostgreSQL to stop")
    finally:
        if psutil.pid_exists(postmaster):  # the server whose stop was made to fail
            psutil.Process(postmaster).terminate()


def test_sigterm_to_the_dev_server_group_leaves_a_working_database(var_dir, tmp_path):
    port = free_port()
    server = Process(
        [str(VENV_BIN / "python"), "manage.py", "runserver", f"127.0.0.1:{port}"],
        tmp_path / "runserver.log",
        _env(var_dir),
    )
    try:
        wait_until(lambda: _answers(port), 90, "the development server")
        assert get(port, "/gibt-es-nicht/").status == 404
        os.killpg(server.popen.pid, signal.SIGTERM)
        server.popen.wait(timeout=20)
    finally:
        server.stop()
    handle_file = var_dir / "pgdata" / HANDLE_FILE
    if handle_file.exists():
        assert isinstance(json.loads(handle_file.read_text()), list)
    again = _manage(var_dir, "shell", "-c", CHECK)
    assert again.returncode == 0, again.stderr
    # Each log line once: Django's own console handler no longer doubles the root's.
    assert server.output().count("Not Found: /gibt-es-nicht/") == 1


def _answers(port: int) -> bool:
    try:
        get(port, "/healthz", timeout=2)
    except OSError:
        return False
    return True
