"""Per-client rate limits kept in the shared "api" cache (a database cache: all processes).

Anonymous clients are told apart by address, as the log-in throttle tells them
(articles.throttle.client_address: X-Forwarded-For only from TRUSTED_PROXIES), signed-in
clients by user. Over the limit the answer is
429 with Retry-After (api/errors.py).
"""

from __future__ import annotations

import logging

from django.core.cache import caches
from django.db import DatabaseError
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from articles.throttle import client_address

logger = logging.getLogger(__name__)
CACHE_ALIAS = "api"


class ClientRateThrottle(SimpleRateThrottle):
    """One limit per client; the rate depends on whether the client is signed in."""

    def __init__(self) -> None:
        # The scope (and so the rate) is known only once the request is authenticated.
        self.scope = "anonymous"

    @property
    def cache(self):
        return caches[CACHE_ALIAS]

    def get_rate(self) -> str:
        # Read on every request (REST framework's own class reads its rates once at import).
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def allow_request(self, request, view) -> bool:
        user = getattr(request, "user", None)
        self.scope = "authenticated" if user is not None and user.is_authenticated else "anonymous"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        try:
            return super().allow_request(request, view)
        except DatabaseError:
            # Without the cache table (createcachetable not run) serve rather than fail.
            logger.warning("api throttle: cache table missing, run manage.py createcachetable")
            return True

    def get_cache_key(self, request, view) -> str:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            ident = f"user-{user.pk}"
        else:
            ident = client_address(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
