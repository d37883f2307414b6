"""The weekly review: what a service manager looks at every Monday, as data and CSV rows.

Ticket aging and its trend, reopens, escalation frequency, closure notes below
the bar per technician and client, new and growing gaps, the most credited
articles, and stale articles that reopened tickets still lean on. The week ends
at the newest ticket event in the data (or ``as_of``), so an imported history
is reviewed on its own last week. Managers and admins only. The printable page
is the web layer's job.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import Connection

from kbassist.credit import queries
from kbassist.credit.attribution import compute_credit
from kbassist.credit.estimation import CREDITED, CreditParams
from kbassist.credit.queries import TicketFact
from kbassist.credit.scorecards import DEFAULT_BAR
from kbassist.errors import Forbidden, InvalidInput
from kbassist.gaps import queries as gaps_queries
from kbassist.gaps.report import find_gaps

AGING_BUCKETS = ((2, "0-2 days"), (7, "3-7 days"), (14, "8-14 days"), (30, "15-30 days"))
OLDEST_BUCKET = "over 30 days"
TREND_WEEKS = 8
GAP_COMPARE_WEEKS = 4  # a gap grows when this week beats its average of the weeks before
STALE_DAYS = 180  # an article not changed for this long ...
STALE_WINDOW_DAYS = 90  # ... that tickets reopened in this window still cite, is stale
TOP_ARTICLES = 10
WEEKLY_FIELDS = ("section", "item", "week", "metric", "value")


@dataclass(frozen=True)
class WeekRow:
    """One week's counts: aging of open tickets at its end, reopens and escalations."""

    week: str  # the week's last day (included), YYYY-MM-DD
    open_by_age: tuple[tuple[str, int], ...]
    closed: int
    reopened: int
    escalated: int

    @property
    def reopen_rate(self) -> float | None:
        return self.reopened / self.closed if self.closed else None

    @property
    def escalation_rate(self) -> float | None:
        return self.escalated / self.closed if self.closed else None


@dataclass(frozen=True)
class BelowBar:
    """Closure notes below the bar in the week, for one technician or client."""

    name: str
    below: int
    scored: int


@dataclass(frozen=True)
class GapTrend:
    family_id: int
    label: str
    this_week: int
    weekly_average: float  # over the GAP_COMPARE_WEEKS before
    hours: float
    new: bool


@dataclass(frozen=True)
class StaleArticle:
    article_id: str
    title: str
    last_changed: datetime | None
    reopened_tickets: tuple[str, ...]


@dataclass(frozen=True)
class WeeklyReview:
    """Everything on the weekly review page."""

    week_start: datetime
    week_end: datetime
    weeks: tuple[WeekRow, ...]  # oldest first, the review's week last
    by_technician: tuple[BelowBar, ...]
    by_client: tuple[BelowBar, ...]
    bar: float
    gaps: tuple[GapTrend, ...]
    gaps_note: str
    credited: tuple[dict[str, Any], ...]
    stale: tuple[StaleArticle, ...]

    @property
    def current(self) -> WeekRow:
        return self.weeks[-1]

    @property
    def last_day(self) -> datetime:
        """The last day the week includes (its end is exclusive)."""
        return self.week_end - timedelta(seconds=1)

    def as_dict(self) -> dict[str, Any]:
        return {
            "week_start": self.week_start.isoformat(),
            "week_end": self.week_end.isoformat(),
            "last_day": f"{self.last_day:%Y-%m-%d}",
            "note_quality_bar": self.bar,
            "weeks": [
                {
                    "week": w.week,
                    "open_by_age": dict(w.open_by_age),
                    "closed": w.closed,
                    "reopened": w.reopened,
                    "reopen_rate": _round(w.reopen_rate),
                    "escalated": w.escalated,
                    "escalation_rate": _round(w.escalation_rate),
                }
                for w in self.weeks
            ],
            "notes_below_bar": {
                "by_technician": [vars(b) for b in self.by_technician],
                "by_client": [vars(b) for b in self.by_client],
            },
            "gaps": [vars(g) | {"hours": round(g.hours, 2)} for g in self.gaps],
            "gaps_note": self.gaps_note,
            "most_credited_articles": list(self.credited),
            "stale_articles": [
                {
                    "article_id": s.article_id,
                    "title": s.title,
                    "last_changed": s.last_changed.isoformat() if s.last_changed else None,
                    "reopened_tickets": list(s.reopened_tickets),
                }
                for s in self.stale
            ],
        }


# ---------------------------------------------------------------- pure


def week_end_of(text: str) -> datetime:
    """The (exclusive) end of the week a person means: a date includes that whole day."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidInput(f"as_of: {text!r} is not an ISO date (e.g. 2024-06-30).") from error
    if len(text.strip()) == 10:  # a bare date: the week runs to the end of that day
        return moment + timedelta(days=1)
    return moment


def age_bucket(days: float) -> str:
    for limit, label in AGING_BUCKETS:
        if days <= limit:
            return label
    return OLDEST_BUCKET


def week_rows(
    facts: Sequence[TicketFact], end: datetime, weeks: int = TREND_WEEKS
) -> tuple[WeekRow, ...]:
    """The last ``weeks`` weeks to ``end``: open tickets by age at each week's end, and closures."""
    labels = [label for _, label in AGING_BUCKETS] + [OLDEST_BUCKET]
    rows = []
    for back in reversed(range(weeks)):
        stop = end - timedelta(days=7 * back)
        start = stop - timedelta(days=7)
        ages: Counter[str] = Counter()
        closed = reopened = escalated = 0
        for fact in facts:
            if fact.created_at is None or fact.created_at > stop:
                continue
            if fact.closed_at is None or fact.closed_at > stop:
                ages[age_bucket((stop - fact.created_at).total_seconds() / 86400.0)] += 1
            elif start < fact.closed_at <= stop:
                closed += 1
                reopened += fact.reopened
                escalated += fact.escalated
        rows.append(
            WeekRow(
                week=f"{stop - timedelta(seconds=1):%Y-%m-%d}",
                open_by_age=tuple((label, ages[label]) for label in labels),
                closed=closed,
                reopened=reopened,
                escalated=escalated,
            )
        )
    return tuple(rows)


def below_bar(
    facts: Sequence[TicketFact],
    key: str,
    names: Mapping[int, str],
    bar: float,
    start: datetime,
    end: datetime,
) -> tuple[BelowBar, ...]:
    """Notes closed in (start, end] scoring below the bar, grouped by technician or client."""
    scored: Counter[str] = Counter()
    below: Counter[str] = Counter()
    for fact in facts:
        if fact.note_score is None or fact.closed_at is None or not start < fact.closed_at <= end:
            continue
        owner = getattr(fact, key)
        name = names.get(owner, "(none)") if owner is not None else "(none)"
        scored[name] += 1
        below[name] += fact.note_score < bar
    rows = [BelowBar(name, below[name], scored[name]) for name in scored if below[name]]
    rows.sort(key=lambda r: (-r.below, -r.below / r.scored, r.name))
    return tuple(rows)


def gap_trends(
    gaps: Sequence[Mapping[str, Any]],
    created: Mapping[str, datetime | None],
    first_seen: Mapping[int, datetime],
    end: datetime,
) -> tuple[GapTrend, ...]:
    """New gaps (first ticket in the last four weeks) and growing ones (this week above average)."""
    week_start = end - timedelta(days=7)
    compare_start = week_start - timedelta(days=7 * GAP_COMPARE_WEEKS)
    result = []
    for gap in gaps:
        dates = [created.get(t) for t in gap["ticket_ids"]]
        this_week = sum(1 for d in dates if d is not None and week_start < d <= end)
        before = sum(1 for d in dates if d is not None and compare_start < d <= week_start)
        average = before / GAP_COMPARE_WEEKS
        first = first_seen.get(gap["family_id"])
        new = first is not None and first > compare_start
        if new or (this_week >= 2 and this_week > average):
            result.append(
                GapTrend(gap["family_id"], gap["label"], this_week, average, gap["hours"], new)
            )
    result.sort(key=lambda g: (-(g.this_week - g.weekly_average), -g.hours, g.family_id))
    return tuple(result)


def review_rows(review: WeeklyReview) -> list[dict[str, Any]]:
    """Flat (section, item, week, metric, value) rows for the CSV export."""
    rows: list[dict[str, Any]] = []
    for week in review.weeks:
        for label, count in week.open_by_age:
            rows.append(_row("aging", label, week.week, "open tickets", count))
        rows.append(_row("closures", "all", week.week, "closed", week.closed))
        rows.append(_row("reopens", "all", week.week, "reopened", week.reopened))
        rows.append(_row("reopens", "all", week.week, "reopen rate", _round(week.reopen_rate)))
        rows.append(_row("escalations", "all", week.week, "escalated", week.escalated))
        rows.append(
            _row("escalations", "all", week.week, "escalation rate", _round(week.escalation_rate))
        )
    current = review.current.week
    for section, entries in (
        ("notes below bar by technician", review.by_technician),
        ("notes below bar by client", review.by_client),
    ):
        for entry in entries:
            rows.append(_row(section, entry.name, current, "below bar", entry.below))
            rows.append(_row(section, entry.name, current, "scored", entry.scored))
    for gap in review.gaps:
        item = f"{gap.label} (family {gap.family_id})"
        rows.append(_row("gaps", item, current, "tickets this week", gap.this_week))
        rows.append(
            _row("gaps", item, current, "weekly average before", round(gap.weekly_average, 2))
        )
        rows.append(_row("gaps", item, current, "new", gap.new))
    for article in review.credited:
        rows.append(
            _row(
                "credited articles",
                article["article_id"],
                current,
                "hours saved",
                article["hours_saved"],
            )
        )
    for stale in review.stale:
        rows.append(
            _row(
                "stale articles",
                stale.article_id,
                current,
                "reopened tickets citing",
                len(stale.reopened_tickets),
            )
        )
    return rows


# ---------------------------------------------------------------- service


def weekly_review(
    conn: Connection,
    viewer: Any = None,
    *,
    as_of: datetime | None = None,
    bar: float = DEFAULT_BAR,
    params: CreditParams | None = None,
    cache: MutableMapping[Any, Any] | None = None,
) -> WeeklyReview:
    """The week ending at ``as_of`` (exclusive); by default the newest ticket event's day."""
    if viewer is not None and not viewer.can("weekly"):
        raise Forbidden("The weekly review is for managers and admins.")
    facts = queries.load_facts(conn)
    newest = _newest_event(facts) or datetime(2000, 1, 1)
    # By default the week closes at the end of the day of the newest ticket event.
    end = as_of or datetime(newest.year, newest.month, newest.day) + timedelta(days=1)
    start = end - timedelta(days=7)
    technicians = queries.technician_names(conn)
    clients = queries.client_names(conn)
    gaps, note = _gap_trends(conn, facts, end)
    return WeeklyReview(
        week_start=start,
        week_end=end,
        weeks=week_rows(facts, end),
        by_technician=below_bar(facts, "technician_id", technicians, bar, start, end),
        by_client=below_bar(facts, "client_id", clients, bar, start, end),
        bar=bar,
        gaps=gaps,
        gaps_note=note,
        credited=_most_credited(conn, params, cache),
        stale=_stale_articles(conn, facts, end),
    )


def _newest_event(facts: Sequence[TicketFact]) -> datetime | None:
    moments = [m for f in facts for m in (f.created_at, f.closed_at) if m is not None]
    return max(moments, default=None)


def _gap_trends(
    conn: Connection, facts: Sequence[TicketFact], end: datetime
) -> tuple[tuple[GapTrend, ...], str]:
    if gaps_queries.last_run(conn) is None:
        return (), "No issue families yet: run `kbassist cluster` to find gaps."
    report = find_gaps(conn, None, now=end)  # coverage from the precomputed gaps snapshot
    created = {f.ticket_id: f.created_at for f in facts}
    first_seen = gaps_queries.first_seen(conn, [g.family_id for g in report.gaps])
    gaps = [g.as_dict() for g in report.gaps]
    trends = gap_trends(gaps, created, first_seen, end)
    note = f"{len(report.gaps)} uncovered repeat issues in the last {report.window_days} days."
    return trends, note


def _most_credited(
    conn: Connection, params: CreditParams | None, cache: MutableMapping[Any, Any] | None
) -> tuple[dict[str, Any], ...]:
    run = compute_credit(conn, params, cache)
    top = [a for a in run.report.articles if a.status == CREDITED][:TOP_ARTICLES]
    return tuple(
        {
            "article_id": a.article_id,
            "title": a.title,
            "hours_saved": round(a.hours_saved, 2),
            "low": round(a.hours_interval.low, 2),
            "high": round(a.hours_interval.high, 2),
            "tickets_served": a.tickets_served,
            "authors": ", ".join(s.name for s in a.shares if s.share > 0),
        }
        for a in top
    )


def _stale_articles(
    conn: Connection, facts: Sequence[TicketFact], end: datetime
) -> tuple[StaleArticle, ...]:
    """Articles unchanged for STALE_DAYS that tickets reopened in STALE_WINDOW_DAYS cite."""
    window_start = end - timedelta(days=STALE_WINDOW_DAYS)
    reopened = {
        f.ticket_id
        for f in facts
        if f.reopened and f.closed_at is not None and window_start < f.closed_at <= end
    }
    if not reopened:
        return ()
    last_version = queries.last_changes(conn)
    citing: dict[str, list[str]] = defaultdict(list)
    for article_id, ticket_id in queries.article_links(conn):
        if ticket_id in reopened:
            citing[article_id].append(ticket_id)
    stale = []
    for row in queries.article_dates(conn):
        if row.id not in citing:
            continue
        dates = [d for d in (row.created, row.updated, last_version.get(row.id)) if d is not None]
        changed = max(dates, default=None)
        if changed is None or changed < end - timedelta(days=STALE_DAYS):
            stale.append(StaleArticle(row.id, row.title, changed, tuple(sorted(citing[row.id]))))
    stale.sort(key=lambda s: (-len(s.reopened_tickets), s.article_id))
    return tuple(stale)


def _row(section: str, item: str, week: str, metric: str, value: Any) -> dict[str, Any]:
    return {"section": section, "item": item, "week": week, "metric": metric, "value": value}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
