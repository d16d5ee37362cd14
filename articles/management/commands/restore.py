"""Restore a backup made by `backup` (pg_restore, then ANALYZE; see archive/backup.py)."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.backup import BackupError, Target, restore


class Command(BaseCommand):
    help = (
        "Restore a pg_dump custom-format backup into an empty database (or --replace the "
        "contents of the configured one) in one transaction, then ANALYZE."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the backup file (from manage.py backup)")
        parser.add_argument("--database-url", help="restore into this database instead")
        parser.add_argument(
            "--replace", action="store_true", help="drop the database's current contents first"
        )

    def handle(self, *args, file, database_url=None, replace=False, **options) -> None:
        target = Target.from_settings(database_url)
        started = time.monotonic()
        try:
            restore(target, Path(file), replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        self.stdout.write(f"Restored {file} into {target.name} and analysed it ({seconds:.1f} s).")
