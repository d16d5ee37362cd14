"""gunicorn settings for production: `gunicorn -c deploy/gunicorn.conf.py archive.wsgi`.

gunicorn listens on loopback only, behind nginx (deploy/nginx/), which buffers slow clients and
large bodies; sync workers then only ever see complete requests. Environment overrides:
GUNICORN_BIND, GUNICORN_WORKERS, FORWARDED_ALLOW_IPS.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))  # about 1-2 per core
worker_class = "sync"

# A request that takes longer than this is a bug or an outage: the worker is restarted.
timeout = 30
graceful_timeout = 20
# nginx keeps connections to gunicorn short; a keep-alive would hold a sync worker.
keepalive = 2

# Only the proxy on this machine may say the request came over HTTPS (X-Forwarded-Proto) or
# name the client's address; from any other address these headers are ignored.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}

# Recycle workers now and then (memory held by large responses goes back to the system). Not
# too often: a new worker starts with an empty page cache (articles/page_cache.py, bounded by
# PAGE_CACHE_ENTRIES), so every page it serves is built once more.
max_requests = 200000
max_requests_jitter = 20000

# gunicorn 24+ opens a control socket in the user's home; several sites on one machine would
# share its path. Not used here.
control_socket_disable = True

accesslog = "-"
errorlog = "-"
loglevel = "info"
