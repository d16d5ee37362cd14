"""CPU per document of the import's steps: parse, writer, history (Python and PostgreSQL).

    BENCH_DATABASE=… .venv/bin/python bench/import_cost.py [--documents 1200] [--warm 200]

Wall-clock rates on a shared 2-core machine say more about the neighbours than the code;
CPU time does not. Parses the documents of bench/imports.py in this process
(time.process_time), creates the database afresh, writes `--warm` documents (they fill the
compound lexicon), then writes the rest batch by batch with the history recorded in place,
timing this process and its PostgreSQL backend (/proc/<pid>/stat) separately.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def backend_seconds() -> float:
    from django.db import connection

    pid = connection.connection.info.backend_pid
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1200)
    parser.add_argument("--warm", type=int, default=200)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()

    from bench import imports

    imports.fresh_database()
    from django.db import connection

    from articles.models import Article
    from articles.parsing import parse_job
    from articles.revisions import record_revision
    from articles.writer import CREATED, from_parsed, write_items
    from bench.documents import write_documents

    folder = ROOT / "var" / "bench-documents" / str(args.documents)
    jobs = [(path.name, path.read_bytes()) for path in write_documents(folder, args.documents)]
    started = time.process_time()
    parsed = [parse_job(job) for job in jobs]
    parse = (time.process_time() - started) / len(jobs)
    items = [from_parsed(item) for item in parsed if not isinstance(item, str)]
    connection.ensure_connection()
    totals = dict.fromkeys(("writer", "writer_pg", "history", "history_pg"), 0.0)

    def write(batch: list, measure: bool) -> None:
        python, backend = time.process_time(), backend_seconds()
        outcomes = write_items(batch)
        python2, backend2 = time.process_time(), backend_seconds()
        ids = [outcome.article_id for outcome in outcomes if outcome.status == CREATED]
        teasers = Article.related.through.objects.filter(from_article_id__in=ids)  # as the
        ids += list(teasers.values_list("to_article_id", flat=True))  # importer records
        record_revision(ids, comment="bench")
        if measure:
            totals["writer"] += python2 - python
            totals["writer_pg"] += backend2 - backend
            totals["history"] += time.process_time() - python2
            totals["history_pg"] += backend_seconds() - backend2

    for start in range(0, len(items), args.batch):
        write(items[start : start + args.batch], measure=start >= args.warm)
    count = len(items) - args.warm
    each = {name: 1000 * value / count for name, value in totals.items()}
    print(f"{count} documents after {args.warm}; load {os.getloadavg()[0]:.2f}")
    print(
        f"ms CPU per document: parse {1000 * parse:.2f} | writer Python {each['writer']:.2f}, "
        f"PostgreSQL {each['writer_pg']:.2f} | history Python {each['history']:.2f}, "
        f"PostgreSQL {each['history_pg']:.2f} | in all {1000 * parse + sum(each.values()):.2f}"
    )


if __name__ == "__main__":
    main()
