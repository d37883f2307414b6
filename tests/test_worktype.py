"""Request or fault: the cues that tell the note model a request (no problem, no cause)."""

from __future__ import annotations

import numpy as np

from kbassist.embedding import HashingEmbedder
from kbassist.quality.classifier import WORK_CRITERIA, criterion_columns
from kbassist.quality.criteria import NOTE_CRITERIA, check_plain_note
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
        assert read | work == set(range(len(HANDCRAFTED_NAMES)))
    assert set(WORK_CRITERIA) == {"problem", "cause"}
