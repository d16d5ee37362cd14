"""The embedded default survives any way of stopping, and `make clean` always works.

The tests run embedded PostgreSQL servers of their own under temporary ARCHIVE_VAR_DIRs.
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
        cwd=REPO, env=_env(var_dir), capture_output=True, text=True, timeout=180,
    )  # fmt: skip


def _make(target: str, *variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", target, *variables],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def _postmaster_pid(var_dir) -> int:
    return int((var_dir / "pgdata" / "postmaster.pid").read_text().split()[0])


def _stop(var_dir) -> None:
    subprocess.run(
        [str(VENV_BIN / "python"), "-m", "archive.embedded_db", "stop"],
        cwd=REPO, env=_env(var_dir), capture_output=True, timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def var_dir(module_folder):
    """One embedded server for the tests that keep their folder (initdb takes seconds)."""
    folder = module_folder / "var"
    yield folder
    _stop(folder)


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
    stop = _make("db-stop", f"VAR={var_dir}")
    assert stop.returncode == 0, stop.stderr
    wait_until(lambda: not psutil.pid_exists(postmaster), 20, "PostgreSQL to stop")


def test_a_killed_server_is_started_again_by_the_next_command(var_dir):
    assert "connected" in _manage(var_dir, "shell", "-c", CHECK).stdout
    postmaster = psutil.Process(_postmaster_pid(var_dir))
    postmaster.kill()  # kill -9: postmaster.pid stays behind
    postmaster.wait(timeout=20)
    again = _manage(var_dir, "shell", "-c", CHECK)
    assert again.returncode == 0, again.stderr
    assert "connected" in again.stdout
    assert _postmaster_pid(var_dir) != postmaster.pid


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


def _fake_venv(folder, exit_status: int | None):
    """A venv whose python is the real one (exit_status None) or always fails."""
    (folder / "bin").mkdir(parents=True)
    python = folder / "bin" / "python"
    body = f'exec "{VENV_BIN / "python"}" "$@"' if exit_status is None else f"exit {exit_status}"
    python.write_text(f"#!/bin/sh\n{body}\n")
    python.chmod(0o755)
    return folder


@pytest.mark.parametrize("db_stop_fails", [False, True], ids=["db-stop-works", "db-stop-fails"])
def test_make_clean_always_works(own_folder, tmp_path, db_stop_fails):
    own = own_folder / "var"
    postmaster = None
    if db_stop_fails:  # no server needed: the stop fails before it looks
        (own / "pgdata").mkdir(parents=True)
    else:
        _manage(own, "shell", "-c", CHECK)
        postmaster = _postmaster_pid(own)
    (own / "pgdata" / HANDLE_FILE).write_text("[1, 2")
    venv = _fake_venv(tmp_path / "venv", 1 if db_stop_fails else None)
    try:
        clean = _make("clean", f"VENV={venv}", f"VAR={own}", f"STATIC_ROOT_DIR={tmp_path / 's'}")
        assert clean.returncode == 0, clean.stderr
        assert not own.exists()
        assert not venv.exists()
        if postmaster:
            wait_until(lambda: not psutil.pid_exists(postmaster), 20, "PostgreSQL to stop")
    finally:
        if postmaster and psutil.pid_exists(postmaster):
            psutil.Process(postmaster).terminate()


def _answers(port: int) -> bool:
    try:
        get(port, "/healthz", timeout=2)
    except OSError:
        return False
    return True
