"""Training the token model (:mod:`kbassist.hygiene.token_model`) from labelled notes.

A labelled text says whether it holds a secret and personal data and, where known, the
exact values. Each candidate token is one training row: a secret when it overlaps a secret
value, not a secret otherwise. Tokens overlapping a value of a note labelled both secret
and personal are left out (the labels do not say which value is which), and so are the
tokens of a secret note whose values are not given.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kbassist.hygiene.public_material import public_ranges
from kbassist.hygiene.token_model import TokenModel, candidate_features

# A secret is rarer than the tokens around it; weighting it up keeps recall on new wordings.
_SECRET_WEIGHT = 3.0
_PRUNE = 1e-4


@dataclass(frozen=True)
class LabelledText:
    text: str
    secret: bool
    personal: bool
    values: tuple[str, ...] | None  # None: the values are not given


def read_labelled(path: Path, text: str | None = None) -> list[LabelledText]:
    """Notes from a JSON-lines file in either labelled layout the project uses.

    ``{"note", "labels": {"secret", "personal_data"}, "values"}`` (closure-note batches and
    blind files) or ``{"text", "secret", "personal", "value" | "values"}`` (written cases).
    ``text`` is the file's content when it is not read from disk (the file at another
    revision); ``path`` then only names it in errors.
    """
    out = []
    content = path.read_text(encoding="utf-8") if text is None else text
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        try:
            if "labels" in row:
                labels = row["labels"]
                text, secret, personal = row["note"], labels["secret"], labels["personal_data"]
                values = row.get("values")
            else:
                text, secret = row["text"], row["secret"]
                personal = row.get("personal", False)
                values = row.get("values")
                if values is None and "value" in row:
                    values = [row["value"]] if row["value"] else []
        except KeyError as missing:
            raise ValueError(f"{path}:{number}: no {missing} field") from None
        out.append(
            LabelledText(
                text, bool(secret), bool(personal), None if values is None else tuple(values)
            )
        )
    return out


def _value_spans(text: str, values: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for value in values:
        at = text.find(value) if value else -1
        while at >= 0:
            spans.append((at, at + len(value)))
            at = text.find(value, at + 1)
    return spans


def token_rows(notes: Iterable[LabelledText]) -> tuple[list[list[str]], list[int]]:
    """Feature lists and labels (1 for a secret) of every usable candidate token."""
    rows: list[list[str]] = []
    labels: list[int] = []
    for note in notes:
        if note.secret and note.values is None:
            continue
        spans = _value_spans(note.text, note.values or ())
        for start, end, names in candidate_features(note.text, public_ranges(note.text)):
            in_value = any(start < b and a < end for a, b in spans)
            if in_value and note.secret and note.personal:
                continue
            rows.append(names)
            labels.append(int(in_value and note.secret))
    return rows, labels


def fit(notes: Sequence[LabelledText], threshold: float, c: float = 1.0) -> TokenModel:
    """A logistic regression over the tokens' features, exported as a weight table."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = token_rows(notes)
    if not any(labels) or all(labels):
        raise ValueError("the training notes need tokens of both classes")
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(names, 1) for names in rows])
    model = LogisticRegression(C=c, max_iter=3000, class_weight={0: 1.0, 1: _SECRET_WEIGHT})
    model.fit(matrix, labels)
    weights = {
        name: round(float(weight), 5)
        for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(weight) >= _PRUNE
    }
    return TokenModel(weights, float(model.intercept_[0]), threshold)


def note_scores(model: TokenModel, texts: Iterable[str]) -> list[float]:
    """Each text's highest token probability (0 when it has no candidate)."""
    scores = []
    for text in texts:
        found = candidate_features(text, public_ranges(text))
        scores.append(max((model.probability(names) for *_, names in found), default=0.0))
    return scores
