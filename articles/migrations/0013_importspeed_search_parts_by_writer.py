"""The compound-parts trigger keeps what the item writer inserted (articles/derived/sql/
search_parts.sql): the writer tokenises a batch once, for the lexicon and the parts alike."""

import importlib

from django.db import migrations

from articles.derived import sql

previous = importlib.import_module("articles.migrations.0012_search_compounds")


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_search_compounds")]

    operations = [
        migrations.RunSQL(
            sql=sql.load("search_parts.sql"),
            reverse_sql=previous.DROP_TRIGGER
            + previous.TRIGGER
            + "DROP FUNCTION IF EXISTS articles_search_parts_of(text);",
        ),
    ]
