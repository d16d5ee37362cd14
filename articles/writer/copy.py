"""Insert many rows with PostgreSQL's COPY: ids taken from the table's sequence first.

COPY fires the tables' statement triggers once per call, like one multi-row INSERT, but
sends the values without quoting them in Python (long texts are most of an item's bytes).
"""

from __future__ import annotations

import json

from django.db import connection, models


def allocate_ids(model: type[models.Model], count: int) -> list[int]:
    if count == 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def copy_rows(model: type[models.Model], columns: list[str], rows: list[tuple]) -> None:
    """COPY rows (values in the order of `columns`, dicts and lists as JSON) into the table."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    statement = f"COPY {table} ({names}) FROM STDIN"
    with (
        connection.wrap_database_errors,
        connection.cursor() as wrapper,
        wrapper.cursor.copy(statement) as copy,
    ):
        for row in rows:
            copy.write_row([json.dumps(v) if isinstance(v, dict | list) else v for v in row])


def insert(model: type[models.Model], rows: list[dict]) -> list[int]:
    """Insert rows given as {column: value} (the same columns in each); returns their ids."""
    if not rows:
        return []
    ids = allocate_ids(model, len(rows))
    columns = ["id", *rows[0]]
    copy_rows(model, columns, [(pk, *row.values()) for pk, row in zip(ids, rows, strict=True)])
    return ids
