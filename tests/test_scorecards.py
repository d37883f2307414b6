"""Scorecards and the weekly review: the statistics, who may see what, the CLI and the CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta

import pytest

from kbassist import store
from kbassist.auth import User
from kbassist.credit import scorecards, weekly
from kbassist.credit.queries import TicketFact
from kbassist.credit.scorecards import (
    ArticleActivity,
    article_activity,
    build_scorecard,
    coaching_flags,
    csv_text,
    parse_period,
    quality_trend,
)
from kbassist.errors import Forbidden, InvalidInput
from kbassist.webapp import charts

ALL_MET = {c: True for c in scorecards.CRITERIA}


def note(**missing: bool) -> dict[str, bool]:
    return {**ALL_MET, **{k: not v for k, v in missing.items()}}


# ---------------------------------------------------------------- pure statistics


def test_coaching_flags_name_repeated_gaps_in_the_last_ten_notes() -> None:
    notes = [note(cause=True)] * 4 + [note(verification=True)] * 2 + [note()] * 4
    notes += [note(verification=True)] * 5  # older than the last ten: not counted
    flags = coaching_flags(notes)
    assert [f.message for f in flags] == ["4 of the last 10 notes have no cause"]
    assert coaching_flags([note()] * 10) == ()
    assert coaching_flags([]) == ()


def test_coaching_flags_on_a_short_history_need_a_repeat() -> None:
    flags = coaching_flags([note(verification=True, steps=True)] * 3 + [note(steps=True)])
    assert [f.message for f in flags] == [
        "4 of the last 4 notes have no repeatable steps",
        "3 of the last 4 notes have no verification",
    ]
    assert coaching_flags([note(cause=True)] * 2) == ()


def test_periods_parse_months_and_quarters() -> None:
    latest = datetime(2024, 8, 14)
    assert parse_period("month", latest).start == datetime(2024, 8, 1)
    quarter = parse_period("quarter", latest)
    assert (quarter.label, quarter.start, quarter.end) == (
        "2024-Q3",
        datetime(2024, 7, 1),
        datetime(2024, 10, 1),
    )
    december = parse_period("2024-12", latest)
    assert december.end == datetime(2025, 1, 1)
    assert parse_period("2024-Q4", latest).end == datetime(2025, 1, 1)
    for bad in ("2024-13", "last month", "2024-Q5"):
        with pytest.raises(InvalidInput):
            parse_period(bad, latest)


def test_quality_trend_direction() -> None:
    rising = [("2024-01", 50.0), ("2024-02", None), ("2024-03", 58.0), ("2024-04", 61.0)]
    assert quality_trend(rising).direction == "improving"
    falling = [("a", 80.0), ("b", 70.0), ("c", 65.0)]
    assert quality_trend(falling).direction == "declining"
    assert quality_trend([("a", 70.0), ("b", 70.5), ("c", 70.0)]).direction == "steady"
    assert quality_trend([("a", 70.0), ("b", None)]).direction == "not enough data"


def fact(
    i: int, tech: int, day: datetime, minutes: float, score: float, **flags: bool
) -> TicketFact:
    return TicketFact(
        ticket_id=f"T{i:03d}",
        technician_id=tech,
        client_id=1,
        created_at=day - timedelta(hours=5),
        closed_at=day,
        minutes=minutes,
        reopened=flags.get("reopened", False),
        escalated=flags.get("escalated", False),
        note_score=score,
        criteria=note(cause=flags.get("no_cause", False)),
    )


def test_a_scorecard_sets_the_technician_against_the_team() -> None:
    period = parse_period("2024-05", None)
    day = datetime(2024, 5, 10)
    ana = [
        fact(1, 1, day, 20, 80),
        fact(2, 1, day, 30, 50, reopened=True),
        fact(3, 1, day, 40, 70),
        fact(4, 1, datetime(2024, 4, 2), 90, 40),  # April: history, not the period
    ]
    ben = [fact(5, 2, day, 60, 30, escalated=True), fact(6, 2, day, 100, 20)]
    team = [f for f in ana + ben if period.contains(f.closed_at)]
    card = build_scorecard(
        1,
        "Ana",
        period,
        ana,
        team,
        60.0,
        ArticleActivity(("KB-1",), (), 2),
        {"2024-05": (3.0, 1.0, 5.0), "2024-04": (9.0, 0.0, 12.0)},
    )
    assert card.tickets_closed == 3
    assert card.median_minutes == 30 and card.team_median_minutes == 40
    assert card.team_note_mean == 50
    assert card.reopen_rate == pytest.approx(1 / 3) and card.team_reopen_rate == pytest.approx(0.2)
    assert card.escalation_rate == 0 and card.team_escalation_rate == pytest.approx(0.2)
    assert card.note_mean == pytest.approx(200 / 3) and card.below_bar_share == pytest.approx(1 / 3)
    assert card.hours_saved == 3.0 and (card.hours_interval.low, card.hours_interval.high) == (1, 5)
    assert dict(card.credit_trend)["2024-04"] == 9.0
    data = card.as_dict()
    assert data["citations_by_others"] == 2 and data["articles_written"] == ["KB-1"]


def test_article_activity_counts_citations_by_others_only() -> None:
    period = parse_period("2024-05", None)
    inside, outside = datetime(2024, 5, 3), datetime(2024, 3, 3)
    activity = article_activity(
        1,
        period,
        authored={"KB-1": 1, "KB-2": 2},
        versions=[
            ("KB-1", 1, 1, inside, 500),
            ("KB-2", 2, 1, inside, 80),
            ("KB-2", 3, 1, outside, 9),
        ],
        created={"KB-1": inside, "KB-2": outside},
        people={"KB-1": {1}, "KB-2": {1, 2}},
        citations=[
            ("KB-1", 2, inside),
            ("KB-1", 1, inside),
            ("KB-2", 2, inside),
            ("KB-1", 3, outside),
        ],
    )
    assert activity.written == ("KB-1",)
    assert activity.improved == ("KB-2",)
    # Ben citing Ana's KB-1 counts; Ana citing herself, Ben citing his own KB-2 and an
    # out-of-period citation do not.
    assert activity.citations_by_others == 1


def test_csv_text_defuses_spreadsheet_formulas() -> None:
    text = csv_text([{"name": "=HYPERLINK(1)", "hours": -2.5}], ["name", "hours"])
    assert list(csv.reader(io.StringIO(text))) == [["name", "hours"], ["'=HYPERLINK(1)", "-2.5"]]


def test_charts_escape_labels_and_draw_each_kind() -> None:
    line = charts.line_chart(
        {"<b>Ana</b>": [("2024-01", 60.0), ("2024-02", None), ("2024-03", 70)]}, "Q&A"
    )
    assert "<b>" not in line and "&lt;b&gt;Ana" in line and "Q&amp;A" in line
    assert line.startswith("<svg") and line.count("<circle") == 2
    bars = charts.bar_chart([("a", 3), ("b", -1)], "Bars")
    assert bars.count("<rect") == 3  # background and two bars
    pareto = charts.pareto_chart([("x", 1.0), ("y", 3.0)], "Gaps")
    assert "<polyline" in pareto and "100%" in pareto and pareto.index("y:") < pareto.index("x:")
    assert "No data yet" in charts.bar_chart([], "Empty")


# ---------------------------------------------------------------- the service and roles


MANAGER = User(1, "manager", "manager")
ADMIN = User(2, "admin", "admin")
ANA = User(3, "ana", "tech", technician_id=1)
REVIEWER = User(4, "reviewer", "reviewer")


@pytest.fixture
def team_history(core):  # type: ignore[no-untyped-def]
    """Two technicians over three months; Ana's notes lack a cause, Ben's are weak."""
    now = datetime(2025, 1, 1)
    rows, scores = [], []
    for i in range(60):
        tech = 1 if i % 2 == 0 else 2
        created = datetime(2024, 7, 1) + timedelta(days=i * 1.5)
        score = 75.0 if tech == 1 else 45.0
        criteria = note(cause=tech == 1 and i % 4 == 0)
        rows.append(
            {
                "id": f"T{i:03d}",
                "title": "VPN drops",
                "assignee_id": tech,
                "client_id": 1 + i % 2,
                "created_at": created,
                "resolved_at": created + timedelta(hours=4) if i < 57 else None,
                "time_spent_minutes": 30.0 + i,
                "reopen_count": int(i % 10 == 1),
                "escalation_count": int(i % 7 == 0),
                "content_hash": str(i),
                "ingested_at": now,
            }
        )
        scores.append(
            {
                "ticket_id": f"T{i:03d}",
                "content_hash": str(i),
                "score": score,
                "criteria_score": score,
                "criteria": json.dumps(criteria),
                "scored_at": now,
            }
        )
    with core.begin() as conn:
        conn.execute(
            store.technicians.insert(), [{"id": 1, "name": "Ana"}, {"id": 2, "name": "Ben"}]
        )
        conn.execute(
            store.clients.insert(), [{"id": 1, "name": "Acme"}, {"id": 2, "name": "Globex"}]
        )
        conn.execute(store.tickets.insert(), rows)
        conn.execute(store.note_scores.insert(), scores)
        conn.execute(
            store.articles.insert().values(
                id="KB-1",
                title="VPN",
                type="how-to",
                body="b",
                author_id=1,
                created=datetime(2024, 8, 5),
                updated=datetime(2024, 8, 5),
                content_hash="h",
                ingested_at=now,
            )
        )
        conn.execute(
            store.article_versions.insert().values(
                article_id="KB-1",
                version=1,
                editor_id=1,
                changed_at=datetime(2024, 8, 5),
                title="VPN",
                body="b",
                content_hash="h",
                chars_added=100,
            )
        )
        conn.execute(
            store.ticket_article_links.insert(),
            [{"ticket_id": t, "article_id": "KB-1"} for t in ("T041", "T043", "T040")],
        )
    return core


def test_managers_see_every_card_and_a_tech_only_their_own(team_history) -> None:  # type: ignore[no-untyped-def]
    with team_history.connect() as conn:
        everyone = scorecards.scorecards(conn, MANAGER, "2024-Q3")
        assert [c.name for c in everyone.cards] == ["Ana", "Ben"]
        assert [c.name for c in scorecards.scorecards(conn, ADMIN, "2024-Q3").cards] == [
            "Ana",
            "Ben",
        ]
        own = scorecards.scorecards(conn, ANA, "2024-Q3")
        assert [c.name for c in own.cards] == ["Ana"]
        assert scorecards.scorecard(conn, ANA, 1, "2024-Q3").name == "Ana"
        with pytest.raises(Forbidden):
            scorecards.scorecard(conn, ANA, 2, "2024-Q3")
        with pytest.raises(Forbidden):
            scorecards.scorecards(conn, REVIEWER, "2024-Q3")
        with pytest.raises(Forbidden):
            scorecards.scorecards(conn, User(5, "loose", "tech"), "2024-Q3")
        rows = scorecards.scorecard_rows(own)
    assert [r["technician"] for r in rows] == ["Ana"]


def test_scorecard_figures_from_the_store(team_history) -> None:  # type: ignore[no-untyped-def]
    with team_history.connect() as conn:
        found = scorecards.scorecards(conn, MANAGER, "2024-Q3")
    ana, ben = found.cards
    assert ana.tickets_closed + ben.tickets_closed == 57
    assert ana.below_bar_share == 0 and ben.below_bar_share == 1
    assert ana.note_mean == 75 and ana.team_note_mean == pytest.approx(60, abs=1)
    assert [f.message for f in ana.flags] == ["5 of the last 10 notes have no cause"]
    assert ben.flags == ()
    assert ana.articles.written == ("KB-1",)
    assert ana.articles.citations_by_others == 2  # Ben's T041 and T043; T040 is Ana's own
    assert ben.articles.citations_by_others == 0


def test_cli_scorecard_json_and_csv(team_history, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "cards.csv"
    result = runner.invoke(["scorecard", "--period", "2024-Q3", "--json", "--csv", str(target)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["period"] == "2024-Q3"
    assert [c["name"] for c in data["scorecards"]] == ["Ana", "Ben"]
    card = data["scorecards"][0]
    assert {
        "tickets_closed",
        "median_minutes",
        "reopen_rate",
        "note_quality",
        "coaching_flags",
        "hours_saved",
        "hours_interval",
        "citations_by_others",
    } <= set(card)
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert [r["technician"] for r in rows] == ["Ana", "Ben"]
    assert tuple(rows[0]) == scorecards.SCORECARD_FIELDS
    assert data["period_title"] == "Q3 2024 (Jul to Sep)"
    text = runner.invoke(["scorecard", "--period", "2024-Q3"]).output
    assert text.startswith("Scorecards for Q3 2024 (Jul to Sep)") and "closed in the period" in text
    one = runner.invoke(["scorecard", "--period", "2024-Q3", "--technician", "Ben", "--json"])
    assert [c["name"] for c in json.loads(one.output)["scorecards"]] == ["Ben"]
    bad = runner.invoke(["scorecard", "--period", "someday"])
    assert bad.exit_code == 2 and "period" in bad.output


def test_weekly_review_figures_and_roles(team_history) -> None:  # type: ignore[no-untyped-def]
    with team_history.connect() as conn:
        review = weekly.weekly_review(conn, MANAGER, as_of=datetime(2024, 9, 26))
        with pytest.raises(Forbidden):
            weekly.weekly_review(conn, ANA)
    assert len(review.weeks) == weekly.TREND_WEEKS
    current = review.current
    assert current.week == "2024-09-25"  # the last day included: the end is exclusive
    # Closed in (Sep 19, Sep 26]: tickets 54-56 (57 onwards never close).
    assert current.closed == 3
    # Open at the week's end: T057 (1.5 days old) and T058 (created at the very end).
    assert dict(current.open_by_age) == {
        "0-2 days": 2,
        "3-7 days": 0,
        "8-14 days": 0,
        "15-30 days": 0,
        "over 30 days": 0,
    }
    # Of T054-T056, only Ben's T055 (client Globex) is below the bar.
    assert [(b.name, b.below, b.scored) for b in review.by_technician] == [("Ben", 1, 1)]
    assert [(b.name, b.below) for b in review.by_client] == [("Globex", 1)]
    assert review.gaps == () and "kbassist cluster" in review.gaps_note
    rows = weekly.review_rows(review)
    assert {"aging", "reopens", "escalations", "notes below bar by technician"} <= {
        r["section"] for r in rows
    }


def test_a_week_given_as_a_date_includes_that_day() -> None:
    assert weekly.week_end_of("2024-09-26") == datetime(2024, 9, 27)
    assert weekly.week_end_of("2024-09-26T12:30:00") == datetime(2024, 9, 26, 12, 30)
    with pytest.raises(InvalidInput):
        weekly.week_end_of("next monday")


def test_weekly_counts_open_tickets_by_age(team_history) -> None:  # type: ignore[no-untyped-def]
    with team_history.connect() as conn:
        review = weekly.weekly_review(conn, MANAGER, as_of=datetime(2024, 10, 20))
    ages = dict(review.current.open_by_age)
    # T057-T059 never closed: created Sep 24.5, 26 and 27.5 -> 22 to 25 days old.
    assert ages["15-30 days"] == 3 and sum(ages.values()) == 3


def test_cli_weekly_json_and_csv(team_history, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "weekly.csv"
    result = runner.invoke(["weekly", "--json", "--csv", str(target), "--as-of", "2024-09-26"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"weeks", "notes_below_bar", "gaps", "most_credited_articles", "stale_articles"} <= set(
        data
    )
    assert next(csv.reader(io.StringIO(target.read_text()))) == list(weekly.WEEKLY_FIELDS)
    text = runner.invoke(["weekly", "--as-of", "2024-09-26"]).output
    assert "Notes below the bar by technician: Ben 1/1" in text
    assert "Notes below the bar by client: Globex 1/1" in text


# ---------------------------------------------------------------- pages, API and CSV


@pytest.fixture
def web(team_history, app):  # type: ignore[no-untyped-def]
    """The app with the scorecard views (registered here until kbassist.webapp lists them)."""
    from kbassist.webapp import scorecards as views

    if "scorecards" not in app.blueprints:
        app.register_blueprint(views.bp)
        app.register_blueprint(views.api, url_prefix="/api/v1")
    return app


def test_a_tech_sees_only_their_own_card_in_page_api_and_csv(
    web, users, login, client, core
) -> None:  # type: ignore[no-untyped-def]
    from kbassist.auth import create_token

    own = users["tech"].technician_id
    login("tech")
    page = client.get("/scorecards?period=2024-Q3")
    assert page.status_code == 302 and page.headers["Location"].endswith(
        f"/scorecards/{own}?period=2024-Q3"
    )
    assert client.get(f"/scorecards/{own}?period=2024-Q3").status_code == 200
    assert client.get("/scorecards/1?period=2024-Q3").status_code == 403
    assert client.get("/scorecards.csv?period=2024-Q3&technician_id=1").status_code == 403
    rows = list(csv.DictReader(io.StringIO(client.get("/scorecards.csv?period=2024-Q3").text)))
    assert [r["technician"] for r in rows] == ["Dana Whitfield"]
    for path in ("/credit", "/credit/KB-1", "/weekly", "/weekly.csv"):
        assert client.get(path).status_code == 403, path
    token = create_token(core, "tech")
    headers = {"Authorization": f"Bearer {token}"}
    data = client.get("/api/v1/scorecards?period=2024-Q3", headers=headers).get_json()
    assert [c["technician_id"] for c in data["scorecards"]] == [own]
    refused = client.get("/api/v1/scorecards?period=2024-Q3&technician_id=1", headers=headers)
    assert refused.status_code == 403 and "own" in refused.get_json()["error"]
    for path in ("/api/v1/credit", "/api/v1/weekly"):
        assert client.get(path, headers=headers).status_code == 403, path


def test_managers_get_every_card_credit_and_the_weekly_review(
    web, users, login, client, core
) -> None:  # type: ignore[no-untyped-def]
    from kbassist.auth import create_token

    login("manager")
    page = client.get("/scorecards?period=2024-Q3").text
    assert "Ana" in page and "Ben" in page and "Download CSV" in page
    card = client.get("/scorecards/1?period=2024-Q3").text
    assert "5 of the last 10 notes have no cause" in card and card.count("<svg") == 2
    rows = list(csv.DictReader(io.StringIO(client.get("/scorecards.csv?period=2024-Q3").text)))
    assert [r["technician"] for r in rows] == ["Ana", "Ben"]
    credit = client.get("/credit")
    assert credit.status_code == 200 and "KB-1" in credit.text
    assert "low end to save at least 5% of the time" in credit.text  # the materiality bar
    assert "Served tickets" in client.get("/credit/KB-1").text
    assert client.get("/credit/KB-nope").status_code == 404
    weekly_page = client.get("/weekly?as_of=2024-09-26")
    assert weekly_page.status_code == 200 and "Ticket aging" in weekly_page.text
    exported = client.get("/weekly.csv?as_of=2024-09-26")
    assert exported.mimetype == "text/csv" and exported.text.startswith("section,item,week")
    headers = {"Authorization": f"Bearer {create_token(core, 'manager')}"}
    credit_json = client.get("/api/v1/credit", headers=headers).get_json()
    assert {"articles", "people", "method"} <= set(credit_json)
    cards = client.get("/api/v1/scorecards?period=2024-Q3", headers=headers).get_json()
    assert [c["name"] for c in cards["scorecards"]] == ["Ana", "Ben"]
    review = client.get("/api/v1/weekly?as_of=2024-09-26", headers=headers).get_json()
    assert review["weeks"][-1]["closed"] == 3
    assert client.get("/api/v1/weekly?as_of=soon", headers=headers).status_code == 400
