"""Small modules with one job: no tracked source file outside migrations over MAX_LINES lines."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400
SUFFIXES = (".py", ".html", ".sql", ".js", ".css")


def tracked_sources() -> list[Path]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked files are unknown")
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
    ).stdout
    return [
        ROOT / name
        for name in listing.split("\0")
        if name.endswith(SUFFIXES) and "/migrations/" not in name and (ROOT / name).is_file()
    ]


def too_long(paths: list[Path], limit: int = MAX_LINES) -> dict[str, int]:
    """The files with more than `limit` lines, by path relative to the project."""
    counts = {}
    for path in paths:
        with path.open("rb") as handle:
            counts[str(path.relative_to(ROOT))] = sum(1 for _ in handle)
    return {name: lines for name, lines in counts.items() if lines > limit}


def test_no_source_file_is_over_the_limit():
    assert too_long(tracked_sources()) == {}


def test_the_check_counts_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    long, short = tmp_path / "long.py", tmp_path / "short.py"
    long.write_text("x = 1\n" * (MAX_LINES + 1))
    short.write_text("x = 1\n" * MAX_LINES)
    assert too_long([long, short]) == {"long.py": MAX_LINES + 1}
