"""kbassist's import graph, read from the source: every import a run can execute.

Imports inside functions count; those under ``if TYPE_CHECKING:`` (types only) do not.

Used by the layer tests and by ``python tests/import_graph.py`` (prints counts and edges).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "kbassist"

FEATURES = ("search", "quality", "gaps", "credit", "ingest")
SHELLS = ("cli", "webapp")
# Lower number = lower layer; an import may only point to the same layer or a lower one.
LAYERS = {"base": 0, "feature": 1, "pipeline": 2, "demo": 3, "shell": 4}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    """Every module of the package except the migrations."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts}


def _type_checking_only(tree: ast.AST) -> set[int]:
    """Ids of the import nodes under ``if TYPE_CHECKING:`` (types only, never run)."""
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden.update(id(child) for part in node.body for child in ast.walk(part))
    return hidden


def _imported(path: Path, name: str, known: set[str]) -> Iterator[str]:
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text())
    hidden = _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [module] + [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            if not target.startswith("kbassist"):
                continue
            # The longest known module the name denotes (``from kbassist.x import y``:
            # y may be a module or a name in x).
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def graph() -> dict[str, set[str]]:
    """Module -> the kbassist modules it imports."""
    found = modules()
    known = set(found)
    edges = {name: set(_imported(path, name, known)) for name, path in found.items()}
    # ``from kbassist import store`` names the module, not the package's __init__.
    for targets in edges.values():
        targets.discard("kbassist")
    return edges


def layer(module: str) -> str:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else ""
    if top in FEATURES:
        return "feature"
    if top in SHELLS or top == "__main__":  # `python -m kbassist` is the CLI
        return "shell"
    if top in ("pipeline", "jobs"):  # jobs: background work, orchestration beside the pipeline
        return "pipeline"
    if top == "demo":
        return top
    return "base"


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    sys.setrecursionlimit(10_000)

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
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


if __name__ == "__main__":
    edges = graph()
    print(f"{len(edges)} modules, {sum(len(t) for t in edges.values())} import edges")
    for name in sorted(edges):
        print(f"{name} [{layer(name)}] -> {', '.join(sorted(edges[name]))}")
