"""The import's history, written one batch behind in a thread with its own connection."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from reversion.models import Version

from articles.models import Article
from articles.revisions import record_revision

SEEDS = Path(settings.DOCUMENTS_DIR)

# Outside a test transaction: the history thread's connection sees the committed batches.
pytestmark = pytest.mark.django_db(transaction=True)


def contents(revision) -> list:
    return sorted(
        (v.content_type.model, v.object_id, json.loads(v.serialized_data), v.object_repr)
        for v in revision.version_set.all()
    )


def test_every_imported_item_has_one_revision_holding_what_was_written():
    out = io.StringIO()
    call_command("import_documents", str(SEEDS), batch=2, stdout=out, stderr=io.StringIO())
    assert "created            5" in out.getvalue()
    items = list(Article.objects.all())
    assert len(items) == 19  # 5 items, 14 teaser-only items
    for item in items:
        versions = list(Version.objects.get_for_object(item))  # newest first
        # One per document that wrote the item or named it as a related teaser.
        assert len(versions) == 1 or item.kind == Article.Kind.TEASER, item.title
        revision = versions[0].revision
        assert revision.comment.startswith("Importiert aus ")
        # The same content as a revision recorded now, in this thread (nothing changed since).
        assert contents(revision) == contents(record_revision([item])[0])
        saved = versions[0].field_dict
        assert (saved["title"], saved["body"]) == (item.title, item.body)
        assert "search_vector" not in saved  # derived columns are not history
