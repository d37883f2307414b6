"""Serving: readiness, servers sharing a database, models picked up live, metrics, request ids."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from servers import core_at, ticket_export
from sqlalchemy import select

from kbassist import pipeline, store
from kbassist.core import Core
from kbassist.index.lock import write_lock
from kbassist.jobs.sync import readiness, sync_for
from kbassist.search import service as search
from kbassist.webapp import create_app


def test_readyz_fails_while_the_index_is_behind(loaded: Core) -> None:
    client = create_app({"TESTING": True}, core=loaded).test_client()
    before = client.get("/readyz")
    assert before.status_code == 503  # no sync has run in this process yet
    assert "models not loaded yet" in before.json["reasons"]

    sync_for(loaded).tick()
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json["reasons"] == []
    assert ready.json["index_generation"] == ready.json["database_generation"]

    pipeline.changed(loaded)  # another server changed records; this index has not followed
    behind = client.get("/readyz")
    assert behind.status_code == 503
    assert behind.json["reasons"] == ["search index behind the database (1 changes behind)"]

    sync_for(loaded).tick()
    assert client.get("/readyz").status_code == 200


def test_a_ticket_ingested_through_one_server_is_found_on_another(tmp_path: Path) -> None:
    shared = f"sqlite:///{tmp_path / 'shared.db'}"
    first = core_at(tmp_path / "server-a", DATABASE_URL=shared)
    second = core_at(tmp_path / "server-b", DATABASE_URL=shared)
    sync_for(second).tick()
    assert search.search(second, "heliograph", limit=5).results == ()

    export = ticket_export(tmp_path / "new.jsonl", 3, "HEL", "heliograph")
    pipeline.ingest_tickets(first, export)
    assert search.search(second, "heliograph", limit=5).results == ()  # not followed yet
    assert readiness(second).reasons == ("search index behind the database (1 changes behind)",)
    sync_for(second).tick()
    found = search.search(second, "heliograph", limit=5, flat=True)  # no families: each ticket
    assert {result.id for result in found.results} == {"HEL-00000", "HEL-00001", "HEL-00002"}
    assert sync_for(second).state.last_catch_up["records"] == 3


def test_a_model_trained_after_start_is_used_without_restart(tmp_path: Path) -> None:
    from labelled_notes import write_labelled_notes
    from test_quality_service import tickets

    shared = f"sqlite:///{tmp_path / 'shared.db'}"
    settings = {"DATABASE_URL": shared, "SYNC_SECONDS": 0}
    server = core_at(tmp_path / "server", **settings)
    trainer = core_at(tmp_path / "trainer", **settings)  # `kbassist train` elsewhere
    export = tmp_path / "tickets.jsonl"
    export.write_text("\n".join(json.dumps(row) for row in tickets()) + "\n")
    pipeline.ingest_tickets(trainer, export)

    client = create_app({"TESTING": True}, core=server).test_client()
    assert client.get("/healthz").json["model"] is None  # the shipped model is for MiniLM
    from kbassist.quality import training

    notes = write_labelled_notes(tmp_path / "closure", batches=3, per_batch=20)
    report = training.train(trainer, closure_notes=notes)
    health = client.get("/healthz").json
    assert health["model"] == report.model_version
    assert health["model_basis"] == "criteria and classifier"
    from kbassist.quality import service as quality

    scored = quality.score_text(server, "fixed")
    assert scored.model == report.model_version


def test_every_response_carries_a_request_id(client) -> None:  # type: ignore[no-untyped-def]
    given = client.get("/login", headers={"X-Request-ID": "desk-42.a"})
    assert given.headers["X-Request-ID"] == "desk-42.a"
    made = client.get("/login", headers={"X-Request-ID": "bad id with spaces"})
    assert len(made.headers["X-Request-ID"]) == 32 and " " not in made.headers["X-Request-ID"]


def test_metrics_show_latency_jobs_and_index_lag(client, core) -> None:  # type: ignore[no-untyped-def]
    from kbassist.jobs import queue

    client.get("/login")
    queue.submit(core, "rescore", {})
    text = client.get("/metrics").get_data(as_text=True)
    assert 'kbassist_request_seconds_count{method="GET",route="/login",status="200"}' in text
    assert 'kbassist_jobs{status="queued"} 1.0' in text
    assert "kbassist_job_queue_depth 1.0" in text
    assert "kbassist_index_lag_seconds" in text
    assert "kbassist_index_generations_behind" in text


@pytest.mark.parametrize(("proxies", "expected"), [(0, "127.0.0.1"), (1, "203.0.113.9")])
def test_forwarded_addresses_are_trusted_only_when_configured(
    tmp_path: Path, proxies: int, expected: str
) -> None:
    core = core_at(tmp_path / "instance", TRUSTED_PROXIES=proxies)
    client = create_app({"TESTING": True, "CSRF_DISABLED": True}, core=core).test_client()
    client.post(
        "/login",
        data={"username": "nobody", "password": "wrong"},
        headers={"X-Forwarded-For": "203.0.113.9"},
    )
    with core.connect() as conn:
        seen = conn.execute(select(store.login_attempts.c.remote_addr)).scalars().all()
    assert seen == [expected]


def test_one_index_writer_at_a_time(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    other: list[bool] = []
    with write_lock(folder) as held:
        assert held
        with write_lock(folder) as again:  # re-entrant in the holding thread
            assert again

        def try_lock() -> None:
            with write_lock(folder, blocking=False) as got:
                other.append(got)

        thread = threading.Thread(target=try_lock)
        thread.start()
        thread.join()
    assert other == [False]
    with write_lock(folder, blocking=False) as free:
        assert free
