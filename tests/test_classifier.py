"""The per-criterion note model: fitting, judging, findings that agree, safe artifacts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from labelled_notes import write_labelled_notes

from kbassist.embedding import HashingEmbedder
from kbassist.errors import InvalidInput, NotTrained
from kbassist.quality.classifier import (
    LabelledNotes,
    NoteModel,
    library_versions,
    load_artifact,
    save_artifact,
    usefulness_from_grade,
)
from kbassist.quality.criteria import NOTE_CRITERIA, check_plain_note, note_text
from kbassist.quality.features import HANDCRAFTED_NAMES, note_features
from kbassist.quality.judgement import judged_findings, language_of, missing_finding
from kbassist.quality.training import closure_set, read_closure_notes


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> LabelledNotes:
    folder = write_labelled_notes(tmp_path_factory.mktemp("notes"), batches=3, per_batch=20)
    rows = read_closure_notes(folder)
    vectors = HashingEmbedder().encode([note_text(row["note"]) for row in rows])
    return closure_set(rows, vectors)


@pytest.fixture(scope="module")
def model(notes: LabelledNotes) -> NoteModel:
    return NoteModel().fit(notes, base=notes)


def features_of(texts: list[str]):  # type: ignore[no-untyped-def]
    plains = [note_text(text) for text in texts]
    vectors = HashingEmbedder().encode(plains)
    return note_features(plains, [check_plain_note(p) for p in plains], vectors)


COMPLETE = (
    "User saw 'Cannot start Microsoft Outlook' at launch. LAPTOP-ACME7, Windows 11 23H2. "
    "Cause: corrupt OST file after a disk-full event. Renamed the OST and rebuilt the profile "
    "via Control Panel > Mail > Show Profiles. Test e-mail sent and received; user confirmed "
    "it works. Wrote KB-0412 with the fix and added a disk-space monitor."
)


def test_the_model_learns_each_criterion_from_its_labels(
    model: NoteModel, notes: LabelledNotes
) -> None:
    judged = model.assess(notes.features)
    for column, name in enumerate(NOTE_CRITERIA):
        agree = np.mean(judged.met[name] == (notes.labels[:, column] == 1))
        assert agree >= 0.9, name  # the parts are distinct: the training notes are learnt
        assert ((judged.probabilities[name] >= 0) & (judged.probabilities[name] <= 1)).all()
    assert ((judged.usefulness >= 0) & (judged.usefulness <= 100)).all()
    # A note with all six parts is worth more than one with a single part.
    full = model.assess(features_of([COMPLETE, "Printed a test page successfully."]))
    assert full.usefulness[0] > full.usefulness[1] + 25


def test_fitting_is_deterministic(notes: LabelledNotes, model: NoteModel) -> None:
    again = NoteModel().fit(notes)
    first, second = model.assess(notes.features), again.assess(notes.features)
    for name in NOTE_CRITERIA:
        assert np.array_equal(first.probabilities[name], second.probabilities[name])
    assert model.base_set_ is notes and again.base_set_ is None


def test_too_few_labels_of_a_kind_are_refused(notes: LabelledNotes) -> None:
    few = notes.rows(np.arange(40))
    few.labels[:, 2] = 1  # every note meets 'cause': nothing to learn 'missing' from
    with pytest.raises(InvalidInput, match="'cause' 40 met, 0 not met; each criterion"):
        NoteModel().fit(few)


def test_usefulness_maps_the_grade_to_0_100() -> None:
    assert usefulness_from_grade(np.array([1, 2.0, 3.4, 5, 6])).tolist() == [0, 25, 60, 100, 100]


# --- findings agree with the criteria --------------------------------------------------


def test_a_finding_never_contradicts_its_criterion() -> None:
    rule_findings = check_plain_note("fixed").findings
    cues = dict.fromkeys(HANDCRAFTED_NAMES, 0.0)
    for bits in range(64):
        met = {name: bool(bits >> i & 1) for i, name in enumerate(NOTE_CRITERIA)}
        findings = judged_findings(rule_findings, met, cues)
        for name in NOTE_CRITERIA:
            about = [f for f in findings if f.criterion == name or f.rule == name]
            assert len(about) == (0 if met[name] else 1), (name, met)


def test_a_missing_finding_says_what_the_note_does_instead() -> None:
    hedged = missing_finding("verification", {"hedge": 0.7})
    assert "should work now" in hedged.message and hedged.criterion == "verification"
    assert missing_finding("cause", {"guess": 0.7}).message.startswith("The cause is only guessed")
    assert missing_finding("cause", {}).message == "No cause or diagnosis is given."


def test_languages_are_named_and_not_held_against_the_note() -> None:
    german = (
        "Der Drucker zeigte einen Fehler, die Ursache war ein falscher Eintrag und das ist behoben."
    )
    assert language_of(german) == "de"
    assert language_of("El usuario veía el error y la causa era un permiso de la carpeta.") == "es"
    assert language_of("fixed") == "en"
    findings = judged_findings((), dict.fromkeys(NOTE_CRITERIA, True), {}, "de")
    assert [(f.rule, f.severity) for f in findings] == [("language", "info")]
    assert "German" in findings[0].message and "judged by its content" in findings[0].message


# --- artifacts ---------------------------------------------------------------------------


def _saved(tmp_path: Path, model: NoteModel) -> Path:
    metadata = {"version": "nm-test", "versions": library_versions(), "embedder": "hashing-384"}
    return save_artifact(model, metadata, tmp_path / "note-classifier")


def test_artifact_round_trip(tmp_path: Path, model: NoteModel, notes: LabelledNotes) -> None:
    path = _saved(tmp_path, model)
    assert sorted(p.name for p in path.iterdir()) == ["estimator.joblib", "metadata.json"]
    loaded = load_artifact(path)
    assert loaded.version == "nm-test" and loaded.embedder == "hashing-384"
    assert loaded.model.assess(notes.features).usefulness.shape == (len(notes),)
    assert len(loaded.model.base_set_) == len(notes)  # kept for the next `kbassist train`
    assert not list(tmp_path.glob(".note-classifier*"))  # the temporary folder is gone


def test_missing_artifact_says_to_train(tmp_path: Path) -> None:
    with pytest.raises(NotTrained, match="kbassist train"):
        load_artifact(tmp_path / "nothing")


def test_tampered_estimator_is_not_loaded(tmp_path: Path, model: NoteModel) -> None:
    path = _saved(tmp_path, model)
    with (path / "estimator.joblib").open("ab") as handle:
        handle.write(b"junk")
    with pytest.raises(NotTrained, match="hash"):
        load_artifact(path)


def test_other_versions_are_refused(tmp_path: Path, model: NoteModel) -> None:
    path = _saved(tmp_path, model)
    metadata = json.loads((path / "metadata.json").read_text())
    metadata["versions"]["sklearn"] = "0.24.2"
    (path / "metadata.json").write_text(json.dumps(metadata))
    with pytest.raises(NotTrained, match="sklearn 0.24.2"):
        load_artifact(path)
    metadata["versions"] = {**library_versions(), "features": "2"}
    (path / "metadata.json").write_text(json.dumps(metadata))
    with pytest.raises(NotTrained, match="features v2"):
        load_artifact(path)
