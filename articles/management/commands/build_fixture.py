"""Write the seed archive's fixture from the documents in fixtures/documents/ (byte-identical)."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.importing import collect_files, write_fixture
from articles.ingest import ParseError, parse_file
from articles.ingest.fixtures import fixture_objects


class Command(BaseCommand):
    help = "Regenerate fixtures/seed_archive.json from fixtures/documents/."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--documents", default=str(settings.DOCUMENTS_DIR))
        parser.add_argument("--output", default=str(settings.SEED_FIXTURE))

    def handle(self, *args, **options) -> None:
        items = []
        for path in collect_files([options["documents"]]):
            try:
                items.append(parse_file(path))
            except ParseError as error:
                self.stderr.write(f"{path}: failed: {error}")
                sys.exit(1)
        write_fixture(fixture_objects(items), Path(options["output"]))
        self.stdout.write(f"Wrote {len(items)} documents to {options['output']}")
