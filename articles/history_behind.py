"""The import's history written one batch behind, in a thread with its own connection.

The importer records a revision per written item after each batch commits
(articles/revisions.py). Most of that is Python (reading the items back, serialising them)
and the COPY of the versions; done in the importing thread it waits for the next batch. Here
it runs in one worker thread on a connection of its own while the importing thread writes
the next batch, whose PostgreSQL backend then works at the same time.

The revisions stay those of record_revision(): the same rows, in the same order (one worker,
batches in turn). A revision holds the state its batch committed: the next batch does not
commit before the thread has read the rows it records (`before_commit()`, which the importer
passes to write_items). Inside a transaction (tests, the paste page) a second connection
would not see the rows, so the history is written at once, as before.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import connection

from articles.revisions import record_revision


class HistoryBehind:
    """record(ids, comment) writes the revisions in the worker thread; close() waits for them
    and raises what the thread raised."""

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._pending: Future | None = None
        self._read = threading.Event()
        self._read.set()

    def record(self, ids: list[int], comment: str) -> None:
        if connection.in_atomic_block:
            record_revision(ids, comment=comment)
            return
        self.wait()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="history")
        self._read.clear()
        self._pending = self._executor.submit(self._write, ids, comment)

    def _write(self, ids: list[int], comment: str) -> None:
        try:
            record_revision(ids, comment=comment, on_read=self._read.set)
        finally:
            self._read.set()

    def before_commit(self) -> None:
        """Wait until the thread has read the rows of its batch."""
        self._read.wait()

    def wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        try:
            self.wait()
        finally:
            if self._executor is not None:
                self._executor.submit(_close_connection).result()
                self._executor.shutdown()
                self._executor = None

    def __enter__(self) -> HistoryBehind:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _close_connection() -> None:
    connection.close()  # run in the worker: Django's connections are per thread
