"""Documentation credit by measured outcome: the math, as pure functions (docs/credit.md).

An article serves the tickets that link it and the tickets of its issue
families from the day it started serving (publication, or the revision at which
it first held half of its content). Its effect is a difference-in-differences
on log troubleshooting minutes, computed as the imputation estimator of
Borusyak, Jaravel and Spiess (2021): a fixed-effects model (family level +
calendar-month effect + technician effect) is fitted on every ticket that no
article serves, the served tickets' counterfactual minutes are imputed from it,
and the effect is their mean gap. The month effects come from the families the
article does not serve, so a speed-up that happened everywhere is nobody's
credit; the technician effects keep a change of staff (a fast senior leaving,
a slow new hire) from being credited to or charged against an article.

Uncertainty is a bootstrap with a fixed seed: each replicate refits the model on
Poisson-reweighted untreated tickets and resamples the served tickets. Below the
minimum sample an article gets "not enough data"; an interval that includes
zero earns no credit. Credit hours (minutes saved per ticket times tickets
served, over 60) are shared by the content each person added over the versions.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

CREDITED, NO_EFFECT, NOT_ENOUGH_DATA = "credited", "no effect", "not enough data"
# Outcomes measured for every article: the first decides credit, the others are
# reported beside it. Times on the log scale, reopens and escalations as rates.
OUTCOMES = ("minutes", "resolution_hours", "reopened", "escalated")
LOG_OUTCOMES = frozenset({"minutes", "resolution_hours"})
MIN_MINUTES = 1.0  # zero or missing-but-recorded minutes would break the log scale
MIN_HOURS = 1.0 / 60.0
UNASSIGNED = "(unassigned)"  # the technician level of tickets nobody was assigned
# An article serves a family when this many of the family's tickets, and this share of
# them, link it: the same rule as coverage by links in kbassist.gaps.service.
LINK_MIN_TICKETS = 2
LINK_MIN_SHARE = 0.05
_CHUNK = 50  # bootstrap replicates fitted at once (bounds memory at 50,000 tickets)


# ---------------------------------------------------------------- records


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
    confidence: float = 0.95
    seed: int = 20240601
    method: str = "did"  # "did", or "naive" (before/after, no time adjustment; benchmarks)
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
    # Served tickets' typical value (geometric mean of minutes or hours; share for
    # rates) and the same had the article not existed.
    observed: float | None
    counterfactual: float | None
    # Saved per ticket in natural units: minutes or hours for times (counterfactual
    # times the relative reduction), the drop in share for reopens and escalations.
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
class Baseline:
    """The fitted counterfactual (log minutes): family levels, month and technician effects."""

    family_level: Mapping[str, float]
    period_effect: Mapping[str, float]  # by YYYY-MM
    period_controls: Mapping[str, int]  # untreated tickets behind each month effect
    technician_effect: Mapping[str, float]  # 0 is the average technician
    untreated: int


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


# ---------------------------------------------------------------- small pure helpers


def month_of(moment: datetime) -> str:
    """The calendar month, YYYY-MM: the time unit of the period effects."""
    return f"{moment.year:04d}-{moment.month:02d}"


def quarter_of(moment: datetime) -> str:
    return f"{moment.year:04d}-Q{(moment.month - 1) // 3 + 1}"


def content_shares(
    versions: Sequence[Version],
    author_id: int | None,
    contributor_ids: Iterable[int] = (),
    names: Mapping[int, str] | None = None,
) -> tuple[Share, ...]:
    """Shares of an article's content by characters added per editor over its versions.

    A version without a known editor counts for the author (the first version's
    default editor). Named contributors who never edited appear with share 0,
    and with no recorded text at all the author holds everything.
    """
    names = names or {}
    added: Counter[int | None] = Counter()
    for version in versions:
        editor = version.editor_id if version.editor_id is not None else author_id
        added[editor] += max(0, int(version.chars_added))
    total = sum(added.values())
    people = dict.fromkeys([author_id, *sorted(added, key=_id_key), *sorted(contributor_ids)])
    shares = []
    for person in people:
        if person is None and not added.get(None):
            continue
        chars = added.get(person, 0)
        if total:
            share = chars / total
        else:
            share = 1.0 if person == author_id else 0.0
        role = "author" if person == author_id else "contributor"
        name = names.get(person, "") if person is not None else "unknown"
        shares.append(Share(person, name or f"technician {person}", chars, share, role))
    shares.sort(key=lambda s: (-s.share, s.role != "author", s.name))
    return tuple(shares)


def serving_start(published: datetime, versions: Sequence[Version], half: float = 0.5) -> datetime:
    """When an article started serving: publication, or the revision that first held half its text.

    The first version counts from publication whatever date it carries (a first
    import records the front matter's ``updated``). A stub published early and
    written properly later starts at the rewrite, so its empty months do not
    dilute the effect.
    """
    ordered = sorted(versions, key=lambda v: v.version)
    total = sum(max(0, v.chars_added) for v in ordered)
    running = 0
    for position, version in enumerate(ordered):
        running += max(0, version.chars_added)
        if total and running >= half * total:
            if position == 0 or version.changed_at is None:
                return published
            return max(published, version.changed_at)
    return published


def article_families(
    link_families: Sequence[str | None],
    family_sizes: Mapping[str, int],
    min_links: int = LINK_MIN_TICKETS,
    min_share: float = LINK_MIN_SHARE,
) -> tuple[str, ...]:
    """The families an article serves: those enough of whose tickets link it.

    The rule is the gaps module's coverage by links: at least ``min_links``
    tickets and ``min_share`` of the family cite the article. One stray citation
    from an unrelated family does not make the article serve that whole family.
    """
    counts = Counter(f for f in link_families if f is not None)
    chosen = [
        family
        for family, n in counts.items()
        if n >= max(min_links, math.ceil(min_share * family_sizes.get(family, 0)))
    ]
    return tuple(sorted(chosen, key=lambda f: (-counts[f], f)))


def served_tickets(
    start: datetime,
    families: Iterable[str],
    linking: Iterable[str],
    tickets: Sequence[TicketOutcome],
) -> tuple[str, ...]:
    """The linking tickets, plus the families' tickets created from ``start`` on; sorted."""
    wanted = set(families)
    served = set(linking)
    served.update(t.ticket_id for t in tickets if t.family in wanted and t.created_at >= start)
    return tuple(sorted(served))


def exposures_of(
    articles: Sequence[ArticleInfo],
    tickets: Sequence[TicketOutcome],
    names: Mapping[int, str] | None = None,
    min_links: int = LINK_MIN_TICKETS,
    min_share: float = LINK_MIN_SHARE,
) -> list[Exposure]:
    """Each article's serving start, families, served tickets and content shares."""
    family_of = {t.ticket_id: t.family for t in tickets}
    by_family: dict[str | None, list[TicketOutcome]] = defaultdict(list)
    for ticket in tickets:
        by_family[ticket.family].append(ticket)
    sizes = {family: len(members) for family, members in by_family.items() if family is not None}
    exposures = []
    for article in sorted(articles, key=lambda a: a.article_id):
        linking = sorted(t for t in set(article.linking) if t in family_of)
        families = article_families(
            [family_of[t] for t in linking], sizes, min_links=min_links, min_share=min_share
        )
        start = serving_start(article.published, article.versions)
        members = [t for f in families for t in by_family.get(f, ())]
        exposures.append(
            Exposure(
                article_id=article.article_id,
                start=start,
                families=families,
                served=served_tickets(start, families, linking, members),
                linking=tuple(linking),
                shares=content_shares(
                    article.versions, article.author_id, article.contributor_ids, names
                ),
                title=article.title,
            )
        )
    return exposures


# ---------------------------------------------------------------- the estimator


def estimate_credit(
    tickets: Sequence[TicketOutcome],
    exposures: Sequence[Exposure],
    params: CreditParams | None = None,
) -> CreditReport:
    """Credit for every article: effect, interval, status, hours, shares, ledger and totals."""
    params = params or CreditParams()
    data = _Data.build(tickets, exposures)
    fits = {outcome: _point_fit(data, k, params) for k, outcome in enumerate(OUTCOMES)}
    replicates = _replicate_fits(data, fits, params)
    minutes_fit = fits["minutes"]
    articles = tuple(
        _article_credit(data, exposure, fits, replicates, params) for exposure in exposures
    )
    rank = {CREDITED: 0, NO_EFFECT: 1, NOT_ENOUGH_DATA: 2}
    articles = tuple(sorted(articles, key=lambda a: (-a.hours_saved, rank[a.status], a.article_id)))
    ledger = _ledger(data, articles)
    alpha, tau, beta = minutes_fit.effects
    baseline = Baseline(
        family_level={
            f: float(alpha[i]) for i, f in enumerate(data.families) if np.isfinite(alpha[i])
        },
        period_effect={p: float(tau[i]) for i, p in enumerate(data.periods)},
        period_controls={p: int(minutes_fit.counts[1][i]) for i, p in enumerate(data.periods)},
        technician_effect={t: float(beta[i]) for i, t in enumerate(data.technicians)},
        untreated=int(data.untreated.sum()),
    )
    return CreditReport(
        articles=articles,
        people=people_totals(articles),
        ledger=ledger,
        baseline=baseline,
        params=params,
        months=tuple(data.periods),
    )


def people_totals(articles: Sequence[ArticleCredit]) -> tuple[PersonCredit, ...]:
    """Hours per person: each credited article's hours times the person's content share."""
    hours: dict[tuple[int | None, str], float] = defaultdict(float)
    lows: dict[tuple[int | None, str], float] = defaultdict(float)
    highs: dict[tuple[int | None, str], float] = defaultdict(float)
    per_article: dict[tuple[int | None, str], list[tuple[str, float]]] = defaultdict(list)
    for article in articles:
        for share in article.shares:
            key = (share.technician_id, share.name)
            if article.status != CREDITED or share.share <= 0:
                hours[key] += 0.0
                continue
            credited = article.hours_saved * share.share
            hours[key] += credited
            lows[key] += article.hours_interval.low * share.share
            highs[key] += article.hours_interval.high * share.share
            per_article[key].append((article.article_id, credited))
    people = [
        PersonCredit(
            technician_id=key[0],
            name=key[1],
            hours_saved=hours[key],
            interval=Interval(lows[key], highs[key]),
            articles=tuple(sorted(per_article[key], key=lambda item: (-item[1], item[0]))),
        )
        for key in hours
    ]
    people.sort(key=lambda p: (-p.hours_saved, p.name))
    return tuple(people)


def credit_by_period(
    report: CreditReport, period: Callable[[datetime], str] = month_of
) -> dict[tuple[int | None, str], tuple[float, float, float]]:
    """Hours (and interval bounds) per (technician id, period), from the ledger's ticket dates."""
    shares = {a.article_id: a.shares for a in report.articles}
    totals: dict[tuple[int | None, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for entry in report.ledger:
        label = period(entry.created_at)
        for share in shares[entry.article_id]:
            if share.share <= 0:
                continue
            bucket = totals[(share.technician_id, label)]
            bucket[0] += entry.minutes * share.share / 60.0
            bucket[1] += entry.low * share.share / 60.0
            bucket[2] += entry.high * share.share / 60.0
    return {key: (v[0], v[1], v[2]) for key, v in sorted(totals.items(), key=_period_key)}


# ---------------------------------------------------------------- internals


@dataclass
class _Data:
    """Tickets as arrays: outcomes, factor codes (family, month, technician), the untreated mask."""

    ids: list[str]
    index: dict[str, int]
    created: list[datetime]
    moments: np.ndarray  # the same as datetime64, for comparisons
    values: np.ndarray  # (outcomes, tickets), NaN where missing
    family: np.ndarray  # index into families, -1 for none
    period: np.ndarray  # index into periods
    technician: np.ndarray  # index into technicians (unassigned tickets share one level)
    families: list[str]
    periods: list[str]
    technicians: list[str]
    untreated: np.ndarray  # bool: no evaluable article serves the ticket
    servers: np.ndarray  # how many evaluable articles serve each ticket
    evaluable: frozenset[str]  # articles that started after their families' first ticket

    @property
    def codes(self) -> list[np.ndarray]:
        return [self.family, self.period, self.technician]

    @property
    def sizes(self) -> list[int]:
        return [len(self.families), len(self.periods), len(self.technicians)]

    @classmethod
    def build(cls, tickets: Sequence[TicketOutcome], exposures: Sequence[Exposure]) -> _Data:
        ordered = sorted(tickets, key=lambda t: t.ticket_id)
        ids = [t.ticket_id for t in ordered]
        index = {ticket_id: i for i, ticket_id in enumerate(ids)}
        families = sorted({t.family for t in ordered if t.family is not None})
        family_index = {f: i for i, f in enumerate(families)}
        periods = sorted({month_of(t.created_at) for t in ordered})
        period_index = {p: i for i, p in enumerate(periods)}
        technicians = sorted({t.technician or UNASSIGNED for t in ordered})
        technician_index = {name: i for i, name in enumerate(technicians)}
        values = np.full((len(OUTCOMES), len(ordered)), np.nan)
        for i, t in enumerate(ordered):
            if t.minutes is not None and math.isfinite(t.minutes) and t.minutes >= 0:
                values[0, i] = math.log(max(t.minutes, MIN_MINUTES))
            hours = t.resolution_hours
            if hours is not None and math.isfinite(hours) and hours >= 0:
                values[1, i] = math.log(max(hours, MIN_HOURS))
            values[2, i] = float(t.reopened)
            values[3, i] = float(t.escalated)
        # An article in use before its families' first ticket changes nothing within
        # the data: its families' level already includes it, and it cannot be judged.
        first: dict[str | None, datetime] = {}
        for t in ordered:
            if t.family not in first or t.created_at < first[t.family]:
                first[t.family] = t.created_at
        earliest = min(first.values(), default=None)
        evaluable = set()
        for exposure in exposures:
            known = [first[f] for f in exposure.families if f in first]
            opening = min(known, default=earliest)
            if opening is not None and exposure.start > opening:
                evaluable.add(exposure.article_id)
        servers = np.zeros(len(ordered), dtype=np.int64)
        for exposure in exposures:
            if exposure.article_id not in evaluable:
                continue
            for ticket_id in set(exposure.served):
                if ticket_id in index:
                    servers[index[ticket_id]] += 1
        family = np.array(
            [family_index[t.family] if t.family is not None else -1 for t in ordered],
            dtype=np.int64,
        )
        return cls(
            ids=ids,
            index=index,
            created=[t.created_at for t in ordered],
            moments=np.array([t.created_at for t in ordered], dtype="datetime64[us]"),
            values=values,
            family=family,
            period=np.array(
                [period_index[month_of(t.created_at)] for t in ordered], dtype=np.int64
            ),
            technician=np.array(
                [technician_index[t.technician or UNASSIGNED] for t in ordered], dtype=np.int64
            ),
            families=families,
            periods=periods,
            technicians=technicians,
            untreated=(servers == 0) & (family >= 0),
            servers=servers,
            evaluable=frozenset(evaluable),
        )


@dataclass
class _Fit:
    """Per factor (family, month, technician): the fitted levels and untreated tickets behind them.

    Levels carry a leading replicate axis in bootstrap fits.
    """

    effects: list[np.ndarray]
    counts: list[np.ndarray]

    def impute(self, codes: Sequence[np.ndarray]) -> np.ndarray:
        """Fitted log value for tickets with these factor codes (family code must be >= 0)."""
        return sum(
            (effect[..., code] for effect, code in zip(self.effects, codes, strict=True)),
            np.zeros(np.shape(codes[0])),
        )


@dataclass
class _Cells:
    """Untreated tickets with a value for one outcome, grouped by occupied (family, month, tech)."""

    mask: np.ndarray  # which tickets
    inverse: np.ndarray  # each of those tickets' cell
    values: np.ndarray  # their values
    codes: list[np.ndarray]  # each cell's level of each factor


def _cells(data: _Data, k: int) -> _Cells:
    y = data.values[k]
    mask = data.untreated & np.isfinite(y)
    codes = [code[mask] for code in data.codes]
    _, n_periods, n_techs = data.sizes
    key = (codes[0] * n_periods + codes[1]) * n_techs + codes[2]
    unique, inverse = np.unique(key, return_inverse=True)
    cell_codes = [
        unique // (n_periods * n_techs),
        (unique // n_techs) % n_periods,
        unique % n_techs,
    ]
    return _Cells(mask, inverse.reshape(-1), y[mask], cell_codes)


def _group_sum(index: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Sum ``values`` (leading axes: replicates) into ``size`` groups along the last axis."""
    if values.ndim == 1:
        return np.bincount(index, weights=values, minlength=size)
    replicates = values.shape[0]
    # One bincount for all replicates: replicate b's groups are offset by b * size.
    offset = (np.arange(replicates)[:, None] * size + index[None, :]).ravel()
    totals = np.bincount(offset, weights=values.ravel(), minlength=replicates * size)
    return totals.reshape(replicates, size)


def _solve(
    cells: _Cells,
    sums: np.ndarray,
    counts: np.ndarray,
    sizes: list[int],
    adjust: bool,
    max_iterations: int,
    tolerance: float,
    start: list[np.ndarray] | None = None,
) -> _Fit:
    """Fixed effects by alternating means over occupied cells (backfitting).

    With ``adjust`` the model is family + month + technician; without it (the
    naive method) only the family level, the plain mean of its untreated
    tickets.
    """
    batch = sums.shape[:-1]
    used = len(sizes) if adjust else 1
    effects = (
        [np.array(e, dtype=float) for e in start]
        if start is not None
        else [np.zeros(batch + (size,)) for size in sizes]
    )
    level_counts = [_group_sum(cells.codes[j], counts, sizes[j]) for j in range(len(sizes))]
    # Each factor's current effect at every cell; the others' sum is what a factor fits.
    at_cells = [np.nan_to_num(effects[j])[..., cells.codes[j]] for j in range(used)]
    with np.errstate(invalid="ignore", divide="ignore"):
        for _ in range(max_iterations if used > 1 else 1):
            change = 0.0
            for j in range(used):
                others = sum((at_cells[m] for m in range(used) if m != j), np.zeros(sums.shape))
                total = _group_sum(cells.codes[j], sums - counts * others, sizes[j])
                new = np.where(level_counts[j] > 0, total / level_counts[j], np.nan)
                filled = np.nan_to_num(new)
                change = max(
                    change, float(np.abs(filled - np.nan_to_num(effects[j])).max(initial=0))
                )
                effects[j] = new
                at_cells[j] = filled[..., cells.codes[j]]
            if change < tolerance:
                break
    if used == 1:
        effects[1:] = [np.zeros(batch + (size,)) for size in sizes[1:]]
    else:
        effects = _normalise(effects, level_counts)
    return _Fit(effects, level_counts)


def _normalise(effects: list[np.ndarray], counts: list[np.ndarray]) -> list[np.ndarray]:
    """Centre month and technician effects on their weighted mean (the family level takes it).

    Then a month without untreated tickets borrows its nearest month's effect,
    and a technician without any counts as the average one (zero).
    """
    family, *rest = effects
    family = family.copy()
    centred = []
    for effect, weight in zip(rest, counts[1:], strict=True):
        total = weight.sum(axis=-1, keepdims=True)
        mean = np.nansum(np.nan_to_num(effect) * weight, axis=-1, keepdims=True) / np.where(
            total > 0, total, 1.0
        )
        family = family + mean
        centred.append(np.where(weight > 0, effect - mean, np.nan))
    months, technicians = centred
    return [family, _fill_empty_periods(months, counts[1]), np.nan_to_num(technicians)]


def _fill_empty_periods(tau: np.ndarray, period_n: np.ndarray) -> np.ndarray:
    """Months with no untreated ticket borrow the effect of the nearest month that has one."""
    out = np.array(tau, dtype=float)
    flat_out = out.reshape(-1, out.shape[-1])
    flat_has = (period_n > 0).reshape(-1, out.shape[-1])
    for row in range(flat_out.shape[0]):
        valid = np.flatnonzero(flat_has[row])
        if not valid.size:
            flat_out[row] = 0.0
            continue
        for t in np.flatnonzero(~flat_has[row]):
            # The nearest month; on a tie the earlier one.
            nearest = valid[np.argmin(np.abs(valid - t) * 2 + (valid > t))]
            flat_out[row, t] = flat_out[row, nearest]
    return out


def _point_fit(data: _Data, k: int, params: CreditParams) -> _Fit:
    cells = _cells(data, k)
    n_cells = len(cells.codes[0])
    sums = np.bincount(cells.inverse, weights=cells.values, minlength=n_cells)
    counts = np.bincount(cells.inverse, minlength=n_cells).astype(float)
    adjust = params.method == "did"
    return _solve(cells, sums, counts, data.sizes, adjust, params.max_iterations, params.tolerance)


def _replicate_fits(data: _Data, fits: Mapping[str, _Fit], params: CreditParams) -> dict[str, _Fit]:
    """Bootstrap refits of every outcome's model on Poisson-reweighted untreated tickets.

    The same weights serve all outcomes and all articles, so a replicate is one
    coherent resample of the history.
    """
    rng = np.random.default_rng([params.seed, 0])
    adjust = params.method == "did"
    cells = [_cells(data, k) for k in range(len(OUTCOMES))]
    untreated = np.flatnonzero(data.untreated)
    position = np.full(len(data.ids), -1)
    position[untreated] = np.arange(untreated.size)
    parts: dict[str, list[list[np.ndarray]]] = defaultdict(list)
    for first in range(0, params.bootstrap, _CHUNK):
        size = min(_CHUNK, params.bootstrap - first)
        weights = rng.poisson(1.0, size=(size, untreated.size)).astype(float)
        for k, outcome in enumerate(OUTCOMES):
            group = cells[k]
            n_cells = len(group.codes[0])
            chosen = weights[:, position[group.mask]]
            sums = _group_sum(group.inverse, chosen * group.values[None, :], n_cells)
            counts = _group_sum(group.inverse, chosen, n_cells)
            point = fits[outcome].effects
            warm = [np.broadcast_to(e, (size, e.shape[-1])) for e in point]
            # Warm-started from the point fit; 1e-5 on the log scale is far below the
            # spread the bootstrap measures.
            fit = _solve(group, sums, counts, data.sizes, adjust, 50, 1e-5, warm)
            alpha = np.where(np.isfinite(fit.effects[0]), fit.effects[0], point[0][None, :])
            parts[outcome].append([alpha, *fit.effects[1:]])
    replicates = {}
    for outcome in OUTCOMES:
        chunks = parts[outcome]
        effects = [
            np.concatenate([chunk[j] for chunk in chunks]) if chunks else np.empty((0, size))
            for j, size in enumerate(data.sizes)
        ]
        replicates[outcome] = _Fit(effects, fits[outcome].counts)
    return replicates


def _article_credit(
    data: _Data,
    exposure: Exposure,
    fits: Mapping[str, _Fit],
    replicates: Mapping[str, _Fit],
    params: CreditParams,
) -> ArticleCredit:
    served = np.array(sorted(data.index[t] for t in set(exposure.served) if t in data.index))
    served = served.astype(np.int64)
    family_idx = {f: i for i, f in enumerate(data.families)}
    article_families = [family_idx[f] for f in exposure.families if f in family_idx]
    in_families = np.isin(data.family, article_families) if article_families else None
    before = data.moments < np.datetime64(exposure.start, "us")
    baseline_mask = (
        data.untreated & in_families & before & np.isfinite(data.values[0])
        if in_families is not None
        else np.zeros(len(data.ids), dtype=bool)
    )
    baseline = tuple(data.ids[i] for i in np.flatnonzero(baseline_mask))
    weights = 1.0 / np.maximum(data.servers[served], 1)
    weight = float(np.sum(weights)) if served.size else 0.0
    # The bootstrap stream depends on the article id only, not on the order of articles.
    rng_seed = [params.seed, zlib.crc32(exposure.article_id.encode("utf-8"))]
    effects = tuple(
        _effect(data, served, k, fits[outcome], replicates[outcome], params, rng_seed)
        for k, outcome in enumerate(OUTCOMES)
    )
    minutes = effects[0]
    common = dict(
        article_id=exposure.article_id,
        title=exposure.title,
        start=exposure.start,
        families=tuple(exposure.families),
        served=tuple(data.ids[i] for i in served),
        tickets_served=int(served.size),
        served_weight=weight,
        baseline=baseline,
        effects=effects,
        shares=exposure.shares,
    )
    if exposure.article_id not in data.evaluable:
        return ArticleCredit(
            status=NOT_ENOUGH_DATA,
            reason="It was in use before the first ticket of its families: there is no "
            "before to compare with.",
            minutes_saved_per_ticket=None,
            interval=None,
            hours_saved=0.0,
            hours_interval=Interval(0.0, 0.0),
            **common,  # type: ignore[arg-type]
        )
    if minutes.n_served < params.min_served or len(baseline) < params.min_baseline:
        reason = (
            f"{minutes.n_served} served tickets with recorded minutes (need "
            f"{params.min_served}) and {len(baseline)} earlier tickets of its families to "
            f"compare with (need {params.min_baseline})."
        )
        return ArticleCredit(
            status=NOT_ENOUGH_DATA,
            reason=reason,
            minutes_saved_per_ticket=None,
            interval=None,
            hours_saved=0.0,
            hours_interval=Interval(0.0, 0.0),
            **common,  # type: ignore[arg-type]
        )
    assert minutes.saved is not None and minutes.saved_interval is not None
    saved = minutes.saved
    interval = minutes.saved_interval
    low, high = interval.low, interval.high
    if low > 0:
        status = CREDITED
        reason = (
            f"Served tickets took {-(minutes.change or 0.0):.0%} less time than the same families "
            f"before, after adjusting for the change elsewhere; the {params.confidence:.0%} "
            "interval excludes zero."
        )
        hours = saved * weight / 60.0
        hours_interval = interval.scaled(weight / 60.0)
    else:
        status = NO_EFFECT
        if high < 0:
            reason = (
                f"Served tickets took {minutes.change:.0%} more time than expected: no credit; "
                "the article may need a review."
            )
        else:
            reason = f"The {params.confidence:.0%} interval includes zero: no credit."
        hours, hours_interval = 0.0, Interval(0.0, 0.0)
    return ArticleCredit(
        status=status,
        reason=reason,
        minutes_saved_per_ticket=saved,
        interval=interval,
        hours_saved=hours,
        hours_interval=hours_interval,
        **common,  # type: ignore[arg-type]
    )


def _effect(
    data: _Data,
    served: np.ndarray,
    k: int,
    fit: _Fit,
    replicate: _Fit,
    params: CreditParams,
    rng_seed: list[int],
) -> OutcomeEffect:
    outcome = OUTCOMES[k]
    scale = "log" if outcome in LOG_OUTCOMES else "rate"
    y = data.values[k, served]
    family = data.family[served]
    level = np.full(family.shape, np.nan)
    known = family >= 0
    level[known] = fit.effects[0][family[known]]
    usable = np.isfinite(y) & np.isfinite(level)
    rows = served[usable]
    y = y[usable]
    n = int(y.size)
    if not n:
        return OutcomeEffect(outcome, scale, None, None, 0, None, None)
    codes = [code[rows] for code in data.codes]
    imputed = fit.impute(codes)
    estimate = float(np.mean(y - imputed))
    counterfactual_array, saved_array = _saved(scale, imputed, estimate)
    counterfactual, saved = float(counterfactual_array), float(saved_array)
    observed = float(np.exp(np.mean(y))) if scale == "log" else float(np.mean(y))
    replicates = replicate.effects[0].shape[0]
    if not replicates:
        point = Interval(estimate, estimate)
        return OutcomeEffect(
            outcome, scale, estimate, point, n, observed, counterfactual, saved, point
        )
    rng = np.random.default_rng([*rng_seed, k])
    picks = rng.integers(0, n, size=(replicates, n))
    imputed_draws = np.take_along_axis(replicate.impute(codes), picks, axis=1)
    draws = (y[picks] - imputed_draws).mean(axis=1)
    # Each replicate converts with its own counterfactual, so the uncertainty of the
    # baseline level reaches the minutes as well as the log effect.
    _, saved_draws = _saved(scale, imputed_draws, draws)
    tail = (1.0 - params.confidence) / 2.0
    low, high = np.quantile(draws, [tail, 1.0 - tail])
    saved_low, saved_high = np.quantile(saved_draws, [tail, 1.0 - tail])
    return OutcomeEffect(
        outcome=outcome,
        scale=scale,
        estimate=estimate,
        interval=Interval(float(low), float(high)),
        n_served=n,
        observed=observed,
        counterfactual=counterfactual,
        saved=saved,
        saved_interval=Interval(float(saved_low), float(saved_high)),
    )


def _saved(
    scale: str, imputed: np.ndarray, effect: float | np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Counterfactual typical value and the amount saved per ticket (a point or replicate rows).

    Times are compared as geometric means (the median of a log-normal time): the
    typical ticket, so one ten-hour outlier cannot move anyone's credit.
    """
    if scale == "log":
        counterfactual = np.exp(np.mean(imputed, axis=-1))
        return counterfactual, counterfactual * -np.expm1(effect)
    return np.mean(imputed, axis=-1), -np.asarray(effect)


def _ledger(data: _Data, articles: Sequence[ArticleCredit]) -> tuple[LedgerEntry, ...]:
    entries = []
    for article in articles:
        if article.status != CREDITED or article.interval is None:
            continue
        assert article.minutes_saved_per_ticket is not None
        for ticket_id in article.served:
            i = data.index[ticket_id]
            weight = 1.0 / float(data.servers[i])
            entries.append(
                LedgerEntry(
                    article_id=article.article_id,
                    ticket_id=ticket_id,
                    created_at=data.created[i],
                    weight=weight,
                    minutes=article.minutes_saved_per_ticket * weight,
                    low=article.interval.low * weight,
                    high=article.interval.high * weight,
                )
            )
    return tuple(entries)


def _id_key(value: int | None) -> tuple[int, int]:
    return (1, 0) if value is None else (0, value)


def _period_key(item: tuple[tuple[int | None, str], list[float]]) -> tuple[int, int, str]:
    (technician_id, period), _ = item
    return (*_id_key(technician_id), period)
