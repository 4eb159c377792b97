"""The package's shape: no module over 700 lines, no import cycle through the history.

Imports are read from the source (every ``import glute_timer...`` and ``from glute_timer...
import``, at any depth: inside functions and ``if TYPE_CHECKING`` blocks too), so a cycle
is found even where it would only bite at run time, or only for the type checker.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import glute_timer

PACKAGE = Path(glute_timer.__file__).parent
MAX_LINES = 700


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """Our modules that ``name`` imports anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join([*base, node.module] if node.module else base)
            else:
                origin = node.module or ""
            for alias in node.names:
                submodule = f"{origin}.{alias.name}"
                if submodule in known:  # ``from glute_timer.core import history_store``
                    yield submodule
                elif origin in known:
                    yield origin


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    known = set(modules)
    return {
        name: {target for target in imported_modules(name, path, known) if target != name}
        for name, path in modules.items()
    }


def tangles(graph: dict[str, set[str]], among: set[str]) -> list[set[str]]:
    """The groups of modules within ``among`` that import each other in a cycle: the
    strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node] & among):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(group)

    for start in sorted(among):
        if start not in index:
            visit(start)
    return found


def history_modules(graph: dict[str, set[str]]) -> set[str]:
    return {name for name in graph if name.startswith("glute_timer.core.history")}


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"d"}}
    assert tangles(graph, set(graph)) == [{"a", "b", "c"}]
    assert tangles(graph, {"a", "b", "d", "e"}) == []


def test_relative_and_from_package_imports_are_read(tmp_path: Path) -> None:
    source = tmp_path / "glute_timer" / "core" / "history_store.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "from . import history_model\nfrom .history_file import probe\n"
        "def later():\n    from glute_timer.core import history_rescue\n",
        encoding="utf-8",
    )
    known = {f"glute_timer.core.{n}" for n in ("history_model", "history_file", "history_rescue")}
    found = set(imported_modules("glute_timer.core.history_store", source, known))
    assert found == known


def test_no_import_cycle_among_the_history_modules() -> None:
    graph = import_graph()
    history = history_modules(graph)
    assert len(history) >= 8  # the split is there
    assert tangles(graph, history) == []


def test_no_history_module_is_in_any_import_cycle() -> None:
    graph = import_graph()
    history = history_modules(graph)
    assert [group for group in tangles(graph, set(graph)) if group & history] == []


def test_the_core_never_imports_the_app_context() -> None:
    graph = import_graph()
    offenders = sorted(
        name
        for name, targets in graph.items()
        if name.startswith("glute_timer.core") and "glute_timer.context" in targets
    )
    assert offenders == []


def _size_cases() -> list[object]:
    cases: list[object] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE.parent).as_posix()
        cases.append(pytest.param(path, id=where))
    return cases


@pytest.mark.parametrize("path", _size_cases())
def test_no_module_is_over_700_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name}: {lines} lines"
