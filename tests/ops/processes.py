"""Throwaway servers for the operations tests: a PostgreSQL of their own, gunicorn, nginx.

Everything listens on loopback (or a socket in a temporary folder) and is stopped by the
fixture that started it; every wait is bounded.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str
    seconds: float


def get(port: int, path: str = "/", timeout: float = 10, **headers: str) -> Reply:
    """One GET on 127.0.0.1:port; the Host header is 127.0.0.1 unless given."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        response = conn.getresponse()
        body = response.read().decode("utf-8", "replace")
        return Reply(
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            body,
            time.monotonic() - started,
        )
    finally:
        conn.close()


def answers(port: int) -> bool:
    try:
        get(port, "/healthz", timeout=2)
    except OSError:
        return False
    return True


class ThrowawayPostgres:
    """A PostgreSQL server in a temporary folder (pgserver's binaries), stopped and started
    at will; it listens on a unix socket only."""

    def __init__(self, data_dir: Path):
        import pgserver

        self.data_dir = data_dir
        self.server = pgserver.get_server(data_dir, cleanup_mode=None)
        info = self.server.get_postmaster_info()
        self.socket_dir = info.socket_dir

    def url(self, database: str) -> str:
        host = urllib.parse.quote(str(self.socket_dir), safe="")
        return f"postgresql://postgres@{host}/{database}"

    def psql(self, command: str) -> str:
        return self.server.psql(command)

    def _pg_ctl(self, *args: str) -> None:
        from pgserver._commands import pg_ctl

        pg_ctl(list(args), pgdata=self.data_dir, user=self.server.system_user, timeout=30)

    def stop(self) -> None:
        self._pg_ctl("-w", "-m", "fast", "stop")

    def start(self) -> None:
        self._pg_ctl(
            "-w",
            "-o",
            '-h ""',
            "-o",
            f"-k {self.socket_dir}",
            "-l",
            str(self.data_dir / "log"),
            "start",
        )

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self.stop()


def collect_static(static_root: Path) -> None:
    """What an operator runs once per release: hashed, compressed files for whitenoise."""
    subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "collectstatic", "--noinput"],
        cwd=REPO,
        env=app_environment(STATIC_ROOT=str(static_root)),
        check=True,
        capture_output=True,
        timeout=300,
    )


def app_environment(**overrides: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_"))
    }
    env.update(
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY="ops-tests-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    env.update(overrides)
    return env


class Process:
    """A child process in its own process group, with its output in a file."""

    def __init__(self, args: list[str], log: Path, env: dict[str, str], cwd: Path = REPO):
        self.log = log
        self._log_file = log.open("wb")
        self.popen = subprocess.Popen(
            args,
            cwd=cwd,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=5)
        self._log_file.close()


def answering(
    process: Process, port: int, timeout: float, what: str, details: Callable[[], str]
) -> Process:
    """The process once it answers on port; stopped (with `details` if it exited) otherwise."""
    try:
        wait_until(lambda: answers(port) or process.popen.poll() is not None, timeout, what)
    except AssertionError:
        process.stop()
        raise
    if process.popen.poll() is not None:
        process.stop()
        raise AssertionError(f"{what} exited:\n" + details())
    return process


def start_gunicorn(port: int, log: Path, env: dict[str, str], workers: int = 2) -> Process:
    """gunicorn with the repository's config file, on 127.0.0.1:port."""
    process = Process(
        [
            str(VENV_BIN / "gunicorn"),
            "-c",
            str(REPO / "deploy" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "archive.wsgi",
        ],
        log,
        env,
    )
    return answering(process, port, 60, "gunicorn", lambda: process.output()[-3000:])


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(path).exists()),
        None,
    )


def start_nginx(
    binary: str, folder: Path, port: int, upstream_port: int, static_root: Path
) -> Process:
    """nginx on 127.0.0.1:port with the repository's proxy snippet, upstream gunicorn."""
    snippet = (REPO / "deploy" / "nginx" / "pressearchiv-proxy.conf").read_text()
    snippet = snippet.replace("/srv/pressearchiv/staticfiles/", f"{static_root}/")
    (folder / "pressearchiv-proxy.conf").write_text(snippet)
    as_root = "user root;" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"""
{as_root}
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream pressearchiv_app {{ server 127.0.0.1:{upstream_port} max_fails=0; }}
    server {{
        listen 127.0.0.1:{port};
        server_name 127.0.0.1;
        include {folder}/pressearchiv-proxy.conf;
    }}
}}
"""
    )
    process = Process(
        [binary, "-p", str(folder), "-c", str(folder / "nginx.conf")],
        folder / "nginx.out",
        os.environ.copy(),
    )
    return answering(
        process, port, 20, "nginx", lambda: process.output() + (folder / "error.log").read_text()
    )
