"""Sign-in state, permission checks, API tokens, CSRF protection and response headers.

Pages use the session cookie, which carries only a random session token: the
session lives in the database (``auth.start_session``) and signing out deletes
it, so a copied cookie stops working. The API (``/api/``) uses ``Authorization:
Bearer`` tokens. Every state-changing form carries a CSRF token checked before
the view. Every response carries the security headers below.
"""

from __future__ import annotations

import functools
import hmac
import secrets
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlsplit

from flask import Flask, Response, current_app, g, redirect, request, session, url_for
from markupsafe import Markup, escape
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.serving import WSGIRequestHandler

from kbassist.auth import (
    NAVIGATION,
    User,
    end_session,
    start_session,
    user_for_session,
    user_for_token,
)
from kbassist.errors import Forbidden, KbassistError, Unauthorized
from kbassist.webapp.context import core

CSRF_FIELD = "csrf_token"
SESSION_FIELD = "session_token"

# Scripts and styles only from the app itself (inline style attributes allowed:
# the server-drawn charts and a few templates use them); no framing, no plugins,
# forms post only back here.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
# Characters a redirect target may keep as they are; anything else is percent-encoded.
_URL_SAFE = "/?&=#%+:@!$'()*,;~-._"


def init_app(app: Flask) -> None:
    """Load the user before each request, check CSRF, add headers, expose template helpers."""
    proxies = int(app.extensions["kbassist"].settings["TRUSTED_PROXIES"])
    if proxies > 0:  # only then is X-Forwarded-For the client's address, not a forgery
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    app.before_request(_load_user)
    app.before_request(_check_csrf)
    app.after_request(_add_security_headers)
    app.jinja_env.globals.update(
        csrf_field=csrf_field,
        csrf_token=csrf_token,
        current_user=current_user,
        navigation=navigation,
    )


class QuietRequestHandler(WSGIRequestHandler):
    """The development server's handler, without announcing its software and version."""

    def version_string(self) -> str:
        return "kbassist"


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


def safe_next(target: str, default: str = "/") -> str:
    """A redirect target on this site, or ``default``.

    Only a path of this site passes: no scheme or host, no ``//`` or ``/\\`` start
    (browsers read both as another host), no control or other invisible characters
    (browsers drop a tab or newline, so ``/\\t/evil.example`` would become
    ``//evil.example``). What passes is percent-encoded where needed.
    """
    if not target or len(target) > 2000 or not target.startswith("/"):
        return default
    if target[1:2] in ("/", "\\") or "\\" in target:
        return default
    if any(unicodedata.category(char)[0] in "CZ" and char != " " for char in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return quote(target, safe=_URL_SAFE)


def sign_in(user: User) -> None:
    """Start a fresh server-side session for ``user`` (a new token: no session fixation)."""
    session.clear()
    session[SESSION_FIELD] = start_session(core(), user)
    session[CSRF_FIELD] = secrets.token_urlsafe(32)
    g.user = user


def sign_out() -> None:
    """End the session on the server, then forget the cookie."""
    end_session(core(), str(session.get(SESSION_FIELD) or ""))
    session.clear()
    g.user = None


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
    token = session.get(SESSION_FIELD)
    if token:
        g.user = user_for_session(core(), str(token))
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


def _add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:  # over HTTPS (or a trusted proxy's X-Forwarded-Proto) stay there
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.path.startswith("/api/") or current_user() is not None:
        response.headers.setdefault("Cache-Control", "no-store")  # signed-in content stays private
    return response
