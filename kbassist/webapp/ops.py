"""Operations: /healthz, /readyz, Prometheus /metrics, request ids, access logs, proxies.

- ``/healthz``: liveness (the process answers and reads the database), with the
  note classifier's version in use.
- ``/readyz``: 200 when the database answers, the search index folder is caught
  up with the database and the models are loaded; else 503 with the reasons.
- ``/metrics``: request latency by route, search latency, jobs by status and
  the queue's depth, index lag. Under gunicorn the workers' figures are added
  up through prometheus_client's multiprocess mode (``PROMETHEUS_MULTIPROC_DIR``,
  set by ``kbassist serve``).
- Every response carries ``X-Request-ID`` (the client's, when it sent a sane
  one) and every request is one JSON log line with it.
- ``KBASSIST_TRUSTED_PROXIES`` > 0 trusts that many proxies' X-Forwarded-For,
  -Proto, -Host and -Prefix (werkzeug's ProxyFix); 0 trusts none.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from flask import Blueprint, Flask, Response, g, jsonify, request

from kbassist import browse, logs
from kbassist.webapp.context import core, db

bp = Blueprint("ops", __name__)
log = logging.getLogger("kbassist.requests")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
SEARCH_ENDPOINTS = {
    "search.page",
    "search.similar",
    "search_api.api_search",
    "search_api.api_similar",
}
QUIET_PATHS = {"/healthz", "/readyz", "/metrics"}  # probes: metrics yes, log lines no


def init_app(app: Flask) -> None:
    """Trust configured proxies; give each request an id, a log line and a latency sample."""
    proxies = int(core_of(app).settings["TRUSTED_PROXIES"])
    if proxies > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies
        )
    app.before_request(_start)
    app.after_request(_finish)
    app.teardown_request(_forget)


def core_of(app: Flask) -> Any:
    return app.extensions["kbassist"]


def _start() -> None:
    sent = request.headers.get("X-Request-ID", "")
    g.request_id = sent if _REQUEST_ID.match(sent) else uuid.uuid4().hex
    g.request_token = logs.request_id.set(g.request_id)
    g.request_started = time.perf_counter()


def _finish(response: Response) -> Response:
    from kbassist.webapp.metrics import observe_request, observe_search

    request_id = g.get("request_id") or uuid.uuid4().hex
    response.headers["X-Request-ID"] = request_id
    started = g.get("request_started")
    seconds = time.perf_counter() - started if started is not None else 0.0
    route = request.url_rule.rule if request.url_rule is not None else "unmatched"
    observe_request(route, request.method, response.status_code, seconds)
    if request.endpoint in SEARCH_ENDPOINTS and (request.method == "POST" or request.args.get("q")):
        observe_search(request.endpoint or "", seconds)
    if request.path not in QUIET_PATHS:
        user = g.get("user")
        log.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "route": route,
                "status": response.status_code,
                "ms": round(seconds * 1000, 1),
                "user": getattr(user, "username", None),
                "remote": request.remote_addr,
            },
        )
    return response


def _forget(_error: BaseException | None = None) -> None:
    token = g.pop("request_token", None)
    if token is not None:
        logs.request_id.reset(token)


@bp.get("/healthz")
def healthz():  # type: ignore[no-untyped-def]
    """Liveness: the process answers and reads the database; the note classifier in use."""
    slot = core().resources.classifier
    model = slot.model.version if slot.model is not None else None
    return jsonify(
        {"status": "ok", "model": model, "model_basis": slot.reason, **browse.counts(db())}
    )


@bp.get("/readyz")
def readyz():  # type: ignore[no-untyped-def]
    """Readiness: database reachable, index caught up, models loaded (503 with the reasons)."""
    from kbassist.jobs import sync

    found = sync.readiness(core())
    body = {
        "status": "ready" if found.ready else "not ready",
        "reasons": list(found.reasons),
        **found.details,
    }
    return jsonify(body), 200 if found.ready else 503


@bp.get("/metrics")
def metrics_page():  # type: ignore[no-untyped-def]
    """Prometheus metrics of every worker of this server (text exposition format)."""
    from kbassist.jobs import state, sync
    from kbassist.webapp.metrics import CONTENT_TYPE, exposition

    counts = state.counts(db())
    return Response(
        exposition(counts, sync.sync_for(core()).state, _pending_jobs()),
        mimetype=CONTENT_TYPE,
    )


def _pending_jobs() -> int | None:
    from kbassist.jobs.queue import queue_for

    try:
        return queue_for(core()).pending()
    except Exception:  # the broker is away: the jobs table still tells the depth
        return None
