"""Merge of the leaks branch's migrations with main's safety migration."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_merge_leaks_ui"),
        ("articles", "0008_safety_login_failures"),
    ]

    operations = []
