"""How far the model agrees with the reviewers: Cohen's kappa, per criterion and for the verdict.

Per criterion, each ticket's latest reviewer call is compared with what the model
said when the reviewer saw the note (stored with the call), so a label the model
was later trained on does not flatter it. The verdict compares the reviewers'
useful / needs-work with the note's score against the quality bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.quality import queries
from kbassist.quality.criteria import NOTE_CRITERIA


@dataclass(frozen=True)
class Agreement:
    """Cohen's kappa between two raters' yes/no calls on the same notes."""

    kappa: float | None  # None when it cannot be computed (too few labels)
    n: int
    agreed: int
    basis: str  # what the reviewers were compared with

    def as_dict(self) -> dict[str, Any]:
        return {"kappa": self.kappa, "n": self.n, "agreed": self.agreed, "basis": self.basis}


def kappa(first: list[int], second: list[int], basis: str) -> Agreement:
    """Cohen's kappa of two lists of 0/1 calls (0.0 when each rater said one different thing)."""
    agreed = sum(1 for a, b in zip(first, second, strict=True) if a == b)
    value = None
    if len(first) >= 2 and len(set(first) | set(second)) == 2:
        if len(set(first)) == 1 and len(set(second)) == 1:
            value = 0.0  # the raters each said one thing, and different things
        else:
            from sklearn.metrics import cohen_kappa_score

            value = round(float(cohen_kappa_score(first, second)), 3)
    return Agreement(value, len(first), agreed, basis)


def criterion_agreement(conn: Connection) -> dict[str, Agreement]:
    """Per criterion: the reviewers' latest calls against the model's at the time."""
    calls: dict[str, tuple[list[int], list[int]]] = {name: ([], []) for name in NOTE_CRITERIA}
    for row in queries.latest_criterion_labels(conn):
        if row.criterion in calls and row.model_met is not None:
            reviewers, model = calls[row.criterion]
            reviewers.append(int(bool(row.met)))
            model.append(int(bool(row.model_met)))
    return {name: kappa(*calls[name], basis="model") for name in NOTE_CRITERIA}


def verdict_agreement(conn: Connection, bar: float = 60.0) -> Agreement:
    """The reviewers' latest useful / needs-work against the note's score and the bar."""
    labels, scores = store.review_labels, store.note_scores
    rows = conn.execute(
        queries.labels_oldest_first(scores.c.score, scores.c.model_version).join(
            scores, scores.c.ticket_id == labels.c.ticket_id
        )
    )
    latest = list({row.ticket_id: row for row in rows}.values())
    basis = "model" if any(row.model_version for row in latest) else "criteria"
    reviewers = [1 if row.label == "useful" else 0 for row in latest]
    model = [1 if row.score >= bar else 0 for row in latest]
    return kappa(reviewers, model, f"{basis} score at the bar of {bar:g}")
