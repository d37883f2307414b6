"""Every blind secrets file in bench/data is well formed and matches its README section.

Each ``secrets_blindN.jsonl`` was written by a helper who never saw the detectors, and is
scored once before anyone reads it (docs/secrets.md). These checks replace the near-copy
tests each writer appended to ``bench/data/test_builders.py``: one set, for every file.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent.parent / "bench" / "data"
KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
LANGUAGES = ("English", "German", "Spanish", "French", "Dutch", "Portuguese", "Italian")


def _number(path: Path) -> int:
    return int(re.fullmatch(r"secrets_blind(\d+)\.jsonl", path.name).group(1))  # type: ignore[union-attr]


FILES = sorted(DATA.glob("secrets_blind*.jsonl"), key=_number)


@cache
def _rows(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@cache
def _section(number: int) -> str:
    """The file's README section, up to the next second-level heading."""
    text = (DATA / "README.md").read_text(encoding="utf-8")
    start = text.index(f"## `secrets_blind{number}.jsonl`")
    end = text.find("\n## ", start + 1)
    return text[start : len(text) if end == -1 else end]


def test_the_files_are_there() -> None:
    assert len(FILES) >= 18
    assert [_number(path) for path in FILES] == list(range(3, 3 + len(FILES)))


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_rows_have_the_keys_ids_and_labels(path: Path) -> None:
    rows = _rows(path)
    number = _number(path)
    assert len(rows) >= 120
    assert [row["id"] for row in rows] == [f"B{number}-{i:03d}" for i in range(1, len(rows) + 1)]
    for row in rows:
        assert list(row) == KEYS, row["id"]
        assert set(row["labels"]) == {"secret", "personal_data"}, row["id"]
        assert set(row["labels"].values()) <= {0, 1}, row["id"]
        assert row["note"].strip() and row["why"].strip(), row["id"]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_values_stand_verbatim_exactly_when_a_label_is_one(path: Path) -> None:
    for row in _rows(path):
        labelled = row["labels"]["secret"] or row["labels"]["personal_data"]
        assert bool(row["values"]) == bool(labelled), row["id"]
        for value in row["values"]:
            assert value and value in row["note"], (row["id"], value)


def test_no_note_is_repeated_in_or_across_files() -> None:
    seen: dict[str, str] = {}
    for path in FILES:
        for row in _rows(path):
            note = " ".join(row["note"].split())
            assert note not in seen, (row["id"], seen.get(note))
            seen[note] = row["id"]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_the_readme_counts_match_the_file(path: Path) -> None:
    rows, section = _rows(path), _section(_number(path))
    for label in ("secret", "personal_data"):
        found = re.search(rf"^\| `{label}` \| (\d+) \| ([\d.]+) ?% \|", section, re.M)
        assert found, label
        count = sum(row["labels"][label] for row in rows)
        assert int(found.group(1)) == count, label
        assert abs(float(found.group(2)) - 100 * count / len(rows)) < 0.51, label
    line = re.search(r"(\d+) notes? ha(?:ve|s) both, (\d+) neither; (\d+) `values` in all", section)
    assert line
    both = sum(row["labels"]["secret"] and row["labels"]["personal_data"] for row in rows)
    neither = sum(not (row["labels"]["secret"] or row["labels"]["personal_data"]) for row in rows)
    values = sum(len(row["values"]) for row in rows)
    assert tuple(map(int, line.groups())) == (both, neither, values)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_the_readme_language_table_covers_every_note_once(path: Path) -> None:
    rows, number = _rows(path), _number(path)
    table = re.findall(
        rf"^\| ({'|'.join(LANGUAGES)}) \| (\d+) \| ([^|]*)\|", _section(number), re.M
    )
    assert {language for language, _, _ in table} == set(LANGUAGES)
    listed: list[int] = []
    for language, count, ids in table:
        if language == "English":
            assert ids.strip() == "the rest"
            english = int(count)
            continue
        numbers = [int(n) for n in re.findall(rf"(?:B{number}-)?(\d+)", ids)]
        assert len(numbers) == int(count), language
        listed += numbers
    assert len(set(listed)) == len(listed)
    assert set(listed) <= set(range(1, len(rows) + 1))
    assert english == len(rows) - len(listed)
