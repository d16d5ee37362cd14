"""Load the seed archive fixture (what `make run` calls); skipped when it is loaded already."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.models import Article, Document
from articles.revisions import fixture_items, record_revision


class Command(BaseCommand):
    help = "Load fixtures/seed_archive.json unless its documents are in the archive already."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--force", action="store_true", help="load even if loaded before")

    def handle(self, *args, **options) -> None:
        fixture = settings.SEED_FIXTURE
        if not fixture.exists():
            self.stdout.write("No seed fixture - the archive starts empty.")
            return
        objects = json.loads(fixture.read_text(encoding="utf-8"))
        shas = {o["fields"]["sha256"] for o in objects if o["model"] == "articles.document"}
        present = Document.objects.filter(sha256__in=shas).count()
        if present == len(shas) and not options["force"]:
            self.stdout.write("Seed archive already loaded (editors' changes are kept).")
            return
        call_command("loaddata", str(fixture), verbosity=0)
        # loaddata sends raw signals only: copy keywords and people into the search text here.
        Article.objects.all().refresh_search_text()
        record_revision(fixture_items(objects), comment=f"Geladen aus {fixture.name}")
        self.stdout.write(f"Loaded the seed archive: {Article.objects.count()} items.")
