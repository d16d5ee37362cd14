"""Long texts compressed with LZ4 instead of pglz, where the server has LZ4.

An item's row (body, teaser, its search columns), a document's raw text and a version's
serialised data are compressed when they are stored; pglz cost the import about a quarter of
an item's INSERT (issue 12, README "Import benchmark"). Only new values are compressed with
LZ4 (no rewrite: the ALTER takes a moment on any size of table); old values stay readable.
A server built without LZ4 (the embedded one, say) keeps pglz.
"""

from django.db import migrations

COLUMNS = {
    "articles_article": ("teaser", "body", "search_text", "search_parts", "search_head_parts",
                         "search_vector", "search_head"),
    "articles_document": ("raw_text",),
    "reversion_version": ("serialized_data",),
}  # fmt: skip


def _alter(method: str) -> str:
    statements = " ".join(
        f"ALTER TABLE {table} "
        + ", ".join(f"ALTER COLUMN {column} SET COMPRESSION {method}" for column in columns)
        + ";"
        for table, columns in COLUMNS.items()
    )
    return f"""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings
                WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
        {statements}
    END IF;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_readerpages_item_copies"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [migrations.RunSQL(_alter("lz4"), reverse_sql=_alter("default"))]
