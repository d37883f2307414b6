"""Scorecards, documentation credit and the weekly review: pages, CSV exports and the API.

Every view calls one service with the signed-in user; the services enforce who
may see what (a technician: their own card only), so the page, the API and the
CSV obey the same rule.
"""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, Response, jsonify, redirect, render_template, request, url_for
from markupsafe import Markup

from kbassist.credit import attribution, scorecards, weekly
from kbassist.errors import InvalidInput
from kbassist.webapp.charts import bar_chart, line_chart
from kbassist.webapp.context import core, db
from kbassist.webapp.security import current_user, requires

bp = Blueprint("scorecards", __name__)
api = Blueprint("scorecards_api", __name__)


@bp.get("/scorecards")
@requires("scorecards")
def index():  # type: ignore[no-untyped-def]
    user = current_user()
    if not user.can("scorecards_all"):  # a technician goes straight to their own card
        own = scorecards.visible_technician(user)
        return redirect(url_for("scorecards.card", technician_id=own, period=_period()))
    found = scorecards.scorecards(db(), user, _period(), bar=_bar(), cache=_cache())
    return render_template("scorecards/index.html", found=found, period=_period())


@bp.get("/scorecards/<int:technician_id>")
@requires("scorecards")
def card(technician_id: int):  # type: ignore[no-untyped-def]
    found = scorecards.scorecards(
        db(), current_user(), _period(), technician_id, bar=_bar(), cache=_cache()
    )
    card = found.cards[0]
    quality = line_chart(
        {card.name: list(card.quality_trend.points), "Team": list(card.team_quality)},
        "Closure-note quality by month",
        y_label="score",
    )
    credit = bar_chart(list(card.credit_trend), "Hours saved credited by month", y_label="hours")
    # Both charts come from kbassist.webapp.charts, which escapes every label.
    return render_template(
        "scorecards/card.html",
        found=found,
        card=card,
        period=_period(),
        quality_chart=Markup(quality),
        credit_chart=Markup(credit),
    )


@bp.get("/scorecards.csv")
@requires("scorecards")
def scorecards_csv():  # type: ignore[no-untyped-def]
    found = scorecards.scorecards(
        db(), current_user(), _period(), _technician(), bar=_bar(), cache=_cache()
    )
    text = scorecards.csv_text(scorecards.scorecard_rows(found), scorecards.SCORECARD_FIELDS)
    return _csv(text, f"scorecards-{found.period.label}.csv")


@bp.get("/credit")
@requires("credit")
def credit():  # type: ignore[no-untyped-def]
    summary = attribution.credit_summary(db(), current_user(), cache=_cache())
    return render_template("scorecards/credit.html", summary=summary)


@bp.get("/credit/<article_id>")
@requires("credit")
def explain(article_id: str):  # type: ignore[no-untyped-def]
    explanation = attribution.explain(db(), article_id, viewer=current_user(), cache=_cache())
    return render_template("scorecards/explain.html", explanation=explanation)


@bp.get("/weekly", endpoint="weekly")
@requires("weekly")
def weekly_page():  # type: ignore[no-untyped-def]
    review = weekly.weekly_review(db(), current_user(), as_of=_as_of(), bar=_bar(), cache=_cache())
    closed = [(w.week[5:], float(w.closed)) for w in review.weeks]
    aging = {
        label: [(w.week[5:], float(dict(w.open_by_age)[label])) for w in review.weeks]
        for label, _ in review.weeks[-1].open_by_age
    }
    return render_template(
        "scorecards/weekly.html",
        review=review,
        aging_chart=Markup(line_chart(aging, "Open tickets by age at each week's end")),
        closed_chart=Markup(bar_chart(closed, "Tickets closed per week")),
    )


@bp.get("/weekly.csv")
@requires("weekly")
def weekly_csv():  # type: ignore[no-untyped-def]
    review = weekly.weekly_review(db(), current_user(), as_of=_as_of(), bar=_bar(), cache=_cache())
    text = scorecards.csv_text(weekly.review_rows(review), weekly.WEEKLY_FIELDS)
    return _csv(text, f"weekly-{review.week_end:%Y-%m-%d}.csv")


@api.get("/credit")
@requires("credit")
def credit_api():  # type: ignore[no-untyped-def]
    """Every article's credit (authors, tickets served, minutes, interval, status) and people."""
    return jsonify(attribution.credit_summary(db(), current_user(), cache=_cache()))


@api.get("/credit/<article_id>")
@requires("credit")
def explain_api(article_id: str):  # type: ignore[no-untyped-def]
    """The trail of one article's credit: tickets, baseline, steps, shares."""
    explanation = attribution.explain(db(), article_id, viewer=current_user(), cache=_cache())
    return jsonify(explanation.as_dict())


@api.get("/scorecards")
@requires("scorecards")
def scorecards_api():  # type: ignore[no-untyped-def]
    """Scorecards for ?period= (and ?technician_id=); a technician gets only their own."""
    found = scorecards.scorecards(
        db(), current_user(), _period(), _technician(), bar=_bar(), cache=_cache()
    )
    return jsonify(found.as_dict())


@api.get("/weekly")
@requires("weekly")
def weekly_api():  # type: ignore[no-untyped-def]
    """The weekly review (?as_of=YYYY-MM-DD to pick the week's end)."""
    review = weekly.weekly_review(db(), current_user(), as_of=_as_of(), bar=_bar(), cache=_cache())
    return jsonify(review.as_dict())


def _period() -> str:
    return request.args.get("period", "").strip() or "month"


def _technician() -> int | None:
    raw = request.args.get("technician_id", "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise InvalidInput(f"technician_id: give a number, not {raw!r}.")
    return int(raw)


def _as_of() -> datetime | None:
    raw = request.args.get("as_of", "").strip()
    return weekly.week_end_of(raw) if raw else None


def _cache() -> dict:  # type: ignore[type-arg]
    """The process's credit runs: reused while the data is unchanged (see compute_credit)."""
    return core().resources.credit_runs


def _bar() -> float:
    return float(core().settings["NOTE_QUALITY_BAR"])


def _csv(text: str, filename: str) -> Response:
    return Response(
        text,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
