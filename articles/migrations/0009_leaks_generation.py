"""The archive generation kept by PostgreSQL (articles/sql/generation.sql, articles/cache.py)."""

from pathlib import Path

from django.db import migrations, models

SQL = (Path(__file__).resolve().parent.parent / "sql" / "generation.sql").read_text()

TABLES = (
    "articles_article", "articles_article_related", "articles_taggedarticle", "articles_keyword",
    "articles_mention", "articles_person", "articles_link", "articles_source", "articles_document",
)  # fmt: skip

DROP = "\n".join(
    [f"DROP TRIGGER IF EXISTS {table}_generation ON {table};" for table in TABLES]
    + [
        "DROP FUNCTION IF EXISTS articles_generation_advance();",
        "DROP TABLE IF EXISTS articles_generation;",
    ]
)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_safety_login_failures")]

    operations = [
        migrations.CreateModel(
            name="Generation",
            fields=[
                ("id", models.SmallIntegerField(primary_key=True, serialize=False)),
                ("value", models.BigIntegerField()),
            ],
            options={"managed": False, "db_table": "articles_generation"},
        ),
        migrations.RunSQL(sql=SQL, reverse_sql=DROP),
    ]
