"""Derived data from SQL files (articles/derived/sql/): the tally functions of 0005 with the
rule "listed" as one SQL function, and the search text kept by triggers."""

from django.db import migrations

from articles.derived import sql


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_generation_pinned_items")]

    operations = [
        migrations.RunSQL(sql=sql.load("tallies.sql"), reverse_sql=migrations.RunSQL.noop),
        migrations.RunSQL(
            sql=sql.load("search_text.sql") + "\nSELECT articles_search_text_refresh(NULL);",
            reverse_sql=sql.load("search_text_drop.sql"),
        ),
    ]
