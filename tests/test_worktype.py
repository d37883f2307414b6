"""Request or fault, stated or implied cause: the cues and caps of the guide's "not met" cases."""

from __future__ import annotations

import numpy as np
import pytest

from kbassist.embedding import HashingEmbedder
from kbassist.quality.classifier import (
    FOLLOWUP_NAMES,
    GATES,
    WORK_CRITERIA,
    capped,
    criterion_columns,
    gate_ceiling,
)
from kbassist.quality.criteria import NOTE_CRITERIA, check_plain_note
from kbassist.quality.cues import cue_values
from kbassist.quality.features import HANDCRAFTED_NAMES, note_features
from kbassist.quality.worktype import WORK_NAMES, work_values

SET_UP = "Created the AD account, assigned the M365 licence and added her to SG-Finance."


def test_a_request_title_is_a_request_without_a_fault() -> None:
    for title in (
        "New starter - Lucy Brennan - start 03/06",
        "Give Tom access to Finance SharePoint",
        "Install Bluebeam for estimator",
        "Neuer Mitarbeiter: Zugang einrichten",
        "Nuevo empleado - alta en M365",
        "Demande d'accès au dossier RH",
        "Nieuwe medewerker - toegang aanvragen",
        "Richiesta nuovo account",
    ):
        values = work_values(title, SET_UP)
        assert values["title_request_only"] == 1.0, title
        assert values["request_no_fault"] == 1.0, title


def test_a_fault_title_is_not_a_request() -> None:
    for title in (
        "Outlook not syncing",
        "Scan auf FTP geht nicht",
        "New laptop won't connect to the dock",
        "Errore accesso gestionale",
        "Printer scant niet naar mail",
        "VPN slow",
    ):
        values = work_values(title, "Rebooted the router, working now.")
        assert values["title_fault"] > 0, title
        assert values["title_request_only"] == 0.0 and values["request_no_fault"] == 0.0, title


def test_without_a_title_the_opening_words_decide() -> None:
    request = work_values("", "Request from the practice manager: guest Wi-Fi for patients.")
    fault = work_values("", "User could not print: the queue showed error 0x0000011b.")
    assert request["title_given"] == 0.0 and request["request_no_fault"] == 1.0
    assert fault["lead_fault"] > 0 and fault["request_no_fault"] == 0.0
    # A note whose request names a fault is not a request without a fault.
    assert work_values("New starter", "The new starter's laptop would not boot.")[
        "request_no_fault"
    ] == (0.0)


def test_the_title_changes_only_the_request_columns() -> None:
    plains = [SET_UP, SET_UP]
    vectors = HashingEmbedder().encode(plains)
    features = note_features(
        plains,
        [check_plain_note(p) for p in plains],
        vectors,
        ["New starter - Lucy", "Outlook keeps crashing"],
    )
    changed = {
        name
        for index, name in enumerate(HANDCRAFTED_NAMES)
        if features.handcrafted[0, index] != features.handcrafted[1, index]
    }
    assert changed and changed <= set(WORK_NAMES)
    assert np.array_equal(features.embeddings[0], features.embeddings[1])


def test_only_problem_and_cause_read_the_request_cues() -> None:
    work = {HANDCRAFTED_NAMES.index(name) for name in WORK_NAMES}
    for name in NOTE_CRITERIA:
        read = set(criterion_columns(name).tolist())
        assert (work <= read) == (name in WORK_CRITERIA), name
        # Every other column is read, but the follow-up cues (the follow-up model's own).
        followup = {HANDCRAFTED_NAMES.index(n) for n in FOLLOWUP_NAMES}
        assert read | work | followup == set(range(len(HANDCRAFTED_NAMES)))
    assert set(WORK_CRITERIA) == {"problem", "cause"}


def test_a_request_without_a_fault_is_capped_at_the_learnt_rate() -> None:
    gate = HANDCRAFTED_NAMES.index("request_no_fault")
    X = np.zeros((6, len(HANDCRAFTED_NAMES) + 4))
    X[:4, gate] = 1.0  # four requests without a fault, none meets the criterion
    y = np.array([0, 0, 0, 0, 1, 1])
    ceiling = gate_ceiling(X, y, "request_no_fault")
    assert ceiling == pytest.approx(1 / 6)  # one pseudo-count each way
    probability = np.full(6, 0.9)
    assert capped(probability, X, {"request_no_fault": ceiling}).tolist() == pytest.approx(
        [1 / 6] * 4 + [0.9, 0.9]
    )
    # Where the training notes disagree with the guide, the cap rises and holds little back.
    assert gate_ceiling(X, np.array([1, 1, 1, 0, 1, 1]), "request_no_fault") == pytest.approx(4 / 6)
    assert set(GATES) == set(WORK_CRITERIA)


def test_a_state_said_of_something_is_told_from_one_named_in_the_fix() -> None:
    stated = cue_values("The certificate had expired on 30/09. Renewed it in IIS.")
    in_fix = cue_values("Renewed the expired certificate in IIS.")
    assert stated["state_stated"] > 0 and stated["state_in_fix"] == 0
    assert in_fix["state_in_fix"] > 0 and in_fix["state_stated"] == 0
    german = cue_values("Das Zertifikat war abgelaufen, im IIS erneuert.")
    assert german["state_stated"] > 0
