"""Load every fixture file in fixtures/ (what `make run` calls)."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.models import Article


class Command(BaseCommand):
    help = "Load the archive's fixture files from fixtures/*.json (idempotent)."

    def handle(self, *args, **options) -> None:
        fixtures_dir = settings.BASE_DIR / "fixtures"
        files = sorted(str(path) for path in fixtures_dir.glob("*.json"))
        if not files:
            self.stdout.write("No fixture files in fixtures/ - the archive starts empty.")
            return
        call_command("loaddata", *files, verbosity=options["verbosity"])
        # loaddata sends raw signals only: copy keywords and people into the search text here.
        Article.objects.all().refresh_search_text()
        self.stdout.write(f"Loaded {len(files)} fixture file(s).")
