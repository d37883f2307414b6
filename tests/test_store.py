"""The store: numbered migrations, WAL mode, and a schema PostgreSQL accepts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

from kbassist import store
from kbassist.core import Core
from kbassist.settings import Settings


def test_migrations_create_every_table_and_are_idempotent(core: Core) -> None:
    core.init()  # a second time changes nothing
    assert store.schema_version(core.engine) == store.newest_revision()
    tables = set(inspect(core.engine).get_table_names())
    assert set(store.metadata.tables) <= tables


def test_sqlite_runs_in_wal_mode_with_foreign_keys(core: Core) -> None:
    with core.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_schema_compiles_for_postgresql() -> None:
    dialect = postgresql.dialect()
    for table in store.metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=dialect))
        for index in table.indexes:
            str(CreateIndex(index).compile(dialect=dialect))


def test_database_url_overrides_home(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'elsewhere' / 'kb.db'}"
    core = Core(Settings.load({"HOME": str(tmp_path / "home"), "DATABASE_URL": url}))
    core.init()
    assert (tmp_path / "elsewhere" / "kb.db").exists()
    assert not (tmp_path / "home" / "kbassist.db").exists()


def test_environment_settings_are_read(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KBASSIST_HOME", str(tmp_path / "from-env"))
    monkeypatch.setenv("KBASSIST_LOGIN_RATE_LIMIT", "9")
    settings = Settings.load()
    assert settings.home == (tmp_path / "from-env").resolve()
    assert settings["LOGIN_RATE_LIMIT"] == 9
