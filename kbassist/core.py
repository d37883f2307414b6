"""The core object that the CLI and the web app both stand on (after Datasette).

It holds the settings, the database engine and the lazily loaded resources.
Creating one does nothing slow: no migrations, no model loading.

Inside ``Core.one_connection()`` (every web request runs in one) all ``connect()``
and ``begin()`` calls share a single connection, so a request never holds one
connection while waiting for a second: with a bounded pool that wait is what
stalled the server under concurrent searches.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from kbassist import store
from kbassist.resources import Resources
from kbassist.settings import Settings


class SharedConnection:
    """The one connection of a unit of work (a web request), opened on first use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None
        self.writing = False  # inside a begin(): nested begin() calls join it

    @property
    def connection(self) -> Connection:
        if self._connection is None:
            self._connection = self.engine.connect()
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


# The shared connection of the running unit of work (per thread and per context).
_SHARED: ContextVar[SharedConnection | None] = ContextVar("kbassist_shared", default=None)


class Core:
    """Settings, engine and resources of one kbassist instance."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()

    @classmethod
    def from_env(cls, overrides: dict[str, Any] | None = None) -> Core:
        return cls(Settings.load(overrides))

    @property
    def home(self) -> Path:
        return self.settings.home

    @cached_property
    def engine(self) -> Engine:
        return store.make_engine(self.settings.database_url)

    @cached_property
    def resources(self) -> Resources:
        return Resources(self)

    def init(self) -> None:
        """Create the data directory and apply migrations (idempotent)."""
        self.home.mkdir(parents=True, exist_ok=True)
        store.migrate(self.engine)

    @contextmanager
    def one_connection(self) -> Iterator[SharedConnection]:
        """Make every ``connect()`` and ``begin()`` inside share one connection (closed at exit)."""
        shared = SharedConnection(self.engine)
        token = _SHARED.set(shared)
        try:
            yield shared
        finally:
            if _SHARED.get() is shared:
                _SHARED.reset(token)
            shared.close()

    def _shared(self) -> SharedConnection | None:
        shared = _SHARED.get()
        return shared if shared is not None and shared.engine is self.engine else None

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reads; use ``begin()`` for writes that belong together."""
        shared = self._shared()
        if shared is not None:
            yield shared.connection
            return
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection inside one transaction: committed on success, rolled back on error.

        Under ``one_connection()`` it is the shared connection; a ``begin()`` inside
        another joins the outer transaction instead of waiting for a second connection.
        """
        shared = self._shared()
        if shared is None:
            with self.engine.begin() as connection:
                yield connection
            return
        connection = shared.connection
        if shared.writing:
            yield connection
            return
        if connection.in_transaction():
            connection.rollback()  # the implicit read transaction of earlier reads
        shared.writing = True
        try:
            with connection.begin():
                yield connection
        finally:
            shared.writing = False

    def secret_key(self) -> str:
        """The session key: the setting, else one generated once into HOME/secret_key."""
        if self.settings["SECRET_KEY"]:
            return str(self.settings["SECRET_KEY"])
        path = self.home / "secret_key"
        if not path.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32))
            path.chmod(0o600)
        return path.read_text().strip()

    def models_dir(self) -> Path:
        """Where ``kbassist train`` writes artifacts: the MODELS_DIR setting, else HOME/models."""
        setting = self.settings["MODELS_DIR"]
        return Path(setting).resolve() if setting else self.home / "models"

    def find_model(self, name: str) -> Path | None:
        """A trained artifact folder: the instance's own first, else the one shipped in models/."""
        for folder in (self.models_dir(), _bundled_or_setting("", "models")):
            if (folder / name / "metadata.json").is_file():
                return folder / name
        return None

    def kb_dir(self) -> Path:
        return _bundled_or_setting(self.settings["KB_DIR"], "kb")

    def web_dir(self) -> Path:
        return _bundled_or_setting("", "web")

    def index_dir(self) -> Path:
        return self.home / "index"

    def get_meta(self, connection: Connection, key: str, default: str | None = None) -> str | None:
        row = connection.execute(select(store.meta.c.value).where(store.meta.c.key == key)).first()
        return row[0] if row else default

    def set_meta(self, connection: Connection, key: str, value: str) -> None:
        store.upsert(connection, store.meta, {"key": key, "value": value})


def _bundled_or_setting(setting: str, name: str) -> Path:
    if setting:
        return Path(setting).resolve()
    import importlib.resources

    return Path(str(importlib.resources.files(f"kbassist.bundled.{name}")))
