"""The core object that the CLI and the web app both stand on (after Datasette).

It holds the settings, the database engine and the lazily loaded resources.
Creating one does nothing slow: no migrations, no model loading.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from kbassist import store
from kbassist.resources import Resources
from kbassist.settings import Settings


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
    def connect(self) -> Iterator[Connection]:
        """A connection for reads; use ``begin()`` for writes that belong together."""
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection inside one transaction: committed on success, rolled back on error."""
        with self.engine.begin() as connection:
            yield connection

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
        table = store.meta
        updated = connection.execute(table.update().where(table.c.key == key).values(value=value))
        if updated.rowcount == 0:
            connection.execute(table.insert().values(key=key, value=value))


def _bundled_or_setting(setting: str, name: str) -> Path:
    if setting:
        return Path(setting).resolve()
    import importlib.resources

    return Path(str(importlib.resources.files(f"kbassist.bundled.{name}")))
