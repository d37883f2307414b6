"""A simulated MSP with planted article effects: the yardstick for the credit estimator.

Like scikit-learn's ``make_*`` generators, this is library code so that the
tests and ``bench/credit.py`` judge the estimator on the same seeded histories.
Nothing in the application calls it.

Fifteen issue families, each with its own log-normal troubleshooting time
(median and spread per family), technicians of different speed who join and
leave, poor closure notes that go with slightly longer jobs, a team-wide trend
(every ticket's time times ``(1 + trend) ** years``) and articles published
mid-period that make their family's jobs a planted fraction shorter. Some
articles change nothing (null), two families have no article (gaps) and one
article was in use from the start. Minutes are recorded as a PSA records them:
to the minute, or (two technicians) to the next quarter hour, and never under 5.

Every ticket carries the minutes it really took and the minutes it would have
taken without the article (the same random draws), so the minutes an article
really saved per served ticket are known exactly: the mean over the tickets it
serves of ``without - with``, in real (unrounded) minutes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from kbassist.credit.records import ArticleInfo, TicketOutcome

START = datetime(2024, 1, 1)
MONTHS = 24
TRENDS = (-0.3, 0.0, 0.3)
POOR_NOTE_TIME_FACTOR = 1.1
FLOOR_MINUTES = 5.0
QUARTER_HOUR = 15.0


@dataclass(frozen=True)
class FamilySpec:
    key: str
    weight: float
    median: float  # minutes at trend 0, for an average technician with a good note
    sigma: float  # log-normal spread
    fraction: float | None  # planted share of time saved; None: no article (a gap)
    senior: bool = False  # goes mostly to senior technicians
    from_start: bool = False  # its article was in use before the first ticket
    link_share: float = 0.55


@dataclass(frozen=True)
class TechSpec:
    name: str
    speed: float
    quarter_hours: bool = False  # records time to the next quarter hour
    senior: bool = False
    poor_notes: float = 0.3  # share of poor closure notes
    joins: float = 0.0  # share of the period before they join
    leaves: float = 1.0
    workload: float = 1.0


FAMILIES: tuple[FamilySpec, ...] = (
    FamilySpec("outlook_password", 5.0, 45, 0.55, 0.40, link_share=0.6),
    FamilySpec("mfa_reset", 7.0, 15, 0.50, 0.40),
    FamilySpec("account_lockout", 7.0, 20, 0.60, None),
    FamilySpec("onedrive_sync", 4.0, 50, 0.60, 0.35),
    FamilySpec("teams_audio", 4.0, 35, 0.55, 0.0),
    FamilySpec("vpn_client", 3.5, 55, 0.65, 0.45, link_share=0.65),
    FamilySpec("printer_spooler", 6.0, 35, 0.55, 0.30),
    FamilySpec("windows_update", 3.0, 80, 0.70, 0.45, senior=True),
    FamilySpec("disk_space", 3.5, 30, 0.55, 0.25, link_share=0.45),
    FamilySpec("dns_resolution", 2.5, 60, 0.75, 0.0, senior=True),
    FamilySpec("intune_enrollment", 2.5, 60, 0.60, 0.40),
    FamilySpec("veeam_backup", 2.0, 90, 0.65, 0.45, senior=True),
    FamilySpec("av_false_positive", 2.0, 40, 0.60, 0.0),
    FamilySpec("user_onboarding", 3.5, 90, 0.45, None),
    FamilySpec("mapped_drives", 3.5, 25, 0.55, 0.30, from_start=True),
)

TECHNICIANS: tuple[TechSpec, ...] = (
    TechSpec("dana", 0.90, senior=True, poor_notes=0.05, workload=0.8),
    TechSpec("marco", 0.85, senior=True, poor_notes=0.05, workload=0.8),
    TechSpec("priya", 0.95, senior=True, poor_notes=0.1),
    TechSpec("tom", 1.05, poor_notes=0.5),
    TechSpec("aisha", 1.00, poor_notes=0.2),
    TechSpec("kenji", 0.90, senior=True, poor_notes=0.2),
    TechSpec("ben", 1.10, quarter_hours=True, poor_notes=0.8, workload=1.2, leaves=0.8),
    TechSpec("raj", 1.05, poor_notes=0.5),
    TechSpec("samir", 1.10, quarter_hours=True, poor_notes=0.8, workload=1.2),
    TechSpec("hannah", 1.15, poor_notes=0.6, joins=0.4),
)


@dataclass(frozen=True)
class PlantedArticle:
    article_id: str
    family: str
    fraction: float  # planted share of time saved (0: a null article)
    from_start: bool

    @property
    def null(self) -> bool:
        return self.fraction == 0.0


@dataclass(frozen=True)
class Simulation:
    """One seeded history: tickets as recorded, articles, and what really happened."""

    seed: int
    trend: float
    tickets: tuple[TicketOutcome, ...]
    articles: tuple[ArticleInfo, ...]
    planted: dict[str, PlantedArticle]
    real_minutes: dict[str, float]  # what each ticket really took (unrounded)
    real_without: dict[str, float]  # what it would have taken without its article

    def real_saving(self, served: Iterable[str]) -> float | None:
        """Mean real minutes saved per served ticket (with a recorded time): without - with."""
        recorded = {t.ticket_id for t in self.tickets if t.minutes is not None}
        gaps = [self.real_without[t] - self.real_minutes[t] for t in served if t in recorded]
        return float(np.mean(gaps)) if gaps else None


def simulate(
    seed: int,
    trend: float = 0.0,
    n_tickets: int = 24000,
    months: int = MONTHS,
    families: Sequence[FamilySpec] = FAMILIES,
    technicians: Sequence[TechSpec] = TECHNICIANS,
    exact_minutes: bool = False,
) -> Simulation:
    """One seeded history; the same seed gives the same tickets and draws at every trend.

    ``exact_minutes`` records the real time itself (no quarter hours, no floor):
    a diagnostic for what the recording does to an estimate.
    """
    rng = np.random.default_rng(seed)
    span_days = months * 365.25 / 12
    created_days = np.sort(rng.uniform(0, span_days, n_tickets))
    share = created_days / span_days
    weights = np.array([f.weight for f in families])
    family = rng.choice(len(families), size=n_tickets, p=weights / weights.sum())
    published_share = rng.uniform(0.25, 0.7, len(families))  # per seed
    tech = _assign(rng, family, share, families, technicians)
    z = rng.standard_normal(n_tickets)
    poor = rng.random(n_tickets) < np.array([t.poor_notes for t in technicians])[tech]
    link_draw = rng.random(n_tickets)
    wait = 8.0 * np.exp(0.8 * rng.standard_normal(n_tickets))
    reopen_draw = rng.random(n_tickets)
    escalate_draw = rng.random(n_tickets)

    def column(values: Sequence[object], index: np.ndarray) -> np.ndarray:
        return np.array(values)[index]

    without = (
        np.exp(
            np.log(column([f.median for f in families], family))
            + z * column([f.sigma for f in families], family)
        )
        * (1.0 + trend) ** (created_days / 365.25)
        * column([t.speed for t in technicians], tech)
        * np.where(poor, POOR_NOTE_TIME_FACTOR, 1.0)
    )
    fraction = column([f.fraction or 0.0 for f in families], family)
    from_start = column([f.from_start for f in families], family)
    has_article = column([f.fraction is not None for f in families], family)
    after = from_start | (share >= published_share[family])
    real = without * np.where(has_article & after, 1.0 - fraction, 1.0)
    # An article in use from the start is part of its family's level: nothing to undo.
    without = np.where(from_start, real, without)
    quarter = column([t.quarter_hours for t in technicians], tech)
    recorded = real if exact_minutes else record_minutes(real, quarter)
    linked = has_article & after & (link_draw < column([f.link_share for f in families], family))
    effective = has_article & after & (fraction > 0)

    reopened = reopen_draw < np.where(effective, 0.06, 0.08)
    tickets, links = _tickets(
        [families[f].key for f in family],
        [technicians[t].name for t in tech],
        created_days,
        recorded,
        wait + recorded / 60.0,
        reopened,
        escalate_draw < 0.05,
        linked,
    )
    starts = [
        START + timedelta(days=-200.0 if spec.from_start else float(share_ * span_days))
        for spec, share_ in zip(families, published_share, strict=True)
    ]
    articles, planted = _articles(families, starts, links)
    ids = [t.ticket_id for t in tickets]
    return Simulation(
        seed=seed,
        trend=trend,
        tickets=tuple(tickets),
        articles=tuple(articles),
        planted=planted,
        real_minutes=dict(zip(ids, map(float, real), strict=True)),
        real_without=dict(zip(ids, map(float, without), strict=True)),
    )


def _tickets(
    family: Sequence[str],
    technician: Sequence[str],
    created_days: np.ndarray,
    minutes: np.ndarray,
    hours: np.ndarray,
    reopened: np.ndarray,
    escalated: np.ndarray,
    linked: np.ndarray,
) -> tuple[list[TicketOutcome], dict[str, list[str]]]:
    """The tickets as credit reads them, and per family the ids of those that link its article."""
    tickets: list[TicketOutcome] = []
    links: dict[str, list[str]] = {}
    for i, key in enumerate(family):
        ticket_id = f"T{i:06d}"
        tickets.append(
            TicketOutcome(
                ticket_id=ticket_id,
                created_at=START + timedelta(days=float(created_days[i])),
                family=key,
                minutes=float(minutes[i]),
                resolution_hours=float(hours[i]),
                reopened=bool(reopened[i]),
                escalated=bool(escalated[i]),
                technician=technician[i],
            )
        )
        if linked[i]:
            links.setdefault(key, []).append(ticket_id)
    return tickets, links


def _articles(
    families: Sequence[FamilySpec], starts: Sequence[datetime], links: dict[str, list[str]]
) -> tuple[list[ArticleInfo], dict[str, PlantedArticle]]:
    """An article for every family that has one (KB-01 ...), and what was planted in each."""
    articles: list[ArticleInfo] = []
    planted: dict[str, PlantedArticle] = {}
    for index, spec in enumerate(families):
        if spec.fraction is None:
            continue
        article_id = f"KB-{index + 1:02d}"
        articles.append(
            ArticleInfo(
                article_id=article_id,
                title=spec.key.replace("_", " "),
                author_id=index + 1,
                published=starts[index],
                linking=tuple(links.get(spec.key, ())),
            )
        )
        planted[article_id] = PlantedArticle(article_id, spec.key, spec.fraction, spec.from_start)
    return articles, planted


def record_minutes(minutes: np.ndarray, quarter_hours: np.ndarray) -> np.ndarray:
    """Minutes as technicians record them: whole minutes or the next quarter hour, 5 at least."""
    rounded = np.where(
        quarter_hours, np.ceil(minutes / QUARTER_HOUR) * QUARTER_HOUR, np.round(minutes)
    )
    return np.maximum(rounded, FLOOR_MINUTES)


def _assign(
    rng: np.random.Generator,
    family: np.ndarray,
    share: np.ndarray,
    families: Sequence[FamilySpec],
    technicians: Sequence[TechSpec],
) -> np.ndarray:
    """A technician per ticket: who is on staff then, senior ones on the senior families."""
    senior_family = np.array([f.senior for f in families])[family][:, None]
    joins, leaves, workload, senior = (
        np.array([getattr(t, name) for t in technicians])[None, :]
        for name in ("joins", "leaves", "workload", "senior")
    )
    on_staff = (share[:, None] >= joins) & (share[:, None] < leaves)
    skill = np.where(senior_family, np.where(senior, 4.0, 0.5), 1.0)
    chance = np.cumsum(workload * on_staff * skill, axis=1)
    chance /= chance[:, -1:]
    picked = (chance < rng.random(family.size)[:, None]).sum(axis=1)
    return np.minimum(picked, len(technicians) - 1)
