"""The jobs table: a job's life (queued, running, done, failed), progress, result and error.

Every write is its own short transaction, apart from the work a job does: a job
that fails or is killed leaves its row saying so, and the work itself (an
ingest is one transaction) is either applied or not.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from kbassist import store
from kbassist.core import Core
from kbassist.errors import NotFound
from kbassist.hygiene import mask
from kbassist.store import utc_now

STATUSES = ("queued", "running", "done", "failed")
MAX_ATTEMPTS = 3  # a job interrupted or failing this often is reported failed
STALE_AFTER = timedelta(minutes=10)  # a running job on another host silent this long died
HEARTBEAT_SECONDS = 15.0
PROGRESS_SECONDS = 1.0  # progress reaches the row at most this often


@dataclass(frozen=True)
class Job:
    """One row of the jobs table, as the page, the API and the CLI show it."""

    id: str
    kind: str
    status: str
    params: dict[str, Any]
    step: str
    done: int
    total: int | None
    result: Any
    error: str | None
    attempts: int
    worker: str
    user_id: int | None
    created_at: datetime
    started_at: datetime | None
    heartbeat_at: datetime | None
    finished_at: datetime | None

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed")

    @property
    def percent(self) -> float | None:
        if not self.total:
            return None
        return round(min(100.0, 100.0 * self.done / self.total), 1)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "params": self.params,
            "step": self.step,
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "result": self.result,
            "error": self.error,
            "attempts": self.attempts,
            "worker": self.worker,
            "created_at": _iso(self.created_at),
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at),
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def _from_row(row: Any) -> Job:
    return Job(
        id=row.id,
        kind=row.kind,
        status=row.status,
        params=json.loads(row.params or "{}"),
        step=row.step or "",
        done=int(row.done or 0),
        total=row.total,
        result=json.loads(row.result) if row.result else None,
        error=row.error,
        attempts=int(row.attempts or 0),
        worker=row.worker or "",
        user_id=row.user_id,
        created_at=row.created_at,
        started_at=row.started_at,
        heartbeat_at=row.heartbeat_at,
        finished_at=row.finished_at,
    )


def worker_name() -> str:
    """host:pid of this process, as recorded on the jobs it runs."""
    return f"{socket.gethostname()}:{os.getpid()}"


# ---------------------------------------------------------------- writes


def create(
    core: Core,
    kind: str,
    params: dict[str, Any] | None = None,
    files: Iterable[tuple[str, bytes]] = (),
    user_id: int | None = None,
) -> Job:
    """A queued job with its input files, in one transaction."""
    job_id = uuid.uuid4().hex
    with core.begin() as conn:
        conn.execute(
            store.jobs.insert().values(
                id=job_id,
                kind=kind,
                status="queued",
                params=json.dumps(params or {}, sort_keys=True),
                step="waiting for a worker",
                done=0,
                attempts=0,
                worker="",
                user_id=user_id,
                created_at=utc_now(),
            )
        )
        rows = [{"job_id": job_id, "name": name, "content": data} for name, data in files]
        if rows:
            conn.execute(store.job_files.insert(), rows)
        return get(conn, job_id)


def claim(core: Core, job_id: str) -> Job | None:
    """Mark a queued job running in this process; None if it is not queued (taken, finished)."""
    now = utc_now()
    table = store.jobs
    with core.begin() as conn:
        claimed = conn.execute(
            table.update()
            .where(table.c.id == job_id, table.c.status == "queued")
            .values(
                status="running",
                attempts=table.c.attempts + 1,
                worker=worker_name(),
                started_at=now,
                heartbeat_at=now,
                step="starting",
                done=0,
                total=None,
            )
        )
        if claimed.rowcount == 0:
            return None
        return get(conn, job_id)


def finish(core: Core, job_id: str, result: Any) -> None:
    """The job succeeded: its result, and its input files dropped."""
    _close(core, job_id, "done", result=json.dumps(result, default=str), error=None)


def fail(core: Core, job_id: str, error: str) -> None:
    """The job failed for good: the reason (secrets masked), its input files dropped."""
    _close(core, job_id, "failed", result=None, error=mask(error)[:4000])


def requeue(core: Core, job_id: str, reason: str, *, only_from_worker: str | None = None) -> bool:
    """Put a running job back in the queue (it will be run again); False if it was not running."""
    table = store.jobs
    condition = [table.c.id == job_id, table.c.status == "running"]
    if only_from_worker is not None:
        condition.append(table.c.worker == only_from_worker)
    with core.begin() as conn:
        moved = conn.execute(
            table.update()
            .where(*condition)
            .values(status="queued", step="waiting to be retried", error=mask(reason)[:4000])
        )
    return moved.rowcount == 1


def _close(core: Core, job_id: str, status: str, *, result: str | None, error: str | None) -> None:
    with core.begin() as conn:
        conn.execute(
            store.jobs.update()
            .where(store.jobs.c.id == job_id)
            .values(
                status=status,
                result=result,
                error=error,
                finished_at=utc_now(),
                step=status,
            )
        )
        conn.execute(delete(store.job_files).where(store.job_files.c.job_id == job_id))


class Reporter:
    """Progress of one running job, written to its row at most once a second.

    The writes use their own short transactions. On SQLite, while the job's own
    ingest transaction holds the write lock, a progress write would wait: it is
    skipped instead (the next one after the commit lands), so progress never
    slows or blocks the work.
    """

    def __init__(self, core: Core, job_id: str) -> None:
        self.core = core
        self.job_id = job_id
        self.step_text = "starting"
        self.done = 0
        self.total: int | None = None
        self._written = 0.0
        self._lock = threading.Lock()

    def step(self, text: str, total: int | None = None) -> None:
        with self._lock:
            self.step_text, self.done, self.total = text, 0, total
        self.flush(force=True)

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self.done += n
        self.flush()

    def flush(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._written < PROGRESS_SECONDS:
            return
        self._written = now
        with self._lock:
            values = {"step": self.step_text[:500], "done": self.done, "total": self.total}
        values["heartbeat_at"] = utc_now()
        try:
            with _quick_write(self.core) as conn:
                conn.execute(
                    store.jobs.update()
                    .where(store.jobs.c.id == self.job_id, store.jobs.c.status == "running")
                    .values(**values)
                )
        except OperationalError:
            pass  # the database is busy with the job's own transaction: the next one lands

    @contextmanager
    def heartbeat(self) -> Iterator[None]:
        """Keep the row's heartbeat fresh during the block (steps without progress calls)."""
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(HEARTBEAT_SECONDS):
                self.flush(force=True)

        thread = threading.Thread(target=beat, name=f"job-{self.job_id}-heartbeat", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join(timeout=5)


@contextmanager
def _quick_write(core: Core) -> Iterator[Connection]:
    """A write transaction that gives up at once on a locked SQLite database."""
    sqlite = core.engine.dialect.name == "sqlite"
    with core.engine.connect() as conn:
        if sqlite:
            conn.exec_driver_sql("PRAGMA busy_timeout = 200")
            conn.commit()
        try:
            with conn.begin():
                yield conn
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA busy_timeout = 30000")
                conn.commit()


# ---------------------------------------------------------------- reads


def get(conn: Connection, job_id: str) -> Job:
    row = conn.execute(select(store.jobs).where(store.jobs.c.id == job_id)).first()
    if row is None:
        raise NotFound(f"No job {job_id}. `kbassist jobs` lists the recent ones.")
    return _from_row(row)


def recent(conn: Connection, *, limit: int = 50, status: str | None = None) -> list[Job]:
    """The newest jobs first (of one status if given)."""
    query = select(store.jobs).order_by(store.jobs.c.created_at.desc(), store.jobs.c.id)
    if status:
        query = query.where(store.jobs.c.status == status)
    return [_from_row(row) for row in conn.execute(query.limit(max(1, min(limit, 500))))]


def latest(conn: Connection, kind: str) -> Job | None:
    """The newest job of a kind, or None."""
    query = select(store.jobs).where(store.jobs.c.kind == kind)
    row = conn.execute(query.order_by(store.jobs.c.created_at.desc()).limit(1)).first()
    return _from_row(row) if row else None


def counts(conn: Connection) -> dict[str, int]:
    """How many jobs are in each status."""
    found = dict.fromkeys(STATUSES, 0)
    query = select(store.jobs.c.status, func.count()).group_by(store.jobs.c.status)
    for status, count in conn.execute(query):
        found[str(status)] = int(count)
    return found


def files(conn: Connection, job_id: str) -> list[tuple[str, bytes]]:
    """A job's input files, by name."""
    table = store.job_files
    query = select(table.c.name, table.c.content).where(table.c.job_id == job_id)
    return [(row.name, bytes(row.content)) for row in conn.execute(query.order_by(table.c.name))]


def running(conn: Connection) -> list[Job]:
    query = select(store.jobs).where(store.jobs.c.status == "running")
    return [_from_row(row) for row in conn.execute(query)]


def queued(conn: Connection) -> list[Job]:
    query = select(store.jobs).where(store.jobs.c.status == "queued")
    return [_from_row(row) for row in conn.execute(query.order_by(store.jobs.c.created_at))]


def is_orphan(job: Job, now: datetime | None = None) -> bool:
    """A running job whose worker is gone: a dead process on this host, or silent too long."""
    host, _, pid = job.worker.rpartition(":")
    if host == socket.gethostname() and pid.isdigit() and not _alive(int(pid)):
        return True
    beat = job.heartbeat_at or job.started_at or job.created_at
    return (now or utc_now()) - beat > STALE_AFTER


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
