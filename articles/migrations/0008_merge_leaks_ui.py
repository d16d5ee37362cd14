"""Merge of the leaks branch (cache generation) with main's ui migrations."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_leaks_generation"),
        ("articles", "0007_ui_keyword_topic_page"),
    ]

    operations = []
