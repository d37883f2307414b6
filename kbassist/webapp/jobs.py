"""The jobs page (managers and admins) and the jobs API: what runs in the background."""

from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from kbassist.errors import InvalidInput
from kbassist.jobs import queue, runner
from kbassist.jobs import state as jobs
from kbassist.webapp.context import core, db
from kbassist.webapp.security import current_user, requires

bp = Blueprint("jobs", __name__)
api = Blueprint("jobs_api", __name__)

STARTABLE = ("rescore", "cluster", "train", "reindex")  # kinds an admin starts from the page


def _limit() -> int:
    try:
        return max(1, min(int(request.args.get("limit", 50)), 500))
    except ValueError:
        raise InvalidInput("limit: a whole number from 1 to 500") from None


def _status() -> str | None:
    status = request.args.get("status") or None
    if status not in (None, *jobs.STATUSES):
        raise InvalidInput(f"status: one of {', '.join(jobs.STATUSES)}")
    return status


@bp.get("/jobs")
@requires("jobs")
def index():  # type: ignore[no-untyped-def]
    found = jobs.recent(db(), limit=_limit(), status=_status())
    return render_template(
        "jobs/index.html",
        jobs=found,
        counts=jobs.counts(db()),
        labels=runner.LABELS,
        startable=[(kind, runner.LABELS[kind]) for kind in STARTABLE],
        active=any(not job.finished for job in found),
    )


@bp.get("/jobs/<job_id>")
@requires("jobs")
def view(job_id: str):  # type: ignore[no-untyped-def]
    job = jobs.get(db(), job_id)
    return render_template("jobs/view.html", job=job, labels=runner.LABELS)


@bp.post("/jobs")
@requires("admin")
def start():  # type: ignore[no-untyped-def]
    kind = request.form.get("kind", "")
    if kind not in STARTABLE:
        raise InvalidInput(f"kind: one of {', '.join(STARTABLE)}")
    user = current_user()
    job = queue.submit(core(), kind, {}, user_id=user.id if user else None)
    return redirect(url_for("jobs.view", job_id=job.id))


@api.get("/jobs")
@requires("jobs")
def api_list():  # type: ignore[no-untyped-def]
    """Recent jobs, newest first (`status`, `limit`)."""
    found = jobs.recent(db(), limit=_limit(), status=_status())
    return jsonify({"jobs": [job.as_dict() for job in found], "counts": jobs.counts(db())})


@api.get("/jobs/<job_id>")
@requires("jobs")
def api_job(job_id: str):  # type: ignore[no-untyped-def]
    """One job: status, step, progress (done of total), result or error."""
    return jsonify(jobs.get(db(), job_id).as_dict())


blueprints = (bp,)
