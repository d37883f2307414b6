"""The search page, the similar-tickets panel, result opens, and the search API."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from kbassist.errors import InvalidInput
from kbassist.records import ARTICLE_TYPES
from kbassist.search import service
from kbassist.webapp.context import core
from kbassist.webapp.security import current_user, requires

bp = Blueprint("search", __name__)
api = Blueprint("search_api", __name__)

FILTER_PARAMS = ("type", "client", "category", "date_from", "date_to")
_ANCHOR = re.compile(r"^[\w-]{1,200}$")


def _filters(values: Any) -> dict[str, str]:
    return {name: values.get(name) for name in FILTER_PARAMS if values.get(name)}


def _kind(values: Any) -> str | None:
    kind = values.get("kind") or None
    if kind not in (None, "article", "ticket"):
        raise InvalidInput("kind: choose article or ticket")
    return kind


def _run_search(values: Any, limit: int) -> service.SearchResponse | None:
    query = values.get("q", "")
    if not query.strip():
        return None
    user = current_user()
    return service.search(
        core(),
        query,
        user_id=user.id if user else None,
        role=user.role if user else None,
        kind=_kind(values),
        filters=_filters(values),
        limit=limit,
        facets=True,
    )


@bp.get("/search")
@requires("search")
def page():  # type: ignore[no-untyped-def]
    response = _run_search(request.args, limit=20)
    return render_template(
        "search/page.html",
        q=request.args.get("q", ""),
        kind=request.args.get("kind", ""),
        filters=_filters(request.args),
        response=response,
        types=ARTICLE_TYPES,
        similar=None,
        ticket={"title": "", "description": ""},
    )


@bp.post("/search/similar")
@requires("search")
def similar():  # type: ignore[no-untyped-def]
    title = request.form.get("title", "")[:500]
    description = request.form.get("description", "")[:20_000]
    found = service.similar_tickets(core(), title, description, limit=5)
    return render_template(
        "search/page.html",
        q="",
        kind="",
        filters={},
        response=None,
        types=ARTICLE_TYPES,
        similar=found,
        ticket={"title": title, "description": description},
    )


@bp.get("/search/open/<int:log_id>")
@requires("search")
def open_result(log_id: int):  # type: ignore[no-untyped-def]
    key = request.args.get("key", "")
    user = current_user()
    # Checks the search was this user's and the key one of its results.
    service.record_open(core(), log_id, key, user_id=user.id if user else -1)
    kind, _, ref = key.partition(":")
    anchor = request.args.get("anchor", "")
    fragment = f"#{anchor}" if anchor and _ANCHOR.match(anchor) else ""
    if kind == "article":
        return redirect(url_for("articles.view", article_id=ref) + fragment)
    return redirect(url_for("tickets.view", ticket_id=ref))


@api.get("/search")
@requires("search")
def api_search():  # type: ignore[no-untyped-def]
    try:
        limit = int(request.args.get("limit", 10))
    except ValueError:
        raise InvalidInput("limit: a whole number from 1 to 100") from None
    response = _run_search(request.args, limit=limit)
    if response is None:
        raise InvalidInput("q: give a query, e.g. /api/v1/search?q=printer+offline")
    return jsonify(response.as_dict())


@api.post("/similar")
@requires("search")
def api_similar():  # type: ignore[no-untyped-def]
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not str(body.get("title") or "").strip():
        raise InvalidInput('Send JSON like {"title": "...", "description": "...", "limit": 5}.')
    limit = body.get("limit", 5)
    if not isinstance(limit, int) or not 1 <= limit <= 50:
        raise InvalidInput("limit: a whole number from 1 to 50")
    found = service.similar_tickets(
        core(), str(body["title"]), str(body.get("description") or ""), limit=limit
    )
    return jsonify({"results": [ticket.as_dict() for ticket in found]})
