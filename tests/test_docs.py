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
