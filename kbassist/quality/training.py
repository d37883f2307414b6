"""Training the per-criterion note model (`kbassist train`) and its leave-one-batch-out figures.

What a model learns from, in order:

1. the base set: labelled closure notes read with ``--from-closure-notes [NAME=]PATH``,
   repeatable (the closure-note set's ``batch-*.jsonl``, one batch per file, or one
   ``.jsonl`` file, one batch named NAME or after the file), or else the base set
   kept (as features, no text) in the model in use, so an instance retrains on the
   same notes its shipped model learnt from;
2. the reviewers' criterion labels from the review queue (each ticket's latest call
   per criterion, on the note as it is now), as one more source.

The artifact goes to the instance's models folder (or ``out_dir``) and every note is
rescored with it. ``leave_one_batch_out`` trains on all sources but one and tests on
the one left out, for each source: the figures ``metadata.json`` records.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from kbassist.artifacts import publish_artifact
from kbassist.embedding import embed_cached
from kbassist.errors import InvalidInput
from kbassist.quality import queries
from kbassist.quality.classifier import (
    ARTIFACT_NAME,
    LabelledNotes,
    NoteModel,
    library_versions,
    save_artifact,
)
from kbassist.quality.criteria import NOTE_CRITERIA, check_plain_note, note_text
from kbassist.quality.features import FEATURES_VERSION, note_features
from kbassist.quality.service import model_path, model_state, rescore_all
from kbassist.records import text_hash
from kbassist.store import utc_now

if TYPE_CHECKING:
    from kbassist.core import Core
    from kbassist.embedding import Embedder

REVIEWERS = "reviewers"  # the source name of reviewer labels
Say = Callable[[str], None]


@dataclass(frozen=True)
class TrainReport:
    """What `kbassist train` did."""

    model_version: str
    path: str
    n_examples: int
    sources: dict[str, int]
    label_counts: dict[str, dict[str, int]]
    data_hash: str
    metrics: dict[str, Any]
    rescored: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "model_version": self.model_version,
            "path": self.path,
            "n_examples": self.n_examples,
            "sources": dict(self.sources),
            "label_counts": dict(self.label_counts),
            "data_hash": self.data_hash,
            "metrics": dict(self.metrics),
            "rescored": self.rescored,
            "skipped": dict(self.skipped),
        }


# --- reading labelled notes ------------------------------------------------------------


def read_closure_notes(path: Path, name: str | None = None) -> list[dict[str, Any]]:
    """Labelled notes from a JSON Lines file or a folder of them (``batch-*.jsonl`` first).

    Each line: {note, labels: {problem, ..., followup[, secret, personal_data]}, overall};
    the source is ``name`` when given, else the line's ``batch``, else the file name after
    "batch-".
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("batch-*.jsonl")) or sorted(path.glob("*.jsonl"))
    elif path.is_file():
        files = [path]
    else:
        raise InvalidInput(f"{path} does not exist: give the closure-note folder or a .jsonl file.")
    if not files:
        raise InvalidInput(f"No .jsonl files in {path}.")
    rows = []
    for file in files:
        source = file.stem.removeprefix("batch-")
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                rows.append(_closure_row(line, f"{file.name}:{number}", source, name))
    return rows


def source_spec(spec: str | Path) -> tuple[str | None, Path]:
    """``NAME=PATH`` or ``PATH`` (a closure-note folder or file) as (name or None, path)."""
    text = str(spec)
    name, sep, rest = text.partition("=")
    if sep and name.isidentifier() and not Path(text).exists():
        return name, Path(rest)
    return None, Path(text)


def read_sources(specs: Sequence[str | Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The labelled notes of several sources (``NAME=PATH`` or ``PATH`` each) and what each
    gave: [{"path", "batches": {batch: notes}}]. A batch may come from one source only."""
    rows: list[dict[str, Any]] = []
    about: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for spec in specs:
        name, path = source_spec(spec)
        part = read_closure_notes(path, name)
        batches: dict[str, int] = {}
        for row in part:
            batches[row["source"]] = batches.get(row["source"], 0) + 1
        for batch in batches:
            if batch in seen:
                raise InvalidInput(
                    f"Batch '{batch}' comes from both {seen[batch]} and {path}: give one of "
                    f"them another name (--from-closure-notes NAME={path})."
                )
            seen[batch] = str(path)
        rows += part
        about.append({"path": str(path), "batches": dict(sorted(batches.items()))})
    return rows, about


def _closure_row(line: str, where: str, source: str, name: str | None) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"{where}: not JSON ({error.msg}).") from error
    labels = row.get("labels") if isinstance(row, dict) else None
    if not isinstance(row.get("note"), str) or not isinstance(labels, dict):
        raise InvalidInput(f"{where}: expected an object with 'note' and 'labels'.")
    missing = [name for name in NOTE_CRITERIA if labels.get(name) not in (0, 1, True, False)]
    if missing:
        raise InvalidInput(f"{where}: labels need 0 or 1 for {', '.join(missing)}.")
    grade = row.get("overall")
    if grade is not None and not (isinstance(grade, int | float) and 1 <= grade <= 5):
        raise InvalidInput(f"{where}: 'overall' must be a grade from 1 to 5.")
    sensitive = -1
    if "secret" in labels or "personal_data" in labels:
        sensitive = int(bool(labels.get("secret")) or bool(labels.get("personal_data")))
    return {
        "note": row["note"],
        "labels": [int(labels[name]) for name in NOTE_CRITERIA],
        "grade": float("nan") if grade is None else float(grade),
        "sensitive": sensitive,
        "source": name or str(row.get("batch") or source),
        "title": str(row.get("ticket_title") or row.get("title") or ""),
    }


def labelled_notes(
    plains: list[str],
    vectors: np.ndarray,
    labels: np.ndarray,
    grades: np.ndarray,
    sensitive: np.ndarray,
    groups: np.ndarray,
    titles: list[str] | None = None,
) -> LabelledNotes:
    """The model's view of labelled plain-text notes (with their tickets' titles when known)."""
    assessments = [check_plain_note(plain) for plain in plains]
    features = note_features(plains, assessments, vectors, titles)
    return LabelledNotes(
        features, labels.astype(int), grades.astype(float), sensitive.astype(int), groups
    )


def closure_set(rows: list[dict[str, Any]], vectors: np.ndarray) -> LabelledNotes:
    """Labelled notes from ``read_closure_notes`` rows and their embeddings."""
    return labelled_notes(
        [note_text(row["note"]) for row in rows],
        vectors,
        np.array([row["labels"] for row in rows]),
        np.array([row["grade"] for row in rows]),
        np.array([row["sensitive"] for row in rows]),
        np.array([row["source"] for row in rows]).astype(str),
        [row.get("title", "") for row in rows],
    )


def reviewer_set(core: Core, embedder: Embedder) -> tuple[LabelledNotes | None, dict[str, int]]:
    """The reviewers' criterion labels on notes as they are now; and what was skipped, why."""
    skipped = {"note_changed": 0, "empty_note": 0}
    by_ticket: dict[str, dict[str, int]] = {}
    texts: dict[str, str] = {}
    titles: dict[str, str] = {}
    with core.connect() as conn:
        rows = queries.latest_criterion_labels(conn)
    for row in rows:
        if row.criterion not in NOTE_CRITERIA:
            continue
        note = row.resolution or ""
        if row.content_hash != text_hash(note):
            skipped["note_changed"] += 1
        elif not note_text(note):
            skipped["empty_note"] += 1
        else:
            by_ticket.setdefault(row.ticket_id, {})[row.criterion] = int(bool(row.met))
            texts[row.ticket_id] = note_text(note)
            titles[row.ticket_id] = row.title or ""
    if not by_ticket:
        return None, skipped
    ids = sorted(by_ticket)
    plains = [texts[ticket_id] for ticket_id in ids]
    with core.begin() as conn:
        vectors = embed_cached(conn, embedder, plains)
    labels = np.array([[by_ticket[t].get(name, -1) for name in NOTE_CRITERIA] for t in ids])
    n = len(ids)
    notes = labelled_notes(
        plains,
        vectors,
        labels,
        np.full(n, np.nan),
        np.full(n, -1),
        np.full(n, REVIEWERS),
        [titles[ticket_id] for ticket_id in ids],
    )
    return notes, skipped


def kept_base_set(core: Core, embedder: Embedder) -> LabelledNotes | None:
    """The base set kept in the model in use, when it fits this installation and embedder."""
    model = model_state(core).model
    if model is None or model.embedder != embedder.name:
        return None
    return getattr(model.estimator, "base_set_", None)


# --- training ------------------------------------------------------------------------


def data_hash(notes: LabelledNotes) -> str:
    """SHA-256 of the training data as the model sees it (features, labels, grades, sources)."""
    digest = hashlib.sha256()
    for array in (
        notes.features.handcrafted,
        notes.features.embeddings.astype(np.float32),
        notes.labels,
        np.nan_to_num(notes.grades, nan=-1.0),
        notes.sensitive,
    ):
        digest.update(np.ascontiguousarray(array).tobytes())
    digest.update("\n".join(notes.groups.tolist()).encode())
    return digest.hexdigest()


def model_version(digest: str, params: dict[str, Any], embedder: str) -> str:
    """A deterministic name: same data, parameters, embedder and libraries, same name."""
    key = json.dumps(
        {"data": digest, "params": params, "embedder": embedder, **library_versions()},
        sort_keys=True,
    )
    return "nm-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def train(
    core: Core,
    out_dir: Path | None = None,
    *,
    closure_notes: Path | str | Sequence[Path | str] | None = None,
    reviewer_labels: bool = True,
    evaluate: bool = False,
    say: Say | None = None,
) -> TrainReport:
    """Train the note model, save the artifact and, when it is the instance's, rescore.

    ``closure_notes``: one source or several (``NAME=PATH`` or ``PATH`` each, see
    ``read_sources``); each batch is a fold of the leave-one-batch-out evaluation.
    """
    say = say or (lambda _message: None)
    embedder = core.resources.embedder
    parts: list[LabelledNotes] = []
    base = None
    read_from: list[dict[str, Any]] = []
    if isinstance(closure_notes, str | Path):
        closure_notes = [closure_notes]
    if closure_notes:
        rows, read_from = read_sources(closure_notes)
        say(f"Embedding {len(rows)} labelled notes with {embedder.name}")
        with core.begin() as conn:
            vectors = embed_cached(conn, embedder, [note_text(row["note"]) for row in rows])
        base = closure_set(rows, vectors)
    else:
        base = kept_base_set(core, embedder)
    if base is not None:
        parts.append(base)
    skipped: dict[str, int] = {}
    if reviewer_labels:
        reviewed, skipped = reviewer_set(core, embedder)
        if reviewed is not None:
            parts.append(reviewed)
    if not parts:
        raise InvalidInput(
            "Nothing to train on: the model in use keeps no labelled notes for the "
            f"{embedder.name} embedder and no reviewer has labelled criteria. Run `kbassist "
            "train --from-closure-notes PATH` (the labelled closure-note set), or label "
            "criteria in the review queue first."
        )
    notes = LabelledNotes.stack(parts)
    metrics: dict[str, Any] = {}
    if evaluate and base is not None and len(set(base.groups.tolist())) >= 2:
        say("Leave-one-batch-out evaluation")
        metrics = leave_one_batch_out(base, say)["summary"]
    say(f"Training on {len(notes)} notes")
    model = NoteModel().fit(notes, base=base)
    return _save(core, out_dir, model, notes, embedder.name, metrics, skipped, read_from)


def _save(
    core: Core,
    out_dir: Path | None,
    model: NoteModel,
    notes: LabelledNotes,
    embedder: str,
    metrics: dict[str, Any],
    skipped: dict[str, int],
    read_from: list[dict[str, Any]],
) -> TrainReport:
    digest = data_hash(notes)
    version = model_version(digest, model.get_params(), embedder)
    groups, counts = np.unique(notes.groups, return_counts=True)
    sources = {str(group): int(count) for group, count in zip(groups, counts, strict=True)}
    metadata = {
        "kind": ARTIFACT_NAME,
        "version": version,
        "trained_at": utc_now().isoformat(timespec="seconds"),
        "versions": library_versions(),
        "features_version": FEATURES_VERSION,
        "criteria": list(NOTE_CRITERIA),
        "label_counts": model.label_counts_,
        "thresholds": model.thresholds_,
        "sources": sources,
        "closure_note_sources": read_from,
        "n_examples": len(notes),
        "data_hash": digest,
        "params": model.get_params(),
        "embedder": embedder,
        "score_formula": "25 * (grade - 1), grade the model's 1-5 usefulness",
        "metrics": metrics,
    }
    target = Path(out_dir) if out_dir is not None else model_path(core)
    save_artifact(model, metadata, target)
    rescored = 0
    if target.resolve() == model_path(core).resolve():
        with core.begin() as conn:
            # Published in the database: every server of the instance loads it, no restart.
            publish_artifact(conn, ARTIFACT_NAME, target)
            core.set_meta(conn, "classifier_version", version)
        core.resources.reload_classifier()
        rescored = rescore_all(core)
    return TrainReport(
        version,
        str(target),
        len(notes),
        sources,
        model.label_counts_,
        digest,
        metrics,
        rescored,
        skipped,
    )


# --- leave one batch out ---------------------------------------------------------------


def leave_one_batch_out(notes: LabelledNotes, say: Say | None = None) -> dict[str, Any]:
    """Train on every source but one, test on it, for each; predictions and figures.

    Returns {"predictions": {probabilities, met, usefulness} (arrays over all notes, each
    predicted by the model that did not see its source), "summary": per source, mean and
    worst: precision, recall, F1 per criterion and the usefulness score's Spearman}.
    """
    say = say or (lambda _message: None)
    n = len(notes)
    met = np.zeros((n, len(NOTE_CRITERIA)), dtype=bool)
    probabilities = np.zeros((n, len(NOTE_CRITERIA)))
    usefulness = np.zeros(n)
    sources = sorted(set(notes.groups.tolist()))
    for source in sources:
        say(f"  held out: {source}")
        test = np.flatnonzero(notes.groups == source)
        train = np.flatnonzero(notes.groups != source)
        judged = NoteModel().fit(notes.rows(train)).assess(notes.features.rows(test))
        for column, name in enumerate(NOTE_CRITERIA):
            met[test, column] = judged.met[name]
            probabilities[test, column] = judged.probabilities[name]
        usefulness[test] = judged.usefulness
    return {
        "predictions": {"met": met, "probabilities": probabilities, "usefulness": usefulness},
        "summary": lobo_summary(notes, met, usefulness),
    }


def lobo_summary(notes: LabelledNotes, met: np.ndarray, score: np.ndarray) -> dict[str, Any]:
    """Per-source precision, recall and F1 of each criterion and Spearman of the score."""
    from scipy.stats import spearmanr
    from sklearn.metrics import precision_recall_fscore_support

    per_source: dict[str, Any] = {}
    for source in sorted(set(notes.groups.tolist())):
        rows = np.flatnonzero(notes.groups == source)
        figures: dict[str, Any] = {}
        for column, name in enumerate(NOTE_CRITERIA):
            known = rows[notes.labels[rows, column] >= 0]
            precision, recall, f1, _ = precision_recall_fscore_support(
                notes.labels[known, column], met[known, column], average="binary", zero_division=0
            )
            figures[name] = {
                "precision": round(float(precision), 3),
                "recall": round(float(recall), 3),
                "f1": round(float(f1), 3),
            }
        graded = rows[~np.isnan(notes.grades[rows])]
        rho = spearmanr(score[graded], notes.grades[graded]).statistic if len(graded) > 2 else None
        per_source[source] = {
            "n": int(len(rows)),
            "criteria": figures,
            "spearman": None if rho is None else round(float(rho), 3),
        }
    return {"per_batch": per_source, **_mean_and_worst(per_source)}


def _mean_and_worst(per_source: dict[str, Any]) -> dict[str, Any]:
    batches = list(per_source.values())
    f1 = {name: [batch["criteria"][name]["f1"] for batch in batches] for name in NOTE_CRITERIA}
    rhos = [batch["spearman"] for batch in batches if batch["spearman"] is not None]
    return {
        "f1_mean": {name: round(float(np.mean(values)), 3) for name, values in f1.items()},
        "f1_worst": {name: round(float(np.min(values)), 3) for name, values in f1.items()},
        "spearman_mean": round(float(np.mean(rhos)), 3) if rhos else None,
        "spearman_worst": round(float(np.min(rhos)), 3) if rhos else None,
    }
