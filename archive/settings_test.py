"""Settings for the test suite: production settings, served over plain HTTP.

The security middleware reads SECURE_SSL_REDIRECT once at start-up, so live test servers
need it off before the settings are imported, not through a per-test override.
"""

import os

os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("SECRET_KEY", "test-only-not-secret-" + "x" * 40)

from archive.settings import *  # noqa: F403
