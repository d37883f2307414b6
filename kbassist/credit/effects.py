"""An article's effect on one outcome, its bootstrap interval and its value in minutes.

Internal to ``kbassist.credit.estimation`` (docs/credit.md, sections 2 and 3).
The effect is the mean gap between the served tickets' log times and what the
model fitted on untreated tickets imputes for them. A served time known only up
to an interval (rounded to a step, or on the floor: ``kbassist.credit.censoring``)
counts with its expected value given the interval, the effect and its family's
spread, found by iterating to the fixed point (EM for the effect).

Minutes saved per ticket: the log effect ``d`` is a ratio, so a served ticket
that took ``m`` minutes would have taken ``m * exp(-d)``, and the saving is the
served tickets' mean minutes times ``exp(-d) - 1``. Rounded times count with
their expected real minutes. Not ``exp(mean log)``, a geometric mean that sits
below the mean of a skewed time by ``exp(-sigma**2 / 2)`` and underpaid every
article by 10-23 %.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kbassist.credit.censoring import cut_lognormal_mean, cut_normal_moments
from kbassist.credit.fit import Fit
from kbassist.credit.records import Interval, OutcomeEffect


@dataclass(frozen=True)
class Served:
    """The served tickets with a value of one outcome, as the effect needs them."""

    values: np.ndarray  # log times, or 0/1 for rates
    codes: list[np.ndarray]  # family, month, technician codes
    low: np.ndarray | None = None  # log-time intervals (low, high]; None: all exact
    high: np.ndarray | None = None
    sigma: np.ndarray | None = None  # each ticket's family spread on the log scale


def outcome_effect(
    outcome: str,
    scale: str,
    served: Served,
    fit: Fit,
    replicate: Fit,
    confidence: float,
    rng: np.random.Generator,
) -> OutcomeEffect:
    """Effect, interval, observed and counterfactual means, and the saving per ticket."""
    n = int(served.values.size)
    if not n:
        return OutcomeEffect(outcome, scale, None, None, 0, None, None)
    imputed = fit.impute(served.codes)
    estimate, completed, natural = _point(scale, served, imputed)
    observed, counterfactual, saved = (float(v) for v in saved_per_ticket(scale, natural, estimate))
    replicates = replicate.effects[0].shape[0]
    if not replicates:
        point, saved_point = Interval(estimate, estimate), Interval(saved, saved)
        return OutcomeEffect(
            outcome, scale, estimate, point, n, observed, counterfactual, saved, saved_point
        )
    picks = rng.integers(0, n, size=(replicates, n))
    imputed_draws = np.take_along_axis(replicate.impute(served.codes), picks, axis=1)
    draws = (completed[picks] - imputed_draws).mean(axis=1)
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(draws, [tail, 1.0 - tail])
    # The served tickets' minutes are what they took, not an estimate: only the effect
    # (its served tickets resampled, its baseline refitted) is uncertain, so the interval
    # of the minutes saved is the effect's interval converted (saving falls as it rises).
    _, _, (saved_low, saved_high) = saved_per_ticket(scale, natural, np.array([high, low]))
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


def _point(scale: str, served: Served, imputed: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """The effect, the served values it rests on (expected where rounded) and natural units."""
    y = served.values
    if scale != "log":
        return float(np.mean(y - imputed)), y, y
    if served.low is None or served.high is None or served.sigma is None:
        return float(np.mean(y - imputed)), y, np.exp(y)
    return interval_effect(y, imputed, served.low, served.high, served.sigma)


def interval_effect(
    y: np.ndarray,
    imputed: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    sigma: np.ndarray,
    tolerance: float = 1e-10,
    max_rounds: int = 1000,
) -> tuple[float, np.ndarray, np.ndarray]:
    """The effect on served log times some of which are intervals; their expected values; minutes.

    Iterates ``d = mean(E[y | interval, imputed + d, sigma] - imputed)`` to its
    fixed point. Exact times stay as they are.
    """
    censored = ~(low == high)
    estimate = float(np.mean(y - imputed))
    completed = np.array(y, dtype=float)
    if censored.any():
        lo, hi, sd, base = low[censored], high[censored], sigma[censored], imputed[censored]
        for _ in range(max_rounds):
            completed[censored], _ = cut_normal_moments(base + estimate, sd, lo, hi)
            moved = float(np.mean(completed - imputed)) - estimate
            estimate += moved
            if abs(moved) < tolerance:
                break
    minutes = np.exp(y)
    if censored.any():
        minutes[censored] = cut_lognormal_mean(base + estimate, sd, lo, hi)
    return estimate, completed, minutes


def saved_per_ticket(
    scale: str, natural: np.ndarray, effect: float | np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Served tickets' mean, the mean had the article not existed, and the saving per ticket.

    ``effect`` one value or several (interval bounds). Times: the served
    tickets' mean minutes ``m``, ``m * exp(-effect)`` and their difference.
    Rates: the share, the share less the effect, and the drop in share.
    """
    observed = np.mean(natural, axis=-1)
    change = np.asarray(effect)
    if scale == "log":
        return observed, observed * np.exp(-change), observed * np.expm1(-change)
    return observed, observed - change, -change
