"""Browser fixtures: a live server over a small demo instance, and headless Chromium.

Debian's ``chromium`` is used (Playwright's own browser download does not work
offline). Without it the browser tests skip with a hint; with
``KBASSIST_REQUIRE_BROWSER=1`` (set by ``.ci/run``) a missing browser fails them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kbassist.core import Core
from kbassist.settings import Settings

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).parent.parent.parent / "instance" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def _require_browser() -> None:
    if os.path.exists(CHROMIUM):
        return
    message = (
        f"{CHROMIUM} not found: install Debian's chromium (`apt-get install chromium`) "
        "to run the browser tests; .ci/run does this and sets KBASSIST_REQUIRE_BROWSER=1."
    )
    if os.environ.get("KBASSIST_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def demo_core(tmp_path_factory: pytest.TempPathFactory) -> Core:
    """A small demo instance (400 tickets, the packaged KB, one user per role)."""
    _require_browser()
    from kbassist.demo.loader import load_demo

    home = tmp_path_factory.mktemp("browser") / "instance"
    core = Core(
        Settings.load({"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "browser-test"})
    )
    core.init()
    load_demo(core, n_tickets=400, seed=3)
    return core


@pytest.fixture(scope="session")
def live_server(demo_core: Core) -> Iterator[str]:
    """The app served on a free local port in a background thread; yields its base URL."""
    from werkzeug.serving import make_server

    from kbassist.webapp import create_app

    app = create_app(core=demo_core)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def gunicorn_server(demo_core: Core, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The same demo instance served the production way: `kbassist serve --workers 2`."""
    from servers import Server, environment

    env = environment(demo_core.home, SECRET_KEY="browser-test", SYNC_SECONDS=1)
    log = tmp_path_factory.mktemp("gunicorn") / "serve.log"
    server = Server(env, "--workers", "2", "--no-worker", log=log)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture
def gunicorn_page(browser, gunicorn_server):  # type: ignore[no-untyped-def]
    """A browser tab on the gunicorn server."""
    context = browser.new_context(
        base_url=gunicorn_server.url, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(30000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def sign_in(page):  # type: ignore[no-untyped-def]
    """``sign_in(role)``: sign in through the form as the demo user of a role."""
    return lambda role: sign_in_as(page, role)


@pytest.fixture
def gunicorn_sign_in(gunicorn_page):  # type: ignore[no-untyped-def]
    """``gunicorn_sign_in(role)``: the same on the gunicorn server's tab."""
    return lambda role: sign_in_as(gunicorn_page, role)


def sign_in_as(page: Any, role: str) -> None:
    """Sign in through the form as the demo user of a role."""
    from kbassist.demo.loader import DEMO_USERS

    username, password = next((u, p) for r, u, p, _ in DEMO_USERS if r == role)
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector(f".who[data-role={role}]")


@pytest.fixture
def screenshot(page):  # type: ignore[no-untyped-def]
    """``screenshot(name)``: a full-page PNG under instance/screenshots/ for a person to look at."""

    def run(name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return run
