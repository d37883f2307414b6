"""The task queue (huey) of an instance: submit jobs, work them, recover interrupted runs.

One box: ``SqliteHuey`` in ``HOME/jobs/queue.db``, no extra service. Several
app servers: ``RedisHuey`` on ``KBASSIST_REDIS_URL`` (Debian's redis-server),
so a job submitted on one server may run on any server's worker; its input
files travel in the database (``state.create``), not in one server's HOME.

The queue carries only a job id. huey deletes a message when a worker takes it,
so a worker killed mid-job loses the message: ``recover`` (run when a worker
starts and every half minute) finds running jobs whose worker is gone and
queues them again, or fails them after ``state.MAX_ATTEMPTS`` runs.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Iterable
from typing import Any

from kbassist.core import Core
from kbassist.errors import InvalidInput
from kbassist.jobs import runner, state
from kbassist.jobs.state import Job

log = logging.getLogger("kbassist.jobs")

QUEUE_NAME = "kbassist"
TASK_NAME = "kbassist.run_job"
RETRY_DELAY = 10  # seconds before a failed run is tried again
RECOVER_SECONDS = 30.0

_queues: weakref.WeakKeyDictionary[Core, JobQueue] = weakref.WeakKeyDictionary()
_queues_lock = threading.Lock()


class JobQueue:
    """The huey instance of one Core with kbassist's single task registered on it."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.huey = make_huey(core)
        self.task = self.huey.task(
            retries=state.MAX_ATTEMPTS - 1, retry_delay=RETRY_DELAY, context=True, name=TASK_NAME
        )(self._run)

    @property
    def backend(self) -> str:
        return "redis" if self.core.settings["REDIS_URL"] else "sqlite"

    def _run(self, job_id: str, task: Any = None) -> str:
        retries = int(getattr(task, "retries", 0) or 0)
        return runner.execute(self.core, job_id, retries_left=retries)

    def submit(
        self,
        kind: str,
        params: dict[str, Any] | None = None,
        files: Iterable[tuple[str, bytes]] = (),
        user_id: int | None = None,
    ) -> Job:
        """Record a job and queue it; the queued Job."""
        if kind not in runner.HANDLERS:
            known = ", ".join(sorted(runner.HANDLERS))
            raise InvalidInput(f"Unknown kind of job {kind!r}; one of: {known}.")
        job = state.create(self.core, kind, params, files, user_id)
        self.enqueue(job.id)
        return job

    def enqueue(self, job_id: str) -> None:
        """Put a job id on the queue (its row says queued already)."""
        try:
            self.task(job_id)
        except Exception as error:  # the broker is unreachable: say so on the job itself
            state.fail(self.core, job_id, f"Could not queue the job: {error}")
            raise

    def pending(self) -> int:
        """Messages waiting in the broker."""
        return int(self.huey.pending_count())

    def work_once(self) -> bool:
        """Take one message and run it here; False when the queue was empty (tests, --once)."""
        message = self.huey.dequeue()
        if message is None:
            return False
        try:
            self.huey.execute(message)
        except Exception:  # huey has recorded the retry; the job row says what happened
            log.debug("job run raised", exc_info=True)
        return True

    def drain(self) -> int:
        """Run every queued message here, including retries that fall due; how many ran."""
        ran = 0
        while self.work_once():
            ran += 1
        return ran

    def recover(self) -> list[str]:
        """Queue again (or fail) the running jobs whose worker died; their ids."""
        recovered = []
        with self.core.connect() as conn:
            candidates = [job for job in state.running(conn) if state.is_orphan(job)]
        for job in candidates:
            if job.attempts >= state.MAX_ATTEMPTS:
                state.fail(
                    self.core,
                    job.id,
                    f"interrupted {job.attempts} times (its worker stopped); not retried again",
                )
            elif state.requeue(
                self.core,
                job.id,
                f"attempt {job.attempts} was interrupted (worker {job.worker} stopped)",
                only_from_worker=job.worker,
            ):
                self.enqueue(job.id)
            else:
                continue
            recovered.append(job.id)
            log.warning("interrupted job recovered", extra={"job": job.id, "kind": job.kind})
        return recovered

    def consumer(self, threads: int = 1) -> Any:
        """A huey consumer that runs jobs in ``threads`` threads of this process."""
        return self.huey.create_consumer(
            workers=threads, worker_type="thread", periodic=False, max_delay=1.0
        )


def make_huey(core: Core) -> Any:
    """SqliteHuey under HOME, or RedisHuey when KBASSIST_REDIS_URL is set."""
    import huey

    url = str(core.settings["REDIS_URL"])
    if url:
        return huey.RedisHuey(QUEUE_NAME, url=url, results=False)
    folder = core.home / "jobs"
    folder.mkdir(parents=True, exist_ok=True)
    return huey.SqliteHuey(QUEUE_NAME, filename=str(folder / "queue.db"), results=False)


def queue_for(core: Core) -> JobQueue:
    """The JobQueue of a Core, built once per process."""
    with _queues_lock:
        found = _queues.get(core)
        if found is None:
            found = _queues[core] = JobQueue(core)
        return found


def submit(
    core: Core,
    kind: str,
    params: dict[str, Any] | None = None,
    files: Iterable[tuple[str, bytes]] = (),
    user_id: int | None = None,
) -> Job:
    """Record and queue a job on the Core's queue."""
    return queue_for(core).submit(kind, params, files, user_id)
