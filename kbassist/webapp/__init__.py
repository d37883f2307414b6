"""Flask web layer: the only package that imports flask.

``create_app`` registers blueprints, the error handler, CSRF and sign-in; it
does nothing slow (no migrations, no model loading). Each area module exposes
``bp`` (pages; or ``blueprints``, a tuple) and optionally ``api`` (JSON under ``/api/v1``).
"""

from __future__ import annotations

import importlib
from typing import Any

from flask import Flask, jsonify, render_template

from kbassist.core import Core
from kbassist.errors import KbassistError
from kbassist.settings import Settings
from kbassist.webapp import badges, security
from kbassist.webapp.context import close_db, wants_json

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

    security.init_app(app)
    badges.init_app(app)
    app.teardown_appcontext(close_db)
    app.register_error_handler(KbassistError, _handle_error)
    app.register_error_handler(404, _handle_http_error)
    app.register_error_handler(405, _handle_http_error)
    app.register_error_handler(413, _handle_http_error)
    for name in BLUEPRINT_MODULES:
        module = importlib.import_module(name)
        blueprints = getattr(module, "blueprints", None)
        for blueprint in (module.bp,) if blueprints is None else blueprints:
            app.register_blueprint(blueprint)
        if hasattr(module, "api"):
            app.register_blueprint(module.api, url_prefix="/api/v1")
    return app


def _handle_error(error: KbassistError):  # type: ignore[no-untyped-def]
    if wants_json():
        return jsonify({"error": error.message, "status": error.status}), error.status
    return render_template("error.html", message=error.message, status=error.status), error.status


def _handle_http_error(error):  # type: ignore[no-untyped-def]
    status = getattr(error, "code", 500) or 500
    message = getattr(error, "description", "") or "Something went wrong."
    if wants_json():
        return jsonify({"error": message, "status": status}), status
    return render_template("error.html", message=message, status=status), status
