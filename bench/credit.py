"""Benchmark documentation credit (one run): planted effects, a real-data sanity check, cost.

    .venv/bin/python bench/credit.py [--seeds 8] [--sizes 5000,50000]

1. Planted effects (kbassist.demo.generator, 5,000 tickets per seed, its ground-truth
   families; then once end to end through ``load_demo``, whose clustering
   finds the families): per article, the estimate against the planted saving (mean
   absolute error, Spearman), the share of null-effect articles wrongly
   credited (target at most 1 in 20; several seeds to get enough null
   articles), the same for a naive before/after comparison, and how the
   estimate moves when the planted global trend changes (-0.3, 0, +0.3 a year).
2. ServiceNow incidents (../shared/data/servicenow_incidents, read in place):
   resolution time with and without the ``knowledge`` flag within category and
   priority: stratified log ratio of medians, against the crude ratio.
3. Cost: time to compute credit, every scorecard and the weekly review through
   the store for 5,000 and 50,000 demo tickets.

Writes bench/results/credit.json and prints tables.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from _env import RESULTS_DIR, ROOT, data_dir

from kbassist.credit.estimation import (
    CREDITED,
    NOT_ENOUGH_DATA,
    ArticleInfo,
    CreditParams,
    TicketOutcome,
    estimate_credit,
    exposures_of,
)
from kbassist.demo import generator as demo

SERVICENOW = data_dir("servicenow_incidents") / "incidents.jsonl.gz"
RESULTS = RESULTS_DIR / "credit.json"
TRENDS = (-0.3, 0.0, 0.3)
FIRST_SEED = 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=6, help="Demo seeds at every trend.")
    parser.add_argument(
        "--null-seeds", type=int, default=24, help="Demo seeds at trend 0 (null calibration)."
    )
    parser.add_argument("--sizes", default="5000,50000", help="Ticket counts to time.")
    args = parser.parse_args()
    results: dict[str, Any] = {"generated_at": datetime.now().isoformat(timespec="seconds")}
    results["planted"] = bench_planted(args.seeds, max(args.seeds, args.null_seeds))
    results["pipeline"] = bench_pipeline()
    results["servicenow"] = bench_servicenow()
    results["scale"] = bench_scale([int(n) for n in args.sizes.split(",") if n])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


# ---------------------------------------------------------------- 1. planted effects


def demo_records(data: demo.DemoData) -> tuple[list[TicketOutcome], list[ArticleInfo]]:
    """Resolved demo tickets with their planted family, and the articles with their links."""
    truth = data.ground_truth
    family_of = {t: key for key, info in truth["families"].items() for t in info["ticket_ids"]}
    tickets, links = [], defaultdict(list)
    for ticket in data.tickets:
        finished = ticket.resolved_at or ticket.closed_at
        if ticket.created_at is None or finished is None:
            continue
        tickets.append(
            TicketOutcome(
                ticket_id=ticket.id,
                created_at=ticket.created_at,
                family=family_of.get(ticket.id),
                minutes=ticket.time_spent_minutes,
                resolution_hours=(finished - ticket.created_at).total_seconds() / 3600,
                reopened=ticket.reopen_count > 0,
                escalated=ticket.escalation_count > 0,
                technician=ticket.assignee or None,
            )
        )
        for article_id in ticket.kb_links:
            links[article_id].append(ticket.id)
    articles = [
        ArticleInfo(
            article_id=article_id,
            title=info["title"],
            author_id=None,
            published=datetime.fromisoformat(info["published"]),
            linking=tuple(links.get(article_id, ())),
        )
        for article_id, info in sorted(truth["articles"].items())
    ]
    return tickets, articles


def bench_planted(n_seeds: int, null_seeds: int) -> dict[str, Any]:
    """Every trend on ``n_seeds`` seeds; trend 0 on ``null_seeds`` (enough null articles)."""
    rows: list[dict[str, Any]] = []
    seconds = []
    for seed in range(FIRST_SEED, FIRST_SEED + null_seeds):
        for trend in TRENDS if seed < FIRST_SEED + n_seeds else (0.0,):
            data = demo.generate(seed=seed, n_tickets=5000, trend=trend)
            tickets, articles = demo_records(data)
            exposures = exposures_of(articles, tickets)
            planted = data.ground_truth["articles"]
            for method in ("did", "naive"):
                started = time.perf_counter()
                report = estimate_credit(tickets, exposures, CreditParams(method=method))
                seconds.append(time.perf_counter() - started)
                for article in report.articles:
                    truth = planted[article.article_id]
                    if truth["planted_minutes_saved"] is None:
                        continue  # no article effect planted (in use from the start, duplicate)
                    effect = article.effect("minutes")
                    interval = effect.interval
                    rows.append(
                        {
                            "seed": seed,
                            "trend": trend,
                            "method": method,
                            "article_id": article.article_id,
                            "null": bool(truth["null_effect"]),
                            "planted_minutes": truth["planted_minutes_saved"],
                            "planted_fraction": truth["planted_fraction_saved"] or 0.0,
                            "status": article.status,
                            "minutes": article.minutes_saved_per_ticket,
                            "fraction": None if effect.change is None else -effect.change,
                            "fraction_low": None
                            if interval is None
                            else -math.expm1(interval.high),
                            "fraction_high": None
                            if interval is None
                            else -math.expm1(interval.low),
                            "served": article.tickets_served,
                        }
                    )
        print(f"  seed {seed} done", file=sys.stderr, flush=True)
    summary = {
        method: {str(trend): _planted_summary(rows, method, trend) for trend in TRENDS}
        for method in ("did", "naive")
    }
    stability = {method: _stability(rows, method) for method in ("did", "naive")}
    _print_planted(summary, stability, n_seeds, null_seeds)
    return {
        "seeds_every_trend": list(range(FIRST_SEED, FIRST_SEED + n_seeds)),
        "seeds_trend_0": list(range(FIRST_SEED, FIRST_SEED + null_seeds)),
        "tickets_per_seed": 5000,
        "families": "the generator's ground-truth families",
        "summary": summary,
        "stability": stability,
        "seconds_per_estimate": round(statistics.fmean(seconds), 3),
        # Per-article rows of the first seed at trend 0 (all of them would be ~700 KB).
        "articles_first_seed": [r for r in rows if r["seed"] == FIRST_SEED and r["trend"] == 0],
    }


def _planted_summary(rows: list[dict[str, Any]], method: str, trend: float) -> dict[str, Any]:
    from scipy.stats import spearmanr

    chosen = [r for r in rows if r["method"] == method and r["trend"] == trend]
    judged = [r for r in chosen if r["status"] != NOT_ENOUGH_DATA]
    nulls = [r for r in judged if r["null"]]
    effective = [r for r in judged if not r["null"]]
    minutes_error = [abs(r["minutes"] - r["planted_minutes"]) for r in judged]
    fraction_error = [abs(r["fraction"] - r["planted_fraction"]) for r in judged]
    covered = [r["fraction_low"] <= r["planted_fraction"] <= r["fraction_high"] for r in judged]
    rho_minutes = spearmanr([r["minutes"] for r in judged], [r["planted_minutes"] for r in judged])
    rho_fraction = spearmanr(
        [r["fraction"] for r in judged], [r["planted_fraction"] for r in judged]
    )
    return {
        "articles": len(chosen),
        "judged": len(judged),
        "null_articles": len(nulls),
        "null_credited": sum(r["status"] == CREDITED for r in nulls),
        "null_credited_share": _share(sum(r["status"] == CREDITED for r in nulls), len(nulls)),
        "effective_credited_share": _share(
            sum(r["status"] == CREDITED for r in effective), len(effective)
        ),
        # Planted minutes are the drop of the median at trend 0; under a trend the
        # real drop in minutes scales with the trend, so compare minutes at trend 0.
        "mae_minutes": round(statistics.fmean(minutes_error), 2) if trend == 0 else None,
        "spearman_minutes": round(float(rho_minutes.statistic), 3) if trend == 0 else None,
        "mae_fraction": round(statistics.fmean(fraction_error), 4),
        "spearman_fraction": round(float(rho_fraction.statistic), 3),
        "interval_covers_planted": _share(sum(covered), len(covered)),
    }


def _stability(rows: list[dict[str, Any]], method: str) -> dict[str, Any]:
    """How far each article's estimated fraction moves when only the global trend changes."""
    by_key = {
        (r["seed"], r["article_id"], r["trend"]): r["fraction"]
        for r in rows
        if r["method"] == method and r["fraction"] is not None
    }
    moves: dict[str, list[float]] = defaultdict(list)
    for (seed, article, trend), value in by_key.items():
        base = by_key.get((seed, article, 0.0))
        if trend != 0.0 and base is not None:
            moves[str(trend)].append(value - base)
    return {
        trend: {
            "mean_shift": round(statistics.fmean(values), 4),
            "mean_absolute_shift": round(statistics.fmean(abs(v) for v in values), 4),
        }
        for trend, values in sorted(moves.items())
    }


def _print_planted(
    summary: dict[str, Any], stability: dict[str, Any], n_seeds: int, null_seeds: int
) -> None:
    print(
        f"\nPlanted effects: demo, 5,000 tickets a seed, ground-truth families; trend 0 on "
        f"{null_seeds} seeds, -0.3 and +0.3 on the first {n_seeds}"
    )
    header = (
        f"{'method':<6} {'trend':>5} {'judged':>6} {'MAE min':>8} {'rho min':>7} "
        f"{'MAE frac':>8} {'rho frac':>8} {'covers':>6} {'nulls credited':>15} {'power':>6}"
    )
    print(header)
    print("-" * len(header))
    for method, by_trend in summary.items():
        for trend, s in by_trend.items():
            print(
                f"{method:<6} {float(trend):>+5.1f} {s['judged']:>6} {_fmt(s['mae_minutes']):>8} "
                f"{_fmt(s['spearman_minutes']):>7} {s['mae_fraction']:>8.3f} "
                f"{s['spearman_fraction']:>8.3f} {_fmt(s['interval_covers_planted']):>6} "
                f"{s['null_credited']:>4}/{s['null_articles']:<3} "
                f"({_fmt(s['null_credited_share'])})"
                f" {_fmt(s['effective_credited_share']):>6}"
            )
    print("\nShift of each article's estimated fraction saved against trend 0:")
    for method, shifts in stability.items():
        text = ", ".join(
            f"trend {float(t):+.1f}: mean {s['mean_shift']:+.3f}, "
            f"mean absolute {s['mean_absolute_shift']:.3f}"
            for t, s in shifts.items()
        )
        print(f"  {method:<6} {text}")


def bench_pipeline(seed: int = 7) -> dict[str, Any]:
    """The demo loaded as a user would (ingest, scoring, clustering), credit from the store."""
    from scipy.stats import spearmanr

    from kbassist.core import Core
    from kbassist.credit import attribution
    from kbassist.demo.loader import load_demo
    from kbassist.settings import Settings

    with tempfile.TemporaryDirectory() as home:
        core = Core(Settings.load({"HOME": home, "EMBEDDER": "hashing"}))
        core.init()
        started = time.perf_counter()
        load_demo(core, n_tickets=5000, seed=seed)
        load = time.perf_counter() - started
        truth = json.loads((Path(home) / "demo" / "ground_truth.json").read_text())
        with core.connect() as conn:
            run = attribution.compute_credit(conn)
    rows = []
    for article in run.report.articles:
        planted = truth["articles"][article.article_id]
        if planted["planted_minutes_saved"] is None:
            continue
        rows.append(
            {
                "article_id": article.article_id,
                "null": bool(planted["null_effect"]),
                "planted_minutes": planted["planted_minutes_saved"],
                "status": article.status,
                "minutes": article.minutes_saved_per_ticket,
                "families": len(article.families),
                "served": article.tickets_served,
            }
        )
    judged = [r for r in rows if r["status"] != NOT_ENOUGH_DATA]
    nulls = [r for r in judged if r["null"]]
    effective = [r for r in judged if not r["null"]]
    errors = sorted(abs(r["minutes"] - r["planted_minutes"]) for r in judged)
    rho = spearmanr([r["minutes"] for r in judged], [r["planted_minutes"] for r in judged])
    result = {
        "seed": seed,
        "embedder": "hashing (offline, fast; the real model clusters better)",
        "family_source": run.family_source,
        "load_seconds": round(load, 1),
        "planted_articles": len(rows),
        "judged": len(judged),
        "mae_minutes": round(statistics.fmean(errors), 2),
        "median_absolute_error_minutes": round(statistics.median(errors), 2),
        "spearman_minutes": round(float(rho.statistic), 3),
        "null_credited": f"{sum(r['status'] == CREDITED for r in nulls)}/{len(nulls)}",
        "effective_credited": f"{sum(r['status'] == CREDITED for r in effective)}/{len(effective)}",
        "articles": rows,
    }
    print(
        f"\nEnd to end (load_demo seed {seed}, clustering on the hashing embedder): "
        f"{len(judged)} of {len(rows)} planted articles judged; MAE {result['mae_minutes']} min "
        f"(median {result['median_absolute_error_minutes']}), Spearman "
        f"{result['spearman_minutes']}; nulls credited {result['null_credited']}, effective "
        f"credited {result['effective_credited']}"
    )
    return result


# ---------------------------------------------------------------- 2. ServiceNow


def bench_servicenow(min_per_group: int = 5, bootstrap: int = 1000) -> dict[str, Any]:
    if not SERVICENOW.exists():
        print(f"\n{SERVICENOW} not found: ServiceNow part skipped")
        return {"skipped": True}
    strata: dict[tuple[str, str], dict[bool, list[tuple[float, int, int]]]] = defaultdict(
        lambda: {True: [], False: []}
    )
    total = kept = 0
    with gzip.open(SERVICENOW, "rt", encoding="utf-8") as handle:
        for line in handle:
            total += 1
            row = json.loads(line)
            hours = row.get("hours_to_resolve")
            if hours is None or hours <= 0 or row.get("knowledge") is None:
                continue
            kept += 1
            key = (row.get("category") or "?", row.get("priority") or "?")
            strata[key][bool(row["knowledge"])].append(
                (
                    float(hours),
                    int(row.get("reopen_count") or 0),
                    int(row.get("reassignment_count") or 0),
                )
            )
    usable = {
        key: groups
        for key, groups in strata.items()
        if len(groups[True]) >= min_per_group and len(groups[False]) >= min_per_group
    }
    ratios, weights, reopen_diffs, reassign_diffs = [], [], [], []
    for groups in usable.values():
        with_kb, without = groups[True], groups[False]
        ratios.append(
            math.log(statistics.median(h for h, _, _ in with_kb))
            - math.log(statistics.median(h for h, _, _ in without))
        )
        # Weight each stratum by its effective size for a two-group comparison.
        weights.append(len(with_kb) * len(without) / (len(with_kb) + len(without)))
        reopen_diffs.append(_rate(with_kb, 1) - _rate(without, 1))
        reassign_diffs.append(_mean(with_kb, 2) - _mean(without, 2))
    r, w = np.array(ratios), np.array(weights)
    stratified = float(np.average(r, weights=w))
    rng = np.random.default_rng(6)
    picks = rng.integers(0, len(r), size=(bootstrap, len(r)))  # strata resampled whole
    draws = (r[picks] * w[picks]).sum(axis=1) / w[picks].sum(axis=1)
    low, high = np.quantile(draws, [0.025, 0.975])
    all_with = [h for g in strata.values() for h, _, _ in g[True]]
    all_without = [h for g in strata.values() for h, _, _ in g[False]]
    crude = math.log(statistics.median(all_with)) - math.log(statistics.median(all_without))
    in_strata = sum(len(g[True]) + len(g[False]) for g in usable.values())
    result = {
        "incidents": total,
        "with_resolution_time": kept,
        "knowledge_share": round(len(all_with) / kept, 4),
        "strata_used": len(usable),
        "incidents_in_strata": in_strata,
        "crude_log_ratio_of_medians": round(crude, 4),
        "crude_ratio": round(math.exp(crude), 3),
        "stratified_log_ratio_of_medians": round(stratified, 4),
        "stratified_ratio": round(math.exp(stratified), 3),
        "stratified_interval": {"low": round(math.exp(low), 3), "high": round(math.exp(high), 3)},
        "median_hours_with": round(statistics.median(all_with), 2),
        "median_hours_without": round(statistics.median(all_without), 2),
        "reopen_rate_difference": round(float(np.average(reopen_diffs, weights=w)), 4),
        "reassignments_difference": round(float(np.average(reassign_diffs, weights=w)), 3),
    }
    print("\nServiceNow incidents: resolution time with and without the knowledge flag")
    print(
        f"  {kept} incidents with a resolution time, {result['knowledge_share']:.0%} flagged; "
        f"{len(usable)} category x priority strata with >= {min_per_group} per group "
        f"({in_strata} incidents)"
    )
    print(
        f"  median hours with {result['median_hours_with']}, without "
        f"{result['median_hours_without']}: crude ratio {result['crude_ratio']}"
    )
    print(
        f"  stratified ratio of medians {result['stratified_ratio']} "
        f"(95% strata bootstrap {result['stratified_interval']['low']} to "
        f"{result['stratified_interval']['high']}); reopen rate "
        f"{result['reopen_rate_difference']:+.3f}, reassignments "
        f"{result['reassignments_difference']:+.2f} with the flag"
    )
    return result


def _rate(rows: list[tuple[float, int, int]], column: int) -> float:
    return sum(1 for row in rows if row[column] > 0) / len(rows)


def _mean(rows: list[tuple[float, int, int]], column: int) -> float:
    return statistics.fmean(row[column] for row in rows)


# ---------------------------------------------------------------- 3. cost


def bench_scale(sizes: list[int]) -> dict[str, Any]:
    print("\nCost through the store (demo tickets, ground-truth families as the clustering)")
    print(
        f"{'tickets':>8} {'load s':>7} {'credit s':>8} {'scorecards s':>12} {'weekly s':>8} "
        f"{'cards':>5} {'credited':>8}"
    )
    out = {}
    for size in sizes:
        out[str(size)] = timed = _scale_run(size)
        print(
            f"{size:>8} {timed['load_seconds']:>7.1f} {timed['credit_seconds']:>8.2f} "
            f"{timed['scorecards_seconds']:>12.2f} {timed['weekly_seconds']:>8.2f} "
            f"{timed['cards']:>5} {timed['credited_articles']:>8}"
        )
    return out


def _scale_run(size: int) -> dict[str, Any]:
    from sqlalchemy import func, select

    from kbassist import store
    from kbassist.auth import User
    from kbassist.core import Core
    from kbassist.credit import attribution, scorecards, weekly
    from kbassist.ingest.service import ingest_kb, store_tickets
    from kbassist.settings import Settings

    admin = User(0, "bench", "admin")
    with tempfile.TemporaryDirectory() as home:
        core = Core(Settings.load({"HOME": home, "EMBEDDER": "hashing"}))
        core.init()
        started = time.perf_counter()
        data = demo.generate(seed=7, n_tickets=size)
        paths = demo.write_demo(data, Path(home) / "demo")
        ingest_kb(core, core.kb_dir())
        ingest_kb(core, paths["kb_revisions"])
        store_tickets(core, data.tickets, source="bench")
        _store_truth(core, data.ground_truth)
        load = time.perf_counter() - started
        with core.connect() as conn:
            started = time.perf_counter()
            run = attribution.compute_credit(conn)
            credit = time.perf_counter() - started
            started = time.perf_counter()
            cards = scorecards.scorecards(conn, admin, "quarter")
            monthly = scorecards.scorecards(conn, admin, "month")
            cards_seconds = time.perf_counter() - started
            started = time.perf_counter()
            weekly.weekly_review(conn, admin)
            weekly_seconds = time.perf_counter() - started
            tickets = conn.execute(select(func.count()).select_from(store.tickets)).scalar()
    return {
        "tickets": tickets,
        "load_seconds": round(load, 1),
        "credit_seconds": round(credit, 2),
        "scorecards_seconds": round(cards_seconds, 2),  # quarter and month, every technician
        "weekly_seconds": round(weekly_seconds, 2),
        "cards": len(cards.cards) + len(monthly.cards),
        "credited_articles": sum(a.status == CREDITED for a in run.report.articles),
        "family_source": run.family_source,
    }


def _store_truth(core: Any, truth: dict[str, Any]) -> None:
    """Families from the ground truth as one clustering run, and note scores from its criteria."""
    from kbassist import store

    now = datetime.now()
    with core.begin() as conn:
        run = conn.execute(store.cluster_runs.insert().values(started_at=now)).inserted_primary_key[
            0
        ]
        members = []
        for number, (_key, info) in enumerate(sorted(truth["families"].items()), start=1):
            conn.execute(
                store.families.insert().values(
                    id=number, run_id=run, label=info["label"], size=len(info["ticket_ids"])
                )
            )
            members += [{"ticket_id": t, "family_id": number} for t in info["ticket_ids"]]
        conn.execute(store.ticket_families.insert(), members)
        scores = []
        for ticket_id, info in truth["tickets"].items():
            met = sum(bool(v) for v in info["criteria"].values())
            score = round(100 * met / len(info["criteria"]))
            scores.append(
                {
                    "ticket_id": ticket_id,
                    "content_hash": ticket_id,
                    "score": score,
                    "criteria_score": score,
                    "criteria": json.dumps(info["criteria"]),
                    "scored_at": now,
                }
            )
        conn.execute(store.note_scores.insert(), scores)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"


if __name__ == "__main__":
    main()
