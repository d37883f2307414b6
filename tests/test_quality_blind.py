"""The blind evaluation path (`bench/quality.py --blind FILE`) on a small file of our own.

``tests/data/quality_eval_sample.jsonl`` is written in the blind set's format (the
batches' fields plus ``values``); the model is trained on a small labelled set
built from known parts, with the hashing embedder, so the test is quick and offline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from labelled_notes import write_labelled_notes

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "quality_eval_sample.jsonl"


def test_the_blind_path_scores_a_file_with_a_model_trained_as_shipped(tmp_path: Path) -> None:
    folder = write_labelled_notes(tmp_path / "notes", batches=3, per_batch=20)
    out = tmp_path / "blind.json"
    command = [
        sys.executable,
        str(ROOT / "bench" / "quality.py"),
        "--blind",
        str(SAMPLE),
        "--closure-notes",
        str(folder),
        "--embedder",
        "hashing",
        "--out",
        str(out),
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Spearman with overall" in done.stdout and "masking" in done.stdout
    result = json.loads(out.read_text())
    assert result["n_notes"] == 10 and result["trained"]["n_notes"] == 60
    assert set(result["criteria"]) == {"model", "today's rules", "word count"}
    for figures in result["criteria"].values():
        assert set(figures) == {
            "problem", "environment", "cause", "steps", "verification", "followup"
        }  # fmt: skip
        assert all(0 <= cell["f1"] <= 1 for cell in figures.values())
    assert set(result["spearman_with_overall"]) == {
        "model usefulness", "word count", "today's criteria score"
    }  # fmt: skip
    ours = result["sensitive"]["kbassist"]
    # The sample's four secret notes and two personal ones are all found, nothing else.
    assert (ours["secret"]["tp"], ours["secret"]["fp"], ours["secret"]["fn"]) == (4, 0, 0)
    assert (ours["personal"]["tp"], ours["personal"]["fp"], ours["personal"]["fn"]) == (2, 0, 0)
    assert result["sensitive"]["detect-secrets"]["personal"] is None
    masking = result["masking"]
    assert masking["flagged_notes"]["values"] == 6
    assert masking["flagged_notes"]["absent_after_masking"] == 6
    assert masking["all_notes"]["notes_with_a_value_left"] == []


def test_the_masking_check_names_a_note_whose_value_is_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    import quality_blind

    rows = [
        {"id": "A", "note": "Temp pw Harbour#2291 given by phone.", "values": ["Harbour#2291"]},
        # A value the detectors do not see (a plain word): the check must report it.
        {"id": "B", "note": "The code word is pineapple.", "values": {"secret": ["pineapple"]}},
        {"id": "C", "note": "Nothing here.", "values": []},
    ]
    check = quality_blind.masking_check(rows, [True, False, False])
    assert check["flagged_notes"] == {
        "values": 1,
        "absent_after_masking": 1,
        "share_absent": 1.0,
        "notes_with_a_value_left": [],
    }
    assert check["all_notes"]["values"] == 2
    assert check["all_notes"]["notes_with_a_value_left"] == ["B"]
    assert quality_blind.read_values({"values": [{"value": "x1"}, "y2", ""]}) == ["x1", "y2"]


def test_the_secrets_blind_path_scores_a_file_and_keeps_errors_to_the_json(
    tmp_path: Path,
) -> None:
    rows = [
        {"id": "S1", "note": "Temp pw Harbour#2291 given by phone.", "values": ["Harbour#2291"],
         "labels": {"secret": 1, "personal_data": 0}},
        {"id": "S2", "note": "Call her on her personal mobile 07700 900 461 tomorrow.",
         "values": ["07700 900 461"], "labels": {"secret": 0, "personal_data": 1}},
        # Labelled a secret, but a plain word no detector can know: a miss the JSON names.
        {"id": "S3", "note": "The code word for the alarm company is pineapple.",
         "values": ["pineapple"], "labels": {"secret": 1, "personal_data": 0}},
        {"id": "S4", "note": "Reset the password and read it to him by phone; KB5034441 applied.",
         "values": [], "labels": {"secret": 0, "personal_data": 0}},
    ]  # fmt: skip
    path = tmp_path / "secrets_sample.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "secrets.json"
    command = [sys.executable, str(ROOT / "bench" / "secret_detection.py"), "--blind", str(path)]
    done = subprocess.run(
        [*command, "--out", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "S3" not in done.stdout  # the ids of errors are never printed
    result = json.loads(out.read_text())
    ours = result["methods"]["kbassist"]
    assert (ours["secret"]["tp"], ours["secret"]["fp"], ours["secret"]["fn"]) == (1, 0, 1)
    assert (ours["personal"]["tp"], ours["personal"]["fp"], ours["personal"]["fn"]) == (1, 0, 0)
    assert result["kbassist_errors_by_id"] == {"secret missed": ["S3"]}
    assert result["masking"]["all_notes"]["notes_with_a_value_left"] == ["S3"]
    assert result["methods"]["detect-secrets"]["personal"] is None


def test_the_secrets_blind_path_says_which_line_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "X", "note": "hi", "labels": {"secret": 2}}) + "\n")
    command = [sys.executable, str(ROOT / "bench" / "secret_detection.py"), "--blind", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 2
    assert done.stderr.strip() == "bad.jsonl line 1: labels.secret must be 0 or 1"
