"""The archive generation: one row that database triggers move on with every write.

The table, its trigger function and the triggers come from articles/sql/generation.sql
(migration 0006); articles/cache.py reads the value. Unmanaged: only the database writes it.
"""

from __future__ import annotations

from django.db import models


class Generation(models.Model):
    id = models.SmallIntegerField(primary_key=True)
    value = models.BigIntegerField()

    class Meta:
        managed = False
        db_table = "articles_generation"

    def __str__(self) -> str:
        return str(self.value)
