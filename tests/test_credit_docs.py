"""docs/credit.md quotes the committed benchmark run, not figures typed by hand.

Every row of its benchmark tables and every figure of its end-to-end, cost and
null-article sentences is read back from bench/results/credit.json (and the
end-to-end runs over several seeds from credit_pipeline.json, both written by
bench/credit.py), to the precision the page prints it with. Re-run the bench
and the page must follow.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent
DOC = (ROOT / "docs" / "credit.md").read_text()
RESULTS: dict[str, Any] = json.loads((ROOT / "bench" / "results" / "credit.json").read_text())
NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def _plain(text: str) -> str:
    return text.replace("−", "-").replace("*", "").replace(",", "").strip()


def _close(shown: str, value: float, scale: float = 1.0) -> bool:
    """``shown`` (as printed, maybe with %) is ``value * scale`` rounded to its own digits."""
    text = _plain(shown)
    number = NUMBER.search(text)
    assert number, shown
    digits = len(number.group().partition(".")[2])
    return abs(float(number.group()) - value * scale) <= 0.5 * 10**-digits + 1e-9


def _table_after(marker: str) -> list[list[str]]:
    """The rows of the first Markdown table after ``marker`` (header and rule dropped)."""
    start = DOC.index(marker)
    lines = DOC[start:].splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[first + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def _trend_key(cell: str) -> str:
    return f"{float(_plain(cell)):+.1f}"


@pytest.mark.parametrize(
    ("marker", "section"), [("**Simulated MSP**", "simulated"), ("**Demo generator**", "planted")]
)
def test_the_benchmark_tables_are_the_committed_run(marker: str, section: str) -> None:
    summary = RESULTS[section]["summary"]
    rows = _table_after(marker)
    assert len(rows) >= 9
    for trend, estimator, signed, absolute, nulls, covers, effective in rows:
        name = _plain(estimator)
        figures = summary[name if name in summary else name.split()[0]][_trend_key(trend)]
        where = (section, trend, estimator)
        assert _close(signed, figures["signed_relative_error"], 100), where
        assert _close(absolute, figures["absolute_relative_error"]), where
        credited, _, articles = _plain(nulls).partition(" of ")
        assert (int(credited), int(articles)) == (
            figures["null_credited"],
            figures["null_articles"],
        ), where
        assert _close(covers, figures["coverage"], 100), where
        assert _close(effective, figures["effective_credited"], 100), where


def test_the_issue_targets_hold_in_the_committed_run_for_the_new_estimator() -> None:
    # Issue 11: signed error within 5 %, absolute relative error at most 0.10, intervals
    # covering the planted saving at least 90 % of the time, at every trend.
    for figures in RESULTS["simulated"]["summary"]["new"].values():
        assert abs(figures["signed_relative_error"]) <= 0.05
        assert figures["absolute_relative_error"] <= 0.10
        assert figures["coverage"] >= 0.90


def test_the_null_article_sentences_are_the_committed_run() -> None:
    strict = RESULTS["simulated"]["summary"]["new"].values()
    assert sum(f["null_credited"] for f in strict) == 0
    assert "with the bar, no null of the 180 was credited" in DOC
    assert sum(f["null_articles"] for f in strict) == 180
    low, high = re.search(r"the intervals covered\s+([\d.]+)-([\d.]+) %", DOC).groups()
    coverages = [f["coverage"] for f in strict]
    assert _close(low, min(coverages), 100) and _close(high, max(coverages), 100)
    summary = RESULTS["simulated"]["summary"]
    loose = [f["null_credited"] for f in summary["new 95%"].values()]
    shown = re.search(r"Judged by a 95 % interval,\s+(\d+)-(\d+) of 60 per trend", DOC).groups()
    assert [int(n) for n in shown] == [min(loose), max(loose)]
    shown = re.search(r"by the 99 % interval alone,\s+(\d+) of 180;", DOC).group(1)
    assert int(shown) == sum(f["null_credited"] for f in summary["new no bar"].values())
    demo = RESULTS["planted"]["summary"]
    bar, alone, at_95 = (demo[name]["+0.0"] for name in ("new", "new no bar", "new 95%"))
    shown = re.search(
        r"the bar credits ([\d.]+) % of the\s+effective articles, against ([\d.]+) % by the 99 %"
        r"\s+interval alone and ([\d.]+) % at 95 % \(and (\d+) of (\d+) nulls, against (\d+)"
        r" and (\d+)\)",
        DOC,
    ).groups()
    assert _close(shown[0], bar["effective_credited"], 100)
    assert _close(shown[1], alone["effective_credited"], 100)
    assert _close(shown[2], at_95["effective_credited"], 100)
    assert [int(n) for n in shown[3:]] == [
        bar["null_credited"],
        bar["null_articles"],
        alone["null_credited"],
        at_95["null_credited"],
    ]
    means = [f["null_mean_estimate"] for f in summary["new"].values()]
    low, high = re.search(r"mean (−?[\d.]+) to (−?[\d.]+) minutes", DOC).groups()
    assert _close(low, max(means)) and _close(high, min(means))
    naive = RESULTS["planted"]["summary"]["naive"]["-0.3"]
    shown = re.search(r"global speed-up \((\d+) of (\d+) null articles credited", DOC).groups()
    assert [int(n) for n in shown] == [naive["null_credited"], naive["null_articles"]]


def test_the_end_to_end_and_cost_figures_are_the_committed_run() -> None:
    pipeline = RESULTS["pipeline"]
    text = DOC[DOC.index("**End to end**") :]
    judged, planted = re.search(r"(\d+) of (\d+)\s+planted articles judged", text).groups()
    assert (int(judged), int(planted)) == (pipeline["judged"], pipeline["planted_articles"])
    mae = re.search(r"mean absolute error ([\d.]+) minutes \(median ([\d.]+)\)", text).groups()
    assert _close(mae[0], pipeline["mae_minutes"])
    assert _close(mae[1], pipeline["median_absolute_error_minutes"])
    signed = re.search(r"signed relative error ([+\-−][\d.]+) %", text).group(1)
    assert _close(signed, pipeline["signed_relative_error"], 100)
    assert _close(re.search(r"Spearman ([\d.]+)", text).group(1), pipeline["spearman_minutes"])
    nulls = re.search(r"(\d+ of \d+) null articles and (\d+ of \d+) effective", text).groups()
    assert [n.replace(" of ", "/") for n in nulls] == [
        pipeline["null_credited"],
        pipeline["effective_credited"],
    ]
    seeds = json.loads((ROOT / "bench" / "results" / "credit_pipeline.json").read_text())
    totals = seeds["pipeline_seeds"]
    shown = re.search(
        r"Over (\w+) seeds \((\d+)-(\d+),.*?(\d+) of (\d+) judged null articles and (\d+) of\s+"
        r"(\d+) effective ones were credited",
        text,
        re.S,
    ).groups()
    assert [int(n) for n in shown[1:3]] == [totals["seeds"][0], totals["seeds"][-1]]
    assert [int(n) for n in shown[3:]] == [
        totals["null_credited"],
        totals["null_judged"],
        totals["effective_credited"],
        totals["effective_judged"],
    ]
    assert [n["article_id"] for n in totals["credited_nulls"]] == ["KB-0018"]
    for row in _table_after("**Cost**"):
        size = RESULTS["scale"][_plain(row[0])]
        for cell, key in zip(
            row[1:], ("credit_seconds", "scorecards_seconds", "weekly_seconds"), strict=True
        ):
            assert _close(cell, size[key]), (row, key)


def test_the_fresh_seed_test_is_the_committed_run() -> None:
    """The bar was chosen on development seeds and run once on 301-320; the page quotes it."""
    runs = {
        "301-320": json.loads((ROOT / "bench" / "results" / "credit_seeds_301.json").read_text()),
        "201-220": json.loads((ROOT / "bench" / "results" / "credit_seeds_201.json").read_text()),
        "101-120": RESULTS,
    }
    fresh = runs["301-320"]["simulated"]["summary"]
    text = DOC[DOC.index("run once on twenty seeds nobody had run before") :]
    shown = re.search(
        r"\*\*(\d+) of 180\*\* null\s+articles were credited, against (\d+) of 180 by the 99 %"
        r"\s+interval alone and (\d+) of 180 at 95 %",
        text,
    ).groups()
    totals = [
        sum(f["null_credited"] for f in fresh[name].values())
        for name in ("new", "new no bar", "new 95%")
    ]
    assert [int(n) for n in shown] == totals
    rows = _table_after("run once on twenty seeds nobody had run before")
    assert {row[0].split()[0] for row in rows} == set(runs)
    for seeds, trend, nulls, alone, loose, signed, absolute, covers, effective in rows:
        summary = runs[seeds.split()[0]]["simulated"]["summary"]
        key = _trend_key(trend)
        for cell, name in ((nulls, "new"), (alone, "new no bar"), (loose, "new 95%")):
            credited, _, articles = _plain(cell).partition(" of ")
            figures = summary[name][key]
            assert (int(credited), int(articles)) == (
                figures["null_credited"],
                figures["null_articles"],
            ), (seeds, trend, name)
        figures = summary["new"][key]
        assert _close(signed, figures["signed_relative_error"], 100), (seeds, trend)
        assert _close(absolute, figures["absolute_relative_error"]), (seeds, trend)
        assert _close(covers, figures["coverage"], 100), (seeds, trend)
        assert _close(effective, figures["effective_credited"], 100), (seeds, trend)


def test_the_rule_choice_table_is_the_committed_development_run() -> None:
    """The credit rule was chosen on development seeds; the page quotes that run."""
    rules = json.loads((ROOT / "bench" / "results" / "credit_rules.json").read_text())
    seen = set(range(101, 121)) | set(range(201, 221)) | set(range(301, 401))
    assert not set(rules["simulated_seeds"]) & seen
    rows = _table_after("**Choosing the rule**")
    assert len(rows) == len(rules["simulated"]["rules"])
    for name, *cells in rows:
        rule = _plain(name).replace(" %", "%")
        for source, (nulls, rate, effective) in zip(
            ("simulated", "demo"), (cells[:3], cells[3:]), strict=True
        ):
            figures = rules[source]["rules"][rule]
            credited, _, articles = _plain(nulls).partition(" of ")
            assert (int(credited), int(articles)) == (
                figures["null_credited"],
                figures["null_articles"],
            ), (rule, source)
            assert _close(rate, figures["null_rate_calibrated"], 100), (rule, source)
            assert _close(effective, figures["effective_credited"], 100), (rule, source)
    # The default is the rule the page says was picked.
    from kbassist.credit.records import CreditParams

    assert "| **bar 5 %** |" in DOC and CreditParams().materiality == 0.05
    assert CreditParams().confidence == 0.99
