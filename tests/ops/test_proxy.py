"""The production layout holds: nginx (deploy/nginx/) in front of gunicorn (deploy/gunicorn.conf.py).

Both run on loopback against the test database; the tests replay what took the site down
without the proxy: slow clients, a 50 MB upload, a forged X-Forwarded-Proto.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time

import pytest

from tests.ops.processes import (
    app_environment,
    free_port,
    get,
    nginx_binary,
    start_gunicorn,
    start_nginx,
)

NGINX = nginx_binary()
pytestmark = [
    pytest.mark.skipif(
        NGINX is None and os.environ.get("ARCHIVE_REQUIRE_NGINX") != "1",
        reason="nginx is not installed (Debian: apt-get install nginx-light)",
    ),
    pytest.mark.django_db,  # the test database is created (the servers use it, empty)
]

SLOW_CLIENTS = 3
SLOW_SECONDS = 4.0
RESPONSIVE_SECONDS = 2.0


class Stack:
    def __init__(self, folder, database_url: str, static_root, https: bool):
        self.app_port, self.proxy_port = free_port(), free_port()
        env = app_environment(
            DATABASE_URL=database_url, STATIC_ROOT=str(static_root), HTTPS="1" if https else "0"
        )
        self.gunicorn = start_gunicorn(self.app_port, folder / "gunicorn.log", env, workers=3)
        try:
            self.nginx = start_nginx(NGINX, folder, self.proxy_port, self.app_port, static_root)
        except BaseException:
            self.gunicorn.stop()
            raise
        self.folder = folder

    def stop(self) -> None:
        self.nginx.stop()
        self.gunicorn.stop()


@pytest.fixture
def stack(tmp_path, app_database_url, static_root):
    running = Stack(tmp_path, app_database_url, static_root, https=False)
    yield running
    running.stop()


@pytest.fixture
def https_stack(tmp_path, app_database_url, static_root):
    running = Stack(tmp_path, app_database_url, static_root, https=True)
    yield running
    running.stop()


def _slow_client(port: int, stop_at: float) -> None:
    """Sends a request's headers one byte at a time until stop_at, never finishing them."""
    request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n" + b"X-Pad: a\r\n" * 50
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        for byte in request:
            if time.monotonic() >= stop_at:
                return
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                return
            time.sleep(0.1)


def test_slow_clients_do_not_take_the_site_down(stack):
    stop_at = time.monotonic() + SLOW_SECONDS
    clients = [
        threading.Thread(target=_slow_client, args=(stack.proxy_port, stop_at), daemon=True)
        for _ in range(SLOW_CLIENTS)
    ]
    for client in clients:
        client.start()
    time.sleep(0.5)  # every slow client is connected and sending
    replies = []
    while time.monotonic() < stop_at - 0.5 and len(replies) < 10:
        replies.append(get(stack.proxy_port, "/", timeout=RESPONSIVE_SECONDS + 3))
    for client in clients:
        client.join(timeout=SLOW_SECONDS + 5)
    assert replies
    assert [reply.status for reply in replies] == [200] * len(replies)
    assert max(reply.seconds for reply in replies) < RESPONSIVE_SECONDS
    assert "slow" not in stack.gunicorn.output()  # nothing half-sent reached a worker


def test_a_50_mb_upload_is_refused_by_the_proxy(stack):
    size = 50 * 1024 * 1024
    head = (
        "POST /admin/articles/article/aus-text/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/octet-stream\r\nContent-Length: {size}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", stack.proxy_port), timeout=10) as sock:
        sock.sendall(head)
        with contextlib.suppress(OSError):  # the proxy may close before reading any of it
            sock.sendall(b"x" * 256 * 1024)
        status_line = sock.recv(4096).split(b"\r\n", 1)[0]
    assert b" 413 " in status_line
    assert "POST" not in stack.gunicorn.output()
    written = [path for path in (stack.folder / "client_body").rglob("*") if path.is_file()]
    assert written == []
    assert get(stack.proxy_port, "/").status == 200


def test_a_forged_x_forwarded_proto_is_not_trusted(https_stack):
    # Through the proxy (plain HTTP here): the proxy replaces the client's header.
    proxied = get(https_stack.proxy_port, "/", **{"X-Forwarded-Proto": "https"})
    assert proxied.status == 301
    assert proxied.headers["location"].startswith("https://")
    # Straight to gunicorn from an address that is not the proxy's (127.0.0.2 is loopback too).
    direct = _get_from("127.0.0.2", https_stack.app_port, {"X-Forwarded-Proto": "https"})
    assert direct.startswith(b"HTTP/1.1 301")
    # The proxy's own address may say so (this is how HTTPS requests reach Django).
    trusted = _get_from("127.0.0.1", https_stack.app_port, {"X-Forwarded-Proto": "https"})
    assert trusted.startswith(b"HTTP/1.1 200")


def _get_from(source: str, port: int, headers: dict[str, str]) -> bytes:
    lines = ["GET / HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    with socket.create_connection(
        ("127.0.0.1", port), timeout=10, source_address=(source, 0)
    ) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        return sock.recv(4096)
