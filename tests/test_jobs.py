"""Background jobs: the API's 202, progress and results, retries, recovery, and a killed worker."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess

import pytest
from servers import KBASSIST, environment, ticket_export, wait_for
from sqlalchemy import func, select

from kbassist import store
from kbassist.auth import create_token
from kbassist.core import Core
from kbassist.jobs import queue, runner, state
from kbassist.jobs.queue import queue_for


def _tickets(core: Core, prefix: str = "") -> int:
    query = select(func.count()).select_from(store.tickets)
    if prefix:
        query = query.where(store.tickets.c.id.like(f"{prefix}%"))
    with core.connect() as conn:
        return int(conn.execute(query).scalar_one())


def _job(core: Core, job_id: str) -> state.Job:
    with core.connect() as conn:
        return state.get(conn, job_id)


def test_api_ingest_answers_202_and_the_job_holds_the_result(client, core, users) -> None:  # type: ignore[no-untyped-def]
    admin = {"Authorization": f"Bearer {create_token(core, 'admin')}"}
    body = b"".join(
        json.dumps({"id": f"A-{n}", "title": f"VPN drops {n}", "status": "Closed"}).encode() + b"\n"
        for n in range(3)
    )
    sent = client.post(
        "/api/v1/ingest/tickets",
        headers=admin,
        data={"file": (io.BytesIO(body), "../../etc/export.jsonl")},
        content_type="multipart/form-data",
    )
    assert sent.status_code == 202
    assert sent.json["status"] == "queued" and sent.json["kind"] == "ingest-tickets"
    assert sent.headers["Location"] == f"/api/v1/jobs/{sent.json['id']}"
    assert _tickets(core) == 0  # nothing happened inside the request
    listed = client.get("/api/v1/jobs", headers=admin).json
    assert [job["id"] for job in listed["jobs"]] == [sent.json["id"]]
    assert listed["counts"]["queued"] == 1

    assert queue_for(core).drain() == 1
    job = client.get(sent.headers["Location"], headers=admin).json
    assert job["status"] == "done" and job["attempts"] == 1 and job["error"] is None
    assert job["result"]["added"] == 3 and job["result"]["source"] == "export.jsonl"
    assert _tickets(core) == 3
    with core.connect() as conn:  # the upload is kept only until the job ran
        assert state.files(conn, job["id"]) == []


def test_a_bad_export_fails_the_job_with_a_message_about_the_file(client, core, users) -> None:  # type: ignore[no-untyped-def]
    admin = {"Authorization": f"Bearer {create_token(core, 'admin')}"}
    sent = client.post(
        "/api/v1/ingest/tickets",
        headers=admin,
        data={"file": (io.BytesIO(b"name,when\nx,y\n"), "export.csv")},
        content_type="multipart/form-data",
    )
    queue_for(core).drain()
    job = client.get(sent.headers["Location"], headers=admin).json
    assert job["status"] == "failed" and job["attempts"] == 1  # bad input: not retried
    assert job["error"].startswith("export.csv: no column for the required field 'id'")
    assert "/tmp" not in job["error"]


def test_jobs_page_and_api_are_for_managers_and_admins(client, core, login) -> None:  # type: ignore[no-untyped-def]
    queue.submit(core, "rescore", {})
    login("tech")
    assert client.get("/jobs").status_code == 403
    tech = {"Authorization": f"Bearer {create_token(core, 'tech')}"}
    assert client.get("/api/v1/jobs", headers=tech).status_code == 403
    client.post("/logout", data={"csrf_token": ""})
    login("manager")
    page = client.get("/jobs").get_data(as_text=True)
    assert "Rescore notes and articles" in page and 'data-status="queued"' in page
    assert 'http-equiv="refresh"' in page  # follows the job while it runs
    assert 'name="kind"' not in page  # starting jobs is for admins


def test_an_admin_starts_a_job_from_the_page(client, core, login, csrf) -> None:  # type: ignore[no-untyped-def]
    login("admin")
    started = client.post("/jobs", data={"kind": "cluster", "csrf_token": csrf("/jobs")})
    assert started.status_code == 302 and "/jobs/" in started.headers["Location"]
    queue_for(core).drain()
    page = client.get(started.headers["Location"]).get_data(as_text=True)
    assert 'data-status="done"' in page and "n_families" in page
    refused = client.post("/jobs", data={"kind": "drop-tables", "csrf_token": csrf("/jobs")})
    assert refused.status_code == 400


def test_an_unexpected_error_is_retried_then_reported(core) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []

    @runner.register("test-flaky", "Flaky test job")
    def flaky(core, job, report):  # type: ignore[no-untyped-def]
        calls.append(job.attempts)
        if job.attempts < 2:
            raise RuntimeError("database went away")
        return {"ok": True}

    @runner.register("test-broken", "Broken test job")
    def broken(core, job, report):  # type: ignore[no-untyped-def]
        raise RuntimeError("always broken")

    try:
        jobs = queue_for(core)
        jobs.huey.immediate = False
        ok = jobs.submit("test-flaky")
        bad = jobs.submit("test-broken")
        _run_all_including_retries(jobs)
        assert calls == [1, 2]
        assert _job(core, ok.id).status == "done" and _job(core, ok.id).result == {"ok": True}
        failed = _job(core, bad.id)
        assert failed.status == "failed" and failed.attempts == state.MAX_ATTEMPTS
        assert "always broken" in (failed.error or "")
    finally:
        runner.HANDLERS.pop("test-flaky")
        runner.HANDLERS.pop("test-broken")


def _run_all_including_retries(jobs: queue.JobQueue) -> None:
    """Run queued messages, moving scheduled retries forward instead of waiting for them."""
    import datetime

    for _ in range(10):
        jobs.drain()
        later = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        later += datetime.timedelta(seconds=queue.RETRY_DELAY + 1)
        due = jobs.huey.read_schedule(later)
        if not due:
            return
        for message in due:
            message.eta = None
            jobs.huey.enqueue(message)


def test_a_running_job_whose_worker_died_is_run_again(core) -> None:  # type: ignore[no-untyped-def]
    jobs = queue_for(core)
    job = jobs.submit("rescore", {})
    jobs.huey.flush()  # the message went with the dead worker
    assert state.claim(core, job.id) is not None
    dead = subprocess.Popen(["true"])
    dead.wait()
    with core.begin() as conn:  # as if that process had taken it
        conn.execute(
            store.jobs.update()
            .where(store.jobs.c.id == job.id)
            .values(worker=f"{state.socket.gethostname()}:{dead.pid}")
        )
    assert jobs.recover() == [job.id]
    assert jobs.recover() == []  # once
    jobs.drain()
    again = _job(core, job.id)
    assert again.status == "done" and again.attempts == 2


def test_a_job_interrupted_too_often_is_reported_failed(core) -> None:  # type: ignore[no-untyped-def]
    jobs = queue_for(core)
    job = jobs.submit("rescore", {})
    jobs.huey.flush()
    with core.begin() as conn:
        conn.execute(
            store.jobs.update()
            .where(store.jobs.c.id == job.id)
            .values(status="running", attempts=state.MAX_ATTEMPTS, worker="elsewhere:1")
        )
        conn.execute(  # silent for longer than STALE_AFTER
            store.jobs.update()
            .where(store.jobs.c.id == job.id)
            .values(heartbeat_at=store.utc_now() - state.STALE_AFTER * 2)
        )
    assert jobs.recover() == [job.id]
    failed = _job(core, job.id)
    assert failed.status == "failed" and "interrupted 3 times" in (failed.error or "")


def test_cli_background_ingest_then_worker_then_jobs(runner_env, tmp_path) -> None:  # type: ignore[no-untyped-def]
    core, run = runner_env
    export = ticket_export(tmp_path / "export.jsonl", 20, "CLI", "plotter")
    queued = json.loads(run("ingest", "tickets", str(export), "--background", "--json"))
    assert queued["status"] == "queued" and _tickets(core) == 0
    run("worker", "--once")
    shown = json.loads(run("jobs", queued["id"], "--json"))
    assert shown["status"] == "done" and shown["result"]["added"] == 20


@pytest.fixture
def runner_env(core):  # type: ignore[no-untyped-def]
    """Run the real CLI in a child process against the test instance: ``run(*args)``."""
    env = environment(core.home)

    def run(*args: str) -> str:
        done = subprocess.run(
            [*KBASSIST, *args], env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    return core, run


def test_killing_the_worker_mid_ingest_leaves_no_half_applied_ingest(core, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """SIGKILL the worker while its ingest transaction is open: nothing of it lands; the
    next worker finds the job orphaned, runs it again, and every ticket lands once."""
    export = ticket_export(tmp_path / "big.jsonl", 4000, "KILL", "laminator")
    jobs = queue_for(core)
    job = jobs.submit("ingest-tickets", {"file": export.name}, [(export.name, export.read_bytes())])
    # The inserts take a fraction of a second against seconds of masking before them: a slow
    # trigger holds the transaction open long enough for the probe below to see it every time.
    _database(core, "CREATE TRIGGER slow_insert AFTER INSERT ON tickets BEGIN " + _SPIN + "; END")
    log = (tmp_path / "worker.log").open("wb")
    worker = subprocess.Popen(
        [*KBASSIST, "worker"], env=environment(core.home), stdout=log, stderr=subprocess.STDOUT
    )
    try:
        # Jobs yield the CPU to the web workers' requests (KBASSIST_JOB_NICENESS, 10).
        wait_for(lambda: os.getpriority(os.PRIO_PROCESS, worker.pid) == 10, "a niced worker")
        wait_for(lambda: _in_ingest_transaction(core, job.id), "the ingest's open transaction")
        worker.send_signal(signal.SIGKILL)
        worker.wait(30)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        log.close()
    _database(core, "DROP TRIGGER slow_insert")
    assert _tickets(core, "KILL") == 0  # the open transaction died with the process
    interrupted = _job(core, job.id)
    assert interrupted.status == "running" and interrupted.worker.endswith(f":{worker.pid}")

    assert jobs.recover() == [job.id]
    jobs.drain()
    finished = _job(core, job.id)
    assert finished.status == "done" and finished.attempts == 2
    assert finished.result["added"] == 4000 and _tickets(core, "KILL") == 4000


# About a millisecond of SQLite's own work per inserted row.
_SPIN = (
    "SELECT count(*) FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n"
    " WHERE x < 5000) SELECT x FROM n)"
)


def _database(core: Core, statement: str) -> None:
    conn = sqlite3.connect(core.settings.database_url.removeprefix("sqlite:///"))
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _in_ingest_transaction(core: Core, job_id: str) -> bool:
    """The job runs, none of its tickets is committed, and a writer holds the database."""
    if _job(core, job_id).status != "running" or _tickets(core, "KILL"):
        return False
    database = core.settings.database_url.removeprefix("sqlite:///")
    probe = sqlite3.connect(database, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.rollback()
        return False
    except sqlite3.OperationalError:  # "database is locked": the ingest's write transaction
        return True
    finally:
        probe.close()


def test_a_quick_demo_start_loads_a_slice_and_queues_the_rest(core, client, csrf) -> None:  # type: ignore[no-untyped-def]
    from kbassist.demo.loader import DEMO_USERS, load_demo

    result = load_demo(core, n_tickets=300, seed=3, first=60)
    assert result["tickets"] == 60 and result["pending"] == 240 and _tickets(core) == 60
    username, password = next((u, p) for r, u, p, _ in DEMO_USERS if r == "tech")
    client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": csrf("/login")},
    )
    home = client.get("/").get_data(as_text=True)
    assert "data-demo-loading" in home and "waiting for a worker" in home
    with core.connect() as conn:  # the slice holds the most recent tickets
        oldest_loaded = conn.execute(select(func.min(store.tickets.c.created_at))).scalar_one()
    rest_file = core.home / "demo" / "tickets-rest.jsonl"
    rest_newest = max(json.loads(line)["created_at"] for line in rest_file.read_text().splitlines())
    assert rest_newest <= oldest_loaded.isoformat()
    queue_for(core).drain()
    rest = _job(core, result["job"])
    assert rest.status == "done" and rest.result["tickets"] == 240, rest.error
    assert _tickets(core) == 300
    assert "data-demo-loading" not in client.get("/").get_data(as_text=True)
