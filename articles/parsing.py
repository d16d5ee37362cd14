"""Parse many raw documents, in worker processes when there are many (no Django here).

Workers are spawned, not forked: they import only articles.ingest, so they share no
database connection with the process that writes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator

from articles.ingest import ParsedItem, ParseError, parse_bytes

POOL_FROM = 64  # fewer documents are parsed in this process: starting workers costs more
CHUNK = 8


def parse_job(job: tuple[str, bytes]) -> ParsedItem | str:
    """The parsed item, or the reason it is none."""
    name, data = job
    try:
        return parse_bytes(data, name)
    except ParseError as error:
        return str(error)


class Parser:
    """parse(jobs) yields one result per (file name, bytes) job, in order."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self._pool = None

    def parse(self, jobs: list[tuple[str, bytes]]) -> Iterator[ParsedItem | str]:
        if self.workers <= 1 or len(jobs) < POOL_FROM:
            return map(parse_job, jobs)
        if self._pool is None:
            self._pool = multiprocessing.get_context("spawn").Pool(self.workers)
        return self._pool.imap(parse_job, jobs, chunksize=CHUNK)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Parser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
