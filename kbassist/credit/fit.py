"""Documentation credit, the fitting: tickets as arrays and the fixed-effects model on them.

Internal to ``kbassist.credit.estimation`` (docs/credit.md, sections 2 and 3): the
family + calendar-month + technician model fitted by alternating means on the
untreated tickets, and its bootstrap refits on Poisson-reweighted untreated
tickets. Everything here works on log values (or rates) and knows nothing of
minutes; turning an effect into minutes saved happens in ``kbassist.credit.estimation``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from kbassist.credit.censoring import cut_normal_moments

if TYPE_CHECKING:
    from kbassist.credit.records import CreditParams, Exposure, TicketOutcome

CHUNK = 50  # bootstrap replicates fitted at once (bounds memory at 50,000 tickets)


@dataclass(frozen=True)
class Encoding:
    """How a ticket becomes a row: its outcome values, its period and its technician level."""

    outcomes: int
    values_of: Callable[[TicketOutcome], Sequence[float]]  # NaN where missing
    period_of: Callable[[datetime], str]
    technician_of: Callable[[TicketOutcome], str]


@dataclass
class TicketArrays:
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
    def build(
        cls,
        tickets: Sequence[TicketOutcome],
        exposures: Sequence[Exposure],
        encoding: Encoding,
    ) -> TicketArrays:
        """Code the tickets (by id), mark the articles that can be judged and whom they serve."""
        ordered = sorted(tickets, key=lambda t: t.ticket_id)
        ids = [t.ticket_id for t in ordered]
        index = {ticket_id: i for i, ticket_id in enumerate(ids)}
        families = sorted({t.family for t in ordered if t.family is not None})
        family_index = {f: i for i, f in enumerate(families)}
        period_labels = [encoding.period_of(t.created_at) for t in ordered]
        periods = sorted(set(period_labels))
        period_index = {p: i for i, p in enumerate(periods)}
        technician_labels = [encoding.technician_of(t) for t in ordered]
        technicians = sorted(set(technician_labels))
        technician_index = {name: i for i, name in enumerate(technicians)}
        values = np.full((encoding.outcomes, len(ordered)), np.nan)
        for i, t in enumerate(ordered):
            values[:, i] = encoding.values_of(t)
        evaluable, servers = _evaluable_and_servers(ordered, exposures, index)
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
            period=np.array([period_index[p] for p in period_labels], dtype=np.int64),
            technician=np.array(
                [technician_index[name] for name in technician_labels], dtype=np.int64
            ),
            families=families,
            periods=periods,
            technicians=technicians,
            untreated=(servers == 0) & (family >= 0),
            servers=servers,
            evaluable=evaluable,
        )


def _evaluable_and_servers(
    ordered: Sequence[TicketOutcome],
    exposures: Sequence[Exposure],
    index: Mapping[str, int],
) -> tuple[frozenset[str], np.ndarray]:
    """Articles that started after their families' first ticket, and how many serve each ticket.

    An article in use before its families' first ticket changes nothing within the
    data: its families' level already includes it, and it cannot be judged.
    """
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
    return frozenset(evaluable), servers


@dataclass
class Fit:
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
class Cells:
    """Untreated tickets with a value for one outcome, grouped by occupied (family, month, tech)."""

    mask: np.ndarray  # which tickets
    inverse: np.ndarray  # each of those tickets' cell
    values: np.ndarray  # their values
    codes: list[np.ndarray]  # each cell's level of each factor


def cells_of(data: TicketArrays, k: int, values: np.ndarray | None = None) -> Cells:
    y = data.values[k] if values is None else values
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
    return Cells(mask, inverse.reshape(-1), y[mask], cell_codes)


def group_sum(index: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Sum ``values`` (leading axes: replicates) into ``size`` groups along the last axis."""
    if values.ndim == 1:
        return np.bincount(index, weights=values, minlength=size)
    replicates = values.shape[0]
    # One bincount for all replicates: replicate b's groups are offset by b * size.
    offset = (np.arange(replicates)[:, None] * size + index[None, :]).ravel()
    totals = np.bincount(offset, weights=values.ravel(), minlength=replicates * size)
    return totals.reshape(replicates, size)


def solve(
    cells: Cells,
    sums: np.ndarray,
    counts: np.ndarray,
    sizes: list[int],
    adjust: bool,
    max_iterations: int,
    tolerance: float,
    start: list[np.ndarray] | None = None,
) -> Fit:
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
    level_counts = [group_sum(cells.codes[j], counts, sizes[j]) for j in range(len(sizes))]
    # Each factor's current effect at every cell; the others' sum is what a factor fits.
    at_cells = [np.nan_to_num(effects[j])[..., cells.codes[j]] for j in range(used)]
    with np.errstate(invalid="ignore", divide="ignore"):
        for _ in range(max_iterations if used > 1 else 1):
            change = 0.0
            for j in range(used):
                others = sum((at_cells[m] for m in range(used) if m != j), np.zeros(sums.shape))
                total = group_sum(cells.codes[j], sums - counts * others, sizes[j])
                new = np.where(level_counts[j] > 0, total / level_counts[j], np.nan)
                filled = np.nan_to_num(new)
                change = max(
                    change,
                    float(np.abs(filled - np.nan_to_num(effects[j])).max(initial=0)),
                )
                effects[j] = new
                at_cells[j] = filled[..., cells.codes[j]]
            if change < tolerance:
                break
    if used == 1:
        effects[1:] = [np.zeros(batch + (size,)) for size in sizes[1:]]
    else:
        effects = normalise(effects, level_counts)
    return Fit(effects, level_counts)


def normalise(effects: list[np.ndarray], counts: list[np.ndarray]) -> list[np.ndarray]:
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
    return [family, fill_empty_periods(months, counts[1]), np.nan_to_num(technicians)]


def fill_empty_periods(tau: np.ndarray, period_n: np.ndarray) -> np.ndarray:
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


def point_fit(data: TicketArrays, k: int, params: CreditParams) -> Fit:
    cells = cells_of(data, k)
    n_cells = len(cells.codes[0])
    sums = np.bincount(cells.inverse, weights=cells.values, minlength=n_cells)
    counts = np.bincount(cells.inverse, minlength=n_cells).astype(float)
    adjust = params.method == "did"
    return solve(cells, sums, counts, data.sizes, adjust, params.max_iterations, params.tolerance)


@dataclass
class IntervalFit:
    """The model fitted to times known only up to an interval (EM), and what it makes of them.

    ``values`` holds every untreated ticket's expected log time given its
    interval under the fit (its own value when exact); ``sigma`` the residual
    spread of each family (NaN for a family without untreated tickets), which
    the served tickets' intervals are read with.
    """

    fit: Fit
    values: np.ndarray
    sigma: np.ndarray
    iterations: int


def interval_fit(
    data: TicketArrays,
    k: int,
    low: np.ndarray,
    high: np.ndarray,
    params: CreditParams,
    max_rounds: int = 500,
    tolerance: float = 1e-8,
) -> IntervalFit:
    """Fit the model on log times that are intervals (low, high] by EM (normal errors per family).

    E-step: each rounded or floored time is replaced by its expected value
    given its interval, under the current levels and its family's spread.
    M-step: the usual alternating means on those values, and each family's
    spread from the residuals plus the variance left inside the intervals.
    Exact times (``low == high``) stay as they are, so with no rounded time
    this is the plain fit. Stops when no expected value moves by more than
    ``tolerance``.
    """
    cells = cells_of(data, k)
    rows = np.flatnonzero(cells.mask)
    lo, hi = low[rows], high[rows]
    censored = ~(lo == hi)
    values = np.where(censored, np.where(np.isfinite(lo), (lo + hi) / 2, hi), hi)
    variance = np.zeros(rows.size)
    codes = [code[rows] for code in data.codes]
    family = codes[0]
    n_families = len(data.families)
    n_cells = len(cells.codes[0])
    counts = np.bincount(cells.inverse, minlength=n_cells).astype(float)
    per_family = np.bincount(family, minlength=n_families).astype(float)
    adjust = params.method == "did"
    fit: Fit | None = None
    sigma = np.full(n_families, np.nan)
    rounds = 0
    while rounds < max_rounds:
        rounds += 1
        sums = np.bincount(cells.inverse, weights=values, minlength=n_cells)
        start = None if fit is None else fit.effects
        fit = solve(
            cells, sums, counts, data.sizes, adjust, params.max_iterations, params.tolerance, start
        )
        mean = fit.impute(codes)
        squares = np.bincount(family, weights=(values - mean) ** 2 + variance, minlength=n_families)
        with np.errstate(invalid="ignore", divide="ignore"):
            sigma = np.sqrt(np.where(per_family > 1, squares / per_family, np.nan))
        if not censored.any():
            break
        spread = sigma[family[censored]]
        known = np.isfinite(sigma) & (sigma > 0)
        fallback = float(np.median(sigma[known])) if known.any() else 1.0
        spread = np.where(np.isfinite(spread) & (spread > 0), spread, fallback)
        expected, variance_censored = cut_normal_moments(
            mean[censored], spread, lo[censored], hi[censored]
        )
        moved = float(np.abs(expected - values[censored]).max(initial=0.0))
        values[censored] = expected
        variance[censored] = variance_censored
        if moved < tolerance:
            break
    assert fit is not None
    completed = np.array(data.values[k], dtype=float)
    completed[rows] = values
    return IntervalFit(fit, completed, sigma, rounds)


def replicate_fits(
    data: TicketArrays,
    fits: Mapping[str, Fit],
    params: CreditParams,
    values: Mapping[int, np.ndarray] | None = None,
) -> dict[str, Fit]:
    """Bootstrap refits of every outcome's model on Poisson-reweighted untreated tickets.

    The same weights serve all outcomes and all articles, so a replicate is one
    coherent resample of the history. ``values`` replaces an outcome's values
    (by position): the expected log times of an interval fit.
    """
    values = values or {}
    rng = np.random.default_rng([params.seed, 0])
    adjust = params.method == "did"
    outcomes = list(fits)
    cells = [cells_of(data, k, values.get(k)) for k in range(len(outcomes))]
    untreated = np.flatnonzero(data.untreated)
    position = np.full(len(data.ids), -1)
    position[untreated] = np.arange(untreated.size)
    parts: dict[str, list[list[np.ndarray]]] = defaultdict(list)
    for first in range(0, params.bootstrap, CHUNK):
        size = min(CHUNK, params.bootstrap - first)
        weights = rng.poisson(1.0, size=(size, untreated.size)).astype(float)
        for k, outcome in enumerate(outcomes):
            group = cells[k]
            n_cells = len(group.codes[0])
            chosen = weights[:, position[group.mask]]
            sums = group_sum(group.inverse, chosen * group.values[None, :], n_cells)
            counts = group_sum(group.inverse, chosen, n_cells)
            point = fits[outcome].effects
            warm = [np.broadcast_to(e, (size, e.shape[-1])) for e in point]
            # Warm-started from the point fit; 1e-5 on the log scale is far below the
            # spread the bootstrap measures.
            fit = solve(group, sums, counts, data.sizes, adjust, 50, 1e-5, warm)
            alpha = np.where(np.isfinite(fit.effects[0]), fit.effects[0], point[0][None, :])
            parts[outcome].append([alpha, *fit.effects[1:]])
    replicates = {}
    for outcome in outcomes:
        chunks = parts[outcome]
        effects = [
            np.concatenate([chunk[j] for chunk in chunks]) if chunks else np.empty((0, size))
            for j, size in enumerate(data.sizes)
        ]
        replicates[outcome] = Fit(effects, fits[outcome].counts)
    return replicates
