"""Imports go one way: no cycles, lower layers never reach up (a small AST check).

Every import counts, also those inside functions: a lazy import still ties two modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("archive", "articles")
UPPER = ("articles.views", "articles.templatetags", "articles.admin", "articles.feeds",
         "articles.urls", "articles.sitemaps")  # fmt: skip
RULES = {
    # module prefix: prefixes it must not import
    "articles.models": (
        *UPPER,
        "articles.search",
        "articles.writer",
        "articles.importing",
        "articles.editorial",
        "articles.filters",
        "articles.charts",
        "articles.cache",
        "articles.derived.counts",
    ),
    "articles.derived": (
        *UPPER,
        "articles.search",
        "articles.writer",
        "articles.importing",
        "articles.editorial",
    ),
    "articles.search": UPPER,
    "articles.writer": (*UPPER, "articles.search", "articles.editorial", "articles.importing"),
    "articles.importing": (*UPPER, "articles.editorial"),
    "articles.charts": UPPER,
    "articles.filters": UPPER,
    "articles.visibility": UPPER,
    "articles.ingest": ("django", "articles.models", "articles.derived", "articles.writer"),
    "articles.parsing": ("django", "articles.models", "articles.derived", "articles.writer"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            found[module_name(path)] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules (and third-party top-level names) this file imports."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                names.add(candidate if candidate in known else node.module)
    return names


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in edges:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_lower_layers_do_not_reach_up():
    broken = []
    for module, targets in graph().items():
        if ".migrations." in module or ".management." in module:
            continue
        for prefix, forbidden in RULES.items():
            if module == prefix or module.startswith(prefix + "."):
                broken += [
                    f"{module} imports {target}"
                    for target in sorted(targets)
                    if any(target == f or target.startswith(f + ".") for f in forbidden)
                ]
    assert broken == []


def test_settings_and_the_embedded_database_do_not_import_each_other():
    edges = graph()
    assert "archive.settings" not in edges["archive.embedded_db"]
