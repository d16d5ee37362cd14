"""Parse raw documents and print what the archive would make of them; writes nothing."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from articles.importing import collect_files
from articles.ingest import ParseError, parse_file


class Command(BaseCommand):
    help = "Parse documents (files or folders) and print the parsed items; no database writes."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="FILE")
        parser.add_argument("--json", action="store_true", help="print one JSON array")

    def handle(self, *args, **options) -> None:
        results = []
        failed = False
        for path in collect_files(options["paths"]):
            try:
                results.append(parse_file(path).to_json())
            except ParseError as error:
                results.append({"file": path.name, "error": str(error)})
                failed = True
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        else:
            for result in results:
                if "error" in result:
                    self.stdout.write(f"{result['file']}: FAILED: {result['error']}")
                else:
                    date = result["date"] or "no date"
                    self.stdout.write(
                        f"{result['file']}: {result['source_kind']} | {date} | {result['title']}"
                    )
                    for warning in result["warnings"]:
                        self.stdout.write(f"    warning: {warning}")
        if failed:
            sys.exit(1)
