"""Score the parser on the development corpus of real layouts (tests/data/corpus/).

    .venv/bin/python -m bench.score_corpus            # per-field, per-kind, per-form % and misses
    .venv/bin/python -m bench.score_corpus --quiet    # the tables only
    .venv/bin/python -m bench.score_corpus --known-misses   # today's misses as KNOWN_MISSES lines

Each NAME.txt has a hand-written NAME.json (the keys of `parse_documents --json`, plus `form`,
`layout` and `body_excludes`). The parser runs through `articles.ingest.parse_file` directly,
no Django. The scoring rules are in tests/data/corpus/README.md; in short: strings are compared
after collapsing whitespace, the teaser and related titles also without a trailing ellipsis, the
body by its first and last 60 characters and by the absence of the page furniture named in
`body_excludes`, lists as sets (related titles in order), people by name and, separately, by
(name, role). A document the parser refuses misses every field.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from articles.ingest import ParseError, parse_file

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
FIELDS = (
    "source_kind", "kicker", "title", "date", "date_precision", "teaser", "body", "author",
    "category", "image_credit", "keywords", "people", "roles", "links", "related",
)  # fmt: skip
BODY_EDGE = 60
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*$")


@dataclass(frozen=True)
class Miss:
    document: str
    field: str
    expected: object
    got: object

    def __str__(self) -> str:
        expected, got = _short(self.expected), _short(self.got)
        return f"{self.document} {self.field}: expected {expected}, got {got}"


def _short(value: object, limit: int = 110) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def norm(value: str | None) -> str:
    """Whitespace collapsed; None and blank are the same."""
    return re.sub(r"\s+", " ", value or "").strip()


def norm_cut(value: str | None) -> str:
    """As norm, without a trailing ellipsis (a teaser cut by the page)."""
    return _ELLIPSIS.sub("", norm(value)).strip()


def documents(corpus: Path = CORPUS) -> list[Path]:
    return sorted(corpus.glob("*.txt"))


def expected_for(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def _body_ok(expected: dict, got: str | None) -> bool:
    want, have = norm(expected["body"]), norm(got)
    if not want:
        return not have
    if not have.startswith(want[:BODY_EDGE]) or not have.endswith(want[-BODY_EDGE:]):
        return False
    return not any(norm(junk) in have for junk in expected.get("body_excludes", []))


def _links(items: list[dict]) -> set[tuple]:
    return {
        (norm(i.get("label")), norm(i.get("url")), norm(i.get("format")), norm(i.get("size")))
        for i in items
    }


def _views(data: dict) -> dict[str, object]:
    """The comparable form of every scored field (body handled apart)."""
    people = data.get("people") or []
    return {
        "source_kind": data.get("source_kind"),
        "kicker": norm(data.get("kicker")),
        "title": norm(data.get("title")),
        "date": data.get("date"),
        "date_precision": data.get("date_precision") if data.get("date") else None,
        "teaser": norm_cut(data.get("teaser")),
        "author": norm(data.get("author")),
        "category": norm(data.get("category")),
        "image_credit": norm(data.get("image_credit")),
        "keywords": sorted(norm(k) for k in data.get("keywords") or []),
        "people": sorted({norm(p["name"]) for p in people}),
        "roles": sorted({(norm(p["name"]), norm(p.get("role"))) for p in people}),
        "links": sorted(_links(data.get("links") or [])),
        "related": [norm_cut(r["title"]) for r in data.get("related") or []],
    }


def score_document(path: Path) -> list[Miss]:
    """The fields the parser gets wrong on one corpus document."""
    expected = expected_for(path)
    try:
        got = parse_file(path).to_json()
    except ParseError as error:
        return [Miss(path.name, field, "a parse", f"refused: {error}") for field in FIELDS]
    want_view, got_view = _views(expected), _views(got)
    misses = [
        Miss(path.name, field, want_view[field], got_view[field])
        for field in FIELDS
        if field != "body" and want_view[field] != got_view[field]
    ]
    if not _body_ok(expected, got.get("body")):
        misses.append(Miss(path.name, "body", norm(expected["body"]), norm(got.get("body"))))
    order = {field: n for n, field in enumerate(FIELDS)}
    return sorted(misses, key=lambda miss: order[miss.field])


def score_corpus(corpus: Path = CORPUS) -> tuple[list[Path], list[Miss]]:
    paths = documents(corpus)
    return paths, [miss for path in paths for miss in score_document(path)]


def _percent(right: int, total: int) -> str:
    return f"{100 * right / total:5.1f} %  ({right}/{total})" if total else "    –"


def report(paths: list[Path], misses: list[Miss], quiet: bool = False) -> str:
    missed = defaultdict(set)
    for miss in misses:
        missed[miss.document].add(miss.field)
    groups: dict[str, dict[str, list[Path]]] = {
        "kind": defaultdict(list),
        "form": defaultdict(list),
    }
    for path in paths:
        expected = expected_for(path)
        groups["kind"][expected["source_kind"]].append(path)
        groups["form"][expected.get("form", "web")].append(path)
    lines = [f"corpus: {len(paths)} documents, {len(FIELDS)} fields each", "", "per field"]
    for field in FIELDS:
        right = sum(field not in missed[p.name] for p in paths)
        lines.append(f"  {field:<15}{_percent(right, len(paths))}")
    for name, group in groups.items():
        lines += ["", f"per {name}"]
        for key in sorted(group):
            members = group[key]
            right = sum(len(FIELDS) - len(missed[p.name]) for p in members)
            label = f"{key} ({len(members)} docs)"
            lines.append(f"  {label:<24}{_percent(right, len(members) * len(FIELDS))}")
    total = len(paths) * len(FIELDS)
    lines += ["", f"all fields   {_percent(total - len(misses), total)}"]
    perfect = sum(not missed[p.name] for p in paths)
    lines.append(f"documents with every field right: {perfect}/{len(paths)}")
    if not quiet and misses:
        lines += ["", "misses"] + [f"  {miss}" for miss in misses]
    return "\n".join(lines)


def known_misses_lines(misses: list[Miss]) -> str:
    """The misses in the form of tests/ingest/corpus_known_misses.py (to diff, never to grow it)."""
    missed = defaultdict(list)
    for miss in misses:
        missed[miss.document].append(miss.field)
    return "\n".join(
        f"    {doc!r}: {{{', '.join(repr(field) for field in fields)}}},".replace("'", '"')
        for doc, fields in sorted(missed.items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="tables only, no list of misses")
    parser.add_argument("--known-misses", action="store_true", help="print KNOWN_MISSES lines")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    paths, misses = score_corpus(args.corpus)
    if args.known_misses:
        print(known_misses_lines(misses))
    else:
        print(report(paths, misses, quiet=args.quiet))


if __name__ == "__main__":
    main()
