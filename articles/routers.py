"""Keep Django's serialisers away from the tallies and the generation: only triggers write them.

dumpdata and loaddata ask the router whether a model takes part in migrations; a dump with
tally rows, loaded beside the triggers, would count every item twice.
"""

from __future__ import annotations

from articles.models.tallies import TALLY_MODELS

DERIVED_MODELS = TALLY_MODELS | {"generation"}


class DerivedTablesRouter:
    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints):
        if app_label == "articles" and model_name in DERIVED_MODELS:
            return False
        return None
