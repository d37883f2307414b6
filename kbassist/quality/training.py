"""Training the note classifier from reviewer labels (`kbassist train`).

The latest label per ticket, joined to the ticket's current closure note, sorted
by ticket id; at least MIN_LABELS_PER_CLASS of each kind; fixed-seed
cross-validation, then a fit on every label; the artifact written to the
instance's models folder, and every note rescored with it. See docs/quality.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbassist.artifacts import publish_artifact
from kbassist.embedding import embed_cached
from kbassist.errors import InvalidInput
from kbassist.quality import queries
from kbassist.quality.classifier import (
    ARTIFACT_NAME,
    LABELS,
    NoteClassifier,
    cross_validate,
    library_versions,
    model_version,
    save_artifact,
)
from kbassist.quality.criteria import check_plain_note, note_text
from kbassist.quality.service import CRITERIA_WEIGHT, example_for, model_path, rescore_all
from kbassist.records import text_hash
from kbassist.store import utc_now

if TYPE_CHECKING:
    from kbassist.core import Core

MIN_LABELS_PER_CLASS = 5


@dataclass(frozen=True)
class TrainReport:
    """What `kbassist train` did."""

    model_version: str
    path: str
    n_examples: int
    label_counts: dict[str, int]
    data_hash: str
    metrics: dict[str, Any]
    rescored: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "model_version": self.model_version,
            "path": self.path,
            "n_examples": self.n_examples,
            "label_counts": dict(self.label_counts),
            "data_hash": self.data_hash,
            "metrics": dict(self.metrics),
            "rescored": self.rescored,
            "skipped": dict(self.skipped),
        }


def data_hash(items: Iterable[tuple[str, str, str]]) -> str:
    """SHA-256 over (ticket id, label, note hash) lines, sorted: the training data's identity."""
    lines = sorted(f"{tid}\t{label}\t{text_hash(text)}" for tid, text, label in items)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def train(
    core: Core,
    out_dir: Path | None = None,
    *,
    seed: int = 0,
    params: dict[str, Any] | None = None,
) -> TrainReport:
    """Train the classifier from reviewer labels, save the artifact, and rescore everything."""
    with core.connect() as conn:
        kept, plains, skipped = _usable_labels(queries.labelled_notes(conn))
    counts = {label: sum(1 for *_, got in kept if got == label) for label in LABELS}
    if min(counts.values()) < MIN_LABELS_PER_CLASS:
        raise InvalidInput(
            f"Not enough reviewer labels to train: {counts['useful']} useful and "
            f"{counts['needs-work']} needs-work; at least {MIN_LABELS_PER_CLASS} of each are "
            "needed. Label notes in the review queue (Review page), then run `kbassist train`."
        )
    embedder = core.resources.embedder
    with core.begin() as conn:
        vectors = embed_cached(conn, embedder, plains)
    examples = [
        example_for(plain, check_plain_note(plain), vectors[i]) for i, plain in enumerate(plains)
    ]
    labels = [label for *_, label in kept]
    estimator = NoteClassifier(random_state=seed, **(params or {}))
    metrics = cross_validate(estimator, examples, labels, seed=seed)
    estimator.fit(examples, labels)
    digest = data_hash(kept)
    version = model_version(digest, estimator.get_params(), embedder.name)
    metadata = {
        "kind": ARTIFACT_NAME,
        "version": version,
        "trained_at": utc_now().isoformat(timespec="seconds"),
        "versions": library_versions(),
        "labels": list(LABELS),
        "label_counts": counts,
        "n_examples": len(kept),
        "data_hash": digest,
        "params": estimator.get_params(),
        "embedder": embedder.name,
        "score_formula": f"{CRITERIA_WEIGHT} * criteria_score + "
        f"{1 - CRITERIA_WEIGHT} * 100 * P(useful)",
        "metrics": metrics,
    }
    target = Path(out_dir) if out_dir is not None else model_path(core)
    save_artifact(estimator, metadata, target)
    rescored = 0
    if target.resolve() == model_path(core).resolve():
        with core.begin() as conn:
            # Published in the database: every server of the instance loads it, no restart.
            publish_artifact(conn, ARTIFACT_NAME, target)
            core.set_meta(conn, "classifier_version", version)
        core.resources.reload_classifier()
        rescored = rescore_all(core)
    return TrainReport(version, str(target), len(kept), counts, digest, metrics, rescored, skipped)


def _usable_labels(
    items: list[tuple[str, str, str]],
) -> tuple[list[tuple[str, str, str]], list[str], dict[str, int]]:
    """The labelled notes training can use, their plain text, and how many were skipped why."""
    skipped = {"empty_note": 0, "unknown_label": 0}
    kept: list[tuple[str, str, str]] = []
    plains: list[str] = []
    for ticket_id, text, label in items:
        plain = note_text(text)
        if label not in LABELS:
            skipped["unknown_label"] += 1
        elif not plain:
            skipped["empty_note"] += 1
        else:
            kept.append((ticket_id, text, label))
            plains.append(plain)
    return kept, plains, skipped
