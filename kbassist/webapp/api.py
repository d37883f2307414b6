"""JSON API basics: who am I, ingest, records, and the OpenAPI description."""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

from flask import Blueprint, current_app, jsonify, request, url_for

from kbassist import browse
from kbassist.errors import InvalidInput
from kbassist.jobs import queue
from kbassist.jobs.state import Job
from kbassist.webapp.context import core, db
from kbassist.webapp.security import current_user, requires

blueprints = ()  # JSON only: no pages
api = Blueprint("api", __name__)


@api.get("/me")
@requires("search")
def me():  # type: ignore[no-untyped-def]
    """The user the token belongs to."""
    return jsonify(asdict(current_user()))


@api.post("/ingest/tickets")
@requires("ingest")
def ingest_tickets():  # type: ignore[no-untyped-def]
    """Queue a ticket export (multipart `file`; optional `preset`): 202 with the job to follow."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise InvalidInput("file: attach the export as multipart field 'file'.")
    name = _safe_name(upload.filename)
    params = {"file": name, "preset": request.form.get("preset") or None}
    return _accepted(
        queue.submit(core(), "ingest-tickets", params, [(name, upload.read())], _uid())
    )


@api.post("/ingest/kb")
@requires("ingest")
def ingest_kb():  # type: ignore[no-untyped-def]
    """Queue markdown articles (multipart `files`, or one zip as `file`): 202 with the job.

    The upload is read and checked here, in memory (the zip limits, markdown only), so a
    file that holds nothing to load is a 400 at once and the refused members are in the
    answer; the job stores what was accepted.
    """
    from kbassist.ingest.service import read_kb_upload

    archive = request.files.get("file")
    files = [(upload.filename, upload.stream) for upload in request.files.getlist("files")]
    upload = read_kb_upload(
        (archive.filename, archive.stream) if archive is not None and archive.filename else None,
        [(name, stream) for name, stream in files if name],
    )
    stored = [(f"{n:05d}-{_safe_name(s.name)}", s) for n, s in enumerate(upload.sources)]
    params = {
        "source": upload.source,
        "sources": {key: {"name": s.name, "path": s.path} for key, s in stored},
        "rejects": [reject.as_dict() for reject in upload.rejects],
        "warnings": list(upload.warnings),
        "files": len(stored),
    }
    job = queue.submit(core(), "ingest-kb", params, [(key, s.data) for key, s in stored], _uid())
    return _accepted(job, rejects=params["rejects"], warnings=params["warnings"])


def _uid() -> int | None:
    user = current_user()
    return user.id if user else None


def _accepted(job: Job, **known: object):  # type: ignore[no-untyped-def]
    """202 Accepted: the queued job, where to follow it (`Location`), and its id."""
    location = url_for("jobs_api.api_job", job_id=job.id)
    response = jsonify({**job.as_dict(), **known, "url": location})
    response.status_code = 202
    response.headers["Location"] = location
    return response


@api.get("/articles/<article_id>")
@requires("articles")
def article(article_id: str):  # type: ignore[no-untyped-def]
    """One article (secrets masked)."""
    return jsonify(asdict(browse.get_article(db(), article_id)))


@api.get("/tickets/<ticket_id>")
@requires("tickets")
def ticket(ticket_id: str):  # type: ignore[no-untyped-def]
    """One ticket with its notes and linked articles (secrets masked)."""
    return jsonify(asdict(browse.get_ticket(db(), ticket_id)))


@api.get("/openapi.json")
def openapi():  # type: ignore[no-untyped-def]
    """The OpenAPI description of every /api/v1 route, built from the routes themselves."""
    return jsonify(describe_api())


def describe_api() -> dict:  # type: ignore[type-arg]
    paths: dict[str, dict] = {}  # type: ignore[type-arg]
    for rule in sorted(current_app.url_map.iter_rules(), key=lambda r: r.rule):
        if not rule.rule.startswith("/api/v1/"):
            continue
        view = current_app.view_functions[rule.endpoint]
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        summary = (view.__doc__ or rule.endpoint).strip().splitlines()[0]
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            operation = {
                "summary": summary,
                "operationId": rule.endpoint.replace(".", "_") + "_" + method.lower(),
                "parameters": [
                    {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                    for name in sorted(rule.arguments)
                ],
                "responses": {
                    "200": {"description": "OK"},
                    "401": {"description": "No or bad token"},
                    "403": {"description": "Role not allowed"},
                },
            }
            if rule.endpoint != "api.openapi":
                operation["security"] = [{"bearer": []}]
            paths.setdefault(path, {})[method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": "kbassist API", "version": "1"},
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "paths": paths,
    }


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name).strip("._")
    return cleaned or "upload"
