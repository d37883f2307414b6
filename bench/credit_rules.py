"""Which credit rule keeps null articles uncredited on unseen desks, and what it costs in power.

    .venv/bin/python bench/credit_rules.py [--seeds 1-10,1001-1030] [--demo-seeds 1001-1012]

A development tool for choosing the credit decision (docs/credit.md, section 3),
run on seeds of its own, never on the seeds that test the choice (101-120 and
201-220 were seen; 301-320 are the fresh test of ``bench/credit.py --first-seed``).
Each simulated history (``kbassist.credit.simulation``, every trend) and each
demo history (``kbassist.demo``, trend 0, planted saving from the twin run) is
estimated once with the bar switched off (``CreditParams(materiality=0)``), and
every candidate rule is then applied to the same estimates:

* ``99%``: the 99 % interval of the log effect ``d`` lies below zero (the rule
  before this change);
* ``99.9%``, ``Bonferroni``: a stricter interval (normal approximation from the
  99 % bootstrap interval: 400 replicates cannot place a 0.05 % percentile);
  Bonferroni at a family-wise 5 % over the judged articles of one desk;
* ``bar r``: the 99 % interval of the relative saving lies above ``r``
  (``d_high < log(1 - r)``), the materiality bar;
* ``1 min``: the 99 % interval of the minutes saved per ticket lies above 1.

The per-null false-credit rate of a rule is too small to count on a few hundred
nulls, so beside the count it is estimated smoothly: each null's standardised
estimate ``t = d / se`` (``se`` from the width of its 99 % interval) should be
N(0, 1) if the intervals are calibrated; the mean and spread of ``t`` over all
nulls (the calibration check) give the chance ``P(t < bar / se - z)`` that a
null like each one is credited, averaged over the nulls. Power is counted: the
share of effective articles each rule credits. Writes
bench/results/credit_rules.json.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from _env import RESULTS_DIR, ROOT
from credit import _demo_truth, demo_records, demo_without_effects
from scipy.stats import norm

from kbassist.credit.estimation import (
    NOT_ENOUGH_DATA,
    ArticleInfo,
    CreditParams,
    TicketOutcome,
    estimate_credit,
    exposures_of,
)
from kbassist.credit.simulation import TRENDS, simulate
from kbassist.demo import generator as demo

RESULTS = RESULTS_DIR / "credit_rules.json"
Z99 = norm.ppf(0.995)
SEEN = set(range(101, 121)) | set(range(201, 221)) | set(range(301, 401))


@dataclass(frozen=True)
class Judged:
    """One judged article: its log effect and 99 % interval, its minutes, and the truth."""

    source: str
    trend: float
    seed: int
    article_id: str
    null: bool
    planted: float  # minutes really saved per served ticket
    served: int
    effect: float  # d, log scale
    low: float  # 99 % interval of d
    high: float
    observed: float  # served tickets' mean minutes
    saved: float
    saved_low: float
    saved_high: float

    @property
    def se(self) -> float:
        return max((self.high - self.low) / (2 * Z99), 1e-9)


@dataclass(frozen=True)
class Rule:
    """Credit when ``d + z * se < bar`` (``bar`` on the log scale, per article)."""

    name: str
    z: float | None  # None: the 99 % bootstrap bound itself
    relative: float = 0.0  # bar as a share of the time saved
    minutes: float = 0.0  # bar in minutes saved per ticket
    family_wise: float | None = None  # Bonferroni over the desk's judged articles

    def critical(self, desk_size: int) -> float:
        if self.family_wise is not None:
            return float(norm.ppf(1 - self.family_wise / 2 / max(desk_size, 1)))
        return Z99 if self.z is None else self.z

    def bar(self, row: Judged) -> float:
        """The bar on ``d``: the log effect the bound must lie below."""
        relative = math.log1p(-self.relative)
        absolute = -math.log1p(self.minutes / row.observed) if self.minutes else 0.0
        return min(relative, absolute)

    def credits(self, row: Judged, desk_size: int) -> bool:
        bound = row.high if self.z is None else row.effect + self.critical(desk_size) * row.se
        return bound < self.bar(row)


RULES = (
    Rule("99%", None),
    Rule("99.9%", norm.ppf(0.9995)),
    Rule("Bonferroni 5%", 0.0, family_wise=0.05),
    Rule("bar 2%", None, relative=0.02),
    Rule("bar 5%", None, relative=0.05),
    Rule("bar 10%", None, relative=0.10),
    Rule("1 min", None, minutes=1.0),
    Rule("95% + bar 5%", norm.ppf(0.975), relative=0.05),
)


def judged_rows(
    source: str,
    trend: float,
    seed: int,
    tickets: Sequence[TicketOutcome],
    articles: Sequence[ArticleInfo],
    truth: Any,
) -> list[Judged]:
    report = estimate_credit(tickets, exposures_of(articles, tickets), CreditParams(materiality=0))
    rows = []
    for article in report.articles:
        known = truth(article)
        if known is None or article.status == NOT_ENOUGH_DATA or article.interval is None:
            continue
        _family, null, real = known
        effect = article.effect("minutes")
        if real is None or effect.interval is None or effect.observed is None:
            continue
        rows.append(
            Judged(
                source,
                trend,
                seed,
                article.article_id,
                null,
                0.0 if null else real,
                article.tickets_served,
                float(effect.estimate or 0.0),
                effect.interval.low,
                effect.interval.high,
                effect.observed,
                float(article.minutes_saved_per_ticket or 0.0),
                article.interval.low,
                article.interval.high,
            )
        )
    return rows


def calibration(nulls: Sequence[Judged]) -> dict[str, float]:
    """Mean and spread of the nulls' standardised estimates (N(0, 1) when calibrated)."""
    t = [r.effect / r.se for r in nulls]
    return {
        "nulls": len(t),
        "mean_t": statistics.fmean(t),
        "sd_t": statistics.stdev(t),
        "share_t_below_-2.576": sum(v < -Z99 for v in t) / len(t),
        "median_se": statistics.median(r.se for r in nulls),
    }


def evaluate(rows: Sequence[Judged]) -> dict[str, Any]:
    """Per rule: nulls credited (count and smooth rate), effective credited."""
    desks: dict[tuple[str, float, int], int] = {}
    for r in rows:
        key = (r.source, r.trend, r.seed)
        desks[key] = desks.get(key, 0) + 1
    nulls = [r for r in rows if r.null]
    effective = [r for r in rows if not r.null and r.planted > 0]
    fitted = calibration(nulls) if len(nulls) > 1 else {"mean_t": 0.0, "sd_t": 1.0}
    out: dict[str, Any] = {"calibration": fitted, "rules": {}}
    for rule in RULES:

        def chance(r: Judged, mean: float, sd: float, rule: Rule = rule) -> float:
            z = rule.critical(desks[(r.source, r.trend, r.seed)])
            return float(norm.cdf((rule.bar(r) / r.se - z - mean) / sd))

        size = {r: desks[(r.source, r.trend, r.seed)] for r in rows}
        out["rules"][rule.name] = {
            "null_credited": sum(rule.credits(r, size[r]) for r in nulls),
            "null_articles": len(nulls),
            "null_rate_nominal": _mean(chance(r, 0.0, 1.0) for r in nulls),
            "null_rate_calibrated": _mean(
                chance(r, fitted["mean_t"], fitted["sd_t"]) for r in nulls
            ),
            "effective_credited": _mean(float(rule.credits(r, size[r])) for r in effective),
            "effective_articles": len(effective),
        }
    return out


def print_table(title: str, result: dict[str, Any]) -> None:
    c = result["calibration"]
    print(f"\n{title}")
    if "nulls" in c:
        print(
            f"  calibration over {c['nulls']} nulls: t = d / se has mean {c['mean_t']:+.3f}, "
            f"sd {c['sd_t']:.3f} (1 when calibrated); median se of d {c['median_se']:.4f}"
        )
    print(
        f"  {'rule':<14} {'nulls credited':>15} {'rate nominal':>13} {'rate calibr.':>13} "
        f"{'effective credited':>19}"
    )
    for name, s in result["rules"].items():
        print(
            f"  {name:<14} {s['null_credited']:>7} of {s['null_articles']:<5} "
            f"{s['null_rate_nominal']:>13.5%} {s['null_rate_calibrated']:>13.5%} "
            f"{s['effective_credited']:>12.1%} of {s['effective_articles']}"
        )


def seed_list(text: str) -> list[int]:
    seeds: list[int] = []
    for part in filter(None, text.split(",")):
        first, _, last = part.partition("-")
        seeds += range(int(first), int(last or first) + 1)
    if SEEN & set(seeds):
        sys.exit(f"seeds {sorted(SEEN & set(seeds))} test the choice: pick development seeds")
    return seeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1-10,1001-1030", help="Simulated MSP seeds.")
    parser.add_argument("--demo-seeds", default="1001-1012", help="Demo seeds (trend 0).")
    args = parser.parse_args()
    started = time.perf_counter()
    rows: list[Judged] = []
    sim_seeds, demo_seeds = seed_list(args.seeds), seed_list(args.demo_seeds)
    for seed in sim_seeds:
        for trend in TRENDS:
            sim = simulate(seed, trend)

            def truth(article: Any, sim: Any = sim) -> tuple[str, bool, float | None]:
                planted = sim.planted[article.article_id]
                return planted.family, planted.null, sim.real_saving(article.served)

            rows += judged_rows("simulated", trend, seed, sim.tickets, sim.articles, truth)
        print(f"  simulated seed {seed} done", file=sys.stderr, flush=True)
    for seed in demo_seeds:
        data = demo.generate(seed=seed, n_tickets=5000)
        without = demo_without_effects(data, seed, 5000)
        tickets, articles = demo_records(data)
        recorded = {t.ticket_id: t.minutes for t in tickets}
        truth = _demo_truth(data.ground_truth["articles"], without, recorded)
        rows += judged_rows("demo", 0.0, seed, tickets, articles, truth)
        print(f"  demo seed {seed} done", file=sys.stderr, flush=True)
    simulated = [r for r in rows if r.source == "simulated"]
    results: dict[str, Any] = {
        "generated_at": datetime.now().isoformat(timespec="seconds"),
        "simulated_seeds": sim_seeds,
        "demo_seeds": demo_seeds,
        "simulated": evaluate(simulated),
        "simulated_by_trend": {
            f"{trend:+.1f}": evaluate([r for r in simulated if r.trend == trend])
            for trend in TRENDS
        },
        "demo": evaluate([r for r in rows if r.source == "demo"]),
        "seconds": round(time.perf_counter() - started, 1),
        "rows": [asdict(r) for r in rows],
    }
    print_table(
        f"Simulated MSP, development seeds ({len(sim_seeds)}), every trend", results["simulated"]
    )
    for trend, result in results["simulated_by_trend"].items():
        print_table(f"  trend {trend}", result)
    print_table(f"Demo desk, development seeds ({len(demo_seeds)}), trend 0", results["demo"])
    RESULTS.write_text(json.dumps(results, indent=2, default=_plain) + "\n")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers, for the JSON."""
    return value.item()


def _mean(values: Any) -> float:
    chosen = list(values)
    return statistics.fmean(chosen) if chosen else math.nan


if __name__ == "__main__":
    main()
