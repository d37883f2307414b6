"""The demo's numbers, drawn vectorised with numpy: when, who, how long, what went wrong.

Every draw comes from one ``numpy.random.Generator`` in a fixed order; reordering the
draws changes every ticket (and the benchmark figures that read them).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from kbassist.demo import world
from kbassist.demo.plan import FamilyPlan

CRITERIA = world.CRITERIA
GOOD_NOTE_MIN_CRITERIA = 4
PLANTED_REOPEN_FACTOR = 0.75  # reopen probability multiplier once an effective article is out
POOR_NOTE_TIME_FACTOR = 1.1  # a poor closure note goes with a slightly longer job
REOPEN_RATE = {"good": 0.04, "poor": 0.13}
POOR_NOTE_ESCALATION = 0.07
SECRET_RATE = 0.015
PERSONAL_RATE = 0.015
HTML_RATE = 0.03
RESOLVED_ONLY_RATE = 0.02  # resolved but not yet closed at export time
WEEKDAY_WEIGHTS = (1.25, 1.1, 1.05, 1.0, 0.85, 0.12, 0.08)
WAIT_HOURS = {"P1": 1.0, "P2": 4.0, "P3": 18.0, "P4": 40.0}  # median wait before the fix
PRIORITIES = ("P1", "P2", "P3", "P4")


@dataclass(frozen=True)
class Draws:
    """One value per ticket (one row per ticket for ``criteria``), in creation order."""

    created: np.ndarray  # seconds since the start of the period, sorted
    family: np.ndarray
    client: np.ndarray
    tech: np.ndarray
    criteria: np.ndarray  # bool, n x 6
    vague: np.ndarray
    minutes: np.ndarray
    linked: np.ndarray  # bool: links the family's article
    linked_duplicate: np.ndarray  # index into the family's duplicates, -1 for none
    reopens: np.ndarray
    escalations: np.ndarray
    priority: np.ndarray
    resolved: np.ndarray
    closed: np.ndarray  # -1 when not closed yet
    n_work_notes: np.ndarray
    secret: np.ndarray
    personal: np.ndarray
    html: np.ndarray
    foreign: np.ndarray  # technician writes this note in their other language


def draw_tickets(
    rng: np.random.Generator,
    plan: Sequence[FamilyPlan],
    start: date,
    end: date,
    n: int,
    trend: float,
) -> Draws:
    """Draw the numbers of n tickets created between start and end."""
    period_seconds = ((end - start).days + 1) * 86400
    created = _draw_created(rng, start, end, n)
    fraction_of_period = created / period_seconds
    weights = np.array([p.family.weight for p in plan])
    family = rng.choice(len(plan), size=n, p=weights / weights.sum())
    client = _draw_clients(rng, plan, family)
    tech = assign_technicians(rng, plan, family, fraction_of_period)
    criteria, vague, link_factor = _draw_criteria(rng, tech, fraction_of_period)
    good = criteria.sum(axis=1) >= GOOD_NOTE_MIN_CRITERIA

    published = np.array([_seconds_since(p.published, start) for p in plan], dtype=np.float64)
    after = created >= published[family]  # NaN (no article) compares False
    linked, linked_duplicate = _draw_links(rng, plan, start, created, family, after, link_factor)
    fraction_saved = np.array([p.fraction_saved for p in plan])[family]
    effective = after & (fraction_saved > 0)
    minutes = _draw_minutes(rng, plan, created, family, tech, good, effective, trend)
    stale = stale_links(plan, family, linked, linked_duplicate)
    reopens, escalations = _draw_setbacks(rng, plan, family, good, effective, stale)
    priority = _draw_priority(rng, plan, family)
    resolved, closed = _draw_closing(rng, created, minutes, priority, reopens, period_seconds)

    n_work_notes = rng.integers(1, 4, n)
    secret = rng.random(n) < SECRET_RATE
    personal = rng.random(n) < PERSONAL_RATE
    html_note = rng.random(n) < HTML_RATE
    language_rate = np.array([t.language_rate for t in world.TECHNICIANS])[tech]
    foreign = rng.random(n) < language_rate
    return Draws(
        created=created,
        family=family,
        client=client,
        tech=tech,
        criteria=criteria,
        vague=vague,
        minutes=minutes,
        linked=linked,
        linked_duplicate=linked_duplicate,
        reopens=reopens,
        escalations=escalations,
        priority=priority,
        resolved=resolved,
        closed=closed,
        n_work_notes=n_work_notes,
        secret=secret,
        personal=personal,
        html=html_note,
        foreign=foreign,
    )


def _draw_created(rng: np.random.Generator, start: date, end: date, n: int) -> np.ndarray:
    """Creation times in seconds since start, sorted: mostly office hours on weekdays."""
    n_days = (end - start).days + 1
    days = [start + timedelta(days=d) for d in range(n_days)]
    # Mondays busiest, weekends quiet; a mild peak in mid-January.
    day_weights = np.array(
        [
            WEEKDAY_WEIGHTS[d.weekday()]
            * (1 + 0.08 * math.cos(2 * math.pi * (d.timetuple().tm_yday - 15) / 365))
            for d in days
        ]
    )
    day = rng.choice(n_days, size=n, p=day_weights / day_weights.sum())
    business = rng.random(n) < 0.9
    hour = np.where(business, np.clip(rng.normal(11.8, 2.4, n), 7.0, 18.9), rng.random(n) * 24)
    return np.sort(day * 86400 + (hour * 60).astype(np.int64) * 60)


def _draw_clients(
    rng: np.random.Generator, plan: Sequence[FamilyPlan], family: np.ndarray
) -> np.ndarray:
    """A client per ticket, by size, among the clients the family can happen to."""
    options = []
    for item in plan:
        eligible = [c for c, cl in enumerate(world.CLIENTS) if _eligible(item.family, cl)]
        options.append((eligible, np.array([world.CLIENTS[c].size for c in eligible])))
    return _draw_per_family(rng, family, options)


def _draw_criteria(
    rng: np.random.Generator, tech: np.ndarray, fraction_of_period: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which criteria each closure note covers, whether it is vague, and the link factor."""
    rates, vague_rate, link_factor = note_style(tech, fraction_of_period)
    criteria = rng.random((tech.size, len(CRITERIA))) < rates
    vague = (rng.random(tech.size) < vague_rate) | ~criteria.any(axis=1)
    criteria[vague] = False
    return criteria, vague, link_factor


def _draw_links(
    rng: np.random.Generator,
    plan: Sequence[FamilyPlan],
    start: date,
    created: np.ndarray,
    family: np.ndarray,
    after: np.ndarray,
    link_factor: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Whether a ticket links its family's article, and which old duplicate it links (or -1)."""
    n = family.size
    has_article = np.array([p.article is not None for p in plan])[family]
    share = np.array([p.family.link_share for p in plan])[family]
    linked = after & has_article & (rng.random(n) < np.minimum(share * link_factor, 0.95))
    linked_duplicate = np.full(n, -1, dtype=np.int64)
    duplicate_draw = rng.random(n)
    for index, item in enumerate(plan):
        for position, (_, dup_published) in enumerate(item.duplicates):
            since = created >= _seconds_since(dup_published, start)
            chosen = (family == index) & since & (duplicate_draw < world.DUPLICATE_LINK_SHARE)
            linked_duplicate[chosen] = position
    return linked, linked_duplicate


def _draw_minutes(
    rng: np.random.Generator,
    plan: Sequence[FamilyPlan],
    created: np.ndarray,
    family: np.ndarray,
    tech: np.ndarray,
    good: np.ndarray,
    effective: np.ndarray,
    trend: float,
) -> np.ndarray:
    """Troubleshooting minutes: log-normal per family, with the planted effects and trend."""
    fraction_saved = np.array([p.fraction_saved for p in plan])[family]
    medians = np.array([p.family.minutes for p in plan])[family]
    sigmas = np.array([p.family.sigma for p in plan])[family]
    years = created / (365.25 * 86400)
    speed = np.array([t.speed for t in world.TECHNICIANS])[tech]
    minutes = (
        np.exp(np.log(medians) + sigmas * rng.standard_normal(family.size))
        * (1.0 + trend) ** years
        * speed
        * np.where(good, 1.0, POOR_NOTE_TIME_FACTOR)
        * np.where(effective, 1.0 - fraction_saved, 1.0)
    )
    quarter_hours = np.array([t.style in ("vague", "sparse") for t in world.TECHNICIANS])[tech]
    minutes = np.where(quarter_hours, np.ceil(minutes / 15) * 15, np.round(minutes))
    return np.maximum(minutes, 5.0)


def _draw_setbacks(
    rng: np.random.Generator,
    plan: Sequence[FamilyPlan],
    family: np.ndarray,
    good: np.ndarray,
    effective: np.ndarray,
    stale: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Reopens and escalations (0 to 2 each): more after poor notes or stale articles."""
    n = family.size
    reopen_p = np.where(good, REOPEN_RATE["good"], REOPEN_RATE["poor"])
    reopen_p = reopen_p * np.where(effective, PLANTED_REOPEN_FACTOR, 1.0)
    reopen_p = reopen_p + np.where(stale, world.STALE_REOPEN_BUMP, 0.0)
    reopen_draw = rng.random(n)
    reopens = (reopen_draw < reopen_p).astype(np.int64) + (reopen_draw < reopen_p * 0.15)
    escalation_p = np.array([p.family.escalation for p in plan])[family]
    escalation_p = escalation_p + np.where(good, 0.0, POOR_NOTE_ESCALATION)
    escalation_draw = rng.random(n)
    escalations = (escalation_draw < escalation_p).astype(np.int64) + (
        escalation_draw < escalation_p * 0.2
    )
    return reopens, escalations


def _draw_priority(
    rng: np.random.Generator, plan: Sequence[FamilyPlan], family: np.ndarray
) -> np.ndarray:
    """An index into PRIORITIES per ticket, from its family's priority profile."""
    options = [
        (range(len(PRIORITIES)), np.array(world.PRIORITY_PROFILES[item.family.priority]))
        for item in plan
    ]
    return _draw_per_family(rng, family, options)


def _draw_per_family(
    rng: np.random.Generator,
    family: np.ndarray,
    options: Sequence[tuple[Sequence[int], np.ndarray]],
) -> np.ndarray:
    """For the tickets of each family in turn, one of its choices, by its weights."""
    drawn = np.zeros(family.size, dtype=np.int64)
    for index, (choices, weights) in enumerate(options):
        members = np.flatnonzero(family == index)
        drawn[members] = rng.choice(choices, size=members.size, p=weights / weights.sum())
    return drawn


def _draw_closing(
    rng: np.random.Generator,
    created: np.ndarray,
    minutes: np.ndarray,
    priority: np.ndarray,
    reopens: np.ndarray,
    export: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Resolved and closed times (closed -1 when still open at the export, ``export`` seconds)."""
    n = created.size
    wait_median = np.array([WAIT_HOURS[p] for p in PRIORITIES])[priority]
    wait_hours = wait_median * np.exp(0.8 * rng.standard_normal(n))
    wait_hours = wait_hours + reopens * rng.uniform(24, 72, n)
    spent_seconds = (minutes * 60).astype(np.int64)
    resolved = created + (wait_hours * 3600).astype(np.int64) + spent_seconds
    resolved = np.minimum(resolved, np.maximum(created + spent_seconds, export - 60))
    resolved = resolved // 60 * 60
    resolved = np.maximum(resolved, created)
    confirm = rng.random(n) < 0.3
    close_hours = np.where(confirm, rng.uniform(0.1, 24, n), 72 + rng.uniform(0, 2, n))
    closed = resolved + (close_hours * 3600).astype(np.int64) // 60 * 60
    not_closed = (closed > export) | (rng.random(n) < RESOLVED_ONLY_RATE)
    return resolved, np.where(not_closed, -1, closed)


def _eligible(family: world.Family, client: world.Client) -> bool:
    if family.clients == "forticlient" or family.clients == "globalprotect":
        return client.vpn == family.clients
    if family.clients == "quickbooks":
        return client.quickbooks
    if family.clients == "onprem":
        return client.onprem
    return True


def assign_technicians(
    rng: np.random.Generator,
    plan: Sequence[FamilyPlan],
    family: np.ndarray,
    fraction_of_period: np.ndarray,
) -> np.ndarray:
    """A technician per ticket: among those active then, by workload, seniors for hard families."""
    technicians = world.TECHNICIANS
    senior_family = np.array([p.family.senior for p in plan])[family]
    weights = np.empty((family.size, len(technicians)))
    for k, tech in enumerate(technicians):
        active = (fraction_of_period >= tech.joins) & (fraction_of_period < tech.leaves)
        # Server and network families go mostly to the senior technicians.
        skill = np.where(senior_family, 4.0 if tech.senior else 0.5, 1.0)
        weights[:, k] = tech.workload * active * skill
    cumulative = np.cumsum(weights, axis=1)
    cumulative /= cumulative[:, -1:]
    draw = rng.random(family.size)[:, None]
    return np.minimum((cumulative < draw).sum(axis=1), len(technicians) - 1)


def note_style(
    tech: np.ndarray, fraction_of_period: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per ticket: inclusion rate of each criterion, vague-note rate, link factor."""
    styles = [world.TECHNICIANS[k].style for k in range(len(world.TECHNICIANS))]

    def table(pick: Any) -> np.ndarray:
        return np.array([pick(world.NOTE_STYLES[base_style(s)]) for s in styles])

    rates = table(lambda s: s.rates)[tech]
    vague = table(lambda s: s.vague)[tech]
    link = table(lambda s: s.link_factor)[tech]
    improving = np.array([s == "improving" for s in styles])[tech]
    if improving.any():
        low, high = world.NOTE_STYLES[world.IMPROVING_FROM], world.NOTE_STYLES[world.IMPROVING_TO]
        t = fraction_of_period[improving][:, None]
        rates[improving] = np.array(low.rates) + (np.array(high.rates) - np.array(low.rates)) * t
        vague[improving] = low.vague + (high.vague - low.vague) * t[:, 0]
        link[improving] = low.link_factor + (high.link_factor - low.link_factor) * t[:, 0]
    return rates, vague, link


def base_style(style: str) -> str:
    """The note style a technician starts from ("improving" starts from IMPROVING_FROM)."""
    return world.IMPROVING_FROM if style == "improving" else style


def stale_links(
    plan: Sequence[FamilyPlan], family: np.ndarray, linked: np.ndarray, duplicate: np.ndarray
) -> np.ndarray:
    """Whether each ticket links an article of ``world.STALE_ARTICLES``."""
    stale_main = np.array([p.article in world.STALE_ARTICLES for p in plan])[family] & linked
    stale_dup = np.zeros(family.size, dtype=bool)
    for index, item in enumerate(plan):
        for position, (dup_id, _) in enumerate(item.duplicates):
            if dup_id in world.STALE_ARTICLES:
                stale_dup |= (family == index) & (duplicate == position)
    return stale_main | stale_dup


def _seconds_since(day: date | None, start: date) -> float:
    if day is None:
        return math.nan
    return float((day - start).days * 86400)
