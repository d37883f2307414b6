"""Shared fixtures: a temporary instance, the app, its client and CLI runner, users per role."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kbassist.core import Core
from kbassist.settings import SETTINGS, Settings

DATA = Path(__file__).parent / "data"
PASSWORDS = {role: f"{role}-test-password" for role in ("tech", "reviewer", "manager", "admin")}


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No KBASSIST_* setting of the developer's shell leaks into a test; no hub access."""
    for setting in SETTINGS:
        monkeypatch.delenv(f"KBASSIST_{setting.name}", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


def make_core(home: Path, **overrides: object) -> Core:
    core = Core(
        Settings.load(
            {"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "test-key", **overrides}
        )
    )
    core.init()
    return core


@pytest.fixture
def core(tmp_path: Path) -> Core:
    """A migrated instance in a temporary folder, with the model-free embedder."""
    return make_core(tmp_path / "instance")


@pytest.fixture
def app(core: Core):  # type: ignore[no-untyped-def]
    from kbassist.webapp import create_app

    application = create_app({"TESTING": True}, core=core)
    return application


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


@pytest.fixture
def runner(core: Core):  # type: ignore[no-untyped-def]
    """Invoke the CLI against the test instance: ``runner.invoke(args)``."""
    from kbassist.cli import main

    class Runner(CliRunner):
        def invoke(self, args, **kwargs):  # type: ignore[no-untyped-def, override]
            return super().invoke(main, args, obj={"core": core}, catch_exceptions=False, **kwargs)

    return Runner()


@pytest.fixture
def users(core: Core) -> dict[str, object]:
    """One user per role; the tech is the technician 'Dana Whitfield'."""
    from kbassist.auth import create_user

    return {
        role: create_user(
            core, role, PASSWORDS[role], role, "Dana Whitfield" if role == "tech" else ""
        )
        for role in PASSWORDS
    }


def _token(client, path: str) -> str:  # type: ignore[no-untyped-def]
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@pytest.fixture
def login(client, users):  # type: ignore[no-untyped-def]
    """``login(role)`` signs in through the form (with its CSRF token), as a browser would."""

    def sign_in(role: str, password: str | None = None):  # type: ignore[no-untyped-def]
        data = {
            "username": role,
            "password": password or PASSWORDS[role],
            "csrf_token": _token(client, "/login"),
        }
        return client.post("/login", data=data)

    return sign_in


@pytest.fixture
def csrf(client):  # type: ignore[no-untyped-def]
    """``csrf(path="/")``: the CSRF token of the session, read from a page with a form."""
    return lambda path="/": _token(client, path)


@pytest.fixture
def fixture_kb() -> Path:
    return DATA / "kb"


@pytest.fixture
def loaded(core: Core, fixture_kb: Path) -> Core:
    """The test instance with the fixture knowledge base and tickets ingested."""
    from kbassist.pipeline import ingest_kb, ingest_tickets

    ingest_kb(core, fixture_kb)
    ingest_tickets(core, DATA / "tickets.jsonl")
    return core


def pytest_report_header(config):  # type: ignore[no-untyped-def]
    browser = "yes" if os.path.exists("/usr/bin/chromium") else "no (install chromium to run them)"
    return f"kbassist browser tests: {browser}"
