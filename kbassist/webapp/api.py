"""JSON API basics: who am I, ingest, records, and the OpenAPI description."""

from __future__ import annotations

import re
import tempfile
from dataclasses import asdict
from pathlib import Path

from flask import Blueprint, current_app, jsonify, request

from kbassist import browse, pipeline
from kbassist.errors import InvalidInput
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
    """Load a ticket export (multipart `file`; optional `preset`); returns the ingest summary."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise InvalidInput("file: attach the export as multipart field 'file'.")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / _safe_name(upload.filename)
        upload.save(path)
        report = pipeline.ingest_tickets(core(), path, preset=request.form.get("preset") or None)
    return jsonify(report.as_dict())


@api.post("/ingest/kb")
@requires("ingest")
def ingest_kb():  # type: ignore[no-untyped-def]
    """Load markdown articles (multipart `files`, or one zip archive as `file`)."""
    archive = request.files.get("file")
    files = [(upload.filename, upload.stream) for upload in request.files.getlist("files")]
    report = pipeline.ingest_kb_upload(
        core(),
        (archive.filename, archive.stream) if archive is not None and archive.filename else None,
        [(name, stream) for name, stream in files if name],
    )
    return jsonify(report.as_dict())


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
