"""CLI commands for background jobs: ``jobs`` (list or follow), ``worker``, and ``--background``."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

import click

from kbassist.cli.group import emit, get_core, json_option, main, ready_core

FOLLOW_SECONDS = 1.0


def background_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--background``: queue the work as a job instead of running it here."""
    return click.option(
        "--background",
        is_flag=True,
        help="Queue it as a job and return at once (a worker runs it; see `kbassist jobs`).",
    )(function)


def enqueue(
    kind: str,
    params: dict[str, Any],
    as_json: bool,
    files: Iterable[tuple[str, bytes]] = (),
) -> None:
    """Submit a job and print its id and how to follow it."""
    from kbassist.jobs.queue import submit

    job = submit(ready_core(), kind, params, files)
    emit(
        job.as_dict(),
        as_json,
        lambda d: f"Queued job {d['id']} ({kind}). Follow it with: kbassist jobs {d['id']} --wait",
    )


@main.command("jobs")
@click.argument("job_id", required=False)
@click.option("--status", type=click.Choice(["queued", "running", "done", "failed"]))
@click.option("--limit", default=20, show_default=True, help="How many recent jobs to list.")
@click.option("--wait", is_flag=True, help="With JOB_ID: print progress until the job finishes.")
@json_option
def jobs_command(
    job_id: str | None, status: str | None, limit: int, wait: bool, as_json: bool
) -> None:
    """Recent background jobs, or one job (JOB_ID) with its progress, result or error."""
    from kbassist.jobs import state

    core = ready_core()
    if job_id is None:
        with core.connect() as conn:
            found = state.recent(conn, limit=limit, status=status)
        emit([job.as_dict() for job in found], as_json, _render_jobs)
        return
    with core.connect() as conn:
        job = state.get(conn, job_id)
    shown = ""
    while wait and not job.finished:
        line = _render_progress(job.as_dict())
        if line != shown and not as_json:
            click.echo(line, err=True)
            shown = line
        time.sleep(FOLLOW_SECONDS)
        with core.connect() as conn:
            job = state.get(conn, job_id)
    emit(job.as_dict(), as_json, _render_job)
    if job.status == "failed":
        raise SystemExit(1)


def _render_progress(job: dict[str, Any]) -> str:
    progress = f" {job['done']}/{job['total']}" if job["total"] else ""
    return f"{job['status']}: {job['step']}{progress}"


def _render_jobs(items: list[dict[str, Any]]) -> str:
    if not items:
        return "No jobs yet."
    return "\n".join(
        f"{j['id']}  {j['kind']:<15} {j['status']:<8} {j['created_at']}  {j['step']}" for j in items
    )


def _render_job(job: dict[str, Any]) -> str:
    lines = [f"Job {job['id']} ({job['kind']}): {job['status']}, attempt {job['attempts']}"]
    lines.append(f"  {_render_progress(job)}")
    if job["error"]:
        lines.append(f"  error: {job['error']}")
    if job["result"] is not None:
        import json

        lines.append("  result: " + json.dumps(job["result"], default=str)[:2000])
    return "\n".join(lines)


@main.command()
@click.option("--threads", default=1, show_default=True, help="Jobs run at the same time.")
@click.option("--once", is_flag=True, help="Run what is queued now, then exit (cron, tests).")
def worker(threads: int, once: bool) -> None:
    """Run background jobs from the queue (`kbassist serve` starts one unless --no-worker)."""
    from kbassist import logs
    from kbassist.demo import loader  # noqa: F401  (registers the demo's background job)
    from kbassist.jobs.queue import RECOVER_SECONDS, queue_for

    core = ready_core()
    logs.configure(str(core.settings["LOG_LEVEL"]))
    # Long jobs (an ingest of thousands of tickets embeds and scores every note) must
    # not starve the requests of the technicians searching meanwhile.
    os.nice(max(0, min(19, int(core.settings["JOB_NICENESS"]))))
    jobs = queue_for(core)
    jobs.recover()
    if once:
        ran = jobs.drain()
        click.echo(f"Ran {ran} queued jobs.", err=True)
        return
    stop = threading.Event()

    def recover_forever() -> None:
        while not stop.wait(RECOVER_SECONDS):
            try:
                jobs.recover()
            except Exception:  # the database is away for a moment: try again later
                continue

    threading.Thread(target=recover_forever, name="kbassist-recover", daemon=True).start()
    click.echo(f"kbassist worker: {jobs.backend} queue, {threads} thread(s)", err=True)
    try:
        jobs.consumer(threads).run()
    finally:
        stop.set()


__all__ = ["background_option", "enqueue", "get_core"]
