"""The generation also moves when an editor pins or unpins an item on a topic page."""

from pathlib import Path

from django.db import migrations

SQL = (Path(__file__).resolve().parent.parent / "sql" / "generation.sql").read_text()


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_leaks_generation")]

    operations = [
        migrations.RunSQL(
            sql=SQL,
            reverse_sql=(
                "DROP TRIGGER IF EXISTS articles_keyword_pinned_generation "
                "ON articles_keyword_pinned;"
            ),
        ),
    ]
