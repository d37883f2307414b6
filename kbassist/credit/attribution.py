"""Credit service: gathers what articles served from the store and explains every credited hour.

Reads only. The math lives in ``kbassist.credit.estimation`` and the SQL in
``kbassist.credit.queries``; this module finds each ticket's issue family
(``kbassist.gaps.queries.families_of``, or the ticket category when no
clustering has run yet), each article's serving start, families, served
tickets and content shares, and renders the results for the CLI, the API and
the pages. Figures are pay-related: the viewer-facing functions refuse anyone
who is not a manager or an admin.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection

from kbassist.credit import queries
from kbassist.credit.estimation import (
    CREDITED,
    NOT_ENOUGH_DATA,
    UNASSIGNED,
    ArticleCredit,
    CreditParams,
    CreditReport,
    Exposure,
    Interval,
    OutcomeEffect,
    TicketOutcome,
    estimate_credit,
    exposures_of,
    month_of,
)
from kbassist.errors import Forbidden, NotFound
from kbassist.gaps import queries as gaps_queries
from kbassist.gaps.report import LINK_COVER_MIN_SHARE, LINK_COVER_MIN_TICKETS

FAMILY_SOURCE_GAPS = "issue families from clustering"
FAMILY_SOURCE_CATEGORY = (
    "ticket categories (no clustering yet: run `kbassist cluster` for issue families)"
)
_OUTCOME_LABELS = {
    "minutes": "troubleshooting minutes",
    "resolution_hours": "resolution hours",
    "reopened": "reopen rate",
    "escalated": "escalation rate",
}


@dataclass(frozen=True)
class CreditRun:
    """A computed report with what it needs to be shown: names, titles, where families came from."""

    report: CreditReport
    family_source: str
    names: dict[int, str]
    titles: dict[str, str]
    published: dict[str, datetime]
    family_labels: dict[str, str]
    tickets: dict[str, TicketOutcome]
    exposures: dict[str, Exposure]


@dataclass(frozen=True)
class TicketTrail:
    """One ticket behind an article's figure: what it took and what it would have taken."""

    ticket_id: str
    created_at: datetime
    month: str
    family: str | None
    minutes: float | None
    # Typical (median-like) minutes without the article: exp(family level + month +
    # technician effect). The credit uses the mean, not this: see docs/credit.md.
    expected_minutes: float | None
    month_effect: float | None
    technician_effect: float | None
    linked: bool
    weight: float  # 1 / number of articles serving it
    credited_minutes: float  # minutes credited to the article for this ticket


@dataclass(frozen=True)
class Explanation:
    """The whole trail of one article's credit: tickets, baseline, computation and shares."""

    article: ArticleCredit
    published: datetime | None
    family_source: str
    family_labels: dict[str, str]
    headline: str  # the figure in plain words, before any statistics
    method: str  # the method, named under it
    served: tuple[TicketTrail, ...]
    baseline: tuple[TicketTrail, ...]
    month_effects: tuple[tuple[str, float, int], ...]
    steps: tuple[str, ...]
    people: tuple[dict[str, Any], ...]
    params: CreditParams

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the article's figures, its trail and the computation in words."""
        return {
            **article_dict(self.article),
            "headline": self.headline,
            "method_text": self.method,
            "published": _iso(self.published),
            "family_source": self.family_source,
            "family_labels": self.family_labels,
            "steps": list(self.steps),
            "people": list(self.people),
            "served": [_trail_dict(t) for t in self.served],
            "baseline": [_trail_dict(t) for t in self.baseline],
            "month_effects": [
                {"month": m, "effect": round(e, 4), "controls": n} for m, e, n in self.month_effects
            ],
            "method": method_dict(self.params, self.family_source),
        }

    def render_text(self) -> str:
        """The trail for a terminal: the computation, then the tickets."""
        lines = [f"{self.article.article_id}: {self.article.title}", "", self.headline]
        lines += [f"Method: {self.method}", ""]
        lines += [f"{n}. {step}" for n, step in enumerate(self.steps, start=1)]
        lines += ["", f"Served tickets ({len(self.served)}):"]
        lines += [
            f"  {t.ticket_id}  {t.created_at:%Y-%m-%d}  {_num(t.minutes)} min "
            f"(typical without it {_num(t.expected_minutes)}){'  linked' if t.linked else ''}"
            for t in self.served
        ]
        lines += ["", f"Baseline tickets ({len(self.baseline)}):"]
        lines += [
            f"  {t.ticket_id}  {t.created_at:%Y-%m-%d}  {_num(t.minutes)} min"
            for t in self.baseline
        ]
        return "\n".join(lines)


# ---------------------------------------------------------------- gathering


def load_outcomes(conn: Connection) -> tuple[list[TicketOutcome], str]:
    """Every resolved ticket as a TicketOutcome, and where its family came from."""
    families, source = _families(conn)
    return queries.load_outcomes(conn, families), source


def load_exposures(
    conn: Connection, tickets: Sequence[TicketOutcome], names: dict[int, str]
) -> tuple[list[Exposure], dict[str, datetime]]:
    """Every article: serving start, families, served tickets and content shares."""
    infos, published = queries.load_articles(conn)
    # An article serves the families the gaps page counts it as covering by links.
    least, share = LINK_COVER_MIN_TICKETS, LINK_COVER_MIN_SHARE
    return exposures_of(infos, tickets, names, least, share), published


def compute_credit(
    conn: Connection,
    params: CreditParams | None = None,
    cache: MutableMapping[Any, CreditRun] | None = None,
) -> CreditRun:
    """Credit for every article from the store (no permission check: for services).

    With ``cache`` (a dict the caller keeps, e.g. one per process), a run is
    reused while the data it depends on is unchanged: the computation is
    deterministic, so a cached run is exactly what a new one would give.
    """
    key = (queries.data_fingerprint(conn), params or CreditParams())
    if cache is not None and key in cache:
        return cache[key]
    names = queries.technician_names(conn)
    tickets, source = load_outcomes(conn)
    exposures, published = load_exposures(conn, tickets, names)
    report = estimate_credit(tickets, exposures, params)
    run = CreditRun(
        report=report,
        family_source=source,
        names=names,
        titles={e.article_id: e.title for e in exposures},
        published=published,
        family_labels=_family_labels(conn, source),
        tickets={t.ticket_id: t for t in tickets},
        exposures={e.article_id: e for e in exposures},
    )
    if cache is not None:
        cache.clear()  # only the newest data matters
        cache[key] = run
    return run


def require_credit_viewer(viewer: Any) -> None:
    """Credit figures are pay-related: managers and admins only (None: the trusted CLI)."""
    if viewer is not None and not viewer.can("credit"):
        raise Forbidden("Credit figures are for managers and admins.")


# ---------------------------------------------------------------- surfaces


def credit_summary(
    conn: Connection,
    viewer: Any = None,
    params: CreditParams | None = None,
    cache: MutableMapping[Any, CreditRun] | None = None,
) -> dict[str, Any]:
    """The ``kbassist credit --json`` object: ``articles``, ``people`` and the ``method``."""
    require_credit_viewer(viewer)
    return summary_dict(compute_credit(conn, params, cache))


def summary_dict(run: CreditRun) -> dict[str, Any]:
    """The JSON shape of a computed run."""
    report = run.report
    return {
        "articles": [article_dict(a) for a in report.articles],
        "people": [
            {
                "technician_id": p.technician_id,
                "name": p.name,
                "hours_saved": round(p.hours_saved, 2),
                "interval": _interval(p.interval, 2),
                "articles": [{"article_id": a, "hours": round(h, 2)} for a, h in p.articles],
            }
            for p in report.people
        ],
        "method": {**method_dict(report.params, run.family_source), "months": list(report.months)},
    }


def article_dict(article: ArticleCredit) -> dict[str, Any]:
    """One article's figures in the documented JSON shape."""
    return {
        "article_id": article.article_id,
        "title": article.title,
        "status": article.status,
        "reason": article.reason,
        "authors": [
            {
                "name": s.name,
                "technician_id": s.technician_id,
                "role": s.role,
                "share": round(s.share, 4),
                "chars_added": s.chars_added,
            }
            for s in article.shares
        ],
        "start": _iso(article.start),
        "families": list(article.families),
        "tickets_served": article.tickets_served,
        "baseline_tickets": len(article.baseline),
        "minutes_saved_per_ticket": _round(article.minutes_saved_per_ticket, 2),
        "interval": _interval(article.interval, 2),
        "credit_bar": _round(article.bar, 2),
        "hours_saved": round(article.hours_saved, 2),
        "hours_interval": _interval(article.hours_interval, 2),
        "effects": {e.outcome: _effect_dict(e) for e in article.effects},
    }


def method_dict(params: CreditParams, family_source: str) -> dict[str, Any]:
    return {
        "estimator": "imputation difference-in-differences on log minutes"
        if params.method == "did"
        else "naive before/after on log minutes",
        "rounded_minutes": "read as intervals"
        if params.minutes_as == "intervals"
        else "read as exact",
        "family_source": family_source,
        "bootstrap": params.bootstrap,
        "confidence": params.confidence,
        "materiality": params.materiality,
        "seed": params.seed,
        "min_served": params.min_served,
        "min_baseline": params.min_baseline,
    }


def explain(
    conn: Connection,
    article_id: str,
    *,
    viewer: Any = None,
    params: CreditParams | None = None,
    cache: MutableMapping[Any, CreditRun] | None = None,
) -> Explanation:
    """The trail behind one article's credit (its tickets, the baseline and each step)."""
    require_credit_viewer(viewer)
    run = compute_credit(conn, params, cache)
    article = run.report.article(article_id)
    if article is None:
        raise NotFound(f"No article {article_id!r}. List articles with `kbassist credit`.")
    return explanation_of(run, article)


def explanation_of(run: CreditRun, article: ArticleCredit) -> Explanation:
    """Build the trail of one article from a computed run."""
    report = run.report
    baseline = report.baseline
    linking = set(run.exposures[article.article_id].linking)
    credited = {e.ticket_id: e.minutes for e in report.ledger if e.article_id == article.article_id}
    weights = _serving_counts(report)

    def trail(ticket_id: str) -> TicketTrail:
        ticket = run.tickets[ticket_id]
        month = month_of(ticket.created_at)
        family = ticket.family
        effect = baseline.period_effect.get(month)
        level = baseline.family_level.get(family) if family is not None else None
        person = baseline.technician_effect.get(ticket.technician or UNASSIGNED, 0.0)
        expected = None
        if level is not None and effect is not None:
            expected = math.exp(level + effect + person)
        return TicketTrail(
            ticket_id=ticket_id,
            created_at=ticket.created_at,
            month=month,
            family=family,
            minutes=ticket.minutes,
            expected_minutes=expected,
            month_effect=effect,
            technician_effect=person,
            linked=ticket_id in linking,
            weight=1.0 / weights.get(ticket_id, 1),
            credited_minutes=credited.get(ticket_id, 0.0),
        )

    served = tuple(trail(t) for t in article.served)
    before = tuple(trail(t) for t in article.baseline)
    months = sorted({t.month for t in served + before})
    effects = tuple(
        (m, baseline.period_effect[m], baseline.period_controls.get(m, 0))
        for m in months
        if m in baseline.period_effect
    )
    people = tuple(
        {
            "name": s.name,
            "technician_id": s.technician_id,
            "role": s.role,
            "chars_added": s.chars_added,
            "share": round(s.share, 4),
            "hours": round(article.hours_saved * s.share, 2),
            "interval": _interval(article.hours_interval.scaled(s.share), 2),
        }
        for s in article.shares
    )
    published = run.published.get(article.article_id)
    return Explanation(
        article=article,
        published=published,
        family_source=run.family_source,
        family_labels={f: run.family_labels.get(f, f) for f in article.families},
        headline=headline(article),
        method=method_text(report.params, _recording_text(run)),
        served=served,
        baseline=before,
        month_effects=effects,
        steps=_steps(run, article, served, published),
        people=people,
        params=report.params,
    )


def headline(article: ArticleCredit) -> str:
    """An article's figure in plain words: what it saved per ticket and in all, and how sure."""
    minutes, interval = article.minutes_saved_per_ticket, article.interval
    if article.status == NOT_ENOUGH_DATA or minutes is None or interval is None:
        return f"Not enough data to judge this article yet. {article.reason}"
    if article.status == CREDITED:
        return (
            f"Saved about {_about(minutes)} minutes per ticket, likely between "
            f"{_about(interval.low)} and {_about(interval.high)}, on {article.tickets_served} "
            f"tickets served: about {_about(article.hours_saved)} hours in all (likely "
            f"{_about(article.hours_interval.low)} to {_about(article.hours_interval.high)})."
        )
    observed = article.effect("minutes").observed
    if interval.low > 0 and article.bar is not None and observed:
        # The bar saves this share of the time without the article (estimation.credit_bar).
        share = article.bar / (observed + article.bar)
        return (
            f"A small saving: about {_about(minutes)} minutes per ticket, likely between "
            f"{_about(interval.low)} and {_about(interval.high)}; credit needs the low end above "
            f"{_about(article.bar)} minutes ({share:.0%} of the time these tickets would take "
            "without it), so that a saving is both sure and worth paying. No credit yet."
        )
    if interval.high < 0:
        return (
            f"The tickets it served took about {_about(-minutes)} minutes longer than expected "
            f"(likely {_about(-interval.high)} to {_about(-interval.low)} longer): no credit, "
            "and the article may need a review."
        )
    return (
        "No measurable saving: the tickets it served took about as long as expected (likely "
        f"between {_signed_minutes(interval.low)} and {_signed_minutes(interval.high)} per "
        "ticket). No credit."
    )


def method_text(params: CreditParams, recording: str) -> str:
    """The method in one sentence, named under the plain-words figure."""
    if params.method != "did":
        return "Naive before/after comparison of log minutes (benchmarks only)."
    return (
        "Difference-in-differences by imputation (Borusyak, Jaravel and Spiess 2021): a "
        "family + month + technician model of log minutes fitted on tickets no article served, "
        f"{params.confidence:.0%} bootstrap interval ({params.bootstrap} replicates), credited "
        f"when its low end saves at least {params.materiality:.0%} of the time; {recording}."
    )


# ---------------------------------------------------------------- internals


def _recording_text(run: CreditRun) -> str:
    """How recorded minutes were read, naming technicians (their key is the id as text)."""
    names = {str(key): name for key, name in run.names.items()}
    return run.report.baseline.recording.describe(names)


def _about(value: float) -> str:
    """A figure as a person would say it: whole numbers from 10, one decimal below."""
    return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"


def _signed_minutes(value: float) -> str:
    if value < 0:
        return f"{_about(-value)} minutes longer"
    return f"{_about(value)} minutes shorter"


def _families(conn: Connection) -> tuple[dict[str, str] | None, str]:
    """Ticket -> family from the clustering, or None and the category fallback."""
    found = gaps_queries.families_of(conn)
    if not found:
        return None, FAMILY_SOURCE_CATEGORY
    return {ticket: f"family {family}" for ticket, family in found.items()}, FAMILY_SOURCE_GAPS


def _family_labels(conn: Connection, source: str) -> dict[str, str]:
    if source != FAMILY_SOURCE_GAPS:
        return {}
    return {
        f"family {family}": f"{label} (family {family})" if label else f"family {family}"
        for family, label in gaps_queries.family_labels(conn).items()
    }


def _serving_counts(report: CreditReport) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for article in report.articles:
        for ticket_id in article.served:
            counts[ticket_id] += 1
    return counts


def _steps(
    run: CreditRun,
    article: ArticleCredit,
    served: Sequence[TicketTrail],
    published: datetime | None,
) -> tuple[str, ...]:
    params = run.report.params
    baseline = run.report.baseline
    minutes = article.effect("minutes")
    families = ", ".join(run.family_labels.get(f, f) for f in article.families) or "none"
    linked = sum(1 for t in served if t.linked)
    start_note = (
        "its publication"
        if published is None or article.start <= published
        else f"the revision that first held half its content (published {published:%Y-%m-%d})"
    )
    steps = [
        f"Serving since {article.start:%Y-%m-%d}, {start_note}.",
        f"Families served ({run.family_source}): {families}.",
        f"Tickets served: {article.tickets_served} ({linked} link the article; the rest are "
        "tickets of its families created since it started serving).",
        f"Baseline: {len(article.baseline)} earlier tickets of the same families that no "
        "article served.",
        f"Month and technician effects: a family + month + technician model fitted on the "
        f"{baseline.untreated} resolved tickets that no article served, so a change that "
        "happened everywhere, or a change of who handles the tickets, is not credited.",
        f"Recorded minutes: {_recording_text(run)}.",
    ]
    if article.status == NOT_ENOUGH_DATA or minutes.counterfactual is None:
        # Below the minimum sample no figure is shown: it would read as a verdict.
        steps.append(f"Status: {article.status}. {article.reason}")
        return tuple(steps)
    steps.append(
        f"Effect on log minutes: mean over {minutes.n_served} served tickets of "
        f"(log minutes - family level - month effect - technician effect), a rounded time "
        f"counting at its expected value = "
        f"{minutes.estimate:+.3f}, "
        f"a change of {minutes.change:+.1%}."
    )
    steps.append(
        f"The served tickets took {minutes.observed:.1f} minutes on average; without the "
        f"article they would have taken that x exp(-effect) = {minutes.counterfactual:.1f}. "
        f"Minutes saved per ticket = {minutes.observed:.1f} x (exp(-effect) - 1) = "
        f"{_num(article.minutes_saved_per_ticket)}, "
        f"{params.confidence:.0%} interval {_interval_text(article.interval)} from "
        f"{params.bootstrap} bootstrap replicates (seed {params.seed})."
    )
    steps.append(f"Status: {article.status}. {article.reason}")
    if article.status == CREDITED:
        steps.append(
            f"Hours saved = {_num(article.minutes_saved_per_ticket)} min x "
            f"{article.served_weight:.1f} tickets served / 60 = {article.hours_saved:.1f} h "
            f"(interval {_interval_text(article.hours_interval)} h); a ticket served by k "
            "articles counts 1/k for each."
        )
        split = "; ".join(
            f"{s.name} {s.share:.0%} ({s.chars_added} characters) = "
            f"{article.hours_saved * s.share:.1f} h"
            for s in article.shares
            if s.share > 0
        )
        steps.append(f"Shared by content added over the versions: {split}.")
    for effect in article.effects[1:]:
        if effect.estimate is None:
            continue
        steps.append(f"Beside it, {_OUTCOME_LABELS[effect.outcome]}: {_effect_text(effect)}.")
    return tuple(steps)


def _effect_text(effect: OutcomeEffect) -> str:
    interval = effect.interval
    assert interval is not None and effect.change is not None
    if effect.scale == "log":
        return (
            f"{effect.change:+.1%} (interval {math.expm1(interval.low):+.1%} to "
            f"{math.expm1(interval.high):+.1%})"
        )
    return (
        f"{effect.change * 100:+.1f} points (interval {interval.low * 100:+.1f} to "
        f"{interval.high * 100:+.1f})"
    )


def _effect_dict(effect: OutcomeEffect) -> dict[str, Any]:
    return {
        "scale": effect.scale,
        "estimate": _round(effect.estimate, 4),
        "interval": _interval(effect.interval, 4),
        "change": _round(effect.change, 4),
        "n_served": effect.n_served,
        "observed": _round(effect.observed, 4),
        "counterfactual": _round(effect.counterfactual, 4),
        "saved": _round(effect.saved, 4),
        "saved_interval": _interval(effect.saved_interval, 4),
    }


def _trail_dict(trail: TicketTrail) -> dict[str, Any]:
    return {
        "ticket_id": trail.ticket_id,
        "created_at": _iso(trail.created_at),
        "family": trail.family,
        "minutes": _round(trail.minutes, 1),
        "expected_minutes": _round(trail.expected_minutes, 1),
        "month_effect": _round(trail.month_effect, 4),
        "technician_effect": _round(trail.technician_effect, 4),
        "linked": trail.linked,
        "weight": round(trail.weight, 4),
        "credited_minutes": round(trail.credited_minutes, 2),
    }


def _interval(interval: Interval | None, digits: int) -> dict[str, float] | None:
    if interval is None:
        return None
    return {"low": round(interval.low, digits), "high": round(interval.high, digits)}


def _interval_text(interval: Interval | None) -> str:
    return "n/a" if interval is None else f"{interval.low:.1f} to {interval.high:.1f}"


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
