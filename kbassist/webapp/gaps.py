"""Gaps pages (ranked list with Pareto chart, family detail, draft playbook) and their API."""

from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template, request, url_for
from markupsafe import Markup

from kbassist import pipeline
from kbassist.errors import Forbidden, InvalidInput
from kbassist.gaps import pages, playbook, report
from kbassist.gaps import service as gaps
from kbassist.webapp.charts import pareto_chart
from kbassist.webapp.context import core, db
from kbassist.webapp.security import current_user, requires

bp = Blueprint("gaps", __name__)
api = Blueprint("gaps_api", __name__)


@bp.get("/gaps")
@requires("gaps")
def index():  # type: ignore[no-untyped-def]
    min_tickets, window_days = _gap_params()
    found = pages.gaps_page(db(), min_tickets=min_tickets, window_days=window_days)
    chart = pareto_chart(
        [(f"#{gap.rank}", gap.hours) for gap in found.report.gaps[:25]],
        "Hours lost per gap (top 25) and cumulative share",
        y_label="hours",
    )
    return render_template(
        "gaps/index.html",
        report=found.report,
        chart=Markup(chart),  # built by kbassist.webapp.charts, which escapes every label
        duplicates=found.duplicates,
        run=found.run,
        refreshed_at=found.refreshed_at,
    )


@bp.get("/gaps/<int:family_id>")
@requires("gaps")
def family(family_id: int):  # type: ignore[no-untyped-def]
    found = pages.family_page(db(), family_id, page=_page_param())
    return render_template("gaps/family.html", view=found, family=found.family)


@bp.post("/gaps/<int:family_id>/name")
@requires("gaps")
def rename(family_id: int):  # type: ignore[no-untyped-def]
    by = playbook.author_name(db(), current_user())
    gaps.rename_family(core(), family_id, request.form.get("name", ""), by)
    return redirect(url_for("gaps.family", family_id=family_id))


@bp.route("/gaps/<int:family_id>/draft", methods=["GET", "POST"])
@requires("gaps")
def draft(family_id: int):  # type: ignore[no-untyped-def]
    summary = report.get_family(db(), family_id)
    user = current_user()
    author = playbook.author_name(db(), user)
    if request.method == "POST":
        markdown = request.form.get("markdown", "")
        try:
            article_id = pipeline.publish_article(
                core(),
                markdown,
                author,
                may_replace=user is not None and user.can("replace_articles"),
            )
        except (InvalidInput, Forbidden) as error:  # the page keeps the edited markdown
            page = render_template(
                "gaps/draft.html", family=summary, markdown=markdown, error=error.message
            )
            return page, error.status
        return redirect(url_for("articles.view", article_id=article_id))
    result = playbook.draft_playbook(db(), family_id, author=author)
    return render_template(
        "gaps/draft.html", family=summary, markdown=result.markdown, draft=result, error=None
    )


@api.get("/clusters")
@requires("gaps")
def clusters_api():  # type: ignore[no-untyped-def]
    """Every issue family: id, label, ticket_ids, size, representative, link_rate."""
    return jsonify([family.as_dict() for family in report.list_families(db())])


@api.route("/clusters/<int:family_id>/name", methods=["PUT", "POST"])
@requires("gaps")
def rename_api(family_id: int):  # type: ignore[no-untyped-def]
    """Rename a family (JSON {"name": ...}; an empty name restores the generated one)."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("name"), str):
        raise InvalidInput('Send JSON like {"name": "OneDrive stuck on processing changes"}.')
    by = playbook.author_name(db(), current_user())
    name = gaps.rename_family(core(), family_id, body["name"], by)
    return jsonify({"id": family_id, "name": name})


@api.get("/gaps")
@requires("gaps")
def gaps_api():  # type: ignore[no-untyped-def]
    """Uncovered repeat issues ranked by hours (query: min_tickets, window_days)."""
    min_tickets, window_days = _gap_params()
    found = report.find_gaps(db(), min_tickets=min_tickets, window_days=window_days)
    return jsonify([gap.as_dict() for gap in found.gaps])


def _page_param() -> int:
    raw = request.args.get("page", "").strip()
    if not raw:
        return 1
    if not raw.isdigit() or int(raw) < 1:
        raise InvalidInput(f"page: give a whole number of at least 1, not {raw!r}.")
    return int(raw)


def _gap_params() -> tuple[int, int]:
    values = []
    for name, default in (("min_tickets", report.MIN_TICKETS), ("window_days", report.WINDOW_DAYS)):
        raw = request.args.get(name, "").strip()
        if not raw:
            values.append(default)
            continue
        if not raw.isdigit() or int(raw) < 1:
            raise InvalidInput(f"{name}: give a whole number of at least 1, not {raw!r}.")
        values.append(int(raw))
    return values[0], values[1]
