"""The README documents every setting and every CLI command (Datasette's habit)."""

from __future__ import annotations

from pathlib import Path

import click

from kbassist.cli import main
from kbassist.settings import SETTINGS

README = (Path(__file__).parent.parent / "README.md").read_text()


def test_readme_starts_with_the_two_commands() -> None:
    first_code = README.split("```", 2)[1]
    assert "make run" in first_code and "make test" in first_code


def test_every_setting_is_in_the_configuration_table() -> None:
    missing = [s.name for s in SETTINGS if f"| `KBASSIST_{s.name}` |" not in README]
    assert missing == []


def test_every_command_is_documented() -> None:
    def walk(group: click.Group, prefix: str) -> list[str]:
        names = []
        for name, command in sorted(group.commands.items()):
            full = f"{prefix} {name}".strip()
            names.append(full)
            if isinstance(command, click.Group):
                names.extend(walk(command, full))
        return names

    missing = [name for name in walk(main, "") if f"kbassist {name}" not in README]
    assert missing == []


def _named_modules(text: str) -> set[str]:
    """Module paths a page names: ``kbassist/x.py``, ``x.service.f``, and the ``y.py`` that a
    table row or bullet lists after its package (``kbassist/quality/`` ... ``criteria.py``)."""
    import re

    named = set(re.findall(r"`(kbassist/[\w/]+\.py)`", text))
    named |= {
        "kbassist/" + name.replace(".", "/") + ".py"
        for name in re.findall(r"`((?:search|quality|gaps|credit|ingest)\.\w+)\.\w+`", text)
    }
    for block in re.split(r"\n(?=\| |- |\n)", text):
        package = re.search(r"`(kbassist/\w+/)`", block)
        if package:
            named |= {package.group(1) + m for m in re.findall(r"`(\w+\.py)`", block)}
    return named


def test_architecture_names_only_modules_that_exist() -> None:
    root = Path(__file__).parent.parent
    named = _named_modules((root / "docs" / "architecture.md").read_text())
    assert len(named) > 40
    missing = sorted(p for p in named if not (root / p).exists())
    assert missing == []
