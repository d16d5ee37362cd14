"""Search that understands German compounds and synonyms.

- articles_compoundlexicon: word → compound parts (filled from Python, articles/lexicon.py);
- Article.search_parts, set by a BEFORE trigger from the lexicon on every write, whoever
  writes; the stored search_vector reads it at weight D (below whole words);
- Article.search_head: title, kicker, keyword and person names only, with its own GIN index,
  so title and keyword matches are ranked over the whole archive;
- slashes between letters separate words in both vectors ("CDO/CIO");
- SynonymGroup with the seed groups editors start from.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

WORD_TOKENS = "(1, 2, 10, 11)"
# A slash between letters separates words (as articles/models/article.py says).
PATTERN, REPLACEMENT = r"([[:alnum:]])/(?=[[:alnum:]])", r"\1 "

PARTS_OF = f"""
coalesce((
    SELECT string_agg(array_to_string(l.parts, ' '), ' ' ORDER BY w.first)
      FROM (SELECT lower(t.token) AS word, min(t.n) AS first
              FROM ts_parse('default', regexp_replace(%s, '{PATTERN}', '{REPLACEMENT}', 'g'))
                   WITH ORDINALITY AS t(tokid, token, n)
             WHERE t.tokid IN {WORD_TOKENS} AND char_length(t.token) >= 7
             GROUP BY 1) AS w
      JOIN articles_compoundlexicon l ON l.word = w.word
     WHERE cardinality(l.parts) > 0), '')
"""
HEAD = "concat_ws(' ', NEW.title, NEW.kicker, NEW.search_text)"
REST = "concat_ws(' ', NEW.teaser, NEW.body)"

TRIGGER = f"""
CREATE FUNCTION articles_search_parts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_head_parts := {PARTS_OF % HEAD};
    NEW.search_parts := concat_ws(' ', NEW.search_head_parts, {PARTS_OF % REST});
    RETURN NEW;
END
$$;
CREATE TRIGGER articles_search_parts
    BEFORE INSERT OR UPDATE OF title, kicker, teaser, body, search_text
    ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_search_parts();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS articles_search_parts ON articles_article;
DROP FUNCTION IF EXISTS articles_search_parts();
"""

SEED_GROUPS = [
    ("OZG\nOnlinezugangsgesetz\nOnline-Zugangsgesetz", ""),
    ("E-Akte\nelektronische Akte\neAkte", ""),
    ("TMDI\nThüringer Ministerium für Digitales und Infrastruktur", "seit 2024"),
    ("ThAVEL\nThüringer Antragssystem für Verwaltungsleistungen", ""),
    ("CIO\nChief Information Officer", "IT-Beauftragter"),
    ("CDO\nChief Digital Officer", ""),
]


def seed_synonyms(apps, schema_editor):
    SynonymGroup = apps.get_model("articles", "SynonymGroup")
    for terms, note in SEED_GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms, defaults={"note": note})


def vector(*parts):
    combined = parts[0]
    for part in parts[1:]:
        combined = django.contrib.postgres.search.CombinedSearchVector(
            combined, "||", part, django.contrib.postgres.search.SearchConfig("german")
        )
    return combined


def words(column):
    return models.Func(
        models.F(column),
        models.Value(PATTERN),
        models.Value(REPLACEMENT),
        models.Value("g"),
        function="regexp_replace",
        output_field=models.TextField(),
    )


def weighted(*columns, weight):
    return django.contrib.postgres.search.SearchVector(*columns, config="german", weight=weight)


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_writer_derived")]

    operations = [
        migrations.CreateModel(
            name="CompoundLexicon",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.TextField(unique=True)),
                (
                    "parts",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.TextField(), blank=True, default=list, size=None
                    ),
                ),
                ("splitter_version", models.PositiveSmallIntegerField(default=1)),
            ],
            options={
                "verbose_name": "Wortzerlegung",
                "verbose_name_plural": "Wortzerlegungen",
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["parts"], name="compound_lexicon_parts_gin"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="SynonymGroup",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "terms",
                    models.TextField(
                        help_text="Gleichbedeutende Begriffe, je einer pro Zeile (oder getrennt durch „=“). Eine Suche nach einem davon findet alle.",
                        verbose_name="Begriffe",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="Anmerkung")),
            ],
            options={
                "verbose_name": "Synonymgruppe",
                "verbose_name_plural": "Synonymgruppen",
                "ordering": ["terms"],
            },
        ),
        migrations.RunPython(seed_synonyms, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="article", name="article_search_vector_gin"),
        migrations.RemoveField(model_name="article", name="search_vector"),
        migrations.AddField(
            model_name="article",
            name="search_parts",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="Compound parts of the item's words; set by a database trigger from the lexicon.",
                verbose_name="Wortteile",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="search_head_parts",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="Compound parts of the title, kicker, keyword and person names.",
                verbose_name="Wortteile (Kopf)",
            ),
        ),
        migrations.RunSQL(TRIGGER, DROP_TRIGGER),
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=vector(
                    weighted(words("title"), weight="A"),
                    weighted(words("kicker"), words("search_text"), weight="B"),
                    weighted(words("teaser"), words("body"), weight="C"),
                    weighted("search_parts", weight="D"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="search_head",
            field=models.GeneratedField(
                db_persist=True,
                expression=vector(
                    weighted(words("title"), weight="A"),
                    weighted(words("kicker"), words("search_text"), weight="B"),
                    weighted("search_head_parts", weight="D"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="article_search_vector_gin"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_head"], name="article_search_head_gin"
            ),
        ),
    ]
