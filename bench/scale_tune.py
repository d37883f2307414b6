"""Choosing the HNSW graph's parameters on data kept apart from bench/scale.py's.

    .venv/bin/python bench/scale_tune.py --rows 1000000 --graph i8,16,128 --graph i8,32,128

Rows: the 3,816 real vectors, then synthetic rows made as bench/scale.py makes
them but with another seed (99 instead of 12). Queries: the 150 StackFAQ
paraphrases that follow the benchmark's 100 in its order (positions 100 to 249
of the same permutation), so no query the benchmark reports on is looked at
here. For each graph (quantisation, connectivity, expansion while adding) it
prints where recall is lost before anything is chosen:

- the int8 copy alone: how many of the exact top 10 are among the top k of a
  brute-force scan over the int8-quantised rows (the ceiling the quantisation
  leaves, whatever the graph);
- the graph: recall@10 after exact rescoring of its candidates, for several
  search expansions and candidate counts, with the search's p50/p95;
- the misses: how many missed rows are real or synthetic, and how many the
  graph finds when searched with their own vector (reachability).

Writes bench/results/scale_tune-<graph>.json, one file per graph (``--name`` to
name it otherwise).

A clean test of chosen parameters, on rows and queries no decision looked at
(the run reported in docs/scale.md):

    .venv/bin/python bench/scale_tune.py --graph i8,32,512 --seed 4242 \
        --queries 250:400 --search 1024:50 --search 1024:400 --name fresh

``--seed`` makes the synthetic rows with another seed, ``--queries`` takes the
StackFAQ paraphrases at other positions of the benchmark's order (bench/scale.py
uses the first ``--queries`` of it, 100 in its committed runs and 200 by
default; this script's default is 100 to 249), ``--search`` gives the search
expansions and candidate counts to measure. The rows are rounded to float16
first, as the vector index stores them, so the exact top 10, the graph and the
rescoring see the same values the app does. The exact search is timed beside
the approximate one: a float32 matrix product over every row and its top 10
(numpy), against the graph's search plus the exact rescoring of its candidates.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np
from _env import RESULTS_DIR
from scale import SEED, benchmark_queries, corpus_of, embedded, percentile, real_texts, say

import kbassist.index.ann as ann
from kbassist.index.ann import Graph, Lookup, row_ids

TUNING_SEED = 99  # the benchmark's rows use 12
TUNING_QUERIES = slice(100, 250)  # the benchmark uses the first 100 (200 by default)
SEARCHES = ((256, 50), (512, 50), (1024, 50), (2048, 50), (256, 400))
TOP = 10


def _cached_only(texts: list[str]) -> np.ndarray:
    raise SystemExit("Run bench/scale.py once first: it embeds the real texts and caches them.")


def quantisation_ceiling(matrix: np.ndarray, queries: np.ndarray, exact: np.ndarray) -> Any:
    """Share of the exact top 10 inside the top k of a brute-force int8 scan."""
    scores = np.empty((len(queries), len(matrix)), dtype=np.float32)
    for start in range(0, len(matrix), 100_000):
        block = np.clip(np.round(matrix[start : start + 100_000] * 127), -127, 127)
        norms = np.linalg.norm(block, axis=1)
        scores[:, start : start + len(block)] = (queries @ block.T) / norms
    ranked = np.argsort(-scores, axis=1)[:, :400]
    return {
        str(k): round(
            float(np.mean([_overlap(ranked[i, :k], exact[i]) for i in range(len(queries))])), 4
        )
        for k in (10, 20, 50, 400)
    }


def _overlap(found: np.ndarray, exact: np.ndarray) -> float:
    return len(set(found.tolist()) & set(exact.tolist())) / len(exact)


def exact_search(matrix: np.ndarray, queries: np.ndarray) -> tuple[np.ndarray, Any]:
    """The exact top 10 of each query (every row scored), and the time it took."""
    tops, times = [], []
    for query in queries:
        started = time.perf_counter()
        scores = matrix @ query
        part = np.argpartition(-scores, TOP)[:TOP]
        tops.append(part[np.argsort(-scores[part])])
        times.append((time.perf_counter() - started) * 1000)
    return np.asarray(tops), _timing(times)


def _timing(times: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
    }


def graph_figures(
    graph: Graph,
    lookup: Lookup,
    matrix: np.ndarray,
    queries: np.ndarray,
    exact: np.ndarray,
    real: int,
    searches: Sequence[tuple[int, int]] = SEARCHES,
) -> list[dict[str, Any]]:
    out = []
    for expansion, count in searches:
        graph._index.expansion_search = expansion  # type: ignore[attr-defined]  # probing only
        times, recalls, missed = [], [], set()
        for query, truth in zip(queries, exact, strict=True):
            started = time.perf_counter()
            found = lookup.positions(graph.search(query, count))
            top = found[np.argsort(-(matrix[found] @ query))[:TOP]]  # the exact rescoring
            times.append((time.perf_counter() - started) * 1000)
            recalls.append(_overlap(top, truth))
            missed |= set(truth.tolist()) - set(top.tolist())
        reached = sum(
            1 for row in missed if lookup.positions(graph.search(matrix[row], 1)).tolist() == [row]
        )
        out.append(
            {
                "expansion_search": expansion,
                "candidates": count,
                "recall_at_10": round(float(np.mean(recalls)), 4),
                "queries_below_1": int(sum(r < 1 for r in recalls)),
                "worst_query_recall": round(float(min(recalls)), 2),
                **_timing(times),
                "missed_rows": len(missed),
                "missed_real": sum(1 for row in missed if row < real),
                "missed_found_by_own_vector": reached,
            }
        )
        say(f"  {out[-1]}")
    return out


def _positions(text: str) -> slice:
    start, _, stop = text.partition(":")
    try:
        return slice(int(start), int(stop))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give START:STOP, e.g. 250:400") from None


def _search(text: str) -> tuple[int, int]:
    expansion, _, count = text.partition(":")
    try:
        return int(expansion), int(count)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give EXPANSION:CANDIDATES") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--graph",
        action="append",
        default=[],
        help="quantisation,connectivity,expansion_add (repeatable), e.g. i8,32,128; "
        "default: the app's",
    )
    parser.add_argument(
        "--seed", type=int, default=TUNING_SEED, help="seed of the synthetic rows (benchmark: 12)"
    )
    parser.add_argument(
        "--queries",
        type=_positions,
        default=TUNING_QUERIES,
        help="START:STOP positions of the StackFAQ paraphrases in the benchmark's order",
    )
    parser.add_argument(
        "--search",
        type=_search,
        action="append",
        default=[],
        help="EXPANSION:CANDIDATES of the graph's search (repeatable)",
    )
    parser.add_argument("--name", help="results file bench/results/scale_tune-NAME.json")
    args = parser.parse_args(argv)
    if args.seed == SEED:
        parser.error(f"seed {SEED} makes the benchmark's own rows: pick another")
    positions: slice = args.queries
    texts, query_texts = real_texts()
    real = embedded(texts, _cached_only)
    order = benchmark_queries(len(query_texts))[positions]
    if not len(order):
        parser.error(f"no queries at positions {positions.start}-{positions.stop - 1}")
    queries = embedded(query_texts, _cached_only)[order]
    # As the vector index stores them: float16 rows, searched and rescored as float32.
    blocks = corpus_of(real, args.rows, args.seed)
    matrix = np.vstack([b.vectors.astype(np.float16).astype(np.float32) for b in blocks])
    say(f"{len(matrix)} rows (seed {args.seed}), {len(queries)} queries")
    exact, exact_time = exact_search(matrix, queries)
    results: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "bench/scale_tune.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "load_average_at_start": os.getloadavg()[0],
        "rows": len(matrix),
        "seed": args.seed,
        "queries": "StackFAQ paraphrases at positions "
        f"{positions.start}-{positions.start + len(order) - 1} of the benchmark's order",
        "query_count": len(order),
        "exact_float32": exact_time,
        "int8_brute_force_contains_exact_top10": quantisation_ceiling(matrix, queries, exact),
    }
    ceiling = results["int8_brute_force_contains_exact_top10"]
    say(f"exact float32: {exact_time}; int8 brute force holds the exact top 10: {ceiling}")
    ids = row_ids([f"ticket:T-{n}" for n in range(len(matrix))])
    lookup = Lookup(ids)
    current = f"{ann.QUANTIZATION},{ann.CONNECTIVITY},{ann.EXPANSION_ADD}"  # as the app builds
    for spec in args.graph or [current]:
        quantisation, connectivity, expansion_add = spec.split(",")
        ann.QUANTIZATION, ann.CONNECTIVITY = quantisation, int(connectivity)
        ann.EXPANSION_ADD = int(expansion_add)
        started = time.perf_counter()
        graph = Graph.build(matrix, ids)
        seconds = time.perf_counter() - started
        say(f"{spec}: built in {seconds:.0f} s, {graph.memory_bytes() / 2**20:.0f} MiB")
        searches = args.search or SEARCHES
        figures = {
            "graph": spec,
            "build_seconds": round(seconds),
            "memory_mib": round(graph.memory_bytes() / 2**20),
            "searches": graph_figures(graph, lookup, matrix, queries, exact, len(real), searches),
        }
        # One file per graph: each build takes minutes, so they are run one at a time.
        name = args.name or spec.replace(",", "-")
        path = RESULTS_DIR / f"scale_tune-{name}.json"
        results["load_average_at_end"] = os.getloadavg()[0]
        path.write_text(json.dumps({**results, "graph": figures}, indent=2) + "\n", "utf-8")
        say(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
