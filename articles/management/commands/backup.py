"""Back the archive up with pg_dump -Fc (see archive/backup.py and the README)."""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from archive.backup import BackupError, Target, backup


class Command(BaseCommand):
    help = "Write the whole database to a pg_dump custom-format file (restore with `restore`)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output", help="file to write (default: var/backups/archive-<time>.dump)"
        )
        parser.add_argument("--database-url", help="back up this database instead")

    def handle(self, *args, output=None, database_url=None, **options) -> None:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = Path(output or settings.VAR_DIR / "backups" / f"archive-{stamp}.dump")
        started = time.monotonic()
        try:
            backup(Target.from_settings(database_url), path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = path.stat().st_size / 1024 / 1024
        seconds = time.monotonic() - started
        self.stdout.write(f"Backup written to {path} ({size:.1f} MB, {seconds:.1f} s).")
