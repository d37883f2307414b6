"""What each kind of job does, and running one job to the end (done, retried or failed).

A handler takes the Core, the Job and a Reporter, does its work through the
pipeline and the services, and returns a JSON-able result. Failures split in
two: a ``KbassistError`` is the input's fault (a bad file, too few labels) and
fails the job at once with its message; anything else (the database went
away, the process ran out of memory) is retried up to ``MAX_ATTEMPTS`` runs.

Being retried is safe because every kind is idempotent: an ingest is one
transaction (a run killed half-way applied nothing) and the same file again
changes nothing; rescoring, clustering, training and reindexing recompute.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kbassist.core import Core
from kbassist.errors import InvalidInput, KbassistError
from kbassist.jobs import state
from kbassist.jobs.state import Job, Reporter

log = logging.getLogger("kbassist.jobs")

Handler = Callable[[Core, Job, Reporter], Any]
HANDLERS: dict[str, Handler] = {}
LABELS: dict[str, str] = {}  # kind -> what people call it


def register(kind: str, label: str) -> Callable[[Handler], Handler]:
    """Declare a kind of job (layers above, such as the demo, add their own)."""

    def decorate(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        LABELS[kind] = label
        return handler

    return decorate


def execute(core: Core, job_id: str, *, retries_left: int) -> str:
    """Run a queued job in this process; its final status, or "skipped" if not queued.

    Raises after recording the failure when the error is worth retrying and
    ``retries_left`` > 0 (the queue runs it again later).
    """
    job = state.claim(core, job_id)
    if job is None:
        return "skipped"  # another worker has it, or it already finished
    handler = HANDLERS.get(job.kind)
    if handler is None:
        state.fail(core, job.id, f"No worker here knows jobs of kind {job.kind!r}.")
        return "failed"
    reporter = Reporter(core, job.id)
    log.info("job started", extra={"job": job.id, "kind": job.kind, "attempt": job.attempts})
    try:
        with reporter.heartbeat():
            result = handler(core, job, reporter)
    except KbassistError as error:
        state.fail(core, job.id, error.message)
        log.warning("job failed", extra={"job": job.id, "kind": job.kind, "error": error.message})
        return "failed"
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"
        if retries_left > 0 and job.attempts < state.MAX_ATTEMPTS:
            state.requeue(core, job.id, f"attempt {job.attempts} failed ({reason}); retrying")
            log.warning("job will be retried", extra={"job": job.id, "error": reason})
            raise
        state.fail(core, job.id, f"failed after {job.attempts} attempts: {reason}")
        log.exception("job failed", extra={"job": job.id, "kind": job.kind})
        return "failed"
    state.finish(core, job.id, result)
    log.info("job done", extra={"job": job.id, "kind": job.kind})
    return "done"


@contextmanager
def input_folder(core: Core, job: Job) -> Iterator[Path]:
    """The job's input files written to a temporary folder for the run."""
    with core.connect() as conn:
        stored = state.files(conn, job.id)
    if not stored:
        raise InvalidInput("The job's input files are gone; submit the file again.")
    folder = Path(tempfile.mkdtemp(prefix=f"kbassist-job-{job.id[:8]}-"))
    try:
        for name, content in stored:
            (folder / name).write_bytes(content)
        try:
            yield folder
        except KbassistError as error:  # name the uploaded file, not the temporary folder
            error.message = error.message.replace(f"{folder}/", "")
            raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _finish_interrupted(core: Core, job: Job) -> None:
    """After a retried ingest: finish what an interrupted run left after its commit.

    The ingest itself is all or nothing, but a run killed after it committed and
    before its scores, indexes and families were written leaves those behind,
    and the retry's ingest finds nothing changed.
    """
    if job.attempts <= 1:
        return
    from kbassist import pipeline

    pipeline.catch_up(core)  # scores, indexes, families and the gaps snapshot
    pipeline.changed(core)


# ---------------------------------------------------------------- the kinds


@register("ingest-tickets", "Ingest tickets")
def ingest_tickets(core: Core, job: Job, report: Reporter) -> Any:
    from kbassist import pipeline

    with input_folder(core, job) as folder:
        export = folder / str(job.params["file"])
        mapping = folder / str(job.params["mapping"]) if job.params.get("mapping") else None
        with export.open("rb") as handle:
            lines = sum(1 for _ in handle)
        report.step("Storing tickets", max(lines - (export.suffix.lower() == ".csv"), 0))
        with core.resources.watch_embedding(report.advance):
            result = pipeline.ingest_tickets(
                core,
                export,
                preset=job.params.get("preset") or None,
                mapping=mapping,
                progress=report.advance,
                say=report.step,
            )
    _finish_interrupted(core, job)
    summary = result.as_dict()
    summary["source"] = str(job.params["file"])
    return summary


@register("ingest-kb", "Ingest articles")
def ingest_kb(core: Core, job: Job, report: Reporter) -> Any:
    from kbassist import pipeline

    if "sources" in job.params:  # an API upload, read and checked when it came in
        return _ingest_read_upload(core, job, report)
    with input_folder(core, job) as folder:
        report.step("Storing articles", len(list(folder.glob("*.md"))))
        with core.resources.watch_embedding(report.advance):
            result = pipeline.ingest_kb(core, folder, progress=report.advance, say=report.step)
    _finish_interrupted(core, job)
    summary = result.as_dict()
    summary["source"] = "upload"
    return summary


def _ingest_read_upload(core: Core, job: Job, report: Reporter) -> Any:
    from kbassist import pipeline
    from kbassist.articles import Source
    from kbassist.ingest.service import KbUpload
    from kbassist.records import Reject

    with core.connect() as conn:
        stored = dict(state.files(conn, job.id))
    named = job.params["sources"]
    if set(stored) != set(named):
        raise InvalidInput("The job's input files are gone; submit the upload again.")
    upload = KbUpload(
        str(job.params.get("source") or "upload"),
        tuple(Source(named[key]["name"], named[key]["path"], stored[key]) for key in sorted(named)),
        tuple(Reject(**reject) for reject in job.params.get("rejects", [])),
        tuple(job.params.get("warnings", [])),
    )
    report.step("Storing articles", len(upload.sources))
    with core.resources.watch_embedding(report.advance):
        result = pipeline.store_kb_upload(core, upload)
    _finish_interrupted(core, job)
    return result.as_dict()


@register("rescore", "Rescore notes and articles")
def rescore(core: Core, job: Job, report: Reporter) -> Any:
    from kbassist.quality import service as quality

    report.step("Rescoring notes and articles")
    written = quality.rescore_all(core, force=bool(job.params.get("all")))
    state_now = quality.model_state(core)
    return {
        "rescored": written,
        "model": state_now.model.version if state_now.model else None,
        "basis": state_now.reason,
    }


@register("cluster", "Cluster tickets into families")
def cluster(core: Core, job: Job, report: Reporter) -> Any:
    from kbassist.gaps import service as gaps

    report.step("Clustering resolved tickets")
    with core.resources.watch_embedding(report.advance):
        return gaps.recluster(core).as_dict()


@register("train", "Train the note model")
def train(core: Core, job: Job, report: Reporter) -> Any:
    from kbassist.quality import training

    source = job.params.get("closure_notes")
    report.step("Training the per-criterion note model")
    sources = [source] if isinstance(source, str) else list(source or [])
    return training.train(
        core,
        closure_notes=sources or None,
        reviewer_labels=bool(job.params.get("reviewer_labels", True)),
        evaluate=bool(job.params.get("evaluate", False)),
    ).as_dict()


@register("reindex", "Rebuild this server's search indexes")
def reindex(core: Core, job: Job, report: Reporter) -> Any:
    from kbassist.search.indexing import count_indexable, rebuild_indexes

    with core.connect() as conn:
        report.step("Rebuilding the search indexes", count_indexable(conn))
    return rebuild_indexes(core, progress=report.advance)
