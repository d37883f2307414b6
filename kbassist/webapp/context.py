"""The request's view of the app: its Core, its one database connection, JSON or page."""

from __future__ import annotations

from contextlib import ExitStack

from flask import current_app, g, request
from sqlalchemy.engine import Connection

from kbassist.core import Core, SharedConnection


def core() -> Core:
    """The Core of the running app."""
    return current_app.extensions["kbassist"]


def start_request() -> None:
    """Before each request: every ``core().connect()``/``begin()`` in it shares one connection."""
    _shared()


def db() -> Connection:
    """The request's one connection, opened on first use and closed at teardown."""
    return _shared().connection


def _shared() -> SharedConnection:
    if "shared" not in g:
        stack = ExitStack()
        g.shared = stack.enter_context(core().one_connection())
        g.shared_exit = stack
    return g.shared


def close_db(_error: BaseException | None = None) -> None:
    g.pop("shared", None)
    stack = g.pop("shared_exit", None)
    if stack is not None:
        stack.close()


def wants_json() -> bool:
    return request.path.startswith("/api/")
