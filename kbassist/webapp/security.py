"""Sign-in state, permission checks, API tokens and CSRF protection.

Pages use the session cookie; the API (``/api/``) uses ``Authorization: Bearer``
tokens. Every state-changing form carries a CSRF token checked before the view.
"""

from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Callable
from typing import Any

from flask import Flask, current_app, g, redirect, request, session, url_for
from markupsafe import Markup, escape

from kbassist.auth import NAVIGATION, User, load_user, user_for_token
from kbassist.errors import Forbidden, KbassistError, Unauthorized
from kbassist.webapp.context import core, db

CSRF_FIELD = "csrf_token"


def init_app(app: Flask) -> None:
    """Load the user before each request, check CSRF, expose helpers to templates."""
    app.before_request(_load_user)
    app.before_request(_check_csrf)
    app.jinja_env.globals.update(
        csrf_field=csrf_field,
        csrf_token=csrf_token,
        current_user=current_user,
        navigation=navigation,
    )


def current_user() -> User | None:
    return g.get("user")


def requires(permission: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Allow a view only to signed-in users whose role holds ``permission``."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None:
                if request.path.startswith("/api/"):
                    raise Unauthorized("Sign in: send 'Authorization: Bearer TOKEN'.")
                return redirect(url_for("pages.login", next=request.full_path))
            if not user.can(permission):
                raise Forbidden(f"Your role ({user.role}) may not open this page.")
            return view(*args, **kwargs)

        return wrapped

    return decorate


def navigation() -> list[tuple[str, str]]:
    """(label, url) of the areas the signed-in role may open."""
    user = current_user()
    if user is None:
        return []
    return [
        (label, url_for(endpoint))
        for label, endpoint, permission in NAVIGATION
        if user.can(permission) and endpoint in current_app.view_functions
    ]


def sign_in(user: User) -> None:
    session.clear()
    session["user_id"] = user.id
    session[CSRF_FIELD] = secrets.token_urlsafe(32)


def sign_out() -> None:
    session.clear()


def csrf_token() -> str:
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return str(session[CSRF_FIELD])


def csrf_field() -> Markup:
    return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token())}">')


def _load_user() -> None:
    g.user = None
    if request.path.startswith("/api/"):
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            g.user = user_for_token(core(), header.removeprefix("Bearer ").strip())
        return
    user_id = session.get("user_id")
    if user_id is not None:
        g.user = load_user(db(), int(user_id))
        if g.user is None:
            session.clear()


def _check_csrf() -> None:
    if request.method in ("GET", "HEAD", "OPTIONS") or request.path.startswith("/api/"):
        return
    if current_app.config.get("CSRF_DISABLED"):
        return
    sent = request.form.get(CSRF_FIELD) or request.headers.get("X-CSRF-Token", "")
    expected = session.get(CSRF_FIELD, "")
    if not expected or not hmac.compare_digest(str(sent), str(expected)):
        raise KbassistError(
            "The form expired or did not come from this site. Reload the page and try again.",
            status=400,
        )
