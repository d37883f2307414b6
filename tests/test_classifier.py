"""The note classifier: estimator contract, reproducible training, artifacts that load safely."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone

from kbassist.embedding import HashingEmbedder
from kbassist.errors import NotTrained
from kbassist.quality.classifier import (
    NoteClassifier,
    NoteExample,
    cross_validate,
    library_versions,
    load_artifact,
    save_artifact,
)
from kbassist.quality.criteria import check_note

GOOD = [
    "User reported {app} error 0x8007{n:04d} on LAPTOP-{n}. Cause: corrupt profile. Recreated "
    "the profile and ran sfc /scannow. Verified with the user. Linked KB-{n}.",
    'Users saw "{app} cannot connect" at site {n}; certificate expired. Renewed it in the admin '
    "center > Certificates, restarted the service. Tested sign-in, confirmed. Added monitoring.",
    "{app} crashed at launch (Windows 11 build {n}). Root cause: outdated add-in. Disabled the "
    "add-in under File > Options, updated {app}. User confirmed it works now; see KB-{n}.",
]
POOR = ["fixed", "done {n}", "rebooted", "resolved issue", "sorted, closed", "{app} ok now"]
APPS = ["Outlook", "Teams", "Excel", "OneDrive", "FortiClient", "Word"]


def labelled(count: int) -> tuple[list[NoteExample], list[str]]:
    embedder = HashingEmbedder()
    texts, labels = [], []
    for index in range(count):
        app = APPS[index % len(APPS)]
        if index % 2:
            texts.append(GOOD[index % len(GOOD)].format(app=app, n=index))
            labels.append("useful")
        else:
            texts.append(POOR[index % len(POOR)].format(app=app, n=index))
            labels.append("needs-work")
    vectors = embedder.encode(texts)
    examples = [
        NoteExample(text, tuple(check_note(text).features()), vectors[i])
        for i, text in enumerate(texts)
    ]
    return examples, labels


def test_fit_returns_self_and_init_only_stores_parameters() -> None:
    examples, labels = labelled(24)
    model = NoteClassifier(C=0.5)
    assert model.get_params()["C"] == 0.5
    assert not hasattr(model, "pipeline_")
    assert model.fit(examples, labels) is model
    assert list(model.classes_) == ["needs-work", "useful"]
    twin = clone(model)
    assert twin.get_params() == model.get_params() and not hasattr(twin, "pipeline_")


def test_probabilities_separate_good_from_poor_notes() -> None:
    examples, labels = labelled(40)
    model = NoteClassifier().fit(examples, labels)
    probability = model.useful_probability(examples)
    useful = np.array([label == "useful" for label in labels])
    assert probability[useful].min() > probability[~useful].max()


def test_training_is_reproducible() -> None:
    examples, labels = labelled(30)
    first = NoteClassifier().fit(examples, labels).useful_probability(examples)
    second = NoteClassifier().fit(examples, labels).useful_probability(examples)
    assert np.array_equal(first, second)


def test_one_class_only_is_refused() -> None:
    examples, _ = labelled(6)
    with pytest.raises(ValueError, match="both"):
        NoteClassifier().fit(examples, ["useful"] * 6)


def test_without_embedding_the_model_ignores_vectors() -> None:
    examples, labels = labelled(20)
    bare = [NoteExample(e.text, e.criteria, None) for e in examples]
    model = NoteClassifier(use_embedding=False).fit(bare, labels)
    assert model.useful_probability(bare).shape == (20,)


def test_cross_validation_uses_fixed_folds() -> None:
    examples, labels = labelled(30)
    first = cross_validate(NoteClassifier(), examples, labels, seed=3)
    assert first == cross_validate(NoteClassifier(), examples, labels, seed=3)
    assert first["folds"] == 5


def test_cross_validation_scores_separable_notes_well() -> None:
    # Thorough notes labelled useful, one-word notes needs-work: any working classifier
    # ranks every held-out useful note above every held-out poor one, or nearly.
    examples, labels = labelled(30)
    metrics = cross_validate(NoteClassifier(), examples, labels, seed=3)
    assert metrics["auc"] >= 0.95
    assert metrics["f1"] >= 0.9


def _saved(tmp_path: Path) -> tuple[Path, list[NoteExample]]:
    examples, labels = labelled(20)
    model = NoteClassifier().fit(examples, labels)
    metadata = {"version": "nc-test", "versions": library_versions(), "embedder": "hashing-384"}
    return save_artifact(model, metadata, tmp_path / "note-classifier"), examples


def test_artifact_round_trip(tmp_path: Path) -> None:
    path, examples = _saved(tmp_path)
    assert sorted(p.name for p in path.iterdir()) == ["estimator.joblib", "metadata.json"]
    loaded = load_artifact(path)
    assert loaded.version == "nc-test" and loaded.embedder == "hashing-384"
    assert loaded.useful_probability(examples).shape == (20,)
    assert not list(tmp_path.glob(".note-classifier*"))  # the temporary folder is gone


def test_missing_artifact_says_to_train(tmp_path: Path) -> None:
    with pytest.raises(NotTrained, match="kbassist train"):
        load_artifact(tmp_path / "nothing")


def test_tampered_estimator_is_not_loaded(tmp_path: Path) -> None:
    path, _ = _saved(tmp_path)
    with (path / "estimator.joblib").open("ab") as handle:
        handle.write(b"junk")
    with pytest.raises(NotTrained, match="hash"):
        load_artifact(path)


def test_other_library_versions_are_refused(tmp_path: Path) -> None:
    path, _ = _saved(tmp_path)
    metadata = json.loads((path / "metadata.json").read_text())
    metadata["versions"]["sklearn"] = "0.24.2"
    (path / "metadata.json").write_text(json.dumps(metadata))
    with pytest.raises(NotTrained, match="sklearn 0.24.2"):
        load_artifact(path)
