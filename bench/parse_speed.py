"""Parse speed of the importer: documents per second, parse only, one core.

    .venv/bin/python bench/parse_speed.py [--rounds 20] [FOLDER ...]

Reads every *.txt under the folders (default: the seeds, tests/data/documents and the
development corpus under tests/data/, when present) into memory once, then parses them all
ROUNDS times with articles.ingest.parse_bytes (no Django, no database, no file reads) and
prints documents per second (wall clock, and CPU time of the process, which a busy machine
inflates less), with the median time per document of the slowest documents.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.ingest import ParseError, parse_bytes  # noqa: E402
from articles.ingest.furniture import is_furniture  # noqa: E402
from articles.ingest.line_kinds import is_prose  # noqa: E402
from articles.ingest.people import is_role_word  # noqa: E402

DEFAULT_FOLDERS = [ROOT / "fixtures" / "documents", ROOT / "tests" / "data"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT_FOLDERS)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    documents = [
        (path.name, path.read_bytes())
        for folder in args.folders
        for path in sorted(folder.rglob("*.txt"))
    ]
    if not documents:
        sys.exit("no documents found")
    per_document: dict[str, list[float]] = {name: [] for name, _ in documents}
    failed = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(args.rounds):
        is_furniture.cache_clear()  # every round starts cold: no line is known from before
        is_role_word.cache_clear()
        is_prose.cache_clear()
        for name, data in documents:
            began = time.perf_counter()
            try:
                parse_bytes(data, name)
            except ParseError:
                failed += 1
            per_document[name].append(time.perf_counter() - began)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    total = len(documents) * args.rounds
    print(f"{len(documents)} documents x {args.rounds} rounds = {total} parses")
    print(f"wall: {total / elapsed:,.0f} documents/s ({elapsed * 1000 / total:.2f} ms each)")
    print(f"CPU:  {total / cpu:,.0f} documents/s of one core's time (less affected by load)")
    print(f"refused (ParseError): {failed // args.rounds} documents per round")
    slowest = sorted(per_document.items(), key=lambda item: -statistics.median(item[1]))[:3]
    for name, times in slowest:
        print(f"  slowest: {name} {statistics.median(times) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
