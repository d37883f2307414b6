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

Writes bench/results/scale_tune-<graph>.json, one file per graph.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
from _env import RESULTS_DIR
from scale import benchmark_queries, corpus_of, embedded, percentile, real_texts, say

import kbassist.index.ann as ann
from kbassist.index.ann import Graph, Lookup, row_ids

TUNING_SEED = 99  # the benchmark's rows use 12
TUNING_QUERIES = slice(100, 250)  # the benchmark uses the first 100
SEARCHES = ((256, 50), (512, 50), (1024, 50), (2048, 50), (256, 400))


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


def graph_figures(
    graph: Graph,
    lookup: Lookup,
    matrix: np.ndarray,
    queries: np.ndarray,
    exact: np.ndarray,
    real: int,
) -> list[dict[str, Any]]:
    out = []
    for expansion, count in SEARCHES:
        graph._index.expansion_search = expansion  # type: ignore[attr-defined]  # probing only
        times, recalls, missed = [], [], set()
        for query, truth in zip(queries, exact, strict=True):
            started = time.perf_counter()
            found = lookup.positions(graph.search(query, count))
            times.append((time.perf_counter() - started) * 1000)
            top = found[np.argsort(-(matrix[found] @ query))[:10]]
            recalls.append(_overlap(top, truth))
            missed |= set(truth.tolist()) - set(found.tolist())
        reached = sum(
            1 for row in missed if lookup.positions(graph.search(matrix[row], 1)).tolist() == [row]
        )
        out.append(
            {
                "expansion_search": expansion,
                "candidates": count,
                "recall_at_10": round(float(np.mean(recalls)), 4),
                "queries_below_1": int(sum(r < 1 for r in recalls)),
                "p50_ms": round(statistics.median(times), 2),
                "p95_ms": round(percentile(times, 0.95), 2),
                "missed_rows": len(missed),
                "missed_real": sum(1 for row in missed if row < real),
                "missed_found_by_own_vector": reached,
            }
        )
        say(f"  {out[-1]}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--graph",
        action="append",
        default=[],
        help="quantisation,connectivity,expansion_add (repeatable), e.g. i8,32,128",
    )
    args = parser.parse_args(argv)
    texts, query_texts = real_texts()
    real = embedded(texts, _cached_only)
    queries = embedded(query_texts, _cached_only)[
        benchmark_queries(len(query_texts))[TUNING_QUERIES]
    ]
    matrix = np.vstack([block.vectors for block in corpus_of(real, args.rows, TUNING_SEED)])
    exact = np.argsort(-(queries @ matrix.T), axis=1)[:, :10]
    say(f"{len(matrix)} rows (seed {TUNING_SEED}), {len(queries)} held-apart queries")
    results: dict[str, Any] = {
        "rows": len(matrix),
        "seed": TUNING_SEED,
        "queries": "StackFAQ paraphrases at positions "
        f"{TUNING_QUERIES.start}-{TUNING_QUERIES.stop - 1} of the benchmark's order",
        "int8_brute_force_contains_exact_top10": quantisation_ceiling(matrix, queries, exact),
    }
    say(f"int8 brute force: {results['int8_brute_force_contains_exact_top10']}")
    ids = row_ids([f"ticket:T-{n}" for n in range(len(matrix))])
    lookup = Lookup(ids)
    for spec in args.graph or ["i8,16,128"]:
        quantisation, connectivity, expansion_add = spec.split(",")
        ann.QUANTIZATION, ann.CONNECTIVITY = quantisation, int(connectivity)
        ann.EXPANSION_ADD = int(expansion_add)
        started = time.perf_counter()
        graph = Graph.build(matrix, ids)
        seconds = time.perf_counter() - started
        say(f"{spec}: built in {seconds:.0f} s, {graph.memory_bytes() / 2**20:.0f} MiB")
        figures = {
            "graph": spec,
            "build_seconds": round(seconds),
            "memory_mib": round(graph.memory_bytes() / 2**20),
            "searches": graph_figures(graph, lookup, matrix, queries, exact, len(real)),
        }
        # One file per graph: each build takes minutes, so they are run one at a time.
        path = RESULTS_DIR / f"scale_tune-{spec.replace(',', '-')}.json"
        path.write_text(json.dumps({**results, "graph": figures}, indent=2) + "\n", "utf-8")
        say(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
