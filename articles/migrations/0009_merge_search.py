# Joins the search helper's 0006 with main's migrations (the coordinator may replace it).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_search_compounds"),
        ("articles", "0008_safety_login_failures"),
    ]

    operations = []
