"""Flask web layer: the only package that imports flask.

``create_app`` registers blueprints, the error handlers, CSRF and sign-in; it
does nothing slow (no migrations, no model loading). Each area module exposes
``bp`` (pages; or ``blueprints``, a tuple) and optionally ``api`` (JSON under ``/api/v1``).

Each request runs in ``Core.one_connection()``: one database connection for the
whole request, whatever the services open. Every error under ``/api/`` is
answered in JSON (``{"error": ..., "status": ...}``), unexpected ones included.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from flask import Flask, current_app, jsonify, render_template
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

from kbassist.core import Core
from kbassist.errors import KbassistError
from kbassist.hygiene import mask
from kbassist.hygiene.log_filter import mask_logs
from kbassist.settings import Settings
from kbassist.webapp import security
from kbassist.webapp.context import close_db, start_request, wants_json

BLUEPRINT_MODULES = (
    "kbassist.webapp.pages",
    "kbassist.webapp.api",
    "kbassist.webapp.search",
    "kbassist.webapp.gaps",
    "kbassist.webapp.review",
    "kbassist.webapp.scorecards",
)


def create_app(config: dict[str, Any] | None = None, core: Core | None = None) -> Flask:
    """Build the app: settings from defaults, ``KBASSIST_*`` environment, then ``config``.

    Pass ``core`` to share one Core (and its loaded resources) with the caller.
    """
    kb_core = core or Core(Settings.load(config))
    web_dir = kb_core.web_dir()
    app = Flask(
        __name__,
        template_folder=str(web_dir / "templates"),
        static_folder=str(web_dir / "static"),
    )
    app.config.from_prefixed_env("KBASSIST")
    app.config.update(
        SECRET_KEY=kb_core.secret_key(),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=bool(kb_core.settings["SESSION_COOKIE_SECURE"]),
        MAX_CONTENT_LENGTH=200 * 1024 * 1024,
    )
    app.config.update(config or {})
    app.extensions["kbassist"] = kb_core

    app.before_request(start_request)  # first: sign-in reads through the same connection
    security.init_app(app)
    # Request lines carry query strings: a password typed into the search box stays out.
    mask_logs(logging.getLogger("werkzeug"), app.logger)
    app.teardown_appcontext(close_db)
    app.register_error_handler(KbassistError, _handle_error)
    app.register_error_handler(HTTPException, _handle_http_error)
    app.register_error_handler(PoolTimeout, _handle_busy)
    for name in BLUEPRINT_MODULES:
        module = importlib.import_module(name)
        blueprints = getattr(module, "blueprints", None)
        for blueprint in (module.bp,) if blueprints is None else blueprints:
            app.register_blueprint(blueprint)
        if hasattr(module, "api"):
            app.register_blueprint(module.api, url_prefix="/api/v1")
    return app


def _handle_error(error: KbassistError):  # type: ignore[no-untyped-def]
    response = _error_response(mask(error.message), error.status)  # may quote input
    retry_after = getattr(error, "retry_after", None)
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


def _handle_http_error(error: HTTPException):  # type: ignore[no-untyped-def]
    """Every HTTP error (404, 405, 413, and 500 for an unexpected exception) as JSON or a page."""
    status = error.code or 500
    if status >= 500:
        message = "Something went wrong on our side. It has been logged; try again later."
    else:
        message = error.description or "Something went wrong."
    return _error_response(message, status)


def _handle_busy(error: PoolTimeout):  # type: ignore[no-untyped-def]
    current_app.logger.warning("No database connection free in time: %s", error)
    response = _error_response("The server is busy. Try again in a few seconds.", 503)
    response.headers["Retry-After"] = "5"
    return response


def _error_response(message: str, status: int):  # type: ignore[no-untyped-def]
    if wants_json():
        response = jsonify({"error": message, "status": status})
    else:
        response = current_app.make_response(
            render_template("error.html", message=message, status=status)
        )
    response.status_code = status
    return response
