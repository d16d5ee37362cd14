"""Joins the writer's derived-data migration with the reader's and editors' columns.

No operations; the coordinator may replace it with the project's own merge migration.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_writer_derived"),
        ("articles", "0008_safety_login_failures"),
    ]

    operations = []
