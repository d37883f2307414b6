"""How troubleshooting minutes were recorded, and what a rounded time can have been.

Technicians do not record the minutes a job took. Some record to the next
quarter hour (a 20-minute job is "30"), and a PSA often has a minimum ("5" for
anything shorter). Read as exact, such times bend the log scale: when jobs get
shorter, a family of short jobs piles up at "15" or "5" and seems to speed up
less than a family of long ones, so the month effects fit neither and the
articles of long families are paid for part of the trend. kbassist reads a
rounded time as what it says: somewhere in an interval ("30" from a quarter-hour
recorder is more than 15 and at most 30; "5" at the floor is 5 or less), and the
model on log minutes is fitted to those intervals (``kbassist.credit.fit``).

Both the recording habits and the floor are read from the data:

* a technician **records in steps** of ``q`` minutes (60, 30, 15, 10 or 5) when
  at least 95 % of their (at least 20) recorded times are multiples of ``q``;
  a time ``r`` from them is read as more than ``r - q`` and at most ``r``
  (billing increments are rounded up);
* the smallest recorded time is a **floor** when at least 0.5 % of the times
  (and 5 tickets) sit exactly on it: a time on the floor is read as at most
  the floor (plus the half minute of rounding).

Everyone else's times are exact. The moments of a normal variable cut to an
interval (the E-step of the fit) are here too, computed on the log scale with
``scipy.special.log_ndtr`` so that far tails stay finite.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import numpy as np
from scipy.special import log_ndtr

from kbassist.credit.records import Recording, TicketOutcome

STEPS = (60, 30, 15, 10, 5)  # candidate recording steps, largest first
STEP_SHARE = 0.95  # share of a technician's times that must be multiples of the step
STEP_MIN_TICKETS = 20
FLOOR_SHARE = 0.005
FLOOR_MIN_TICKETS = 5
HALF_MINUTE = 0.5  # exact times are whole minutes: the floor holds anything up to it + 0.5
_LOG_2PI = math.log(2.0 * math.pi)


def recording_of(
    tickets: Sequence[TicketOutcome], technician_of: Callable[[TicketOutcome], str]
) -> Recording:
    """Detect the floor and each technician's recording step from the recorded minutes."""
    recorded = [
        (technician_of(t), float(t.minutes))
        for t in tickets
        if t.minutes is not None and math.isfinite(t.minutes) and t.minutes > 0
    ]
    if not recorded:
        return Recording()
    by_technician: dict[str, list[float]] = defaultdict(list)
    for technician, minutes in recorded:
        by_technician[technician].append(minutes)
    steps = {}
    for technician, values in by_technician.items():
        if len(values) < STEP_MIN_TICKETS:
            continue
        for step in STEPS:
            multiples = sum(1 for v in values if v % step == 0)
            if multiples >= STEP_SHARE * len(values):
                steps[technician] = step
                break
    counts = Counter(minutes for _, minutes in recorded)
    lowest = min(counts)
    on_floor = counts[lowest]
    floor = lowest if on_floor >= max(FLOOR_MIN_TICKETS, FLOOR_SHARE * len(recorded)) else None
    return Recording(floor=floor, steps=steps)


def log_bounds(
    minutes: np.ndarray, steps: np.ndarray, floor: float | None, smallest: float
) -> tuple[np.ndarray, np.ndarray]:
    """Each time's interval on the log scale: (low, high], low = -inf when open below.

    ``minutes`` NaN where missing (the bounds are NaN too); ``steps`` 0 for an
    exact recorder; ``smallest`` the minutes below which the log scale stops
    (an exact time under it reads as it).
    """
    value = np.log(np.maximum(minutes, smallest))
    low, high = value.copy(), value.copy()
    stepped = steps > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        top = np.log(np.maximum(minutes, smallest))
        bottom = np.where(minutes - steps > 0, np.log(np.maximum(minutes - steps, 1e-12)), -np.inf)
    low = np.where(stepped, bottom, low)
    high = np.where(stepped, top, high)
    if floor is not None:
        on_floor = np.isfinite(minutes) & (minutes <= floor)
        ceiling = np.where(stepped, top, math.log(max(floor, smallest) + HALF_MINUTE))
        low = np.where(on_floor, -np.inf, low)
        high = np.where(on_floor, ceiling, high)
    missing = ~np.isfinite(minutes)
    low[missing] = np.nan
    high[missing] = np.nan
    return low, high


# ---------------------------------------------------------------- a normal cut to an interval


def log_mass(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """log(Phi(b) - Phi(a)) for a < b, accurate in both tails."""
    a, b = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(b, dtype=float))
    # In the upper tail Phi(b) - Phi(a) = Phi(-a) - Phi(-b): work where the masses are small.
    upper = a > 0
    hi = np.where(upper, -a, b)
    lo = np.where(upper, -b, a)
    log_hi, log_lo = log_ndtr(hi), log_ndtr(lo)
    with np.errstate(divide="ignore"):
        return log_hi + np.log1p(-np.exp(log_lo - log_hi))


def _log_pdf(z: np.ndarray) -> np.ndarray:
    return -0.5 * (z * z + _LOG_2PI)


def cut_normal_moments(
    mean: np.ndarray, sd: np.ndarray, low: np.ndarray, high: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Mean and variance of N(mean, sd^2) given that it lies in (low, high]."""
    alpha, beta = (low - mean) / sd, (high - mean) / sd
    log_z = log_mass(alpha, beta)
    with np.errstate(over="ignore", invalid="ignore"):
        pa = np.where(np.isfinite(alpha), np.exp(_log_pdf(alpha) - log_z), 0.0)
        pb = np.where(np.isfinite(beta), np.exp(_log_pdf(beta) - log_z), 0.0)
        shift = pa - pb
        spread = np.where(np.isfinite(alpha), alpha * pa, 0.0) - np.where(
            np.isfinite(beta), beta * pb, 0.0
        )
    center = mean + sd * shift
    variance = sd * sd * np.maximum(1.0 + spread - shift * shift, 0.0)
    # An interval dozens of spreads away holds no mass in floating point: its nearest end.
    lost = ~np.isfinite(log_z) | ~np.isfinite(center)
    center = np.where(lost, np.clip(mean, low, high), center)
    variance = np.where(lost, 0.0, variance)
    return np.clip(center, low, high), variance


def cut_lognormal_mean(
    mean: np.ndarray, sd: np.ndarray, low: np.ndarray, high: np.ndarray
) -> np.ndarray:
    """E[exp(X)] for X ~ N(mean, sd^2) given X in (low, high]: minutes from log minutes."""
    alpha, beta = (low - mean) / sd, (high - mean) / sd
    with np.errstate(invalid="ignore"):
        log_value = mean + 0.5 * sd * sd + log_mass(alpha - sd, beta - sd) - log_mass(alpha, beta)
    log_value = np.where(np.isfinite(log_value), log_value, np.clip(mean, low, high))
    return np.clip(np.exp(log_value), np.exp(low), np.exp(high))
