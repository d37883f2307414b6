"""The per-criterion note model: six calibrated classifiers and a usefulness grade.

Each KCS criterion (problem, environment, cause, steps, verification, follow-up)
is decided by its own calibrated scikit-learn model over the note's features
(``kbassist.quality.features``: cue values, the rules' outputs, the embedding):
the mean of a class-balanced logistic regression's and a shallow gradient-boosting
model's probabilities, fitted once per fold and calibrated (Platt) on the
out-of-fold scores. Folds are the training notes' sources (leave one source out:
each closure-note batch, the reviewers' labels) when there are three or more,
else stratified; so the calibration and the decision threshold (the best F1 on
the out-of-fold probabilities) are tuned for a style the fold model did not see.

The usefulness grade (1-5, as the labelling guide defines it) is a ridge
regression of the *undocked* grade on the six out-of-fold probabilities, their
sum and a few cues; a note the hygiene detector flags is docked by the share of
flagged training notes that really held a secret or personal data. The score
is ``25 * (grade - 1)``, 0-100.

An artifact is a folder (``kbassist.artifacts``): the pickled ``NoteModel``,
which keeps the features of the labelled notes it started from (``base_set_``,
no note text) so that ``kbassist train`` can add reviewer labels to them, and
``metadata.json`` with the leave-one-batch-out figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import PCA
from sklearn.ensemble import HistGradientBoostingClassifier, VotingClassifier
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import f1_score
from sklearn.model_selection import LeaveOneGroupOut, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from kbassist import artifacts
from kbassist.artifacts import Artifact
from kbassist.errors import InvalidInput, NotTrained
from kbassist.quality.criteria import NOTE_CRITERIA
from kbassist.quality.features import FEATURES_VERSION, HANDCRAFTED_NAMES, NoteFeatures
from kbassist.quality.worktype import WORK_NAMES

ARTIFACT_NAME = "note-classifier"
SEED = 0
# The criteria that read the request-or-fault cues (see ``criterion_columns``).
WORK_CRITERIA = ("problem", "cause")
# Cues that cap a criterion's P(met) at the rate the training notes they mark meet it
# (``gate_ceiling``): the guide's "not met when ..." cases.
GATES: dict[str, tuple[str, ...]] = {
    "problem": ("request_no_fault",),
    "cause": ("request_no_fault",),
}
# Cues that hold a criterion's P(met) at least at the rate the training notes they mark
# meet it (``gate_floor``): the guide's "met when ..." cases. Follow-up: a KB article named
# by its number, a vendor's, duplicate's or change's number (a hand-off pointer).
# Features v6: a next step if it recurs, and a record written to ("Inventario actualizado en
# IT Glue", "Licence register updated": the guide's "a KB article ... updated").
FLOORS: dict[str, tuple[str, ...]] = {
    "followup": ("kb_pointer", "handoff", "recur_next", "record_update")
}
MIN_FLOOR_NOTES = 5  # training notes a floor cue must mark before it holds anything up
# The follow-up cues, read by the follow-up model only (see ``criterion_columns``).
FOLLOWUP_NAMES = (
    "followup_words",
    "followup_any",
    "followup_late",
    "handoff",
    "kb_pointer",
    "recur_next",
    "record_update",
)
MIN_PER_CLASS = 3
# The weights of the embedding block against the cues that each criterion tries
# (``fit_criterion`` keeps the best on its out-of-fold probabilities).
EMBEDDING_WEIGHTS = (0.3, 0.6)  # labelled notes each criterion needs on both sides to be trained
# Cues the grade regression reads beside the criterion probabilities.
GRADE_CUES = (
    "log_words",
    "request_words",
    "closure_words",
    "vague_problem",
    "vague_actions",
    "pointer_only",
    "hedge",
    "guess",
    "boilerplate",
    "rule_vague",
)


# --- the labelled notes ------------------------------------------------------------


@dataclass(frozen=True)
class LabelledNotes:
    """Features of labelled notes with their labels (no text): what a model is fitted on.

    ``labels`` is (n, 6) in ``NOTE_CRITERIA`` order, -1 where a criterion is not
    labelled; ``grades`` are 1-5 or NaN; ``sensitive`` is 1/0, or -1 when unknown
    (then the detector's flag stands in); ``groups`` names each note's source.
    """

    features: NoteFeatures
    labels: np.ndarray
    grades: np.ndarray
    sensitive: np.ndarray
    groups: np.ndarray

    def __len__(self) -> int:
        return len(self.labels)

    def rows(self, index: np.ndarray | Sequence[int]) -> LabelledNotes:
        index = np.asarray(index, dtype=int)
        return LabelledNotes(
            self.features.rows(index),
            self.labels[index],
            self.grades[index],
            self.sensitive[index],
            self.groups[index],
        )

    @staticmethod
    def stack(parts: Sequence[LabelledNotes]) -> LabelledNotes:
        return LabelledNotes(
            NoteFeatures.stack([part.features for part in parts]),
            np.vstack([part.labels for part in parts]),
            np.concatenate([part.grades for part in parts]),
            np.concatenate([part.sensitive for part in parts]),
            np.concatenate([part.groups for part in parts]).astype(str),
        )


# --- the classifier of one criterion -------------------------------------------------


class BlockScaler(BaseEstimator, TransformerMixin):
    """Standardise every column, then weight the embedding block against the handcrafted one."""

    def __init__(self, n_handcrafted: int = len(HANDCRAFTED_NAMES), embedding_weight: float = 0.3):
        self.n_handcrafted = n_handcrafted
        self.embedding_weight = embedding_weight

    def fit(self, X: np.ndarray, y: Any = None) -> BlockScaler:
        self.scaler_ = StandardScaler().fit(X)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        scaled = self.scaler_.transform(X)
        scaled[:, self.n_handcrafted :] *= self.embedding_weight
        return scaled


class EmbeddingComponents(BaseEstimator, TransformerMixin):
    """Handcrafted columns as they are, plus the first principal components of the embedding."""

    def __init__(self, n_handcrafted: int = len(HANDCRAFTED_NAMES), n_components: int = 8):
        self.n_handcrafted = n_handcrafted
        self.n_components = n_components

    def fit(self, X: np.ndarray, y: Any = None) -> EmbeddingComponents:
        embedding = X[:, self.n_handcrafted :]
        components = max(1, min(self.n_components, embedding.shape[0] - 1, embedding.shape[1]))
        self.pca_ = PCA(components, random_state=SEED).fit(embedding)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        projected = self.pca_.transform(X[:, self.n_handcrafted :])
        return np.hstack([X[:, : self.n_handcrafted], projected])


def soft_vote(
    c: float = 0.3, embedding_weight: float = 0.3, n_handcrafted: int = len(HANDCRAFTED_NAMES)
) -> VotingClassifier:
    """The mean of a logistic regression's and a shallow gradient-boosting model's probabilities."""
    logistic = Pipeline(
        [
            ("scale", BlockScaler(n_handcrafted, embedding_weight=embedding_weight)),
            (
                "model",
                LogisticRegression(C=c, class_weight="balanced", max_iter=2000, random_state=SEED),
            ),
        ]
    )
    boosting = Pipeline(
        [
            ("project", EmbeddingComponents(n_handcrafted)),
            (
                "model",
                HistGradientBoostingClassifier(
                    max_depth=3,
                    learning_rate=0.05,
                    max_iter=100,
                    l2_regularization=1.0,
                    min_samples_leaf=10,
                    class_weight="balanced",
                    random_state=SEED,
                ),
            ),
        ]
    )
    return VotingClassifier([("logistic", logistic), ("boosting", boosting)], voting="soft")


def _logit(probability: np.ndarray) -> np.ndarray:
    clipped = np.clip(probability, 1e-4, 1 - 1e-4)
    return np.log(clipped / (1 - clipped)).reshape(-1, 1)


def best_threshold(y: np.ndarray, probability: np.ndarray) -> float:
    """The cut in [0.2, 0.8] with the best F1 on out-of-fold probabilities (middle of ties)."""
    cuts = np.round(np.arange(0.2, 0.8 + 1e-9, 0.02), 2)
    scores = np.array([f1_score(y, probability >= cut, zero_division=0) for cut in cuts])
    best = np.flatnonzero(scores >= scores.max() - 1e-9)
    return float(cuts[best[len(best) // 2]])


def folds(y: np.ndarray, groups: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Leave one source out when there are three or more, else stratified folds."""
    index = np.arange(len(y))
    if len(np.unique(groups)) >= 3:
        splits = list(LeaveOneGroupOut().split(index, y, groups))
        if all(len(np.unique(y[train])) == 2 for train, _ in splits):
            return splits
    smallest = int(min(np.bincount(y, minlength=2)))
    splitter = StratifiedKFold(min(5, smallest), shuffle=True, random_state=SEED)
    return list(splitter.split(index, y))


def criterion_columns(name: str) -> np.ndarray:
    """The feature-matrix columns a criterion's model reads.

    The request-or-fault cues are read only for the criteria the guide ties to them
    (a request has no problem and no cause), the follow-up cues only for follow-up; the
    others read every other column.
    """
    skip = set() if name in WORK_CRITERIA else {HANDCRAFTED_NAMES.index(n) for n in WORK_NAMES}
    if name != "followup":
        skip |= {HANDCRAFTED_NAMES.index(n) for n in FOLLOWUP_NAMES}
    return np.array([i for i in range(len(HANDCRAFTED_NAMES)) if i not in skip])


@dataclass
class CriterionModel:
    """One criterion's fold models, their Platt calibration and the decision threshold."""

    members: list[Any]
    calibrator: LogisticRegression
    threshold: float
    columns: np.ndarray  # the handcrafted columns read; every embedding column follows
    ceilings: dict[str, float] = field(default_factory=dict)  # gate cue -> most P(met)
    floors: dict[str, float] = field(default_factory=dict)  # floor cue -> least P(met)

    def probability(self, X: np.ndarray) -> np.ndarray:
        inputs = np.hstack([X[:, self.columns], X[:, len(HANDCRAFTED_NAMES) :]])
        raw = np.mean([member.predict_proba(inputs)[:, 1] for member in self.members], axis=0)
        calibrated = self.calibrator.predict_proba(_logit(raw))[:, 1]
        return capped(floored(calibrated, X, self.floors), X, self.ceilings)


def capped(probability: np.ndarray, X: np.ndarray, ceilings: dict[str, float]) -> np.ndarray:
    """P(met) held at most at each gate's ceiling for the notes its cue marks."""
    for cue, ceiling in ceilings.items():
        gated = X[:, HANDCRAFTED_NAMES.index(cue)] > 0
        probability = np.where(gated, np.minimum(probability, ceiling), probability)
    return probability


def floored(probability: np.ndarray, X: np.ndarray, floors: dict[str, float]) -> np.ndarray:
    """P(met) held at least at each floor for the notes its cue marks."""
    for cue, floor in floors.items():
        marked = X[:, HANDCRAFTED_NAMES.index(cue)] > 0
        probability = np.where(marked, np.maximum(probability, floor), probability)
    return probability


def gate_floor(X: np.ndarray, y: np.ndarray, cue: str) -> float:
    """How often the training notes a floor's cue marks meet the criterion (0 when fewer
    than ``MIN_FLOOR_NOTES`` carry it): the guide says they do, the notes say how often."""
    marked = X[:, HANDCRAFTED_NAMES.index(cue)] > 0
    if marked.sum() < MIN_FLOOR_NOTES:
        return 0.0
    return float((y[marked].sum() + 1) / (marked.sum() + 2))


def gate_ceiling(X: np.ndarray, y: np.ndarray, cue: str) -> float:
    """How often the training notes a gate's cue marks meet the criterion.

    The guide says such notes do not (a request without a fault has no problem and
    no cause). The rate, with one pseudo-count each way, is learnt from the training
    notes, so where the notes disagree with the guide the ceiling rises and caps little.
    """
    gated = X[:, HANDCRAFTED_NAMES.index(cue)] > 0
    return float((y[gated].sum() + 1) / (gated.sum() + 2))


def fit_criterion(
    X: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    columns: np.ndarray | None = None,
    gates: Sequence[str] = (),
    floor_cues: Sequence[str] = (),
) -> tuple[CriterionModel, np.ndarray]:
    """Fold models, calibration and threshold of one criterion; its out-of-fold probabilities.

    Each weight of the embedding block in ``EMBEDDING_WEIGHTS`` is tried; the one whose
    out-of-fold probabilities reach the best F1 is kept (the first of ties).
    """
    columns = np.arange(len(HANDCRAFTED_NAMES)) if columns is None else columns
    inputs = np.hstack([X[:, columns], X[:, len(HANDCRAFTED_NAMES) :]])
    ceilings = {cue: gate_ceiling(X, y, cue) for cue in gates}
    floors = {cue: gate_floor(X, y, cue) for cue in floor_cues}
    splits = folds(y, groups)
    best: tuple[float, CriterionModel, np.ndarray] | None = None
    for weight in EMBEDDING_WEIGHTS:
        raw = np.zeros(len(y))
        members = []
        for train, test in splits:
            member = soft_vote(embedding_weight=weight, n_handcrafted=len(columns))
            member.fit(inputs[train], y[train])
            raw[test] = member.predict_proba(inputs[test])[:, 1]
            members.append(member)
        calibrator = LogisticRegression(C=100.0).fit(_logit(raw), y)
        calibrated = capped(calibrator.predict_proba(_logit(raw))[:, 1], X, ceilings)
        # The threshold is chosen before the floors: a floor says "met" for the notes its cue
        # marks (when it is over the threshold), it does not move the cut for all the others.
        threshold = best_threshold(y, calibrated)
        out_of_fold = capped(floored(calibrated, X, floors), X, ceilings)
        f1 = f1_score(y, out_of_fold >= threshold, zero_division=0)
        if best is None or f1 > best[0] + 1e-9:
            model = CriterionModel(members, calibrator, threshold, columns, ceilings, floors)
            best = (f1, model, out_of_fold)
    assert best is not None  # EMBEDDING_WEIGHTS is never empty
    return best[1], best[2]


# --- the note model ------------------------------------------------------------------


def usefulness_from_grade(grade: np.ndarray) -> np.ndarray:
    """A 1-5 grade as a 0-100 usefulness score."""
    return np.clip((np.asarray(grade, dtype=float) - 1.0) * 25.0, 0.0, 100.0)


def undocked_grades(grades: np.ndarray, holds: np.ndarray) -> np.ndarray:
    """The grade before the guide's one-grade docking (a docked 1 may have been 1 or 2: 1.5)."""
    return np.where(holds, np.where(grades <= 1, 1.5, grades + 1), grades)


@dataclass(frozen=True)
class NoteJudgements:
    """The model's view of a batch of notes (arrays with one entry per note)."""

    probabilities: dict[str, np.ndarray]  # criterion -> calibrated P(met)
    met: dict[str, np.ndarray]  # criterion -> bool at the criterion's threshold
    grade: np.ndarray  # 1-5, docked for a detected secret or personal data
    usefulness: np.ndarray  # 0-100


class NoteModel(BaseEstimator):
    """Six calibrated criterion classifiers and a usefulness regression (see the module doc).

    ``n_threads`` caps gradient boosting's OpenMP threads (they oversubscribe small
    machines badly); ``grade_alpha`` is the ridge penalty of the grade regression.
    """

    def __init__(self, grade_alpha: float = 3.0, n_threads: int = 1) -> None:
        self.grade_alpha = grade_alpha
        self.n_threads = n_threads

    def fit(self, notes: LabelledNotes, base: LabelledNotes | None = None) -> NoteModel:
        """Fit on labelled notes; ``base`` (kept as ``base_set_``) is the part to reuse later."""
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=self.n_threads, user_api="openmp"):
            return self._fit(notes, base)

    def _fit(self, notes: LabelledNotes, base: LabelledNotes | None) -> NoteModel:
        X = notes.features.matrix()
        self.n_features_in_ = X.shape[1]
        self.criteria_: dict[str, CriterionModel] = {}
        out_of_fold = np.full((len(notes), len(NOTE_CRITERIA)), np.nan)
        counts = _label_counts(notes.labels)
        short = [name for name, count in counts.items() if min(count.values()) < MIN_PER_CLASS]
        if short:
            told = "; ".join(
                f"'{n}' {counts[n]['met']} met, {counts[n]['not_met']} not met" for n in short
            )
            raise InvalidInput(
                f"Not enough labelled notes: {told}; each criterion needs at least "
                f"{MIN_PER_CLASS} of each. Label criteria in the review queue, or train from "
                "the closure-note set (--from-closure-notes)."
            )
        for column, name in enumerate(NOTE_CRITERIA):
            known = np.flatnonzero(notes.labels[:, column] >= 0)
            model, probabilities = fit_criterion(
                X[known],
                notes.labels[known, column].astype(int),
                notes.groups[known],
                criterion_columns(name),
                gates=GATES.get(name, ()),
                floor_cues=FLOORS.get(name, ()),
            )
            self.criteria_[name] = model
            out_of_fold[known, column] = probabilities
        self.label_counts_ = counts
        self._fit_grade(notes, out_of_fold)
        self.base_set_ = base
        return self

    def _fit_grade(self, notes: LabelledNotes, out_of_fold: np.ndarray) -> None:
        flagged = notes.features.flagged
        holds = np.where(notes.sensitive >= 0, notes.sensitive > 0, flagged)
        # The detector is imperfect: dock by how often a note it flags (or passes) really
        # holds a secret or personal data among the training notes (the expected docking).
        self.dock_when_flagged_ = float(holds[flagged].mean()) if flagged.any() else 1.0
        self.dock_when_clear_ = float(holds[~flagged].mean()) if (~flagged).any() else 0.0
        graded = np.flatnonzero(~np.isnan(notes.grades) & ~np.isnan(out_of_fold).any(axis=1))
        if len(graded) < 10:
            raise InvalidInput(
                f"Only {len(graded)} labelled notes carry a 1-5 grade; the usefulness score "
                "needs at least 10. Train from the closure-note set (--from-closure-notes)."
            )
        target = undocked_grades(notes.grades[graded], holds[graded])
        inputs = self._grade_inputs(notes.features.rows(graded), out_of_fold[graded])
        self.grade_model_ = Pipeline(
            [("scale", StandardScaler()), ("model", Ridge(alpha=self.grade_alpha))]
        ).fit(inputs, target)

    def assess(self, features: NoteFeatures) -> NoteJudgements:
        """Probabilities, decisions, grade and usefulness of every note, in one pass."""
        from threadpoolctl import threadpool_limits

        if len(features) == 0:
            empty = np.zeros(0)
            return NoteJudgements(
                {n: empty for n in NOTE_CRITERIA},
                {n: empty > 0 for n in NOTE_CRITERIA},
                empty,
                empty,
            )
        X = features.matrix()
        if X.shape[1] != self.n_features_in_:
            raise NotTrained(
                f"The note model expects {self.n_features_in_} features, got {X.shape[1]}. "
                "Run `kbassist train` to retrain it with this installation."
            )
        with threadpool_limits(limits=self.n_threads, user_api="openmp"):
            probabilities = {name: self.criteria_[name].probability(X) for name in NOTE_CRITERIA}
        matrix = np.column_stack([probabilities[name] for name in NOTE_CRITERIA])
        grade = np.clip(self.grade_model_.predict(self._grade_inputs(features, matrix)), 1.0, 5.0)
        docking = np.where(features.flagged, self.dock_when_flagged_, self.dock_when_clear_)
        grade = np.maximum(1.0, grade - docking)
        met = {
            name: probabilities[name] >= self.criteria_[name].threshold for name in NOTE_CRITERIA
        }
        return NoteJudgements(probabilities, met, grade, usefulness_from_grade(grade))

    @property
    def thresholds_(self) -> dict[str, float]:
        return {name: model.threshold for name, model in self.criteria_.items()}

    @staticmethod
    def _grade_inputs(features: NoteFeatures, probabilities: np.ndarray) -> np.ndarray:
        extra = np.column_stack([features.column(name) for name in GRADE_CUES])
        return np.hstack([probabilities, probabilities.sum(axis=1, keepdims=True), extra])


def _label_counts(labels: np.ndarray) -> dict[str, dict[str, int]]:
    """Per criterion, how many labelled notes meet it and how many do not."""
    return {
        name: {
            "met": int((labels[:, column] == 1).sum()),
            "not_met": int((labels[:, column] == 0).sum()),
        }
        for column, name in enumerate(NOTE_CRITERIA)
    }


# --- artifacts ---------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedModel(Artifact):
    """A note model read from its artifact folder (see ``kbassist.artifacts``)."""

    @property
    def model(self) -> NoteModel:
        return self.estimator  # type: ignore[no-any-return]


def library_versions() -> dict[str, str]:
    """The versions a note-model artifact records and a load checks."""
    return artifacts.library_versions(features=str(FEATURES_VERSION))


def save_artifact(model: NoteModel, metadata: dict[str, Any], out_dir: Path) -> Path:
    """Write the artifact folder atomically."""
    return artifacts.save_artifact(model, metadata, out_dir)


def read_metadata(path: Path) -> dict[str, Any] | None:
    """An artifact's metadata, or None when there is no artifact at path."""
    return artifacts.read_metadata(path)


def as_note_model(found: Artifact) -> LoadedModel:
    """An artifact known to hold a note model of this feature version, or NotTrained."""
    problem = artifacts.version_problem(
        found.metadata.get("versions", {}), {"features": str(FEATURES_VERSION)}
    )
    if problem or not isinstance(found.estimator, NoteModel):
        raise NotTrained(
            f"The note model in {found.path} was {problem or 'not a per-criterion note model'}. "
            "Run `kbassist train` to retrain it with this installation."
        )
    return LoadedModel(found.estimator, found.metadata, found.path)


def load_artifact(path: Path) -> LoadedModel:
    """Load a note-model artifact, checking that we wrote it and that the versions match."""
    return as_note_model(
        artifacts.load_artifact(path, "note model", features=str(FEATURES_VERSION))
    )
