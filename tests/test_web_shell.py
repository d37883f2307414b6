"""The web shell: health, sign-in per role, navigation, refusals, CSRF, throttling, API tokens."""

from __future__ import annotations

import pytest

from kbassist.auth import NAVIGATION, PERMISSIONS, create_token


def test_healthz_answers_without_sign_in(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json["status"] == "ok"


def test_pages_redirect_to_sign_in(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/articles")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["tech", "reviewer", "manager", "admin"])
def test_each_role_sees_only_its_navigation(client, login, role: str) -> None:  # type: ignore[no-untyped-def]
    assert login(role).status_code == 302
    page = client.get("/").get_data(as_text=True)
    for label, endpoint, permission in NAVIGATION:
        if endpoint not in client.application.view_functions:
            continue
        shown = f">{label}</a>" in page
        assert shown == (role in PERMISSIONS[permission]), (role, label)


def test_wrong_password_is_refused_and_throttled(login, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from kbassist import auth

    monkeypatch.setattr(auth, "utc_now", lambda: datetime(2026, 3, 2, 9, 0))  # no time passes
    statuses = [login("tech", "wrong-password").status_code for _ in range(7)]
    assert statuses[:5] == [401] * 5 and statuses[5:] == [429, 429]
    assert login("tech").status_code == 429  # the right password waits too (tests/test_security.py)


def test_post_without_csrf_token_is_refused(client, users) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/login", data={"username": "tech", "password": "tech-test-password"})
    assert response.status_code == 400 and "Reload the page" in response.get_data(as_text=True)


def test_sign_out_needs_the_token_and_ends_the_session(client, login, csrf) -> None:  # type: ignore[no-untyped-def]
    login("tech")
    token = csrf()
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/articles").status_code == 302


def test_session_cookie_is_http_only(login) -> None:  # type: ignore[no-untyped-def]
    response = login("tech")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_article_and_ticket_pages_mask_secrets(client, login, loaded) -> None:  # type: ignore[no-untyped-def]
    login("tech")
    page = client.get("/articles/KB-T003").get_data(as_text=True)
    assert "Summer2024!" not in page and "Outlook password prompts" in page
    assert client.get("/articles/KB-T001").status_code == 200
    assert "Stop-Service Spooler" in client.get("/tickets/T-1").get_data(as_text=True)
    assert client.get("/articles/NOPE").status_code == 404


def test_api_needs_a_token_and_respects_roles(client, core, users, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer wrong"}).status_code == 401
    tech = {"Authorization": f"Bearer {create_token(core, 'tech')}"}
    admin = {"Authorization": f"Bearer {create_token(core, 'admin')}"}
    me = client.get("/api/v1/me", headers=tech)
    assert me.status_code == 200 and me.json["role"] == "tech"
    denied = client.post("/api/v1/ingest/tickets", headers=tech)
    assert denied.status_code == 403 and "error" in denied.json
    import io

    data = {"file": (io.BytesIO(b'{"id": "Z-1", "title": "Hello"}\n'), "t.jsonl")}
    done = client.post(
        "/api/v1/ingest/tickets", headers=admin, data=data, content_type="multipart/form-data"
    )
    assert done.status_code == 200
    assert {k: done.json[k] for k in ("added", "updated", "unchanged", "rejected")} == {
        "added": 1,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
    }


def test_openapi_lists_every_api_route(client, app) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/api/v1/openapi.json").json
    routes = {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/api/v1/")}
    import re

    assert {re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", r) for r in routes} == set(spec["paths"])
    assert spec["openapi"].startswith("3.")
