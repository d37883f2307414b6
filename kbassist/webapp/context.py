"""The request's view of the app: its Core, its one database connection, JSON or page."""

from __future__ import annotations

from flask import current_app, g, request
from sqlalchemy.engine import Connection

from kbassist.core import Core


def core() -> Core:
    """The Core of the running app."""
    return current_app.extensions["kbassist"]


def db() -> Connection:
    """The request's read connection, opened on first use and closed at teardown."""
    if "db" not in g:
        g.db = core().engine.connect()
    return g.db


def close_db(_error: BaseException | None = None) -> None:
    connection = g.pop("db", None)
    if connection is not None:
        connection.close()


def wants_json() -> bool:
    return request.path.startswith("/api/")
