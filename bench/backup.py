"""Time history, backup and restore on a synthetic archive (the benchmark's corpus).

    .venv/bin/python bench/backup.py --items 20000

Builds (once) the corpus of bench/run.py in its own database `archive_bench_backup`, gives
every item its revision with `record_revision` (what an import adds), then times
`manage.py backup` and `manage.py restore` into a fresh database and checks the counts.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # sets the environment before Django loads

run.BENCH_DATABASE = "archive_bench_backup"
RESTORED = "archive_bench_restored"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--output", default="var/bench-backup.dump")
    args = parser.parse_args()
    run.configure()
    run.ensure_database()
    run.build(args.items)

    from django.core.management import call_command
    from reversion.models import Version

    from archive.backup import Target
    from articles.models import Article
    from articles.revisions import record_revision

    if not Version.objects.exists():
        started = time.monotonic()
        record_revision(Article.objects.values_list("pk", flat=True), comment="bench")
        print(f"record_revision for {Article.objects.count():,} items: "
              f"{time.monotonic() - started:.1f} s")  # fmt: skip

    source = Target.from_settings()
    with Target(**{**source.__dict__, "name": "postgres"}).connect(autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{RESTORED}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{RESTORED}"')
    restored = Target(**{**source.__dict__, "name": RESTORED})
    url = _url(restored)

    started = time.monotonic()
    call_command("backup", output=args.output, stdout=io.StringIO())
    backup_seconds = time.monotonic() - started
    size = Path(args.output).stat().st_size / 1024 / 1024
    started = time.monotonic()
    call_command("restore", args.output, database_url=url, stdout=io.StringIO())
    restore_seconds = time.monotonic() - started

    with restored.connect() as conn:
        items = conn.execute("SELECT count(*) FROM articles_article").fetchone()[0]
        versions = conn.execute("SELECT count(*) FROM reversion_version").fetchone()[0]
    assert items == Article.objects.count() and versions == Version.objects.count()
    print(f"{items:,} items, {versions:,} versions; backup {backup_seconds:.1f} s "
          f"({size:.1f} MB), restore incl. ANALYZE {restore_seconds:.1f} s")  # fmt: skip
    with Target(**{**source.__dict__, "name": "postgres"}).connect(autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{RESTORED}" WITH (FORCE)')


def _url(target) -> str:
    from urllib.parse import quote

    auth = quote(target.user or "postgres", safe="")
    if target.password:
        auth += ":" + quote(target.password, safe="")
    port = f":{target.port}" if target.port else ""
    return f"postgresql://{auth}@{quote(target.host, safe='')}{port}/{target.name}"


if __name__ == "__main__":
    main()
