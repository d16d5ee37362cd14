"""Keep serialisers away from the count tables and the generation: only triggers write them.

dumpdata and loaddata ask the router whether a model takes part in migrations; a dump with
tally rows, loaded beside the triggers, would count every item twice.
"""

from __future__ import annotations

from articles.derived.tables import COUNT_TABLES

DERIVED_MODELS = COUNT_TABLES | {"generation"}


class DerivedTablesRouter:
    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints):
        if app_label == "articles" and model_name in DERIVED_MODELS:
            return False
        return None
