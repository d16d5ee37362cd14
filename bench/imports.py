"""Benchmark the importer: N realistic documents into a fresh database, twice.

    make bench-import DOCS_N=10000   (or: .venv/bin/python bench/imports.py --documents 10000)

Writes N documents in the shapes of fixtures/documents/ (bench/documents.py, about 4 KB
each; kept under var/bench-documents/N/), drops and creates the database
`archive_import_bench` (or $BENCH_DATABASE) on the archive's server, migrates it, then times
`import_documents` over the folder twice (the second run finds every file unchanged) and
parsing alone (one process, and the worker pool the importer uses). Prints documents per
second and the machine's load average before each step.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
# BENCH_DATABASE=… keeps runs of several people on one shared server apart.
DATABASE = os.environ.get("BENCH_DATABASE", "archive_import_bench")


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f} on {os.cpu_count()} CPUs"


def fresh_database() -> None:
    import django
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    params = {"dbname": "postgres", "user": db.get("USER") or "postgres", "autocommit": True}
    for key in ("HOST", "PORT", "PASSWORD"):
        if db.get(key):
            params[key.lower()] = db[key]
    with psycopg.connect(**params) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    settings.DATABASES["default"]["NAME"] = DATABASE
    settings.DATABASES["default"]["OPTIONS"]["pool"] = False
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed_import(folder: Path, workers: int | None) -> tuple[float, str]:
    from django.core.management import call_command

    out = io.StringIO()
    started = time.perf_counter()
    call_command("import_documents", str(folder), stdout=out, stderr=io.StringIO(),
                 workers=workers)  # fmt: skip
    return time.perf_counter() - started, out.getvalue()


def parse_only(paths: list[Path], workers: int | None) -> float:
    from articles.parsing import Parser

    jobs = [(path.name, path.read_bytes()) for path in paths]
    started = time.perf_counter()
    with Parser(workers) as parser:
        for _ in parser.parse(jobs):
            pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None, help="parser processes")
    args = parser.parse_args()

    from bench.documents import write_documents

    folder = ROOT / "var" / "bench-documents" / str(args.documents)
    paths = write_documents(folder, args.documents)
    size = sum(path.stat().st_size for path in paths) / len(paths)
    print(f"{len(paths)} documents, {size / 1024:.1f} KB on average, in {folder}")
    fresh_database()
    n = len(paths)
    for label in ("first run (fresh database)", "second run (all unchanged)"):
        print(f"{label}: {load()}")
        seconds, summary = timed_import(folder, args.workers)
        lines = [line.split() for line in summary.splitlines() if line[:1].isalpha()]
        counts = ", ".join(f"{word[0]} {word[1]}" for word in lines if len(word) == 2)
        print(f"  {n / seconds:7.0f} documents/s  ({seconds:.1f} s; {counts})")
    for workers, label in ((1, "parse only, one process"), (args.workers, "parse only, pool")):
        print(f"{label}: {load()}")
        seconds = parse_only(paths, workers)
        print(f"  {n / seconds:7.0f} documents/s  ({seconds:.1f} s)")


if __name__ == "__main__":
    main()
