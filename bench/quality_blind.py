"""The blind evaluation of closure-note judgement: ``bench/quality.py --blind [FILE]``.

A labelled file no one working on the code has read (the batches' format: ``note``,
``labels`` with the six criteria, ``secret`` and ``personal_data``, ``overall``, and
``values``: the exact secret and personal-data substrings of each note) is scored
once by a model trained exactly as the shipped one (the command models/ is built
with, ``kbassist train --from-closure-notes FOLDER --from-closure-notes
blind1=bench/data/closure_notes_blind.jsonl --no-reviewer-labels``, run in a
throwaway instance; ``--shipped-model`` scores with models/note-classifier as it
is), side by side with today's rules and a word-count cut chosen on the training
notes:

- per criterion precision, recall and F1;
- Spearman of the usefulness score with ``overall`` (and of word count and today's
  criteria score);
- secret and personal-data recall and precision, note level, for kbassist's
  detectors beside detect-secrets alone (``bench/secret_detection.py``'s methods);
- masking: every value of a note, absent or not from the text the store keeps
  (``kbassist.ingest.redaction.masked_ticket``): over the notes kbassist flags, and
  over all notes that carry a value.

Writes bench/results/quality-blind2.json (or ``--out``). Nothing here is tuned: the
file is read once, and no figure it prints may feed a decision afterwards. The first
blind file (closure_notes_blind.jsonl) was the session-4 test
(bench/results/quality-blind-s4.json) and is training data since session 5; the
default file is the next test, closure_notes_blind2.jsonl.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from _env import RESULTS_DIR, ROOT
from scipy.stats import spearmanr

from kbassist.quality import training
from kbassist.quality.classifier import NoteModel, load_artifact
from kbassist.quality.criteria import NOTE_CRITERIA, check_note, note_text

BLIND_FILE = ROOT / "bench" / "data" / "closure_notes_blind2.jsonl"
BLIND_RESULTS = RESULTS_DIR / "quality-blind2.json"
SECRET_METHODS = ("detect-secrets", "kbassist")


def read_values(row: dict[str, Any]) -> list[str]:
    """The exact sensitive substrings of a note: a list of strings (or of {"value": ...}),
    or a mapping of kind to a string or a list of them."""
    raw = row.get("values") or []
    if isinstance(raw, dict):
        raw = [
            item
            for value in raw.values()
            for item in (value if isinstance(value, list) else [value])
        ]
    found = []
    for item in raw if isinstance(raw, list) else [raw]:
        if isinstance(item, dict):
            item = item.get("value") or item.get("text") or ""
        if isinstance(item, str) and item.strip():
            found.append(item)
    return found


def read_file(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The labelled rows (as ``training.read_closure_notes`` reads them) and the raw lines."""
    rows = training.read_closure_notes(path)
    raw = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return rows, raw


def stored_text(note: str) -> str:
    """The closure note as ingest stores it (masked before it is written)."""
    from kbassist.ingest.redaction import masked_ticket
    from kbassist.records import TicketRecord

    return masked_ticket(TicketRecord(id="blind", title="", resolution=note)).resolution


def masking_check(raw: list[dict[str, Any]], flagged: list[bool]) -> dict[str, Any]:
    """For every value: is it gone from the stored text? Over flagged notes and over all."""
    result: dict[str, Any] = {}
    for scope in ("flagged_notes", "all_notes"):
        values = kept = 0
        leaking: list[str] = []
        for index, row in enumerate(raw):
            items = read_values(row)
            if not items or (scope == "flagged_notes" and not flagged[index]):
                continue
            stored = stored_text(row["note"])
            left = [value for value in items if value in stored]
            values += len(items)
            kept += len(left)
            if left:
                leaking.append(str(row.get("id", index)))
        result[scope] = {
            "values": values,
            "absent_after_masking": values - kept,
            "share_absent": round((values - kept) / values, 4) if values else None,
            "notes_with_a_value_left": leaking,
        }
    return result


def sensitive_figures(raw: list[dict[str, Any]]) -> tuple[dict[str, Any], list[bool]]:
    """Note-level recall and precision per method; and which notes kbassist flags."""
    import secret_detection

    figures: dict[str, Any] = {}
    flagged: list[bool] = []
    for name in SECRET_METHODS:
        judge = secret_detection.METHODS[name]()
        verdicts = [judge(row["note"]) for row in raw]
        secret = [
            (bool(r["labels"].get("secret")), v[0]) for r, v in zip(raw, verdicts, strict=True)
        ]
        personal = [
            (bool(r["labels"].get("personal_data")), bool(v[1]))
            for r, v in zip(raw, verdicts, strict=True)
            if v[1] is not None
        ]
        figures[name] = {
            "secret": secret_detection.rates(secret),
            "personal": secret_detection.rates(personal) if personal else None,
        }
        if name == "kbassist":
            flagged = [bool(v[0] or v[1]) for v in verdicts]
    return figures, flagged


def train_like_shipped(
    sources: Sequence[str], embedder_name: str
) -> tuple[NoteModel, dict[str, Any]]:
    """The model `kbassist train --from-closure-notes SOURCE ... --no-reviewer-labels` writes
    (the command models/ is built with), run in a throwaway instance."""
    with tempfile.TemporaryDirectory(prefix="kbassist-blind-") as scratch:
        out = Path(scratch) / "note-classifier"
        command = [sys.executable, "-m", "kbassist", "train"]
        for source in sources:
            command += ["--from-closure-notes", str(source)]
        command += ["--no-reviewer-labels", "--out", str(out)]
        env = {**os.environ, "KBASSIST_HOME": str(Path(scratch) / "instance")}
        env["KBASSIST_EMBEDDER"] = embedder_name
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"kbassist train failed:\n{done.stderr[-2000:]}")
        loaded = load_artifact(out)
    metadata = loaded.metadata
    about = {
        "from": [str(source) for source in sources],
        "command": "kbassist train "
        + " ".join(f"--from-closure-notes {source}" for source in sources)
        + " --no-reviewer-labels",
        "n_notes": metadata["n_examples"],
        "sources": metadata["sources"],
        "model_version": metadata["version"],
        "data_hash": metadata["data_hash"],
        "embedder": metadata["embedder"],
        "thresholds": metadata["thresholds"],
    }
    return loaded.model, about


def run_blind(
    blind: Path,
    train_sources: Sequence[str],
    embedder: Any,
    model: NoteModel | None = None,
    embedder_name: str = "minilm",
) -> dict[str, Any]:
    """Train as shipped (unless a model is given), score the blind file, every figure."""
    import quality as bench

    started = time.perf_counter()
    rows, raw = read_file(blind)
    train_rows, _ = training.read_sources(train_sources)
    if model is None:
        model, trained = train_like_shipped(train_sources, embedder_name)
    else:
        trained = {"from": "the shipped model (models/note-classifier)", "n_notes": len(train_rows)}
    train_labels = np.array([row["labels"] for row in train_rows])
    plains = [note_text(row["note"]) for row in rows]
    notes = training.closure_set(rows, embedder.encode(plains))
    judged = model.assess(notes.features)
    model_met = np.column_stack([judged.met[name] for name in NOTE_CRITERIA])
    assessments = [check_note(plain) for plain in plains]
    rule_met = np.array([[a.criteria[name] for name in NOTE_CRITERIA] for a in assessments])
    words = np.array([len(plain.split()) for plain in plains], dtype=float)
    train_words = np.array([len(note_text(r["note"]).split()) for r in train_rows], dtype=float)
    everyone = np.arange(len(train_rows))
    cuts = {
        name: bench.word_count_calls(train_words, train_labels[:, c], everyone)
        for c, name in enumerate(NOTE_CRITERIA)
    }
    word_met = np.column_stack([words >= cuts[name] for name in NOTE_CRITERIA])
    criteria = {
        method: {
            name: bench.prf(notes.labels[:, c], met[:, c]) for c, name in enumerate(NOTE_CRITERIA)
        }
        for method, met in (("model", model_met), (bench.TODAY, rule_met), ("word count", word_met))
    }
    grades = notes.grades
    graded = ~np.isnan(grades)
    scores = {
        "model usefulness": judged.usefulness,
        "word count": words,
        "today's criteria score": np.array([a.criteria_score for a in assessments]),
    }
    spearman = {
        name: round(float(spearmanr(score[graded], grades[graded]).statistic), 3)
        for name, score in scores.items()
    }
    sensitive, flagged = sensitive_figures(raw)
    return {
        "command": "python bench/quality.py --blind",
        "file": str(blind),
        "n_notes": len(rows),
        "trained": trained,
        "word_count_cuts": cuts,
        "criteria": criteria,
        "spearman_with_overall": spearman,
        "sensitive": sensitive,
        "masking": masking_check(raw, flagged),
        "seconds": round(time.perf_counter() - started, 1),
    }


def print_blind(result: dict[str, Any]) -> None:
    import quality as bench

    print(f"\nblind file {result['file']}: {result['n_notes']} notes")
    sources = result["trained"]["from"]
    sources = ", ".join(sources) if isinstance(sources, list) else sources
    print(f"  model trained on {result['trained']['n_notes']} notes ({sources})")
    print("\n  per criterion precision / recall / F1: model | today's rules | word count")
    for name in NOTE_CRITERIA:
        cells = [
            "{precision:.2f}/{recall:.2f}/{f1:.2f}".format(**result["criteria"][m][name])
            for m in ("model", bench.TODAY, "word count")
        ]
        print(f"  {name:<13}" + " | ".join(f"{cell:>15}" for cell in cells))
    print("\n  Spearman with overall (1-5)")
    for name, rho in result["spearman_with_overall"].items():
        print(f"  {name:<26}{rho:>8.3f}")
    print("\n  secrets and personal data, note level: recall/precision (missed, false alarms)")
    for method, figures in result["sensitive"].items():
        for label in ("secret", "personal"):
            cell = figures[label]
            text = "—"
            if cell is not None:
                text = f"{cell['recall']:.2f}/{cell['precision']:.2f} "
                text += f"({cell['fn']} fn, {cell['fp']} fp)"
            print(f"  {method:<16}{label:<10}{text}")
    for scope, check in result["masking"].items():
        share = "—" if check["share_absent"] is None else f"{check['share_absent']:.1%}"
        print(
            f"  masking, {scope.replace('_', ' ')}: {check['absent_after_masking']} of "
            f"{check['values']} values absent from the stored text ({share}); notes with a value "
            f"left: {', '.join(check['notes_with_a_value_left']) or 'none'}"
        )


def main_blind(
    blind: Path, train_sources: Sequence[str], embedder_name: str, out: Path, shipped: bool
) -> None:
    """The ``--blind`` mode of bench/quality.py."""
    from kbassist.embedding import make_embedder

    if not blind.is_file():
        raise SystemExit(f"No blind file at {blind}: give its path after --blind.")
    model = None
    if shipped:
        import quality as bench

        loaded, embedder = bench.shipped_model()
        if loaded is None:
            raise SystemExit("No model in models/note-classifier: drop --shipped-model.")
        model = loaded.model
    else:
        embedder = make_embedder(embedder_name)
    result = run_blind(blind, train_sources, embedder, model, embedder_name)
    print_blind(result)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {out}")
