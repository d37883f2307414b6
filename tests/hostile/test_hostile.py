"""The hostile corpus of issue 13: every input ingests without crashing, losing or leaking.

Each entry of corpus/MANIFEST.jsonl (a file, a KB folder, or an input that
builders.py makes at test time) is ingested into a fresh instance, the way the CLI
and the API do it: tickets and KB folders through the library, zip archives
through ``POST /api/v1/ingest/kb``. The test then asserts what the manifest says:

- no crash (no exception out of the ingest, no HTML 500, no memory or time limit hit);
  a whole-file refusal only where the manifest allows one, with its reason;
- a reject naming the row (or archive member) and field, with a clear reason, for
  each bad row;
- every good row present, no rejected row stored, stored text intact where the
  manifest names it (encodings);
- the store consistent: ``PRAGMA integrity_check`` is ok, ``PRAGMA foreign_key_check`` empty;
- no planted secret value on any surface in ``harness.SURFACES``: the stored text
  (database and index files), the ingest report, the rejects file, what the API
  returns for each record, for searches and similar tickets, and the record and
  search pages a signed-in admin sees;
- reading the records back works: every API answer is JSON, no API call or page
  answers 5xx (a failure there is reported, not swallowed).

Entries marked ``isolate`` (bombs, 65 MiB cells) run in a child process capped at
2 GB of address space and a timeout, so a regression fails the test instead of
taking the machine down. ``bench/hostile.py`` runs the same observation and
judgement over every entry and prints the figures (files tried, rows rejected,
good rows lost, stores inconsistent, secrets found).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))  # harness.py and builders.py live beside this test

import builders  # noqa: E402
import harness  # noqa: E402

ENTRIES = harness.load_manifest()
ISOLATED_TIMEOUT = 300  # seconds: a safety net on a busy machine, not a timing


def _entry_id(entry: dict[str, Any]) -> str:
    return str(entry["file"]).replace("builders.py::", "built:")


@pytest.fixture(scope="module", autouse=True)
def _build_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Bombs are built once per run and copied for each use (the isolated children too)."""
    folder = tmp_path_factory.mktemp("built")
    os.environ[harness.BUILD_CACHE] = str(folder)
    yield
    os.environ.pop(harness.BUILD_CACHE, None)
    shutil.rmtree(folder, ignore_errors=True)  # 130 MB of 65 MiB cells


@pytest.mark.parametrize("entry", ENTRIES, ids=_entry_id)
def test_hostile_input_is_ingested_safely(entry: dict[str, Any], tmp_path: Path) -> None:
    if entry.get("isolate"):
        observation = harness.observe_isolated(entry, tmp_path, timeout=ISOLATED_TIMEOUT)
    else:
        observation = harness.observe(entry, tmp_path)
    problems = harness.judge(entry, observation)
    heading = f"{entry['file']}: {entry.get('notes', '')}\n  - "
    assert not problems, heading + "\n  - ".join(problems)


# --- the corpus itself --------------------------------------------------------------


def _corpus_files() -> list[Path]:
    return sorted(
        path
        for path in harness.CORPUS.rglob("*")
        if path.is_file() and path.name != harness.MANIFEST.name
    )


def test_corpus_holds_at_least_sixty_files() -> None:
    assert len(_corpus_files()) >= 60


def test_every_corpus_file_has_an_expectation() -> None:
    covered = [harness.CORPUS / entry["file"] for entry in ENTRIES if not entry.get("builder")]
    orphans = [
        str(path.relative_to(harness.CORPUS))
        for path in _corpus_files()
        if not any(path == target or target in path.parents for target in covered)
    ]
    assert orphans == []


def test_every_manifest_entry_exists_and_is_well_formed() -> None:
    kinds = {"tickets", "kb", "kb-zip"}
    for entry in ENTRIES:
        assert entry["kind"] in kinds, entry["file"]
        if entry.get("builder"):
            assert entry["builder"] in builders.BUILDERS, entry["file"]
        else:
            assert (harness.CORPUS / entry["file"]).exists(), entry["file"]
        assert not set(entry["good_ids"]) & set(entry.get("bad_ids", [])), entry["file"]
        for rejected in entry["rejected"]:
            assert ("row" in rejected) != ("path" in rejected), (entry["file"], rejected)
            assert rejected["reason"].strip("|"), (entry["file"], rejected)


def test_rejected_rows_lie_inside_their_files() -> None:
    for entry in ENTRIES:
        path = harness.CORPUS / entry["file"]
        if entry.get("builder") or path.is_dir():
            continue
        data = path.read_bytes()
        lines = (
            len(re.findall(rb"\r\n|\r|\n", data)) + 1
        )  # LF, CRLF, lone CR (UTF-16: an upper bound)
        for rejected in entry["rejected"]:
            assert 1 <= rejected["row"] <= lines, (entry["file"], rejected)


@pytest.mark.parametrize(
    "name",
    [
        name
        for name in builders.BUILDERS
        if name
        not in (
            "huge_field_csv",
            "huge_line_jsonl",
            "symlink_kb_folder",
            "dangling_symlink_kb_folder",
        )
    ],
)
def test_built_archives_are_small_on_disk(name: str, tmp_path: Path) -> None:
    entry = next((e for e in ENTRIES if e.get("builder") == name), {"args": {}})
    built = harness.built_input(name, entry.get("args", {}), tmp_path)
    assert built.stat().st_size < 4 * 1024 * 1024
    if name not in ("truncated_zip", "not_a_zip"):
        assert zipfile.is_zipfile(built)
