"""How server processes hold their database connections, so that outages end quickly.

Without the pool (the default, made for gunicorn's sync workers, which serve one request at a
time): each worker keeps one connection between requests, checked before a request uses it
(CONN_HEALTH_CHECKS), so a connection that died with a database restart is replaced instead of
failing the request. With DATABASE_POOL=1 (threaded servers): psycopg's pool with a check of
every connection it hands out and a short wait for a free one.

Either way a connection attempt gives up after DATABASE_CONNECT_TIMEOUT seconds (default 3),
so during an outage a request fails fast (503, see archive/health.py) instead of hanging.

Every connection also turns off parallel query (DATABASE_PARALLEL_WORKERS, default 0). A page's
queries read a few thousand rows at most; starting parallel workers for them cost 25–40 ms per
query at a million items, more than the work, and under concurrent requests the workers only
compete with the other requests for the same cores (README, "Benchmarks").
"""

from __future__ import annotations

import os

CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
PARALLEL_WORKERS = int(os.environ.get("DATABASE_PARALLEL_WORKERS", "0"))


def database_connection_settings(pool: bool) -> dict:
    """The connection part of DATABASES["default"] (merged over the URL's settings)."""
    options: dict = {
        "connect_timeout": CONNECT_TIMEOUT,
        "options": f"-c max_parallel_workers_per_gather={PARALLEL_WORKERS}",
    }
    if pool:
        options["pool"] = {
            "min_size": 1,
            "max_size": int(os.environ.get("DATABASE_POOL_MAX", "4")),
            # Wait at most this long for a free connection. Below the connect timeout, so that
            # an outage answers 503 within it even after the pool first discards dead
            # connections (3.5 s was seen with the full 3 s here).
            "timeout": CONNECT_TIMEOUT * 0.8,
        }
        return {"OPTIONS": options, "CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": True}
    return {
        "OPTIONS": options,
        "CONN_MAX_AGE": int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        "CONN_HEALTH_CHECKS": True,
    }
