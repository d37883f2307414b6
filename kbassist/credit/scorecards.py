"""Technician scorecards: outcomes over activity counts, per month or quarter (KCS's balanced view).

The statistics are pure functions over ``TicketFact`` records; the service
functions read the store (``kbassist.credit.queries``), compute the credit
once and build every card. A
scorecard holds pay-related figures: managers and admins see everyone, a
technician only their own card, and the service itself enforces it, so the
page, the API and the CSV export all obey the same rule.
"""

from __future__ import annotations

import csv
import io
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection

from kbassist.credit import queries
from kbassist.credit.attribution import compute_credit
from kbassist.credit.estimation import (
    CreditParams,
    Interval,
    credit_by_period,
    month_of,
)
from kbassist.credit.periods import Period, parse_period, period_choices
from kbassist.credit.queries import TicketFact
from kbassist.errors import Forbidden, NotFound
from kbassist.settings import SETTINGS_BY_NAME

DEFAULT_BAR = float(SETTINGS_BY_NAME["NOTE_QUALITY_BAR"].default)
CRITERIA = ("problem", "environment", "cause", "steps", "verification", "followup")
# How a missing criterion reads in a coaching flag: "4 of the last 10 notes have no cause".
MISSING_PHRASES = {
    "problem": "no problem statement",
    "environment": "no environment or scope",
    "cause": "no cause",
    "steps": "no repeatable steps",
    "verification": "no verification",
    "followup": "no follow-up",
}
FLAG_WINDOW = 10  # coaching looks at the technician's last ten scored notes
FLAG_MIN_MISSING = 3  # ... and speaks up when a criterion is missed this often
FLAG_MIN_SHARE = 0.3
TREND_MONTHS = 6
TREND_STEP = 1.0  # score points per month that count as improving or declining
CREDIT_MONTHS = 12


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class CoachingFlag:
    """A repeated gap in a technician's recent notes, in words they can act on."""

    criterion: str
    missing: int
    window: int
    message: str


@dataclass(frozen=True)
class Trend:
    """Monthly mean note scores and their direction."""

    points: tuple[tuple[str, float | None], ...]
    slope: float | None  # score points per month
    direction: str  # improving, steady, declining, not enough data


@dataclass(frozen=True)
class ArticleActivity:
    """A technician's part in the knowledge base in a period."""

    written: tuple[str, ...]
    improved: tuple[str, ...]
    citations_by_others: int


@dataclass(frozen=True)
class Scorecard:
    """One technician's card for one period, with the team's figures beside theirs."""

    technician_id: int
    name: str
    period: str
    tickets_closed: int
    median_minutes: float | None
    team_median_minutes: float | None
    reopen_rate: float | None
    team_reopen_rate: float | None
    escalation_rate: float | None
    team_escalation_rate: float | None
    notes_scored: int
    note_mean: float | None
    team_note_mean: float | None
    below_bar_share: float | None
    quality_trend: Trend
    team_quality: tuple[tuple[str, float | None], ...]
    flags: tuple[CoachingFlag, ...]
    articles: ArticleActivity
    hours_saved: float
    hours_interval: Interval
    credit_trend: tuple[tuple[str, float], ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready card."""
        return {
            "technician_id": self.technician_id,
            "name": self.name,
            "period": self.period,
            "tickets_closed": self.tickets_closed,
            "median_minutes": _round(self.median_minutes, 1),
            "team_median_minutes": _round(self.team_median_minutes, 1),
            "reopen_rate": _round(self.reopen_rate, 4),
            "team_reopen_rate": _round(self.team_reopen_rate, 4),
            "escalation_rate": _round(self.escalation_rate, 4),
            "team_escalation_rate": _round(self.team_escalation_rate, 4),
            "note_quality": {
                "scored": self.notes_scored,
                "mean": _round(self.note_mean, 1),
                "team_mean": _round(self.team_note_mean, 1),
                "below_bar_share": _round(self.below_bar_share, 4),
                "trend": {
                    "direction": self.quality_trend.direction,
                    "slope_per_month": _round(self.quality_trend.slope, 2),
                    "months": [
                        {"month": m, "mean": _round(v, 1)} for m, v in self.quality_trend.points
                    ],
                },
            },
            "coaching_flags": [
                {
                    "criterion": f.criterion,
                    "missing": f.missing,
                    "of": f.window,
                    "message": f.message,
                }
                for f in self.flags
            ],
            "articles_written": list(self.articles.written),
            "articles_improved": list(self.articles.improved),
            "citations_by_others": self.articles.citations_by_others,
            "hours_saved": round(self.hours_saved, 2),
            "hours_interval": {
                "low": round(self.hours_interval.low, 2),
                "high": round(self.hours_interval.high, 2),
            },
            "credit_by_month": [{"month": m, "hours": round(h, 2)} for m, h in self.credit_trend],
        }


@dataclass(frozen=True)
class ScorecardSet:
    """The cards a viewer may see for one period."""

    period: Period
    bar: float
    cards: tuple[Scorecard, ...]
    # The periods the data covers, newest first, for a picker: (label, title).
    months: tuple[tuple[str, str], ...] = ()
    quarters: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.label,
            "period_title": self.period.title,
            "start": self.period.start.isoformat(),
            "end": self.period.end.isoformat(),
            "note_quality_bar": self.bar,
            "scorecards": [card.as_dict() for card in self.cards],
        }


# ---------------------------------------------------------------- pure statistics


def median(values: Iterable[float | None]) -> float | None:
    kept = [float(v) for v in values if v is not None and math.isfinite(v)]
    return statistics.median(kept) if kept else None


def rate(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def coaching_flags(
    criteria: Sequence[Mapping[str, bool]],
    window: int = FLAG_WINDOW,
    min_missing: int = FLAG_MIN_MISSING,
    min_share: float = FLAG_MIN_SHARE,
) -> tuple[CoachingFlag, ...]:
    """Criteria missed repeatedly in the last ``window`` notes (given newest first)."""
    recent = [c for c in criteria if c][:window]
    if not recent:
        return ()
    names = [c for c in CRITERIA if any(c in note for note in recent)]
    names += sorted({k for note in recent for k in note} - set(CRITERIA))
    flags = []
    for name in names:
        missing = sum(1 for note in recent if note.get(name) is False)
        if missing >= min_missing and missing / len(recent) >= min_share:
            phrase = MISSING_PHRASES.get(name, f"no {name}")
            message = f"{missing} of the last {len(recent)} notes have {phrase}"
            flags.append(CoachingFlag(name, missing, len(recent), message))
    flags.sort(
        key=lambda f: (-f.missing, CRITERIA.index(f.criterion) if f.criterion in CRITERIA else 99)
    )
    return tuple(flags)


def quality_trend(points: Sequence[tuple[str, float | None]], step: float = TREND_STEP) -> Trend:
    """Least-squares slope of monthly means (months without notes skipped)."""
    known = [(i, v) for i, (_, v) in enumerate(points) if v is not None]
    if len(known) < 3:
        return Trend(tuple(points), None, "not enough data")
    mean_x = sum(i for i, _ in known) / len(known)
    mean_y = sum(v for _, v in known) / len(known)
    spread = sum((i - mean_x) ** 2 for i, _ in known)
    slope = sum((i - mean_x) * (v - mean_y) for i, v in known) / spread
    direction = "improving" if slope >= step else "declining" if slope <= -step else "steady"
    return Trend(tuple(points), slope, direction)


def monthly_means(
    facts: Sequence[TicketFact], months: Sequence[str]
) -> tuple[tuple[str, float | None], ...]:
    """Mean note score per month (by closing date); None where no note was scored."""
    scores: dict[str, list[float]] = defaultdict(list)
    for fact in facts:
        if fact.closed_at is not None and fact.note_score is not None:
            scores[month_of(fact.closed_at)].append(fact.note_score)
    return tuple((m, statistics.fmean(scores[m]) if scores[m] else None) for m in months)


def months_before(end: datetime, count: int) -> tuple[str, ...]:
    """The ``count`` calendar months up to the one before ``end`` (exclusive end)."""
    year, month = end.year, end.month
    labels = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        labels.append(f"{year:04d}-{month:02d}")
    return tuple(reversed(labels))


def build_scorecard(
    technician_id: int,
    name: str,
    period: Period,
    facts: Sequence[TicketFact],
    team: Sequence[TicketFact],
    bar: float,
    articles: ArticleActivity,
    credit: Mapping[str, tuple[float, float, float]],
    team_quality: tuple[tuple[str, float | None], ...] = (),
) -> Scorecard:
    """One card from the technician's tickets, the team's, their articles and their credit by month.

    ``facts`` are all the technician's tickets (for the trend and the flags);
    ``team`` the whole team's tickets closed in the period; ``credit`` maps a
    month to (hours, low, high).
    """
    closed = [f for f in facts if period.contains(f.closed_at)]
    scored = [f.note_score for f in closed if f.note_score is not None]
    team_scores = [f.note_score for f in team if f.note_score is not None]
    trend_months = months_before(period.end, TREND_MONTHS)
    history = sorted(
        (f for f in facts if f.closed_at is not None and f.closed_at < period.end),
        key=lambda f: (f.closed_at, f.ticket_id),
        reverse=True,
    )
    credit_months = months_before(period.end, CREDIT_MONTHS)
    in_period = [m for m in credit if _month_in(m, period)]
    return Scorecard(
        technician_id=technician_id,
        name=name,
        period=period.label,
        tickets_closed=len(closed),
        median_minutes=median(f.minutes for f in closed),
        team_median_minutes=median(f.minutes for f in team),
        reopen_rate=rate([f.reopened for f in closed]),
        team_reopen_rate=rate([f.reopened for f in team]),
        escalation_rate=rate([f.escalated for f in closed]),
        team_escalation_rate=rate([f.escalated for f in team]),
        notes_scored=len(scored),
        note_mean=statistics.fmean(scored) if scored else None,
        team_note_mean=statistics.fmean(team_scores) if team_scores else None,
        below_bar_share=rate([s < bar for s in scored]),
        quality_trend=quality_trend(monthly_means(facts, trend_months)),
        team_quality=team_quality,
        flags=coaching_flags([f.criteria for f in history if f.note_score is not None]),
        articles=articles,
        hours_saved=sum((credit[m][0] for m in in_period), 0.0),
        hours_interval=Interval(
            sum((credit[m][1] for m in in_period), 0.0),
            sum((credit[m][2] for m in in_period), 0.0),
        ),
        credit_trend=tuple((m, credit.get(m, (0.0, 0.0, 0.0))[0]) for m in credit_months),
    )


def article_activity(
    technician_id: int,
    period: Period,
    authored: Mapping[str, int | None],
    versions: Sequence[tuple[str, int, int | None, datetime | None, int]],
    created: Mapping[str, datetime | None],
    people: Mapping[str, set[int]],
    citations: Sequence[tuple[str, int | None, datetime | None]],
) -> ArticleActivity:
    """Articles written and improved in the period, and citations of theirs by others.

    ``versions`` are (article, version, editor, changed_at, chars_added);
    ``people`` maps an article to everyone holding a share of it; ``citations``
    are (article, assignee of the citing ticket, its closing date).
    """
    written = sorted(
        a
        for a, author in authored.items()
        if author == technician_id and period.contains(created.get(a))
    )
    improved = sorted(
        {
            article
            for article, version, editor, changed_at, chars in versions
            if editor == technician_id and version > 1 and chars > 0 and period.contains(changed_at)
        }
    )
    theirs = {a for a, holders in people.items() if technician_id in holders}
    cited = sum(
        1
        for article, assignee, closed_at in citations
        if article in theirs and assignee not in people[article] and period.contains(closed_at)
    )
    return ArticleActivity(tuple(written), tuple(improved), cited)


def csv_text(rows: Sequence[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """CSV with a header; text that a spreadsheet would run as a formula is quoted with '."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in fields})
    return buffer.getvalue()


# ---------------------------------------------------------------- service


SCORECARD_FIELDS = (
    "technician",
    "period",
    "tickets_closed",
    "median_minutes",
    "team_median_minutes",
    "reopen_rate",
    "team_reopen_rate",
    "escalation_rate",
    "team_escalation_rate",
    "notes_scored",
    "note_mean",
    "below_bar_share",
    "quality_trend",
    "coaching_flags",
    "articles_written",
    "articles_improved",
    "citations_by_others",
    "hours_saved",
    "hours_low",
    "hours_high",
)


def visible_technician(viewer: Any, technician_id: int | None = None) -> int | None:
    """The one technician a viewer may see (their own), or ``technician_id`` for managers.

    Managers and admins may ask for anyone (None: everyone); a technician gets
    their own card and Forbidden for anyone else's.
    """
    if viewer.can("scorecards_all"):
        return technician_id
    if viewer.can("scorecards") and viewer.technician_id is not None:
        if technician_id is not None and technician_id != viewer.technician_id:
            raise Forbidden("A technician can see only their own scorecard.")
        return int(viewer.technician_id)
    raise Forbidden("Scorecards are for managers and admins; technicians see their own card.")


def scorecards(
    conn: Connection,
    viewer: Any,
    period: str = "month",
    technician_id: int | None = None,
    *,
    bar: float = DEFAULT_BAR,
    params: CreditParams | None = None,
    cache: MutableMapping[Any, Any] | None = None,
) -> ScorecardSet:
    """The cards the viewer may see for a period: everyone's for managers, their own for a tech."""
    only = visible_technician(viewer, technician_id)
    facts = queries.load_facts(conn)
    closed = [f.closed_at for f in facts if f.closed_at is not None]
    latest = max(closed, default=None)
    chosen = parse_period(period, latest)
    names = queries.technician_names(conn)
    if only is not None and only not in names:
        raise NotFound(f"No technician with id {only}.")
    run = compute_credit(conn, params, cache)
    monthly = credit_by_period(run.report, month_of)
    kb = queries.kb_facts(conn)
    by_tech: dict[int, list[TicketFact]] = defaultdict(list)
    for fact in facts:
        if fact.technician_id is not None:
            by_tech[fact.technician_id].append(fact)
    team = [f for f in facts if chosen.contains(f.closed_at)]
    team_quality = monthly_means(facts, months_before(chosen.end, TREND_MONTHS))
    if only is not None:
        ids = [only]
    else:
        active = {f.technician_id for f in team if f.technician_id is not None}
        active |= {t for (t, m) in monthly if t is not None and _month_in(m, chosen)}
        active |= {a for a in kb["authored"].values() if a is not None}
        ids = sorted(active & set(names), key=lambda t: (names[t], t))
    cards = []
    for tech in ids:
        credit = {m: v for (t, m), v in monthly.items() if t == tech}
        card = build_scorecard(
            tech,
            names[tech],
            chosen,
            by_tech.get(tech, []),
            team,
            bar,
            article_activity(tech, chosen, **kb),
            credit,
            team_quality,
        )
        cards.append(card)
    if only is None:
        cards = [c for c in cards if _has_activity(c)]
    months, quarters = period_choices(min(closed, default=None), latest)
    return ScorecardSet(chosen, bar, tuple(cards), months, quarters)


def scorecard(
    conn: Connection,
    viewer: Any,
    technician_id: int,
    period: str = "month",
    *,
    bar: float = DEFAULT_BAR,
    params: CreditParams | None = None,
    cache: MutableMapping[Any, Any] | None = None,
) -> Scorecard:
    """One technician's card; Forbidden for a tech asking for someone else's."""
    found = scorecards(conn, viewer, period, technician_id, bar=bar, params=params, cache=cache)
    return found.cards[0]


def scorecard_rows(found: ScorecardSet) -> list[dict[str, Any]]:
    """Flat rows for the bonus process's spreadsheet, one per card."""
    rows = []
    for card in found.cards:
        rows.append(
            {
                "technician": card.name,
                "period": card.period,
                "tickets_closed": card.tickets_closed,
                "median_minutes": _round(card.median_minutes, 1),
                "team_median_minutes": _round(card.team_median_minutes, 1),
                "reopen_rate": _round(card.reopen_rate, 4),
                "team_reopen_rate": _round(card.team_reopen_rate, 4),
                "escalation_rate": _round(card.escalation_rate, 4),
                "team_escalation_rate": _round(card.team_escalation_rate, 4),
                "notes_scored": card.notes_scored,
                "note_mean": _round(card.note_mean, 1),
                "below_bar_share": _round(card.below_bar_share, 4),
                "quality_trend": card.quality_trend.direction,
                "coaching_flags": "; ".join(f.message for f in card.flags),
                "articles_written": len(card.articles.written),
                "articles_improved": len(card.articles.improved),
                "citations_by_others": card.articles.citations_by_others,
                "hours_saved": round(card.hours_saved, 2),
                "hours_low": round(card.hours_interval.low, 2),
                "hours_high": round(card.hours_interval.high, 2),
            }
        )
    return rows


# ---------------------------------------------------------------- internals


def _has_activity(card: Scorecard) -> bool:
    return bool(
        card.tickets_closed
        or card.hours_saved
        or card.articles.written
        or card.articles.improved
        or card.articles.citations_by_others
    )


def _month_in(month: str, period: Period) -> bool:
    start = f"{period.start.year:04d}-{period.start.month:02d}"
    end = f"{period.end.year:04d}-{period.end.month:02d}"
    return start <= month < end


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)
