"""The quality and review services and their CLI: scoring, rescoring, training, the queue."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from labelled_notes import write_labelled_notes
from sqlalchemy import select, update

from kbassist import store
from kbassist.core import Core
from kbassist.embedding import HashingEmbedder
from kbassist.errors import InvalidInput, NotTrained
from kbassist.quality import agreement, review, training
from kbassist.quality import service as quality
from kbassist.quality.classifier import NoteModel, library_versions, load_artifact, save_artifact
from kbassist.quality.criteria import NOTE_CRITERIA, note_text
from kbassist.settings import Settings

GOOD = (
    "User reported {app} error 0x8007{n:04d} on LAPTOP-{n}. Cause: corrupt profile. Recreated "
    "the profile and ran sfc /scannow. Verified with the user. Linked KB-{n}."
)
POOR = ["fixed", "done", "rebooted", "resolved issue", "sorted", "closed, ok"]
APPS = ["Outlook", "Teams", "Excel", "OneDrive"]
TECHS = ["Dana Whitfield", "Tom Becker", "Marco Ruiz"]


@pytest.fixture
def core(tmp_path: Path) -> Core:
    """A test instance whose models folder is temporary (training never touches models/)."""
    instance = Core(
        Settings.load(
            {
                "HOME": str(tmp_path / "instance"),
                "EMBEDDER": "hashing",
                "SECRET_KEY": "test-key",
                "MODELS_DIR": str(tmp_path / "models"),
            }
        )
    )
    instance.init()
    return instance


def tickets(count: int = 30) -> list[dict[str, object]]:
    rows = []
    for n in range(count):
        good = n % 2 == 1
        rows.append(
            {
                "id": f"T-{n:03d}",
                "title": f"{APPS[n % 4]} problem {n}",
                "resolution": GOOD.format(app=APPS[n % 4], n=n) if good else POOR[n % 6],
                "status": "Closed",
                "priority": "P1" if n % 5 == 0 else "P3",
                "category": "Email" if n % 3 else "Printing",
                "client": "Acme Dental" if n % 4 else "Birch Law",
                "assignee": TECHS[n % 3],
                "created_at": f"2025-{10 + n % 2:02d}-{1 + n % 27:02d}T09:00:00",
                "closed_at": f"2025-{10 + n % 2:02d}-{1 + n % 27:02d}T11:00:00",
                "reopen_count": 1 if n % 7 == 0 else 0,
            }
        )
    return rows


@pytest.fixture
def loaded(core: Core, tmp_path: Path) -> Core:
    from kbassist.pipeline import ingest_tickets

    path = tmp_path / "tickets.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in tickets()) + "\n")
    ingest_tickets(core, path)
    return core


def label_all(core: Core, count: int = 30) -> None:
    for row in tickets()[:count]:
        label = "useful" if int(str(row["id"])[2:]) % 2 else "needs-work"
        review.add_label(core, str(row["id"]), None, label, "reason", "comment")


def stored_scores(core: Core) -> dict[str, tuple[float, float | None, str]]:
    table = store.note_scores
    with core.connect() as conn:
        rows = conn.execute(
            select(
                table.c.ticket_id, table.c.score, table.c.model_probability, table.c.model_version
            )
        )
        return {row[0]: (row[1], row[2], row[3]) for row in rows}


# --- scoring -----------------------------------------------------------------------


def test_score_note_without_a_model_uses_the_criteria_alone() -> None:
    result = quality.score_note(GOOD.format(app="Outlook", n=1))
    assert result.model is None and result.model_probability is None
    assert result.basis == quality.CRITERIA_ONLY
    assert result.score == result.criteria_score
    assert result == quality.score_note(GOOD.format(app="Outlook", n=1))  # deterministic


def test_ingest_scores_every_note_and_rescore_skips_unchanged(loaded: Core) -> None:
    scores = stored_scores(loaded)
    assert len(scores) == 30
    assert scores["T-001"][0] > scores["T-000"][0]
    ids = sorted(scores)
    assert quality.rescore(loaded, ids, []) == 0
    with loaded.begin() as conn:
        conn.execute(
            update(store.tickets).where(store.tickets.c.id == "T-000").values(resolution="Done.")
        )
    assert quality.rescore(loaded, ids, []) == 1


def test_rescore_draws_the_latest_monthly_sample(loaded: Core) -> None:
    with loaded.connect() as conn:
        sample = review.monthly_sample(conn, "2025-11")
    per_tech: dict[str, int] = {}
    for item in sample:
        per_tech[item.technician] = per_tech.get(item.technician, 0) + 1
    assert set(per_tech) == set(TECHS) and set(per_tech.values()) == {3}


# --- training ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def closure_notes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small labelled closure-note set in three batches (see tests/labelled_notes.py)."""
    return write_labelled_notes(tmp_path_factory.mktemp("closure"), batches=3, per_batch=20)


@pytest.fixture(scope="module")
def fixture_model(closure_notes: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A note model trained on the small set with the hashing embedder, as an artifact."""
    rows = training.read_closure_notes(closure_notes)
    vectors = HashingEmbedder().encode([note_text(row["note"]) for row in rows])
    notes = training.closure_set(rows, vectors)
    model = NoteModel().fit(notes, base=notes)
    metadata = {
        "kind": "note-classifier",
        "version": "nm-fixture",
        "versions": library_versions(),
        "embedder": HashingEmbedder.name,
    }
    return save_artifact(model, metadata, tmp_path_factory.mktemp("model") / "note-classifier")


@pytest.fixture
def modelled(loaded: Core, fixture_model: Path) -> Core:
    """The loaded instance with the fixture model as its own, every note rescored."""
    shutil.copytree(fixture_model, loaded.models_dir() / "note-classifier")
    quality.rescore_all(loaded)
    return loaded


def probability(core: Core, ticket_id: str, criterion: str) -> float:
    with core.connect() as conn:
        return review.get_item(conn, ticket_id).probabilities[criterion]


def test_the_ticket_title_tells_the_stored_score_a_request_from_a_fault(modelled: Core) -> None:
    with modelled.connect() as conn:
        ticket_id = conn.execute(select(store.tickets.c.id).order_by("id")).scalars().first()
    # The opening words name no fault; a symptom the fixture model knows comes later.
    note = (
        "Created the AD account, assigned the M365 licence and added her to SG-Finance and "
        "SG-Staff. User saw 'Cannot start Microsoft Outlook' at launch."
    )
    seen = {}
    for title in ("Outlook keeps crashing", "New starter - Lucy Brennan"):
        with modelled.begin() as conn:
            conn.execute(
                update(store.tickets)
                .where(store.tickets.c.id == ticket_id)
                .values(title=title, resolution=note)
            )
        quality.rescore(modelled, [ticket_id], [], force=True)
        seen[title] = probability(modelled, ticket_id, "problem")
    model = load_artifact(modelled.models_dir() / "note-classifier").model
    ceiling = model.criteria_["problem"].ceilings["request_no_fault"]
    # The same note: capped at the learnt rate under a request's title, not under a fault's.
    expected = min(seen["Outlook keeps crashing"], ceiling)
    assert seen["New starter - Lucy Brennan"] == pytest.approx(expected, abs=1e-4), seen
    assert seen["Outlook keeps crashing"] > ceiling, seen  # so the cap is what made the change


def test_train_from_closure_notes_writes_the_artifact_and_rescores(
    loaded: Core, closure_notes: Path
) -> None:
    report = training.train(loaded, closure_notes=closure_notes)
    path = loaded.models_dir() / "note-classifier"
    metadata = json.loads((path / "metadata.json").read_text())
    assert metadata["version"] == report.model_version and report.model_version.startswith("nm-")
    assert metadata["sources"] == {"a": 20, "b": 20, "c": 20} == report.sources
    assert set(metadata["thresholds"]) == set(metadata["label_counts"]) == set(NOTE_CRITERIA)
    assert metadata["data_hash"] == report.data_hash and metadata["embedder"] == "hashing-384"
    assert set(metadata["versions"]) >= {"sklearn", "numpy", "kbassist", "features"}
    assert report.rescored >= 30
    scores = stored_scores(loaded)
    assert {version for _, _, version in scores.values()} == {report.model_version}
    with loaded.connect() as conn:
        item = review.get_item(conn, "T-001")
    assert set(item.probabilities) == set(NOTE_CRITERIA)
    assert scores["T-001"][0] > scores["T-000"][0]  # a thorough note beats "fixed"


def test_a_flipped_criterion_changes_the_model_after_train(runner, modelled: Core) -> None:  # type: ignore[no-untyped-def]
    # T-000 says only "fixed": the model finds no cause in it.
    before = probability(modelled, "T-000", "cause")
    with modelled.connect() as conn:
        assert review.get_item(conn, "T-000").criteria["cause"] is False
    calls = {name: name == "cause" for name in NOTE_CRITERIA}  # a reviewer says it has one
    review.add_label(modelled, "T-000", None, criteria=calls)
    result = runner.invoke(["train", "--json"])  # no closure notes: the kept base set
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["sources"] == {"a": 20, "b": 20, "c": 20, "reviewers": 1}
    assert report["model_version"] != "nm-fixture"
    after = probability(modelled, "T-000", "cause")
    assert after > before
    with modelled.connect() as conn:
        stored = conn.execute(select(store.criterion_labels)).all()
    assert {(row.criterion, row.met, row.model_met) for row in stored} >= {
        ("cause", True, False),
        ("problem", False, False),
    }


def test_train_reads_several_sources_each_batch_a_fold(
    runner, loaded: Core, closure_notes: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # A second source: one file, named on the command line (as the blind file is, blind1).
    extra = write_labelled_notes(tmp_path / "extra", batches=1, per_batch=20, seed=7)
    out = tmp_path / "model"
    result = runner.invoke(
        [
            "train",
            "--from-closure-notes",
            str(closure_notes),
            "--from-closure-notes",
            f"blind1={extra / 'batch-a.jsonl'}",
            "--no-reviewer-labels",
            "--evaluate",
            "--out",
            str(out),
            "--json",
        ]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["sources"] == {"a": 20, "b": 20, "c": 20, "blind1": 20}
    metadata = json.loads((out / "metadata.json").read_text())
    assert metadata["closure_note_sources"] == [
        {"path": str(closure_notes), "batches": {"a": 20, "b": 20, "c": 20}},
        {"path": str(extra / "batch-a.jsonl"), "batches": {"blind1": 20}},
    ]
    # Leave one batch out runs over every batch of every source, blind1 among them.
    assert set(metadata["metrics"]["per_batch"]) == {"a", "b", "c", "blind1"}
    assert set(metadata["metrics"]["f1_worst"]) == set(NOTE_CRITERIA)


def test_a_background_train_job_reads_every_source(
    loaded: Core, closure_notes: Path, tmp_path: Path
) -> None:
    from kbassist.jobs import state
    from kbassist.jobs.queue import queue_for

    extra = write_labelled_notes(tmp_path / "extra", batches=1, per_batch=20, seed=3)
    jobs = queue_for(loaded)
    sources = [str(closure_notes), f"blind1={extra / 'batch-a.jsonl'}"]
    job = jobs.submit("train", {"closure_notes": sources, "reviewer_labels": False})
    jobs.drain()
    with loaded.connect() as conn:
        done = state.get(conn, job.id)
    assert done.status == "done", done.error
    assert done.result["sources"] == {"a": 20, "b": 20, "c": 20, "blind1": 20}


def test_two_sources_may_not_bring_the_same_batch(closure_notes: Path) -> None:
    same = closure_notes / "batch-a.jsonl"
    with pytest.raises(InvalidInput, match="Batch 'a' comes from both"):
        training.read_sources([closure_notes, same])
    rows, about = training.read_sources([closure_notes, f"again={same}"])
    assert len(rows) == 80 and about[1]["batches"] == {"again": 20}
    assert training.source_spec(str(same)) == (None, same)


def test_train_with_nothing_to_learn_from_says_what_to_do(loaded: Core) -> None:
    with pytest.raises(InvalidInput, match="--from-closure-notes"):
        training.train(loaded)


def test_catch_up_rescores_notes_another_model_scored(modelled: Core) -> None:
    assert quality.catch_up(modelled) == 0
    with modelled.begin() as conn:
        conn.execute(
            update(store.note_scores)
            .where(store.note_scores.c.ticket_id.in_(["T-001", "T-002"]))
            .values(model_version="nc-shipped-before")
        )
    assert quality.catch_up(modelled) == 2
    assert {version for _, _, version in stored_scores(modelled).values()} == {"nm-fixture"}


def test_a_running_process_picks_up_a_newly_trained_model(modelled: Core) -> None:
    assert quality.model_state(modelled).model.version == "nm-fixture"  # type: ignore[union-attr]
    path = modelled.models_dir() / "note-classifier"
    found = load_artifact(path)
    # Another process (`kbassist train`) writes a new artifact; this one loaded the old.
    save_artifact(found.model, {**found.metadata, "version": "nm-newer"}, path)
    assert quality.model_state(modelled).model.version == "nm-newer"  # type: ignore[union-attr]
    assert quality.score_text(modelled, "fixed").model == "nm-newer"


def test_a_model_for_another_embedder_falls_back_to_the_criteria(modelled: Core) -> None:
    other = Core(Settings.load({**modelled.settings.values, "EMBEDDER": "minilm"}))
    assert quality.active_model(other) is None
    with pytest.raises(NotTrained, match="kbassist train"):
        quality.load_model(other)
    result = quality.score_text(other, "fixed")
    assert result.model is None


def test_model_scores_agree_with_their_findings(modelled: Core) -> None:
    with modelled.connect() as conn:
        items = review.review_queue(conn, limit=50)
    assert items
    for item in items:
        assert item.model_version == "nm-fixture"
        for name, met in item.criteria.items():
            about = [f for f in item.findings if f.criterion == name]
            assert len(about) == (0 if met else 1), (item.ticket_id, name)


# --- the review queue --------------------------------------------------------------


def test_queue_ranks_by_impact_and_filters(loaded: Core) -> None:
    with loaded.connect() as conn:
        queue = review.review_queue(conn, limit=30)
        assert [item.impact for item in queue] == sorted((i.impact for i in queue), reverse=True)
        assert queue[0].priority == "P1" and queue[0].score < 20
        dana = review.review_queue(conn, technician="Dana Whitfield")
        assert dana and {item.technician for item in dana} == {"Dana Whitfield"}
        printing = review.review_queue(conn, category="Printing")
        assert printing and {item.category for item in printing} == {"Printing"}


def test_labelled_notes_leave_the_queue(loaded: Core) -> None:
    with loaded.connect() as conn:
        first = review.review_queue(conn, limit=1)[0]
    review.add_label(loaded, first.ticket_id, None, "needs-work", "no steps", "add the steps")
    with loaded.connect() as conn:
        ids = [item.ticket_id for item in review.review_queue(conn, limit=50)]
    assert first.ticket_id not in ids


def test_a_reviewer_comment_is_stored_masked(loaded: Core) -> None:
    ticket_id = next(iter(stored_scores(loaded)))
    review.add_label(
        loaded, ticket_id, None, "needs-work", comment="user's temp pw Summer2025! was in it"
    )
    with loaded.connect() as conn:
        stored = conn.execute(select(store.review_labels.c.comment)).scalar_one()
    assert "Summer2025!" not in stored and stored.startswith("user's temp pw")


def test_add_label_validates(loaded: Core) -> None:
    with pytest.raises(InvalidInput):
        review.add_label(loaded, "T-001", None, "great", "", "")
    with pytest.raises(Exception, match="No ticket"):
        review.add_label(loaded, "T-999", None, "useful", "", "")


def test_agreement_per_criterion_and_least_sure(modelled: Core) -> None:
    with modelled.connect() as conn:
        items = {item.ticket_id: item for item in review.review_queue(conn, limit=50)}
    for ticket_id in ("T-000", "T-001", "T-002", "T-003"):
        calls = dict(items[ticket_id].criteria)
        if ticket_id == "T-003":
            calls["steps"] = not calls["steps"]  # one flip
        review.add_label(modelled, ticket_id, None, criteria=calls)
    review.add_label(modelled, "T-001", None, "useful")
    review.add_label(modelled, "T-000", None, "needs-work")
    with modelled.connect() as conn:
        per_criterion = agreement.criterion_agreement(conn)
        verdict = agreement.verdict_agreement(conn, bar=60)
        unsure = review.least_sure(conn, limit=5)
    assert {name: a.n for name, a in per_criterion.items()} == dict.fromkeys(NOTE_CRITERIA, 4)
    assert per_criterion["steps"].agreed == 3
    assert all(per_criterion[name].agreed == 4 for name in NOTE_CRITERIA if name != "steps")
    assert verdict.n == 2 and verdict.basis.startswith("model score")
    sureness = [abs(item.least_sure[1] - 0.5) for item in unsure]  # type: ignore[index]
    assert sureness == sorted(sureness)
    assert not {item.ticket_id for item in unsure} & {"T-000", "T-001", "T-002", "T-003"}


def test_monthly_sample_is_deterministic_and_idempotent(loaded: Core) -> None:
    first = review.draw_monthly_sample(loaded, "2025-10", per_technician=2, seed=1)
    again = review.draw_monthly_sample(loaded, "2025-10", per_technician=2, seed=1)
    assert first == again and len(first) == 6
    with pytest.raises(InvalidInput):
        review.draw_monthly_sample(loaded, "October")


def test_queue_masks_secrets(core: Core, tmp_path: Path) -> None:
    from kbassist.pipeline import ingest_tickets

    row = {**tickets(1)[0], "resolution": "Reset password to Summer2024! for the user."}
    path = tmp_path / "secret.jsonl"
    path.write_text(json.dumps(row) + "\n")
    ingest_tickets(core, path)
    with core.connect() as conn:
        item = review.review_queue(conn)[0]
    assert item.blocking and "Summer2024" not in item.note
    assert "Summer2024" not in json.dumps(item.as_dict())


# --- CLI ---------------------------------------------------------------------------


def test_cli_score_writes_one_line_per_input(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.jsonl"
    lines = [
        {"id": "a", "text": GOOD.format(app="Outlook", n=7)},
        {"id": "b", "text": "fixed"},
        {"id": "c", "text": "Reset password to Summer2024! for the user."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    result = runner.invoke(["score", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in rows] == ["a", "b", "c"]
    assert set(rows[0]["criteria"]) == {
        "problem",
        "environment",
        "cause",
        "steps",
        "verification",
        "followup",
    }
    assert rows[0]["score"] > rows[1]["score"]
    assert "vague" in {finding["rule"] for finding in rows[1]["findings"]}
    secret = next(f for f in rows[2]["findings"] if f["rule"] == "secret")
    assert set(secret) >= {"rule", "severity", "message", "suggestion"}
    assert secret["severity"] == "blocking"
    assert "Summer2024" not in result.output


def test_cli_score_articles_and_bad_lines(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "articles.jsonl"
    body = "---\nid: KB-1\ntitle: Reset\ntype: how-to\n---\nReset it.\n"
    path.write_text(json.dumps({"id": "KB-1", "text": body}) + "\nnot json\n")
    result = runner.invoke(["score", str(path), "--kind", "article", "--json"])
    assert result.exit_code == 2
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["criteria"]["structure"] is False and "error" in rows[1]


def test_cli_review_and_rescore(runner, modelled: Core) -> None:  # type: ignore[no-untyped-def]
    label_all(modelled)
    queue = runner.invoke(["review", "queue", "--json"])
    data = json.loads(queue.stdout)
    assert data["items"] == []  # everything is labelled
    assert set(data["criterion_agreement"]) == set(NOTE_CRITERIA)
    sample = json.loads(runner.invoke(["review", "sample", "--month", "2025-10", "--json"]).stdout)
    assert sample["month"] == "2025-10" and len(sample["items"]) == 9
    rescored = json.loads(runner.invoke(["rescore", "--json"]).stdout)
    assert rescored["rescored"] >= 0 and rescored["model"] == "nm-fixture"


def test_cli_train_explains_a_bad_closure_note_file(runner, loaded: Core, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.jsonl"
    path.write_text('{"note": "fixed", "labels": {"problem": 1}}\n')
    result = runner.invoke(["train", "--from-closure-notes", str(path)])
    assert result.exit_code != 0
    assert "notes.jsonl:1: labels need 0 or 1 for environment, cause" in result.output


# --- web: review queue, pre-close check, scoring API -------------------------------


@pytest.fixture
def web(loaded, monkeypatch, login, client):  # type: ignore[no-untyped-def]
    """The test client over the loaded instance; ``web(role)`` signs in."""

    def as_role(role: str):  # type: ignore[no-untyped-def]
        login(role)
        return client

    return as_role


@pytest.fixture(autouse=True)
def _review_pages_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    import kbassist.webapp as webapp

    if "kbassist.webapp.review" not in webapp.BLUEPRINT_MODULES:
        monkeypatch.setattr(
            webapp, "BLUEPRINT_MODULES", (*webapp.BLUEPRINT_MODULES, "kbassist.webapp.review")
        )


def test_reviewer_sees_the_queue_and_labels_a_note(web, csrf, loaded: Core) -> None:  # type: ignore[no-untyped-def]
    client = web("reviewer")
    page = client.get("/review")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Review queue" in text and "T-000" in text
    response = client.post(
        "/review/T-000/label",
        data={
            "label": "needs-work",
            "reason": "no steps",
            "comment": "list the steps",
            "csrf_token": csrf("/review"),
        },
    )
    assert response.status_code == 302 and "labelled=T-000" in response.headers["Location"]
    with loaded.connect() as conn:
        row = conn.execute(select(store.review_labels)).one()
    assert (row.ticket_id, row.label, row.reason) == ("T-000", "needs-work", "no steps")
    # The card's chips: checked ones are met; the form says the criteria were shown.
    response = client.post(
        "/review/T-002/label",
        data={"criteria": "shown", "met": ["problem", "cause"], "csrf_token": csrf("/review")},
    )
    assert response.status_code == 302
    with loaded.connect() as conn:
        calls = {
            row.criterion: row.met
            for row in conn.execute(select(store.criterion_labels))
            if row.ticket_id == "T-002"
        }
    assert calls == {name: name in ("problem", "cause") for name in NOTE_CRITERIA}
    bad = client.post(
        "/review/T-004/label",
        data={"criteria": "shown", "met": ["charm"], "csrf_token": csrf("/review")},
    )
    assert bad.status_code == 400


def test_tech_may_not_open_the_queue_but_may_precheck(web, csrf) -> None:  # type: ignore[no-untyped-def]
    client = web("tech")
    assert client.get("/review").status_code == 403
    response = client.post(
        "/precheck",
        data={"text": "Reset password to Summer2024! then fixed.", "csrf_token": csrf("/precheck")},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Summer2024" not in body
    assert 'data-rule="secret"' in body and 'data-criterion="steps"' in body


def test_score_api(app, users, core: Core) -> None:  # type: ignore[no-untyped-def]
    from kbassist.auth import create_token

    token = create_token(core, "tech", "test")
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/v1/score", json={"text": "fixed", "kind": "note"}, headers=headers)
    assert response.status_code == 200
    data = response.get_json()
    assert set(data) >= {"score", "criteria", "findings"}
    assert "vague" in {finding["rule"] for finding in data["findings"]}
    assert client.post("/api/v1/score", json={"text": 3}, headers=headers).status_code == 400
    assert client.post("/api/v1/score", json={"text": "x"}).status_code == 401
