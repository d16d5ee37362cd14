"""Import raw documents: read → skip unchanged → parse (in worker processes) → item writer.

Idempotent on the import reference ("file:<name>"): a file whose bytes were imported before
is skipped without being parsed (one query per chunk of files). A changed file updates its
item (a new Document row per version), keeping fields editors changed since the import; a
teaser-only item is filled in place when its full article arrives. The writer
(articles/writer/) writes a batch of documents in one transaction and falls back to one
transaction per document when the database refuses the batch, so a bad document fails alone
with nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from articles.history_behind import HistoryBehind
from articles.ingest.fixtures import fixture_objects
from articles.ingest.suffixes import is_folder_document
from articles.models import Article
from articles.parsing import Parser, batched
from articles.writer import CREATED, FAILED, SKIPPED, UPDATED, Outcome, from_parsed, write_items

FILE_CHUNK = 2000  # files read and checked for changes at once
BATCH = 200  # documents per write transaction


def collect_files(paths: list[str | Path]) -> list[Path]:
    """Files named, and the documents inside folders named (text, e-mails, saved pages, feeds,
    Markdown: articles/ingest/suffixes.py), in a stable order."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and is_folder_document(p))
            )
        else:
            files.append(path)
    return files


def write_fixture(objects: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(objects, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def import_files(
    files: list[Path],
    *,
    status: str = "published",
    fixtures_dir: Path | None = None,
    workers: int | None = None,
    batch: int = BATCH,
) -> Iterator[Outcome]:
    """One Outcome per file, in order. `fixtures_dir`: also write each item's fixture there."""
    with Parser(workers) as parser, HistoryBehind() as history:
        for chunk in batched(files, FILE_CHUNK):
            yield from _import_chunk(chunk, parser, history, status, fixtures_dir, batch)


def _import_chunk(chunk, parser, history, status, fixtures_dir, batch) -> Iterator[Outcome]:
    jobs: list[tuple[str, bytes]] = []
    early: dict[int, Outcome] = {}
    for index, path in enumerate(chunk):
        try:
            jobs.append((path.name, path.read_bytes()))
        except OSError as error:
            early[index] = Outcome(path.name, FAILED, f"cannot read file: {error.strerror}")
            jobs.append((path.name, b""))
    known = _imported_versions([name for name, _ in jobs])
    to_parse = []
    for index, (name, data) in enumerate(jobs):
        if index in early:
            continue
        article_id = known.get((f"file:{name}", hashlib.sha256(data).hexdigest()))
        if article_id is not None:
            early[index] = Outcome(name, SKIPPED, article_id=article_id)
        else:
            to_parse.append(index)
    parsed = parser.parse([jobs[index] for index in to_parse])
    results: dict[int, Outcome] = dict(early)
    next_out = 0

    def ready() -> Iterator[Outcome]:
        nonlocal next_out
        while next_out in results:
            yield results.pop(next_out)
            next_out += 1

    for indices in batched(zip(to_parse, parsed, strict=True), batch):
        items = []
        for index, result in indices:
            if isinstance(result, str):
                results[index] = Outcome(jobs[index][0], FAILED, result)
            else:
                items.append((index, result))
        rows = [from_parsed(item, status) for _, item in items]
        outcomes = write_items(rows, before_commit=history.before_commit)
        _record_history(outcomes, history)
        for (index, item), outcome in zip(items, outcomes, strict=True):
            results[index] = outcome
            if fixtures_dir is not None and outcome.status not in (FAILED, SKIPPED):
                path = fixtures_dir / f"{Path(item.file).stem}.json"
                write_fixture(fixture_objects([item], status=status), path)
        yield from ready()
    yield from ready()


def _record_history(outcomes: list[Outcome], history: HistoryBehind) -> None:
    """One revision per written item and per teaser it names (articles/revisions.py)."""
    for status, verb in ((CREATED, "Importiert"), (UPDATED, "Aktualisiert")):
        done = [outcome for outcome in outcomes if outcome.status == status]
        if not done:
            continue
        ids = [outcome.article_id for outcome in done]
        teasers = Article.related.through.objects.filter(from_article_id__in=ids)
        ids += list(teasers.values_list("to_article_id", flat=True))
        files = done[0].label + (f" und {len(done) - 1} weiteren" if len(done) > 1 else "")
        history.record(ids, comment=f"{verb} aus {files}")


def _imported_versions(names: list[str]) -> dict[tuple[str, str], int]:
    """(import reference, document sha256) → item id, for the files of this chunk."""
    rows = Article.objects.filter(import_ref__in=[f"file:{name}" for name in names]).values_list(
        "import_ref", "document__sha256", "id"
    )
    return {(ref, sha): pk for ref, sha, pk in rows}
