"""The layers of the Python package: no import cycle, and every import goes down a floor.

Read from the source with ``ast`` (nothing is imported), counting every import: at the top of a
module, inside a function, and under ``if TYPE_CHECKING:`` (a type that a module needs from
above it is a dependency too). ARCHITECTURE.md draws the same floors.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "python" / "gongwen"

#: The floors, from the ground up: a module imports only modules of lower floors.
FLOORS = [
    ["_core"],  # the C++ extension
    ["errors", "_checks", "_util", "_lexicon", "datasets"],  # what every module may use
    ["reading", "bulletin", "_estimator", "discover", "similarity"],  # files, parts, tools
    ["segment", "topics", "document"],  # document: any kind, parsed as a bulletin or a 公文
    ["vectorize", "citations"],
    ["articles"],  # the article table and its TF-IDF matrices
    ["reuse", "display"],  # tools over texts, which read an article table too
    ["analysis"],  # the analyses of an article table
    ["corpus"],  # documents loaded, their table and their citations
    ["report"],
    ["cli"],
    ["__main__", "__init__"],  # the entry points
]
FLOOR = {module: floor for floor, modules in enumerate(FLOORS) for module in modules}


def imports_of(path: Path) -> set[str]:
    """The gongwen modules that the module at `path` imports, anywhere in it."""
    modules = {p.stem for p in PACKAGE.glob("*.py")} | {"_core"}

    def named(names: list[ast.alias]) -> set[str]:  # from <package> import x: a module or not
        return {a.name if a.name in modules else "__init__" for a in names}

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            absolute = node.level == 0 and node.module is not None
            parts = (node.module or "").split(".")
            if absolute and parts[0] != "gongwen":
                continue
            within = parts[1:] if absolute else parts if node.module else []
            found.update({within[0]} if within else named(node.names))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "gongwen":
                    found.add(parts[1] if len(parts) > 1 else "__init__")
    found.discard(path.stem)
    return found


def import_graph() -> dict[str, set[str]]:
    return {path.stem: imports_of(path) for path in sorted(PACKAGE.glob("*.py"))}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of `graph` (its modules in order, the first repeated last), or None."""
    state: dict[str, str] = {}  # "open" while on the path, "done" once every import is explored
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                return path[path.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return None


def test_the_package_has_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"c"}}) == ["c", "c"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_import_reader_sees_every_kind_of_import(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import _core, segment, __version__\n"
        "from .corpus import Corpus\n"
        "import gongwen.topics\n"
        "if TYPE_CHECKING:\n"
        "    from .report import render_report\n"
        "def later():\n"
        "    from gongwen import reuse\n",
        encoding="utf-8",
    )
    assert imports_of(source) == {
        "_core",
        "segment",
        "__init__",
        "corpus",
        "topics",
        "report",
        "reuse",
    }


def test_every_module_stands_on_a_floor_and_imports_only_below_it() -> None:
    graph = import_graph()
    unplaced = sorted(set(graph) - set(FLOOR))
    assert not unplaced, (
        f"place these modules on a floor of FLOORS (and ARCHITECTURE.md): {unplaced}"
    )
    upward = [
        f"{module} (floor {FLOOR[module]}) imports {target} (floor {FLOOR[target]})"
        for module, targets in graph.items()
        for target in sorted(targets)
        if FLOOR[target] >= FLOOR[module]
    ]
    assert not upward, "imports that do not go down: " + "; ".join(upward)
