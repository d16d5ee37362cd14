"""The one item writer: parsed items (and editors' corrections of them) → rows.

articles/writer/rows.py describes an item as plain data (ItemRows), lookups.py finds or
creates what items refer to, write.py writes a batch set-based. Used by the importer
(articles/importing.py: import_documents, load_archive) and the paste page
(articles/editorial/save.py).
"""

from articles.writer.rows import DocumentRow, ItemRows, SourceRow, from_parsed, source_row
from articles.writer.write import CREATED, FAILED, SKIPPED, UPDATED, Outcome, write_items

__all__ = [
    "CREATED",
    "FAILED",
    "SKIPPED",
    "UPDATED",
    "DocumentRow",
    "ItemRows",
    "Outcome",
    "SourceRow",
    "from_parsed",
    "source_row",
    "write_items",
]
