"""The note classifier: is a closure note useful? A scikit-learn estimator and its artifact.

The estimator is a pipeline over three views of a note: TF-IDF word n-grams of
its text, the criteria vector from ``kbassist.quality.criteria`` and the note's sentence
embedding, joined and fed to a class-balanced logistic regression. It follows
the estimator contract (``__init__`` stores parameters, ``fit`` returns self).

An artifact is a folder: ``estimator.joblib`` (pickled by us, its SHA-256
recorded) and ``metadata.json`` (versions, labels and their counts, the
training-data hash, cross-validated metrics with fixed-seed folds). Loading
checks the hash and the versions and fails with a message that says what to do.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from kbassist import artifacts
from kbassist.artifacts import Artifact
from kbassist.errors import NotTrained

USEFUL = "useful"
NEEDS_WORK = "needs-work"
LABELS = (NEEDS_WORK, USEFUL)
ARTIFACT_NAME = "note-classifier"
# Bumped whenever the features a NoteExample carries change meaning or size
# (2: the verification and follow-up cues no longer count requests and holding replies).
FEATURES_VERSION = 2


@dataclass(frozen=True)
class NoteExample:
    """One note as the classifier sees it: plain text, criteria vector, embedding (or None)."""

    text: str
    criteria: tuple[float, ...]
    embedding: np.ndarray | None = None


def _texts(examples: Sequence[NoteExample]) -> list[str]:
    return [example.text for example in examples]


def _criteria(examples: Sequence[NoteExample]) -> np.ndarray:
    return np.array([example.criteria for example in examples], dtype=np.float64)


def _embeddings(examples: Sequence[NoteExample]) -> np.ndarray:
    vectors = []
    for example in examples:
        if example.embedding is None:
            raise ValueError("this classifier uses embeddings; every example needs one")
        vectors.append(np.asarray(example.embedding, dtype=np.float64))
    return np.vstack(vectors)


class NoteClassifier(ClassifierMixin, BaseEstimator):
    """Probability that a closure note is useful, from its text, criteria and embedding."""

    def __init__(
        self,
        C: float = 1.0,
        max_features: int = 20000,
        min_df: int = 2,
        use_embedding: bool = True,
        random_state: int = 0,
    ) -> None:
        self.C = C
        self.max_features = max_features
        self.min_df = min_df
        self.use_embedding = use_embedding
        self.random_state = random_state

    def _pipeline(self, n_samples: int) -> Pipeline:
        parts: list[tuple[str, Any]] = [
            (
                "text",
                Pipeline(
                    [
                        ("select", FunctionTransformer(_texts)),
                        (
                            "tfidf",
                            TfidfVectorizer(
                                ngram_range=(1, 2),
                                sublinear_tf=True,
                                # Small label sets would lose every n-gram to min_df.
                                min_df=self.min_df if n_samples >= 50 else 1,
                                max_features=self.max_features,
                                lowercase=True,
                            ),
                        ),
                    ]
                ),
            ),
            ("criteria", FunctionTransformer(_criteria)),
        ]
        if self.use_embedding:
            parts.append(("embedding", FunctionTransformer(_embeddings)))
        return Pipeline(
            [
                ("features", FeatureUnion(parts)),
                (
                    "model",
                    LogisticRegression(
                        C=self.C,
                        class_weight="balanced",
                        max_iter=2000,
                        random_state=self.random_state,
                    ),
                ),
            ]
        )

    def fit(self, X: Sequence[NoteExample], y: Sequence[str]) -> NoteClassifier:
        """Fit on notes and their labels ('useful' / 'needs-work'); returns self."""
        labels = np.asarray(list(y))
        if len(set(labels.tolist())) < 2:
            raise ValueError("need notes labelled both useful and needs-work")
        self.pipeline_ = self._pipeline(len(labels)).fit(list(X), labels)
        self.classes_ = self.pipeline_.classes_
        return self

    def predict_proba(self, X: Sequence[NoteExample]) -> np.ndarray:
        """Class probabilities, columns in the order of ``classes_``."""
        return self.pipeline_.predict_proba(list(X))

    def predict(self, X: Sequence[NoteExample]) -> np.ndarray:
        return self.pipeline_.predict(list(X))

    def useful_probability(self, X: Sequence[NoteExample]) -> np.ndarray:
        """The probability of 'useful' for each note."""
        if not len(X):
            return np.zeros(0)
        column = list(self.classes_).index(USEFUL)
        return self.predict_proba(X)[:, column]


def cross_validate(
    estimator: NoteClassifier,
    examples: Sequence[NoteExample],
    labels: Sequence[str],
    folds: int = 5,
    seed: int = 0,
) -> dict[str, Any]:
    """Out-of-fold AUC and F1 (for 'useful' at 0.5) over stratified folds with a fixed seed."""
    y = np.array([1 if label == USEFUL else 0 for label in labels])
    smallest = int(min(y.sum(), len(y) - y.sum()))
    n_splits = min(folds, smallest)
    if n_splits < 2:
        return {"folds": 0, "auc": None, "f1": None, "seed": seed}
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    out_of_fold = np.zeros(len(y))
    fold_auc = []
    items = list(examples)
    label_list = list(labels)
    for train_index, test_index in splitter.split(np.zeros(len(y)), y):
        model = clone(estimator).fit(
            [items[i] for i in train_index], [label_list[i] for i in train_index]
        )
        probability = model.useful_probability([items[i] for i in test_index])
        out_of_fold[test_index] = probability
        if len(set(y[test_index].tolist())) == 2:
            fold_auc.append(float(roc_auc_score(y[test_index], probability)))
    predicted = (out_of_fold >= 0.5).astype(int)
    return {
        "folds": n_splits,
        "seed": seed,
        "auc": round(float(roc_auc_score(y, out_of_fold)), 4),
        "auc_fold_std": round(float(np.std(fold_auc)), 4) if fold_auc else None,
        "f1": round(float(f1_score(y, predicted, zero_division=0.0)), 4),
        "accuracy": round(float((predicted == y).mean()), 4),
    }


# --- artifacts ---------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedClassifier(Artifact):
    """A note classifier read from its artifact folder (see ``kbassist.artifacts``)."""

    def useful_probability(self, examples: Sequence[NoteExample]) -> np.ndarray:
        return self.estimator.useful_probability(examples)


def library_versions() -> dict[str, str]:
    """The versions a note-classifier artifact records and a load checks."""
    return artifacts.library_versions(features=str(FEATURES_VERSION))


def model_version(data_hash: str, params: dict[str, Any], embedder: str | None) -> str:
    """A deterministic name for a trained model: same data, parameters and libraries, same name."""
    versions = library_versions()
    key = json.dumps(
        {
            "data": data_hash,
            "params": params,
            "embedder": embedder,
            "sklearn": versions["sklearn"],
            "features": FEATURES_VERSION,
        },
        sort_keys=True,
    )
    return "nc-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def save_artifact(estimator: NoteClassifier, metadata: dict[str, Any], out_dir: Path) -> Path:
    """Write the artifact folder atomically."""
    return artifacts.save_artifact(estimator, metadata, out_dir)


def read_metadata(path: Path) -> dict[str, Any] | None:
    """An artifact's metadata, or None when there is no artifact at path."""
    return artifacts.read_metadata(path)


def load_artifact(path: Path) -> LoadedClassifier:
    """Load a note-classifier artifact, checking that we wrote it and that the versions match."""
    found = artifacts.load_artifact(path, "note classifier", features=str(FEATURES_VERSION))
    if not isinstance(found.estimator, NoteClassifier):
        raise NotTrained(f"{found.path} does not hold a note classifier.")
    return LoadedClassifier(found.estimator, found.metadata, found.path)
