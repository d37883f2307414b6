"""Layering rules from STYLE.md, checked by reading every module's imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "kbassist"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def test_only_the_web_layer_imports_flask() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in _modules()
        if {"flask", "werkzeug", "markupsafe"} & _imports(p) and "webapp" not in p.parts
    ]
    assert offenders == []


def test_only_the_cli_imports_click() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in _modules()
        if "click" in _imports(p) and "cli" not in p.parts
    ]
    assert offenders == []


def test_no_utils_grab_bag() -> None:
    assert not [p for p in _modules() if p.stem in {"utils", "helpers", "misc"}]


def test_import_kbassist_stays_light() -> None:
    code = (
        "import sys, kbassist, kbassist.core, kbassist.store, kbassist.cli, kbassist.webapp;"
        "heavy = ('torch', 'sentence_transformers', 'tantivy', 'whoosh', 'sklearn');"
        "heavy = [m for m in heavy if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


# ---------------------------------------------------------------- the import graph (STYLE.md 1)


def _graph() -> dict[str, set[str]]:
    sys.path.insert(0, str(Path(__file__).parent))
    import import_graph

    return import_graph.graph()


def _layer(module: str) -> str:
    import import_graph

    return import_graph.layer(module)


def test_the_import_graph_has_no_cycles() -> None:
    import import_graph

    assert import_graph.cycles(_graph()) == []


def test_no_import_points_to_a_higher_layer() -> None:
    import import_graph

    rank = import_graph.LAYERS
    upward = [
        f"{source} -> {target}"
        for source, targets in _graph().items()
        for target in sorted(targets)
        if rank[_layer(target)] > rank[_layer(source)]
    ]
    assert upward == []


def test_no_feature_imports_another_features_service() -> None:
    crossing = [
        f"{source} -> {target}"
        for source, targets in _graph().items()
        for target in sorted(targets)
        if _layer(source) == _layer(target) == "feature"
        and source.split(".")[1] != target.split(".")[1]
        and target.rpartition(".")[2] == "service"
    ]
    assert crossing == []


def test_nothing_in_the_domain_imports_the_demo() -> None:
    domain = ("base", "feature", "pipeline")
    offenders = [
        source
        for source, targets in _graph().items()
        if _layer(source) in domain and any(t.startswith("kbassist.demo") for t in targets)
    ]
    assert offenders == []


def test_ingest_does_not_import_the_pipeline() -> None:
    graph = _graph()
    offenders = [
        m for m in graph if m.startswith("kbassist.ingest") and "kbassist.pipeline" in graph[m]
    ]
    assert offenders == []


def test_modules_and_functions_stay_readable() -> None:
    """No module over ~600 lines but data catalogues; no function over ~80 lines."""
    long_modules = [
        f"{p.relative_to(PACKAGE)}: {n}"
        for p in _modules()
        if (n := len(p.read_text().splitlines())) > 650
    ]
    long_functions = [
        f"{p.relative_to(PACKAGE)}:{node.name}: {node.end_lineno - node.lineno + 1}"
        for p in _modules()
        for node in ast.walk(ast.parse(p.read_text()))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > 85
    ]
    assert (long_modules, long_functions) == ([], [])


def test_no_bench_script_shadows_a_standard_module() -> None:
    # A bench script runs with bench/ first on sys.path: bench/secrets.py once replaced
    # the standard `secrets` for every other script that imported kbassist.
    bench = PACKAGE.parent / "bench"
    shadowing = sorted(
        path.name for path in bench.glob("*.py") if path.stem in sys.stdlib_module_names
    )
    assert shadowing == []
