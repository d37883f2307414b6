"""CLI commands for documentation credit, technician scorecards and the weekly review.

The command line runs with the database owner's rights (an admin): whoever can
run it can read the database anyway. The web app and the API check roles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kbassist.cli.group import emit, json_option, main, ready_core


def _cli_viewer() -> Any:
    from kbassist.auth import User

    return User(id=0, username="cli", role="admin", technician_id=None)


@main.command()
@click.option("--explain", "article_id", metavar="ARTICLE", help="Print the trail of one article.")
@json_option
def credit(article_id: str | None, as_json: bool) -> None:
    """Hours of troubleshooting each article saved, and who gets the credit."""
    from kbassist.credit import attribution

    core = ready_core()
    with core.connect() as conn:
        if article_id:
            explanation = attribution.explain(conn, article_id, viewer=_cli_viewer())
            emit(explanation.as_dict(), as_json, lambda _: explanation.render_text())
            return
        summary = attribution.credit_summary(conn, viewer=_cli_viewer())
    emit(summary, as_json, _render_credit)


@main.command()
@click.option(
    "--period",
    default="month",
    show_default=True,
    help="month or quarter (the newest), YYYY-MM or YYYY-Qn.",
)
@click.option("--technician", "technician_name", help="Only this technician (by name).")
@click.option(
    "--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write CSV."
)
@json_option
def scorecard(
    period: str, technician_name: str | None, csv_path: Path | None, as_json: bool
) -> None:
    """Technician scorecards: outcomes, note quality, coaching flags, articles and credit."""
    from kbassist.credit import queries, scorecards

    core = ready_core()
    with core.connect() as conn:
        technician_id = (
            queries.technician_id_by_name(conn, technician_name) if technician_name else None
        )
        found = scorecards.scorecards(
            conn,
            _cli_viewer(),
            period,
            technician_id,
            bar=float(core.settings["NOTE_QUALITY_BAR"]),
        )
    if csv_path:
        rows = scorecards.scorecard_rows(found)
        csv_path.write_text(scorecards.csv_text(rows, scorecards.SCORECARD_FIELDS), "utf-8")
    emit(found.as_dict(), as_json, _render_scorecards)


@main.command()
@click.option(
    "--as-of", "as_of", help="Last day of the week (ISO date); default the newest ticket's day."
)
@click.option(
    "--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write CSV."
)
@json_option
def weekly(as_of: str | None, csv_path: Path | None, as_json: bool) -> None:
    """The weekly review: aging, reopens, escalations, weak notes, gaps, credit, stale articles."""
    from kbassist.credit import scorecards
    from kbassist.credit import weekly as weekly_module

    end = weekly_module.week_end_of(as_of) if as_of else None
    core = ready_core()
    with core.connect() as conn:
        review = weekly_module.weekly_review(
            conn, _cli_viewer(), as_of=end, bar=float(core.settings["NOTE_QUALITY_BAR"])
        )
    if csv_path:
        rows = weekly_module.review_rows(review)
        csv_path.write_text(scorecards.csv_text(rows, weekly_module.WEEKLY_FIELDS), "utf-8")
    emit(review.as_dict(), as_json, _render_weekly)


def _render_credit(summary: dict[str, Any]) -> str:
    lines = [f"{'article':<28} {'status':<16} {'served':>6} {'min/ticket':>11} {'hours':>8}"]
    for a in summary["articles"]:
        minutes = a["minutes_saved_per_ticket"]
        lines.append(
            f"{a['article_id'][:28]:<28} {a['status']:<16} {a['tickets_served']:>6} "
            f"{'' if minutes is None else f'{minutes:.1f}':>11} {a['hours_saved']:>8.1f}"
        )
    lines += ["", "People:"]
    for p in summary["people"]:
        interval = p["interval"]
        lines.append(
            f"  {p['name']:<28} {p['hours_saved']:>8.1f} h "
            f"({interval['low']:.1f} to {interval['high']:.1f})"
        )
    method = summary["method"]
    lines.append(
        f"\nMethod: {method['estimator']}, rounded minutes {method['rounded_minutes']}, "
        f"{method['confidence']:.0%} bootstrap interval. Families: {method['family_source']}."
    )
    lines.append("Trail of one article: kbassist credit --explain ARTICLE")
    return "\n".join(lines)


def _render_scorecards(data: dict[str, Any]) -> str:
    title = data.get("period_title", data["period"])
    lines = [
        f"Scorecards for {title} ({data['period']}; note bar {data['note_quality_bar']:g}); "
        f"every count is for {title}",
        "",
    ]
    for card in data["scorecards"]:
        quality = card["note_quality"]
        lines.append(
            f"{card['name']}: {card['tickets_closed']} closed in the period, median "
            f"{card['median_minutes']} min (team {card['team_median_minutes']}), reopen "
            f"{_pct(card['reopen_rate'])}, escalation {_pct(card['escalation_rate'])}, notes "
            f"{quality['mean']} ({_pct(quality['below_bar_share'])} below bar, "
            f"{quality['trend']['direction']}), hours saved {card['hours_saved']:.1f}"
        )
        lines += [f"    - {flag['message']}" for flag in card["coaching_flags"]]
    return "\n".join(lines)


def _render_weekly(data: dict[str, Any]) -> str:
    week = data["weeks"][-1]
    lines = [
        f"Week {data['week_start'][:10]} to {data['last_day']}",
        "Open tickets by age: " + ", ".join(f"{k}: {v}" for k, v in week["open_by_age"].items()),
        f"Closed {week['closed']}, reopened {week['reopened']}, escalated {week['escalated']}",
        "Notes below the bar by technician: "
        + (
            ", ".join(
                f"{b['name']} {b['below']}/{b['scored']}"
                for b in data["notes_below_bar"]["by_technician"]
            )
            or "none"
        ),
        "Notes below the bar by client: "
        + (
            ", ".join(
                f"{b['name']} {b['below']}/{b['scored']}"
                for b in data["notes_below_bar"]["by_client"]
            )
            or "none"
        ),
        f"Gaps: {data['gaps_note']}",
    ]
    lines += [f"  {g['label']}: {g['this_week']} this week" for g in data["gaps"]]
    lines.append("Most credited articles:")
    lines += [
        f"  {a['article_id']}: {a['hours_saved']:.1f} h" for a in data["most_credited_articles"]
    ]
    lines.append("Stale articles reopened tickets lean on:")
    lines += [
        f"  {s['article_id']}: {len(s['reopened_tickets'])} reopened tickets"
        for s in data["stale_articles"]
    ]
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"
