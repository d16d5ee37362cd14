"""A password hasher that counts how often a password is checked (log-in throttle tests)."""

import threading
import time

from django.contrib.auth.hashers import MD5PasswordHasher

_lock = threading.Lock()
checks = 0


class CountingHasher(MD5PasswordHasher):
    algorithm = "counting_md5"
    delay = 0.0  # seconds per check: widens the window in which parallel attempts overlap

    def verify(self, password, encoded):
        global checks
        with _lock:
            checks += 1
        time.sleep(self.delay)
        return super().verify(password, encoded)


def reset() -> None:
    global checks
    with _lock:
        checks = 0
