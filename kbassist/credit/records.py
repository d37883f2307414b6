"""What credit estimation reads and returns: frozen records, no logic beyond small properties."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class TicketOutcome:
    """What credit needs of one ticket."""

    ticket_id: str
    created_at: datetime
    family: str | None = None
    minutes: float | None = None  # time_spent_minutes
    resolution_hours: float | None = None  # resolved_at - created_at
    reopened: bool = False
    escalated: bool = False
    technician: str | None = None  # who handled it (any stable key: name or id)


@dataclass(frozen=True)
class Version:
    """One version of an article: who made it, when, and how many characters they added."""

    version: int
    editor_id: int | None
    changed_at: datetime | None
    chars_added: int


@dataclass(frozen=True)
class Share:
    """A person's share of an article's content over its versions."""

    technician_id: int | None
    name: str
    chars_added: int
    share: float
    role: str  # author, contributor


@dataclass(frozen=True)
class Exposure:
    """An article, when it started serving, its families and the tickets it serves."""

    article_id: str
    start: datetime
    families: tuple[str, ...]
    served: tuple[str, ...]  # ticket ids: linking ones, and family tickets from ``start``
    linking: tuple[str, ...] = ()
    shares: tuple[Share, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class ArticleInfo:
    """What the store knows of an article: publication, versions, contributors, citing tickets."""

    article_id: str
    title: str
    author_id: int | None
    published: datetime
    versions: tuple[Version, ...] = ()
    contributor_ids: tuple[int, ...] = ()
    linking: tuple[str, ...] = ()  # ticket ids that link the article


@dataclass(frozen=True)
class CreditParams:
    """Knobs of the computation; every report carries the ones it used."""

    min_served: int = 10  # served tickets with recorded minutes
    min_baseline: int = 10  # untreated tickets of the article's families
    bootstrap: int = 400
    # Two-sided interval of the minutes saved; credit needs all of it above the bar below.
    # 99 %, not 95 %: at 95 % about one null article in forty is above zero by chance.
    confidence: float = 0.99
    # Materiality: credit also needs the interval's low end to save at least this share of
    # the time the served tickets would have taken without the article. "Not zero" is not
    # "worth paying": with thousands of tickets a test against zero also passes a saving too
    # small to matter, or one the model gets wrong by a few per cent (docs/credit.md).
    materiality: float = 0.05
    seed: int = 20240601
    method: str = "did"  # "did", or "naive" (before/after, no time adjustment; benchmarks)
    # How rounded times are read: "intervals" (a time recorded to the next quarter hour,
    # or on the floor, is an interval: kbassist.credit.censoring), or "recorded" (as
    # exact; the estimator before issue 11, kept for the benchmark).
    minutes_as: str = "intervals"
    max_iterations: int = 200
    tolerance: float = 1e-9


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def scaled(self, factor: float) -> Interval:
        low, high = self.low * factor, self.high * factor
        return Interval(min(low, high), max(low, high))


@dataclass(frozen=True)
class OutcomeEffect:
    """An article's effect on one outcome: served against counterfactual."""

    outcome: str
    scale: str  # "log" (difference of log values) or "rate" (difference of shares)
    estimate: float | None
    interval: Interval | None
    n_served: int
    # Served tickets' mean value (arithmetic mean of minutes or hours; share for
    # rates) and the same had the article not existed.
    observed: float | None
    counterfactual: float | None
    # Saved per ticket in natural units: minutes or hours for times (counterfactual
    # minus observed: counterfactual times the relative reduction), the drop in share
    # for reopens and escalations.
    saved: float | None = None
    saved_interval: Interval | None = None

    @property
    def change(self) -> float | None:
        """Relative change for log outcomes (-0.3 = 30 % less), difference for rates."""
        if self.estimate is None:
            return None
        return math.expm1(self.estimate) if self.scale == "log" else self.estimate


@dataclass(frozen=True)
class ArticleCredit:
    """The verdict for one article, with everything needed to retrace it."""

    article_id: str
    title: str
    status: str
    reason: str
    start: datetime
    families: tuple[str, ...]
    served: tuple[str, ...]
    tickets_served: int
    served_weight: float  # sum over served tickets of 1 / (articles serving the ticket)
    baseline: tuple[str, ...]  # untreated tickets of its families (the "before")
    minutes_saved_per_ticket: float | None
    interval: Interval | None
    hours_saved: float
    hours_interval: Interval
    effects: tuple[OutcomeEffect, ...]
    shares: tuple[Share, ...]
    # Minutes saved per ticket the interval's low end must exceed for credit (materiality);
    # None when the article was not judged.
    bar: float | None = None

    def effect(self, outcome: str) -> OutcomeEffect:
        return next(e for e in self.effects if e.outcome == outcome)


@dataclass(frozen=True)
class LedgerEntry:
    """Minutes credited for one served ticket of one credited article."""

    article_id: str
    ticket_id: str
    created_at: datetime
    weight: float
    minutes: float
    low: float
    high: float


@dataclass(frozen=True)
class PersonCredit:
    """Hours credited to one person, summed over articles (interval: sum of article bounds)."""

    technician_id: int | None
    name: str
    hours_saved: float
    interval: Interval
    articles: tuple[tuple[str, float], ...]  # (article id, hours) largest first


@dataclass(frozen=True)
class Recording:
    """How the minutes were recorded: the floor, and who records in steps of how many minutes."""

    floor: float | None = None
    steps: Mapping[str, int] = field(default_factory=dict)  # technician key -> step in minutes

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """In words, for the trail: what is read as an interval (``names``: key -> name)."""
        names = names or {}
        parts = []
        if self.steps:
            people = ", ".join(
                f"{names.get(key, key)} ({step} min)" for key, step in sorted(self.steps.items())
            )
            parts.append(f"times recorded in steps, read as up to one step less: {people}")
        if self.floor is not None:
            parts.append(f"times on the floor of {self.floor:g} minutes read as that or less")
        return "; ".join(parts) if parts else "every recorded time read as exact"


@dataclass(frozen=True)
class Baseline:
    """The fitted counterfactual (log minutes): family levels, month and technician effects."""

    family_level: Mapping[str, float]
    period_effect: Mapping[str, float]  # by YYYY-MM
    period_controls: Mapping[str, int]  # untreated tickets behind each month effect
    technician_effect: Mapping[str, float]  # 0 is the average technician
    untreated: int
    family_spread: Mapping[str, float] = field(default_factory=dict)  # residual sd, log scale
    recording: Recording = field(default_factory=Recording)  # how minutes were read


@dataclass(frozen=True)
class CreditReport:
    """All articles' credit, the people's totals, the ledger and the fitted baseline."""

    articles: tuple[ArticleCredit, ...]
    people: tuple[PersonCredit, ...]
    ledger: tuple[LedgerEntry, ...]
    baseline: Baseline
    params: CreditParams
    months: tuple[str, ...] = field(default=())

    def article(self, article_id: str) -> ArticleCredit | None:
        return next((a for a in self.articles if a.article_id == article_id), None)
