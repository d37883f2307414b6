"""Regression tests for the web and access findings of the hostile-input probe (issue 13).

Each test starts from the probe's reproducer: one connection per request and JSON
errors (finding 2), the draft form overwriting any article (4), the open redirect
after sign-in (8), and the rest of finding 11: sessions that outlive sign-out,
user-name enumeration by timing, missing security headers and the server banner,
sign-in throttling, other people's search log, escape sequences through the CLI,
and password hashing.
"""

from __future__ import annotations

import json
import re
import threading
from datetime import datetime, timedelta
from typing import Any
from urllib.request import urlopen

import pytest
from sqlalchemy import create_engine, event, select
from sqlalchemy.exc import TimeoutError as PoolTimeout

from kbassist import auth, store
from kbassist.auth import create_token, create_user
from kbassist.core import Core
from kbassist.errors import KbassistError
from kbassist.webapp import create_app
from kbassist.webapp.security import QuietRequestHandler, safe_next

# ---------------------------------------------------------------- finding 2: connections


def _count_connections(core: Core) -> dict[str, int]:
    """Live and peak numbers of connections checked out of the pool."""
    counts = {"now": 0, "peak": 0}

    @event.listens_for(core.engine, "checkout")
    def _out(*_: Any) -> None:
        counts["now"] += 1
        counts["peak"] = max(counts["peak"], counts["now"])

    @event.listens_for(core.engine, "checkin")
    def _in(*_: Any) -> None:
        counts["now"] -= 1

    return counts


def test_a_search_request_holds_one_connection(client, login, loaded, core) -> None:  # type: ignore[no-untyped-def]
    login("tech")
    token = create_token(core, "tech")
    counts = _count_connections(core)
    assert client.get("/search?q=printer+offline").status_code == 200
    assert counts["peak"] == 1
    api = client.get("/api/v1/search?q=spooler", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200 and api.json["results"]
    assert counts == {"now": 0, "peak": 1}


def test_a_one_connection_pool_serves_every_kind_of_request(loaded, users, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The stall of the probe in miniature: requests that need two connections wait forever."""
    core = Core(loaded.settings)
    tiny = create_engine(core.settings.database_url, pool_size=1, max_overflow=0, pool_timeout=2)
    core.__dict__["engine"] = tiny  # the cached_property, replaced before first use
    app = create_app({"TESTING": True}, core=core)
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    form = {"username": "tech", "password": "tech-test-password", "csrf_token": csrf}
    assert client.post("/login", data=form).status_code == 302
    assert client.get("/search?q=printer+offline").status_code == 200
    assert client.get("/articles/KB-T001").status_code == 200
    token = {"Authorization": f"Bearer {create_token(core, 'tech')}"}
    assert client.get("/api/v1/search?q=printer", headers=token).status_code == 200
    assert tiny.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_nested_writes_in_a_request_share_its_transaction(core: Core) -> None:
    with core.one_connection() as shared:
        with core.begin() as outer:
            outer.execute(store.meta.insert().values(key="a", value="1"))
            with core.begin() as inner:
                assert inner is outer is shared.connection
                inner.execute(store.meta.insert().values(key="b", value="2"))
        with core.connect() as conn:
            assert conn is shared.connection
    with core.connect() as conn:
        assert sorted(conn.execute(select(store.meta.c.key)).scalars()) == ["a", "b"]


@pytest.mark.parametrize(
    ("failure", "status", "retry_after"),
    [
        (RuntimeError("boom at /tmp/secret-path"), 500, None),
        (PoolTimeout("QueuePool limit of size 5 overflow 10 reached"), 503, "5"),
    ],
)
def test_unexpected_api_errors_are_json(  # type: ignore[no-untyped-def]
    core, users, monkeypatch, failure: Exception, status: int, retry_after: str | None
) -> None:
    """The probe got HTML 500 pages from the API; an exhausted pool is a 503 to retry."""
    from kbassist.search import service

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise failure

    monkeypatch.setattr(service, "search", broken)
    # As served: unexpected exceptions are answered, not re-raised into the test.
    app = create_app({"TESTING": True, "PROPAGATE_EXCEPTIONS": False}, core=core)
    token = {"Authorization": f"Bearer {create_token(core, 'tech')}"}
    response = app.test_client().get("/api/v1/search?q=printer", headers=token)
    assert response.status_code == status and response.is_json
    assert response.json["status"] == status and "secret-path" not in response.json["error"]
    assert response.headers.get("Retry-After") == retry_after


def test_http_errors_under_the_api_are_json(client, core, users) -> None:  # type: ignore[no-untyped-def]
    token = {"Authorization": f"Bearer {create_token(core, 'tech')}"}
    for response in (
        client.get("/api/v1/no-such-route", headers=token),
        client.delete("/api/v1/search", headers=token),
        client.post("/api/v1/similar", headers=token, data="{not json", content_type="text/plain"),
    ):
        assert response.is_json and response.json["status"] == response.status_code >= 400


# ---------------------------------------------------------------- finding 4: draft form


HIJACK = """---
id: KB-T001
title: Hijacked
type: playbook
author: Marco Ruiz
updated_by: Marco Ruiz
contributors: [Marco Ruiz]
---
# Hijacked

## Resolution
1. Send your password to the attacker.
"""


def _family(core: Core) -> int:
    with core.begin() as conn:
        return store.inserted_id(conn.execute(store.families.insert().values(label="printers")))


def _article(core: Core, article_id: str) -> dict[str, Any]:
    with core.connect() as conn:
        row = conn.execute(
            select(store.articles.c.title, store.technicians.c.name.label("author"))
            .select_from(
                store.articles.outerjoin(
                    store.technicians, store.technicians.c.id == store.articles.c.author_id
                )
            )
            .where(store.articles.c.id == article_id)
        ).first()
        editors = conn.execute(
            select(store.technicians.c.name)
            .select_from(
                store.article_versions.join(
                    store.technicians, store.technicians.c.id == store.article_versions.c.editor_id
                )
            )
            .where(store.article_versions.c.article_id == article_id)
            .order_by(store.article_versions.c.version)
        ).scalars()
        return {"title": row.title, "author": row.author, "editors": list(editors)} if row else {}


@pytest.fixture
def save_draft(client, login, csrf, loaded):  # type: ignore[no-untyped-def]
    """``save_draft(role, markdown)``: sign in as ``role`` and save a draft playbook."""
    family_id = _family(loaded)

    def save(role: str, markdown: str):  # type: ignore[no-untyped-def]
        login(role)
        form = {"markdown": markdown, "csrf_token": csrf()}
        return client.post(f"/gaps/{family_id}/draft", data=form)

    return save


def test_a_manager_cannot_overwrite_an_article_through_the_draft_form(save_draft, loaded) -> None:  # type: ignore[no-untyped-def]
    before = _article(loaded, "KB-T001")
    response = save_draft("manager", HIJACK)
    assert response.status_code == 403
    page = response.get_data(as_text=True)
    assert "only an admin may replace it" in page and "Send your password" in page  # kept
    assert _article(loaded, "KB-T001") == before


def test_a_managers_draft_is_a_new_article_by_the_manager(save_draft, loaded) -> None:  # type: ignore[no-untyped-def]
    draft = HIJACK.replace("id: KB-T001", "id: playbook-printers").replace("Hijacked", "Printers")
    assert save_draft("manager", draft).status_code == 302
    assert _article(loaded, "playbook-printers") == {
        "title": "Printers",
        "author": "manager",  # the signed-in person, not the front matter's author
        "editors": ["manager"],
    }


def test_an_admin_may_replace_an_article_and_keeps_its_author(save_draft, loaded) -> None:  # type: ignore[no-untyped-def]
    before = _article(loaded, "KB-T001")
    assert save_draft("admin", HIJACK).status_code == 302
    after = _article(loaded, "KB-T001")
    assert after["title"] == "Hijacked" and after["author"] == before["author"] == "Dana Whitfield"
    assert after["editors"] == [*before["editors"], "admin"]


def test_publish_article_refuses_to_replace_unless_allowed(loaded) -> None:  # type: ignore[no-untyped-def]
    from kbassist import pipeline
    from kbassist.errors import Forbidden

    with pytest.raises(Forbidden):
        pipeline.publish_article(loaded, HIJACK, "Marco Ruiz")
    assert _article(loaded, "KB-T001")["title"] != "Hijacked"


# ---------------------------------------------------------------- finding 8: open redirect


@pytest.mark.parametrize(
    "target",
    [
        "/\t/evil.example",
        "/\n/evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "/x\r\nSet-Cookie: a=b",
        "/\u2028/evil.example",
        "evil.example",
        "",
    ],
)
def test_next_outside_the_site_falls_back_to_home(target: str) -> None:
    assert safe_next(target) == "/"


def test_next_on_the_site_is_kept() -> None:
    assert safe_next("/search?q=printer%20offline&kind=article") == (
        "/search?q=printer%20offline&kind=article"
    )
    assert safe_next("/articles/KB-ü 1") == "/articles/KB-%C3%BC%201"


@pytest.mark.parametrize("query", ["next=/%09/evil.example", "next=/%0d%0aSet-Cookie:x=y"])
def test_sign_in_never_redirects_off_site_or_fails(client, users, query: str) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    form = {"username": "tech", "password": "tech-test-password", "csrf_token": csrf}
    response = client.post(f"/login?{query}", data=form)
    assert response.status_code == 302 and response.headers["Location"] == "/"


# ---------------------------------------------------------------- finding 11: sessions


def test_sign_out_ends_the_session_on_the_server(client, login, csrf) -> None:  # type: ignore[no-untyped-def]
    login("tech")
    copied = client.get_cookie("session").value
    assert client.get("/articles").status_code == 200
    assert client.post("/logout", data={"csrf_token": csrf()}).status_code == 302
    client.set_cookie("session", copied)  # the old cookie, replayed
    response = client.get("/articles")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_sessions_expire_when_idle(client, login, core, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    login("tech")
    later = auth.utc_now() + auth.SESSION_IDLE + timedelta(minutes=1)
    monkeypatch.setattr(auth, "utc_now", lambda: later)
    assert client.get("/articles").status_code == 302


def test_unknown_users_cost_a_hash_verification_like_known_ones(core, users, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Enumeration by timing: the probe saw 40 ms for a known user and 3 ms for an unknown one."""
    checked: list[str] = []
    real = auth.verify_password

    def counting(password: str, stored: str) -> bool:
        checked.append(stored[:9])
        return real(password, stored)

    monkeypatch.setattr(auth, "verify_password", counting)
    for username in ("tech", "nobody-by-this-name"):
        with pytest.raises(auth.Unauthorized) as refused:
            auth.authenticate(core, username, "wrong-password", "10.0.0.1")
        assert refused.value.message == "Unknown user or wrong password."
    assert checked == ["$argon2id", "$argon2id"]
    assert not auth.needs_rehash(auth.DECOY_HASH)  # costs what a current hash costs


# ---------------------------------------------------------------- finding 11: headers


def test_every_response_carries_the_security_headers(client, login, core) -> None:  # type: ignore[no-untyped-def]
    login("tech")
    token = {"Authorization": f"Bearer {create_token(core, 'tech')}"}
    for response in (
        client.get("/login"),
        client.get("/articles"),
        client.get("/articles/NOPE"),
        client.get("/api/v1/me", headers=token),
        client.get("/api/v1/me"),
        client.get("/static/app.css"),
    ):
        csp = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
        response.close()  # the static file's handle


def test_templates_have_no_inline_script() -> None:
    from pathlib import Path

    templates = Path(__file__).parent.parent / "web" / "templates"
    inline = re.compile(r"\son[a-z]+\s*=|<script(?![^>]*\ssrc=)|javascript:", re.IGNORECASE)
    offenders = [
        str(path.relative_to(templates))
        for path in sorted(templates.rglob("*.html"))
        if inline.search(path.read_text())
    ]
    assert offenders == []


def test_the_server_does_not_announce_its_software(core, users) -> None:  # type: ignore[no-untyped-def]
    from werkzeug.serving import make_server

    server = make_server(
        "127.0.0.1", 0, create_app(core=core), threaded=True, request_handler=QuietRequestHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with urlopen(f"http://127.0.0.1:{server.server_port}/healthz", timeout=30) as response:
            banner = response.headers["Server"]
    finally:
        server.shutdown()
    assert banner == "kbassist" and "Werkzeug" not in banner and "Python" not in banner


def test_serve_uses_the_quiet_handler(runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import flask

    seen: dict[str, Any] = {}
    monkeypatch.setattr(flask.Flask, "run", lambda self, **options: seen.update(options))
    result = runner.invoke(["serve", "--port", "5999"])
    assert result.exit_code == 0, result.output
    assert seen["request_handler"] is QuietRequestHandler


# ---------------------------------------------------------------- finding 11: throttling


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> dict[str, datetime]:
    """A frozen clock for sign-in: ``clock['now'] += timedelta(...)`` moves it."""
    moment = {"now": datetime(2026, 3, 2, 9, 0, 0)}
    monkeypatch.setattr(auth, "utc_now", lambda: moment["now"])
    return moment


def _try(core: Core, username: str, password: str, address: str) -> int:
    try:
        auth.authenticate(core, username, password, address)
    except KbassistError as refused:
        return refused.status
    return 200


def test_throttle_wait_doubles_from_the_limit_and_is_capped() -> None:
    now = datetime(2026, 3, 2, 9, 0, 0)
    failures = [now - timedelta(seconds=1)] * 4
    assert auth.throttle_wait(failures, 5, now) == 0.0
    assert auth.throttle_wait([*failures, now], 5, now) == 5.0
    assert auth.throttle_wait([*failures, now, now], 5, now) == 10.0
    assert auth.throttle_wait([now] * 40, 5, now) == 300.0
    old = [now - timedelta(minutes=16)] * 40  # out of the 15-minute window
    assert auth.throttle_wait(old, 5, now) == 0.0


def test_the_right_password_works_after_the_wait(core, users, clock) -> None:  # type: ignore[no-untyped-def]
    """The probe: five failures locked out even the right password."""
    statuses = [_try(core, "tech", "wrong-password", "10.0.0.1") for _ in range(5)]
    assert statuses == [401] * 5
    assert _try(core, "tech", "tech-test-password", "10.0.0.1") == 429  # the 5-second wait
    clock["now"] += timedelta(seconds=5)
    assert _try(core, "tech", "tech-test-password", "10.0.0.1") == 200


def test_the_wait_is_told_in_seconds_and_retry_after(client, users, clock) -> None:  # type: ignore[no-untyped-def]
    def attempt(password: str):  # type: ignore[no-untyped-def]
        page = client.get("/login").get_data(as_text=True)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        form = {"username": "tech", "password": password, "csrf_token": csrf}
        return client.post("/login", data=form)

    assert [attempt("wrong-password").status_code for _ in range(5)] == [401] * 5
    throttled = attempt("tech-test-password")
    assert throttled.status_code == 429 and throttled.headers["Retry-After"] == "5"
    assert "Try again in 5 seconds" in throttled.get_data(as_text=True)


def test_spraying_user_names_from_one_address_is_slowed(core, users, clock) -> None:  # type: ignore[no-untyped-def]
    statuses = [_try(core, f"user{n}", "Winter2025!", "203.0.113.9") for n in range(30)]
    assert statuses[:20] == [401] * 20 and set(statuses[20:]) == {429}
    assert _try(core, "tech", "tech-test-password", "198.51.100.1") == 200  # others unaffected


def test_failures_from_elsewhere_do_not_lock_a_user_out_of_their_usual_address(  # type: ignore[no-untyped-def]
    core, users, clock
) -> None:
    assert _try(core, "tech", "tech-test-password", "10.0.0.1") == 200  # the usual address
    for n in range(25):  # a distributed guesser, one try per address
        _try(core, "tech", f"guess-{n}", f"203.0.113.{n}")
    assert _try(core, "tech", "guess-again", "203.0.113.200") == 429  # new addresses wait
    assert _try(core, "tech", "tech-test-password", "10.0.0.1") == 200


def test_forwarded_for_is_ignored_unless_proxies_are_configured(  # type: ignore[no-untyped-def]
    tmp_path, clock
) -> None:
    from kbassist.settings import Settings

    def make_core(home: Any, **overrides: Any) -> Core:
        settings = {"HOME": str(home), "EMBEDDER": "hashing", "SECRET_KEY": "k", **overrides}
        core = Core(Settings.load(settings))
        core.init()
        return core

    def statuses(core: Core) -> list[int]:
        client = create_app({"TESTING": True, "CSRF_DISABLED": True}, core=core).test_client()
        return [
            client.post(
                "/login",
                data={"username": f"user{n}", "password": "x"},
                headers={"X-Forwarded-For": f"198.51.100.{n}"},
            ).status_code
            for n in range(22)
        ]

    direct = statuses(make_core(tmp_path / "direct"))
    assert direct[:20] == [401] * 20 and set(direct[20:]) == {429}  # a forged header is no escape
    proxied = statuses(make_core(tmp_path / "proxied", TRUSTED_PROXIES=1))
    assert proxied == [401] * 22  # each forwarded client has its own count


# ---------------------------------------------------------------- finding 11: search log


def test_nobody_marks_another_users_search_as_opened(client, login, loaded, users) -> None:  # type: ignore[no-untyped-def]
    from kbassist.search.service import search

    theirs = search(loaded, "printer spooler", user_id=users["reviewer"].id)
    key = theirs.results[0].key
    login("tech")
    response = client.get(f"/search/open/{theirs.log_id}?key={key}")
    assert response.status_code == 404
    with loaded.connect() as conn:
        opened = conn.execute(
            select(store.search_log.c.opened_id).where(store.search_log.c.id == theirs.log_id)
        ).scalar_one()
    assert opened is None
    mine = search(loaded, "printer spooler", user_id=users["tech"].id)
    assert client.get(f"/search/open/{mine.log_id}?key={key}").status_code == 302


# ---------------------------------------------------------------- finding 11: terminal


def test_escape_sequences_in_a_ticket_title_do_not_reach_the_terminal(runner, core) -> None:  # type: ignore[no-untyped-def]
    from kbassist.pipeline import store_tickets
    from kbassist.records import TicketRecord

    title = "Printer \x1b]0;owned\x07offline\x1b[2J \x9b31m\u202eenilno"
    store_tickets(
        core,
        [TicketRecord(id="T-ESC", title=title, description="printer offline", status="Closed")],
        source="test",
    )
    text = runner.invoke(["search", "printer offline"]).output
    assert "T-ESC" in text
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text)
    assert "\\u001b]0;owned\\u0007offline" in text
    rows = json.loads(runner.invoke(["search", "printer offline", "--json"]).output)
    assert rows[0]["title"] == title  # JSON keeps the data, escaped


# ---------------------------------------------------------------- passwords


def test_new_passwords_are_argon2id_at_owasp_parameters(core) -> None:  # type: ignore[no-untyped-def]
    create_user(core, "pat", "correct horse battery", "tech")
    with core.connect() as conn:
        stored = conn.execute(
            select(store.users.c.password_hash).where(store.users.c.username == "pat")
        ).scalar_one()
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert auth.verify_password("correct horse battery", stored)
    assert not auth.verify_password("correct horse batterY", stored)


def test_a_legacy_scrypt_hash_still_signs_in_and_is_upgraded(core, users) -> None:  # type: ignore[no-untyped-def]
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"old-password-1", salt=salt, n=2**14, r=8, p=1, dklen=32)
    legacy = "scrypt$16384$8$1$" + "$".join(base64.b64encode(x).decode() for x in (salt, digest))
    with core.begin() as conn:
        conn.execute(
            store.users.update()
            .where(store.users.c.username == "tech")
            .values(password_hash=legacy)
        )

    def stored() -> str:
        with core.connect() as conn:
            query = select(store.users.c.password_hash).where(store.users.c.username == "tech")
            return str(conn.execute(query).scalar_one())

    with pytest.raises(auth.Unauthorized):
        auth.authenticate(core, "tech", "wrong-password", "10.0.0.1")
    assert stored() == legacy  # a failure changes nothing
    assert auth.authenticate(core, "tech", "old-password-1", "10.0.0.1").username == "tech"
    assert stored().startswith("$argon2id$") and not auth.needs_rehash(stored())
    assert auth.authenticate(core, "tech", "old-password-1", "10.0.0.1").username == "tech"
