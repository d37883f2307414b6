"""Gaps pages (ranked list with Pareto chart, family detail, draft playbook) and their API."""

from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template, request, url_for
from markupsafe import Markup

from kbassist import pipeline
from kbassist.errors import Forbidden, InvalidInput
from kbassist.gaps import playbook, queries, report
from kbassist.webapp.charts import pareto_chart
from kbassist.webapp.context import core, db
from kbassist.webapp.security import current_user, requires

bp = Blueprint("gaps", __name__)
api = Blueprint("gaps_api", __name__)


@bp.get("/gaps")
@requires("gaps")
def index():  # type: ignore[no-untyped-def]
    min_tickets, window_days = _gap_params()
    embedder = core().resources.embedder
    found = report.find_gaps(db(), embedder, min_tickets=min_tickets, window_days=window_days)
    chart = pareto_chart(
        [(f"#{gap.rank}", gap.hours) for gap in found.gaps[:25]],
        "Hours lost per gap (top 25) and cumulative share",
        y_label="hours",
    )
    return render_template(
        "gaps/index.html",
        report=found,
        chart=Markup(chart),  # built by kbassist.webapp.charts, which escapes every label
        duplicates=report.find_duplicates(db(), embedder),
        run=queries.last_run(db()),
    )


@bp.get("/gaps/<int:family_id>")
@requires("gaps")
def family(family_id: int):  # type: ignore[no-untyped-def]
    summary = report.get_family(db(), family_id)
    records = report.family_records(db(), family_id)
    return render_template(
        "gaps/family.html",
        family=summary,
        coverage=report.family_coverage(db(), family_id, core().resources.embedder),
        tickets=records,
        notes=playbook.best_notes(records, limit=5),
    )


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


@api.get("/gaps")
@requires("gaps")
def gaps_api():  # type: ignore[no-untyped-def]
    """Uncovered repeat issues ranked by hours (query: min_tickets, window_days)."""
    min_tickets, window_days = _gap_params()
    found = report.find_gaps(
        db(), core().resources.embedder, min_tickets=min_tickets, window_days=window_days
    )
    return jsonify([gap.as_dict() for gap in found.gaps])


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
