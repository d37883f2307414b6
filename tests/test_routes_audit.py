"""The role-and-route audit: every route of the app, for every role, against a table.

The routes come from the app's own route table (``app.url_map``), so a new route
without a row in ``EXPECTED`` fails ``test_every_route_has_a_row``. The table is
written here by hand, not derived from ``kbassist.auth.PERMISSIONS``: a wrong
permission there is a wrong grant here.

A request is *refused* when it answers 401 or 403, or (a page, signed out) redirects
to the sign-in page; anything else means the permission check let it through (a
404 for a sample id that does not exist still counts as let through). On a public
route only a 403 is a refusal (a 401 from ``POST /login`` is a failed sign-in).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select

from kbassist import auth, store
from kbassist.core import Core

ROLES = ("tech", "reviewer", "manager", "admin")
WHO = ("anonymous", *ROLES)
PUBLIC = frozenset(WHO)
SIGNED_IN = frozenset(ROLES)
REVIEWERS = frozenset({"reviewer", "manager", "admin"})
MANAGERS = frozenset({"manager", "admin"})
CARDS = frozenset({"tech", "manager", "admin"})  # a tech: their own card only
ADMINS = frozenset({"admin"})

# (method, endpoint) -> who may use it.
EXPECTED: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "static"): PUBLIC,
    ("GET", "pages.healthz"): PUBLIC,
    ("GET", "pages.login"): PUBLIC,
    ("POST", "pages.login"): PUBLIC,
    ("POST", "pages.logout"): PUBLIC,
    ("GET", "pages.home"): SIGNED_IN,
    ("GET", "articles.index"): SIGNED_IN,
    ("GET", "articles.view"): SIGNED_IN,
    ("GET", "tickets.view"): SIGNED_IN,
    ("GET", "search.page"): SIGNED_IN,
    ("POST", "search.similar"): SIGNED_IN,
    ("GET", "search.open_result"): SIGNED_IN,
    ("GET", "review.precheck"): SIGNED_IN,
    ("POST", "review.precheck"): SIGNED_IN,
    ("GET", "review.queue"): REVIEWERS,
    ("POST", "review.label"): REVIEWERS,
    ("GET", "gaps.index"): MANAGERS,
    ("GET", "gaps.family"): MANAGERS,
    ("GET", "gaps.draft"): MANAGERS,
    ("POST", "gaps.draft"): MANAGERS,
    ("POST", "gaps.rename"): MANAGERS,
    ("GET", "scorecards.index"): CARDS,
    ("GET", "scorecards.card"): CARDS,  # with the tech's own technician id; see OTHER_CARD
    ("GET", "scorecards.scorecards_csv"): CARDS,
    ("GET", "scorecards.credit"): MANAGERS,
    ("GET", "scorecards.explain"): MANAGERS,
    ("GET", "scorecards.weekly"): MANAGERS,
    ("GET", "scorecards.weekly_csv"): MANAGERS,
    ("GET", "api.openapi"): PUBLIC,
    ("GET", "api.me"): SIGNED_IN,
    ("GET", "api.article"): SIGNED_IN,
    ("GET", "api.ticket"): SIGNED_IN,
    ("POST", "api.ingest_tickets"): ADMINS,
    ("POST", "api.ingest_kb"): ADMINS,
    ("GET", "search_api.api_search"): SIGNED_IN,
    ("POST", "search_api.api_similar"): SIGNED_IN,
    ("POST", "review_api.score_api"): SIGNED_IN,
    ("GET", "gaps_api.clusters_api"): MANAGERS,
    ("GET", "gaps_api.gaps_api"): MANAGERS,
    ("POST", "gaps_api.rename_api"): MANAGERS,
    ("PUT", "gaps_api.rename_api"): MANAGERS,
    ("GET", "scorecards_api.scorecards_api"): CARDS,
    ("GET", "scorecards_api.credit_api"): MANAGERS,
    ("GET", "scorecards_api.explain_api"): MANAGERS,
    ("GET", "scorecards_api.weekly_api"): MANAGERS,
}
# Someone else's scorecard: a technician sees only their own.
OTHER_CARD = MANAGERS


def _routes(app: Any) -> set[tuple[str, str]]:
    return {
        (method, rule.endpoint)
        for rule in app.url_map.iter_rules()
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}
    }


def test_every_route_has_a_row(app) -> None:  # type: ignore[no-untyped-def]
    routes = _routes(app)
    missing = sorted(routes - EXPECTED.keys())
    stale = sorted(EXPECTED.keys() - routes)
    assert missing == [], f"add these routes to EXPECTED with who may use them: {missing}"
    assert stale == [], f"these rows name no route any more: {stale}"


class Visitor:
    """Sends one request as one role: a fresh session (or token) per request."""

    def __init__(self, app: Any, core: Core, users: dict[str, Any]) -> None:
        self.app, self.core, self.users = app, core, users
        self.tokens = {role: auth.create_token(core, role) for role in ROLES}

    def send(self, who: str, method: str, url: str) -> Any:
        client = self.app.test_client()
        headers = {}
        if url.startswith("/api/"):
            if who != "anonymous":
                headers["Authorization"] = f"Bearer {self.tokens[who]}"
            return client.open(url, method=method, headers=headers, json=None)
        csrf = "audit-csrf-token"
        with client.session_transaction() as session:
            session["csrf_token"] = csrf
            if who != "anonymous":
                session["session_token"] = auth.start_session(self.core, self.users[who])
        data = {"csrf_token": csrf} if method == "POST" else None
        return client.open(url, method=method, data=data)


def refused(response: Any, public: bool) -> bool:
    if public:  # a 401 there is a failed sign-in, a redirect to /login is signing out
        return response.status_code == 403
    if response.status_code in (401, 403):
        return True
    location = response.headers.get("Location", "")
    return response.status_code in (301, 302, 303) and bool(
        re.match(r"(https?://[^/]+)?/login", location)
    )


@pytest.fixture
def audit(app, loaded, users):  # type: ignore[no-untyped-def]
    from kbassist.search.service import search

    with loaded.connect() as conn:
        technicians = dict(
            conn.execute(select(store.technicians.c.name, store.technicians.c.id)).all()
        )
    own = users["tech"].technician_id
    other = next(tid for name, tid in sorted(technicians.items()) if tid != own)
    logged = search(loaded, "printer", user_id=users["tech"].id)
    samples = {
        "article_id": "KB-T001",
        "ticket_id": "T-1",
        "family_id": 1,
        "technician_id": own,
        "log_id": logged.log_id,
        "filename": "app.css",
    }
    return Visitor(app, loaded, users), samples, other


def test_every_route_answers_each_role_as_the_table_says(app, audit) -> None:  # type: ignore[no-untyped-def]
    visitor, samples, other_technician = audit
    adapter = app.url_map.bind("localhost")
    checks: list[tuple[str, str, str, frozenset[str]]] = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        values = {name: samples[name] for name in rule.arguments}
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            url = adapter.build(rule.endpoint, values, method=method)
            checks.append((method, url, rule.endpoint, EXPECTED[(method, rule.endpoint)]))
    other_url = adapter.build("scorecards.card", {"technician_id": other_technician})
    checks.append(("GET", other_url, "scorecards.card (someone else's)", OTHER_CARD))

    wrong_grants, wrong_refusals = [], []
    for method, url, endpoint, allowed in checks:
        for who in WHO:
            response = visitor.send(who, method, url)
            was_refused = refused(response, allowed == PUBLIC)
            response.close()
            if who in allowed and was_refused:
                wrong_refusals.append((who, method, url, endpoint, response.status_code))
            elif who not in allowed and not was_refused:
                wrong_grants.append((who, method, url, endpoint, response.status_code))
            if who not in allowed and url.startswith("/api/"):
                assert response.is_json, (who, method, url)  # refusals of the API are JSON
    assert len(checks) * len(WHO) >= 200
    assert wrong_grants == []
    assert wrong_refusals == [], wrong_refusals
