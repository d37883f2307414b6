"""Several app servers over one PostgreSQL and one Redis, as real processes.

KBASSIST_TEST_DATABASE_URL names a PostgreSQL server these tests may use (they
create and drop their own database on it) and KBASSIST_TEST_REDIS_URL a Redis
they may flush. ``make test-servers`` starts throwaway ones (Debian's
postgresql and redis-server) and stops them after; ``.ci/run`` runs it. Without
the variables, as in ``make test``, the module is skipped.

Two ``kbassist serve --workers 2`` servers, each with its own HOME and index
folder and its own job worker, share the database and the queue.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from typing import Any

import pytest
from servers import KBASSIST, Server, environment, post_file, ticket_export, wait_for
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from kbassist import store
from kbassist.auth import create_token, create_user
from kbassist.core import Core
from kbassist.settings import Settings

PG = os.environ.get("KBASSIST_TEST_DATABASE_URL", "")
REDIS = os.environ.get("KBASSIST_TEST_REDIS_URL", "")
DATABASE = "kbassist_servers"

pytestmark = pytest.mark.skipif(
    not (PG and REDIS),
    reason="needs KBASSIST_TEST_DATABASE_URL and KBASSIST_TEST_REDIS_URL: run `make test-servers`",
)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A fresh PostgreSQL database and an empty Redis, an admin and their token."""
    admin_url = make_url(PG)
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {DATABASE}"))
    url = admin_url.set(database=DATABASE).render_as_string(hide_password=False)
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    root = tmp_path_factory.mktemp("servers")
    core = Core(
        Settings.load({"HOME": str(root / "admin"), "DATABASE_URL": url, "EMBEDDER": "hashing"})
    )
    core.init()
    create_user(core, "admin", "admin-test-password", "admin")
    token = create_token(core, "admin")
    yield {"url": url, "root": root, "core": core, "token": token}
    core.engine.dispose()
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
    engine.dispose()


def _env(shared: dict[str, Any], name: str) -> dict[str, str]:
    return environment(
        shared["root"] / name, DATABASE_URL=shared["url"], REDIS_URL=REDIS, SYNC_SECONDS=1
    )


@pytest.fixture(scope="module")
def servers(shared: dict[str, Any]) -> Iterator[tuple[Server, Server]]:
    """Servers A and B: `kbassist serve --workers 2`, each with its HOME and job worker."""
    started = [
        Server(_env(shared, name), "--workers", "2", log=shared["root"] / f"{name}.log")
        for name in ("server-a", "server-b")
    ]
    try:
        for server in started:
            server.wait_ready()
        yield started[0], started[1]
    finally:
        for server in started:
            server.stop()


def _job(server: Server, token: str, job_id: str) -> dict[str, Any]:
    status, body, _ = server.get(f"/api/v1/jobs/{job_id}", token)
    assert status == 200, body
    return body


def _tickets(core: Core, prefix: str) -> int:
    query = select(func.count()).select_from(store.tickets)
    with core.connect() as conn:
        return int(conn.execute(query.where(store.tickets.c.id.like(f"{prefix}%"))).scalar_one())


def test_a_ticket_ingested_on_server_a_is_found_on_server_b(servers, shared, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = servers
    token = shared["token"]
    export = ticket_export(tmp_path / "orrery.jsonl", 25, "ORR", "orrery")
    status, job = post_file(f"{a.url}/api/v1/ingest/tickets", token, export)
    assert status == 202 and job["status"] == "queued"
    done = wait_for(
        lambda: (found := _job(b, token, job["id"]))["status"] in ("done", "failed") and found,
        "the ingest job",
    )
    assert done["status"] == "done" and done["result"]["added"] == 25, done

    def found_on_b() -> set[str]:
        status, body, _ = b.get("/api/v1/search?q=orrery&kind=ticket&limit=50", token)
        assert status == 200, body
        # Near-identical tickets come back as one entry per issue family (issue 10).
        ids = {result["id"] for result in body["results"]}
        ids |= {member for result in body["results"] for member in result["collapsed_ids"]}
        return {ticket for ticket in ids if ticket.startswith("ORR-")}

    assert len(wait_for(lambda: len(found_on_b()) == 25 and found_on_b(), "B to find them")) == 25
    for server in (a, b):  # each follows the database within seconds (SYNC_SECONDS)
        wait_for(lambda s=server: s.get("/readyz")[0] == 200, f"{server.url} ready")


def test_a_model_trained_after_start_is_used_by_every_server(servers, shared, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from labelled_notes import write_labelled_notes
    from test_quality_service import tickets

    from kbassist.pipeline import ingest_tickets

    a, b = servers
    for server in (a, b):
        assert server.get("/healthz")[1]["model"] is None  # the shipped model is for MiniLM
    export = tmp_path / "labelled.jsonl"
    export.write_text("\n".join(json.dumps(row) for row in tickets()) + "\n")
    ingest_tickets(shared["core"], export)
    notes = write_labelled_notes(tmp_path / "closure", batches=3, per_batch=20)
    trained = subprocess.run(
        [*KBASSIST, "train", "--from-closure-notes", str(notes), "--json"],
        env=_env(shared, "trainer"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert trained.returncode == 0, trained.stderr[-3000:]
    version = json.loads(trained.stdout)["model_version"]
    for server in (a, b):  # no restart: each picks the published model up within seconds
        wait_for(lambda s=server: s.get("/healthz")[1]["model"] == version, f"{server.url} model")


def test_killing_a_worker_mid_ingest_leaves_no_half_applied_ingest(
    servers, shared, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    a, _ = servers
    token, core = shared["token"], shared["core"]
    # A worker of our own, alone on the queue: stop the servers' job workers first.
    for server in servers:
        for child in server.job_workers():
            os.kill(child, signal.SIGSTOP)
    time.sleep(2)  # a stopped worker's pending 1-second BRPOP on Redis runs out first
    try:
        # Large enough that storing spans several progress writes (one a second at most).
        export = ticket_export(tmp_path / "sextant.jsonl", 12000, "SEX", "sextant")
        status, job = post_file(f"{a.url}/api/v1/ingest/tickets", token, export)
        assert status == 202
        log = (tmp_path / "worker.log").open("wb")
        worker = subprocess.Popen(
            [*KBASSIST, "worker"], env=_env(shared, "worker"), stdout=log, stderr=subprocess.STDOUT
        )

        def storing() -> bool:  # progress inside the open ingest transaction (PostgreSQL)
            found = _job(a, token, job["id"])
            return found["step"] == "Storing tickets" and found["done"] > 0

        try:
            wait_for(storing, "the ingest to be half stored")
            worker.send_signal(signal.SIGKILL)
            worker.wait(30)
        finally:
            if worker.poll() is None:
                worker.kill()
            log.close()
        assert _tickets(core, "SEX") == 0  # the open transaction died with the process
        assert _job(a, token, job["id"])["status"] == "running"
    finally:
        for server in servers:
            for child in server.job_workers():
                os.kill(child, signal.SIGCONT)
    # The servers' workers (or a new one) find the orphan at their next recovery round.
    again = subprocess.Popen([*KBASSIST, "worker"], env=_env(shared, "worker-2"))
    try:
        finished = wait_for(
            lambda: (j := _job(a, token, job["id"]))["status"] in ("done", "failed") and j,
            "the retried ingest",
            deadline=300,
        )
    finally:
        again.send_signal(signal.SIGTERM)
        again.wait(30)
    assert finished["status"] == "done" and finished["attempts"] == 2, finished
    assert finished["result"]["added"] == 12000 and _tickets(core, "SEX") == 12000
