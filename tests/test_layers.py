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
