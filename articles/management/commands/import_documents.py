"""Import raw documents (files or folders) through the item writer."""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.importing import BATCH, collect_files, import_files
from articles.writer import CREATED, FAILED, SKIPPED, UPDATED


class Command(BaseCommand):
    help = "Import press documents into the archive (idempotent; a bad document fails alone)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--fixtures-dir",
            default=None,
            help="also write each imported item's fixture (the interchange format) here",
        )
        parser.add_argument(
            "--status", default="published", choices=["draft", "review", "published"]
        )
        parser.add_argument(
            "--workers", type=int, default=None, help="parser processes (default: one per CPU)"
        )
        parser.add_argument("--batch", type=int, default=BATCH, help="documents per transaction")

    def handle(self, *args, **options) -> None:
        files = collect_files(options["paths"])
        if not files:
            self.stderr.write("No documents found.")
            sys.exit(1)
        fixtures_dir = Path(options["fixtures_dir"]) if options["fixtures_dir"] else None
        counts: Counter[str] = Counter()
        warnings = 0
        progress = tqdm(total=len(files), unit="doc", disable=len(files) < 5, file=sys.stderr)
        started = time.perf_counter()
        outcomes = import_files(
            files,
            status=options["status"],
            fixtures_dir=fixtures_dir,
            workers=options["workers"],
            batch=options["batch"],
        )
        for outcome in outcomes:
            progress.update()
            counts[outcome.status] += 1
            warnings += len(outcome.warnings)
            if outcome.status == FAILED:
                self._say(progress, self.stderr, f"{outcome.label}: failed: {outcome.message}")
                continue
            for note in outcome.merged:
                self._say(progress, self.stdout, f"{outcome.label}: {note}")
            if options["verbosity"] > 1 or outcome.kept:
                line = f"{outcome.label}: {outcome.status}"
                if outcome.kept:
                    line += f"; kept editors' changes to {', '.join(outcome.kept)}"
                self._say(progress, self.stdout, line)
        progress.close()
        seconds = time.perf_counter() - started
        self.stdout.write(self._summary(counts, warnings))
        if options["verbosity"] > 1:
            self.stdout.write(f"{len(files) / seconds:.0f} documents/s ({seconds:.1f} s)")
        if counts[FAILED]:
            sys.exit(1)

    @staticmethod
    def _say(progress: tqdm, stream, line: str) -> None:
        """One line of output without tearing the progress bar."""
        with progress.external_write_mode():
            stream.write(line)

    def _summary(self, counts: Counter, warnings: int) -> str:
        rows = [
            ("created", counts[CREATED]),
            ("updated", counts[UPDATED]),
            ("skipped", counts[SKIPPED]),
            ("failed", counts[FAILED]),
            ("warnings", warnings),
        ]
        lines = ["", f"{'':<10} {'documents':>9}"]
        lines += [f"{label:<10} {number:>9}" for label, number in rows]
        if not any(counts[s] for s in (CREATED, UPDATED, FAILED)):
            lines.append("Nothing changed (skipped: imported before, unchanged).")
        return "\n".join(lines)
