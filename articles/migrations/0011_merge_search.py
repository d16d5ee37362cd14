# Joins the search helper's 0006 with main's migrations up to 0010 (the coordinator may replace it).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_search_compounds"),
        ("articles", "0010_generation_pinned_items"),
    ]

    operations = []
