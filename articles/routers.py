"""Keep Django's serialisers away from the tallies, which only database triggers write.

dumpdata and loaddata ask the router whether a model takes part in migrations; a dump with
tally rows, loaded beside the triggers, would count every item twice.
"""

from __future__ import annotations

from articles.models.tallies import TALLY_MODELS


class DerivedTablesRouter:
    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints):
        if app_label == "articles" and model_name in TALLY_MODELS:
            return False
        return None
