"""The derived data's SQL lives in .sql files beside this module; migrations load them.

Every file is written to be loaded again (CREATE OR REPLACE, DROP ... IF EXISTS before
CREATE), so changing a function is: edit the file, add a migration with
`migrations.RunSQL(sql.load("tallies.sql"))`.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "sql"


def load(name: str) -> str:
    return (FOLDER / name).read_text(encoding="utf-8")
