"""Import raw documents (files or folders): parse, write a fixture under fixtures/, load it."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.importing import FAILED, IMPORTED, UNCHANGED, UPDATED, collect_files, import_path


class Command(BaseCommand):
    help = "Import press documents into the archive (idempotent; one transaction per document)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--fixtures-dir",
            default=None,
            help="where the per-document fixtures go (default: fixtures/imported/)",
        )
        parser.add_argument(
            "--status", default="published", choices=["draft", "review", "published"]
        )

    def handle(self, *args, **options) -> None:
        fixtures_dir = Path(options["fixtures_dir"] or settings.IMPORT_FIXTURES_DIR)
        files = collect_files(options["paths"])
        if not files:
            self.stderr.write("No documents found.")
            sys.exit(1)
        counts: Counter[str] = Counter()
        warnings = 0
        progress = tqdm(files, unit="doc", disable=len(files) < 5, file=sys.stderr)
        for path in progress:
            outcome = import_path(path, fixtures_dir, status=options["status"])
            counts[outcome.status] += 1
            warnings += len(outcome.warnings)
            if outcome.status == FAILED:
                self._say(progress, self.stderr, f"{path}: failed: {outcome.message}")
            elif options["verbosity"] > 1 or outcome.kept:
                line = f"{path.name}: {outcome.status}"
                if outcome.kept:
                    line += f"; kept editors' changes to {', '.join(outcome.kept)}"
                self._say(progress, self.stdout, line)
            for note in outcome.merged:
                self._say(progress, self.stdout, f"{path.name}: {note}")
        self.stdout.write(self._summary(counts, warnings))
        if counts[FAILED]:
            sys.exit(1)

    @staticmethod
    def _say(progress: tqdm, stream, line: str) -> None:
        """One line of output without tearing the progress bar."""
        with progress.external_write_mode():
            stream.write(line)

    def _summary(self, counts: Counter, warnings: int) -> str:
        rows = [
            ("imported", counts[IMPORTED]),
            ("updated", counts[UPDATED]),
            ("unchanged", counts[UNCHANGED]),
            ("failed", counts[FAILED]),
            ("warnings", warnings),
        ]
        lines = ["", f"{'':<10} {'documents':>9}"]
        lines += [f"{label:<10} {number:>9}" for label, number in rows]
        if not any(counts[s] for s in (IMPORTED, UPDATED, FAILED)):
            lines.append("Nothing changed.")
        return "\n".join(lines)
