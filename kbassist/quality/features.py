"""What the per-criterion note model reads about a note (pure functions of its text).

Three blocks, one row per note:

* the multilingual cue values of ``kbassist.quality.cues``;
* request or fault (``kbassist.quality.worktype``): the ticket's title and the
  note's opening words, when the title is known;
* the rule outputs of ``kbassist.quality.criteria`` (the six criteria, vague,
  not English, hard to read, the criteria score): the rules that explain a
  finding are also evidence for the model;
* the note's sentence embedding (computed by the caller through the embedding
  cache, passed in as an array).

Beside the matrix a note carries ``flagged``: whether the hygiene detector found
a secret or personal data in it. It is not a feature of any criterion (a secret
says nothing about the cause); it docks the usefulness grade, as the labelling
guide does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kbassist.quality import cues, worktype
from kbassist.quality.criteria import NOTE_CRITERIA, NoteAssessment

# Bumped whenever a feature changes meaning or the blocks change size: a model or a
# stored training set built for another version is not used.
FEATURES_VERSION = 6

RULE_NAMES = (
    *(f"rule_{name}" for name in NOTE_CRITERIA),
    "rule_vague",
    "rule_not_english",
    "rule_readability",
    "rule_criteria_score",
)
HANDCRAFTED_NAMES: tuple[str, ...] = (*cues.CUE_NAMES, *worktype.WORK_NAMES, *RULE_NAMES)


def rule_values(assessment: NoteAssessment) -> list[float]:
    """The rules' verdicts on a note as numbers, in ``RULE_NAMES`` order."""
    rules = {finding.rule for finding in assessment.findings}
    return [
        *(1.0 if assessment.criteria[name] else 0.0 for name in NOTE_CRITERIA),
        1.0 if assessment.vague else 0.0,
        1.0 if assessment.language != "en" else 0.0,
        1.0 if "readability" in rules else 0.0,
        assessment.criteria_score / 100.0,
    ]


def handcrafted_row(plain: str, assessment: NoteAssessment, title: str = "") -> list[float]:
    """Cue values, request-or-fault cues, then rule outputs of one plain-text note."""
    return [
        *cues.cue_values(plain).values(),
        *worktype.work_values(title, plain).values(),
        *rule_values(assessment),
    ]


@dataclass(frozen=True)
class NoteFeatures:
    """Everything the note model reads about a set of notes."""

    handcrafted: np.ndarray  # (n, len(HANDCRAFTED_NAMES))
    embeddings: np.ndarray  # (n, embedding dimension)
    flagged: np.ndarray  # (n,) bool: the hygiene detector found a secret or personal data

    def __len__(self) -> int:
        return len(self.handcrafted)

    def rows(self, index: np.ndarray | Sequence[int]) -> NoteFeatures:
        """The features of a subset of the notes."""
        index = np.asarray(index, dtype=int)
        return NoteFeatures(self.handcrafted[index], self.embeddings[index], self.flagged[index])

    def matrix(self) -> np.ndarray:
        """Handcrafted columns then embedding columns, as the classifiers read them."""
        return np.hstack([self.handcrafted, self.embeddings])

    def column(self, name: str) -> np.ndarray:
        """One handcrafted column by name."""
        return self.handcrafted[:, HANDCRAFTED_NAMES.index(name)]

    @staticmethod
    def stack(parts: Sequence[NoteFeatures]) -> NoteFeatures:
        """Several sets of notes as one."""
        return NoteFeatures(
            np.vstack([part.handcrafted for part in parts]),
            np.vstack([part.embeddings for part in parts]),
            np.concatenate([part.flagged for part in parts]),
        )


def note_features(
    plains: Sequence[str],
    assessments: Sequence[NoteAssessment],
    embeddings: np.ndarray,
    titles: Sequence[str] | None = None,
) -> NoteFeatures:
    """Features of plain-text notes given their rule assessments, embeddings and ticket titles."""
    vectors = np.asarray(embeddings, dtype=np.float64)
    if len(vectors) != len(plains) or vectors.ndim != 2:
        raise ValueError(
            f"Expected one embedding row per note ({len(plains)}), got shape {vectors.shape}."
        )
    titles = list(titles) if titles is not None else [""] * len(plains)
    if len(titles) != len(plains):
        raise ValueError(f"Expected one title per note ({len(plains)}), got {len(titles)}.")
    rows = [
        handcrafted_row(plain, assessment, title)
        for plain, assessment, title in zip(plains, assessments, titles, strict=True)
    ]
    handcrafted = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(HANDCRAFTED_NAMES))
    flagged = np.array([assessment.blocking for assessment in assessments], dtype=bool)
    return NoteFeatures(handcrafted, vectors, flagged)
