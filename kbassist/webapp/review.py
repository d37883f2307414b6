"""Review queue and pre-close check pages, and the scoring API (POST /api/v1/score)."""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from kbassist.errors import InvalidInput
from kbassist.hygiene import find_sensitive, mask
from kbassist.quality import review
from kbassist.quality import service as quality
from kbassist.webapp.context import core, db
from kbassist.webapp.security import current_user, requires

bp = Blueprint("review", __name__)
api = Blueprint("review_api", __name__)

FILTERS = ("technician", "client", "category", "since", "until")
MAX_TEXT = 1_000_000
PAGE_SIZE = 25


@bp.get("/review")
@requires("review")
def queue():  # type: ignore[no-untyped-def]
    filters = {name: request.args.get(name, "").strip() for name in FILTERS}
    conn = db()
    items = review.review_queue(
        conn,
        technician=filters["technician"] or None,
        client=filters["client"] or None,
        category=filters["category"] or None,
        since=_date("since", filters["since"]),
        until=_date("until", filters["until"]),
        limit=PAGE_SIZE,
    )
    month = review.latest_month(conn)
    return render_template(
        "review/queue.html",
        items=items,
        filters=filters,
        choices=review.filter_choices(conn),
        agreement=review.agreement(conn, bar=core().settings["NOTE_QUALITY_BAR"]),
        unsure=review.least_sure(conn, limit=10),
        month=month,
        sample=review.monthly_sample(conn, month) if month else [],
        model=quality.model_state(core()),
        bar=core().settings["NOTE_QUALITY_BAR"],
        labelled=request.args.get("labelled", ""),
    )


@bp.post("/review/<ticket_id>/label")
@requires("review")
def label(ticket_id: str):  # type: ignore[no-untyped-def]
    form = request.form
    user = current_user()
    review.add_label(
        core(),
        ticket_id,
        user.id if user else None,
        form.get("label", ""),
        form.get("reason", ""),
        form.get("comment", ""),
    )
    kept: dict[str, str] = {name: form.get(name, "") for name in FILTERS if form.get(name)}
    return redirect(url_for("review.queue", labelled=ticket_id, **kept))  # type: ignore[arg-type]


@bp.route("/precheck", methods=["GET", "POST"])
@requires("precheck")
def precheck():  # type: ignore[no-untyped-def]
    result, draft, masked = None, "", False
    if request.method == "POST":
        draft = request.form.get("text", "")[:MAX_TEXT]
        result = quality.score_text(core(), draft, "note")
        # The draft is shown again masked: a pasted password never comes back in a page.
        masked = bool(find_sensitive(draft))
        draft = mask(draft)
    return render_template(
        "review/precheck.html",
        result=result,
        draft=draft,
        masked=masked,
        bar=core().settings["NOTE_QUALITY_BAR"],
    )


@api.post("/score")
@requires("precheck")
def score_api():  # type: ignore[no-untyped-def]
    """Score a draft: {text, kind: note|article} -> {score, criteria, findings, text, ...}.

    ``text`` is the draft as it would be stored: masked, so a pasted password never
    comes back in a response (the findings say what was masked and block the note).
    """
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InvalidInput('Send JSON like {"text": "...", "kind": "note"}.')
    if len(data["text"]) > MAX_TEXT:
        raise InvalidInput(f"text is longer than {MAX_TEXT:,} characters.")
    result = quality.score_text(core(), data["text"], str(data.get("kind") or "note"))
    return jsonify({**result.as_dict(), "text": mask(data["text"])})


def _date(name: str, value: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as error:
        raise InvalidInput(f"{name}: give a date like 2025-03-01, not {value!r}.") from error
