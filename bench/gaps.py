"""Benchmark issue families and gaps (one run): quality, gap precision/recall, cost at scale.

    .venv/bin/python bench/gaps.py [--skip-demo] [--sizes 5000,20000,50000]

1. stackfaq (../shared/data/stackfaq, read in place): the 625 queries, each
   query's faq_id its gold family (125). Adjusted Rand index, V-measure and
   the number of families for our method and for k-means told the true k;
   the sweeps behind the thresholds (cut, assignment, coverage).
2. Demo ground truth (kbassist.demo.generator): precision and recall of the reported
   gaps against the families planted without an article, and covered families
   wrongly reported.
3. Cost: time to cluster 5,000 / 20,000 / 50,000 tickets (clustering and
   labels on synthetic families, then a full ``recluster`` through the store
   with warm embeddings) and tickets per second on the incremental path.

Writes bench/results/gaps.json and prints a table. Uses the real model
(all-MiniLM-L6-v2) for stackfaq and the demo; the scale runs use the hashing
embedder so they time clustering, not embedding.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from _env import RESULTS_DIR, ROOT, data_dir

from kbassist.gaps.clustering import (
    ClusterParams,
    agglomerate,
    centroids_of,
    cluster_vectors,
    family_terms,
)

STACKFAQ = data_dir("stackfaq")
RESULTS = RESULTS_DIR / "gaps.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-demo", action="store_true", help="Skip the demo ground truth.")
    parser.add_argument("--sizes", default="5000,20000,50000", help="Ticket counts to time.")
    parser.add_argument("--demo-tickets", type=int, default=5000, help="Demo size.")
    args = parser.parse_args()
    results: dict[str, Any] = {"generated_at": datetime.now().isoformat(timespec="seconds")}
    results["stackfaq"] = bench_stackfaq()
    if not args.skip_demo:
        results["demo"] = bench_demo(args.demo_tickets)
    results["scale"] = bench_scale([int(n) for n in args.sizes.split(",") if n])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print_tables(results)
    print(f"\nwritten {RESULTS.relative_to(ROOT)}")


# ---------------------------------------------------------------- stackfaq


def bench_stackfaq() -> dict[str, Any]:
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score, v_measure_score

    from kbassist.embedding import MiniLMEmbedder

    queries = [json.loads(line) for line in (STACKFAQ / "queries.jsonl").open()]
    corpus = [json.loads(line) for line in (STACKFAQ / "corpus.jsonl").open()]
    gold = np.array([q["faq_id"] for q in queries])
    embedder = MiniLMEmbedder()
    vectors = embedder.encode([q["text"] for q in queries])
    titles = embedder.encode([d["title"] for d in corpus])
    true_k = len(set(gold))

    def scores(labels: Any) -> dict[str, float]:
        return {
            "ari": round(float(adjusted_rand_score(gold, labels)), 4),
            "v_measure": round(float(v_measure_score(gold, labels)), 4),
            "families": int(len(set(np.asarray(labels).tolist()))),
        }

    started = time.perf_counter()
    ours = cluster_vectors(vectors)
    ours_seconds = time.perf_counter() - started
    kmeans = KMeans(n_clusters=true_k, n_init=10, random_state=0).fit_predict(vectors)
    sampled = cluster_vectors(vectors, ClusterParams(max_direct=300))
    sweep = [
        {"distance_threshold": t, **scores(agglomerate(vectors, t))}
        for t in (0.35, 0.40, 0.45, 0.50, 0.55, 0.60)
    ]
    return {
        "queries": len(queries),
        "gold_families": true_k,
        "ours": {**scores(ours.labels), "seconds": round(ours_seconds, 3)},
        "ours_sampled_300": scores(sampled.labels),
        "kmeans_true_k": scores(kmeans),
        "threshold_sweep": sweep,
        "assignment_sweep": _assignment_sweep(vectors, gold, [q["query_id"] for q in queries]),
        "coverage_sweep": _coverage_sweep(vectors, gold, titles, [d["doc_id"] for d in corpus]),
    }


def _assignment_sweep(vectors: np.ndarray, gold: np.ndarray, ids: list[str]) -> list[dict]:
    """Cluster 4 of 5 queries of 100 FAQs; does the 5th join its family, does an unseen FAQ not?"""
    faqs = sorted(set(gold.tolist()))
    rng = np.random.default_rng(0)
    rng.shuffle(faqs)
    seen = set(faqs[:100])
    held = np.array([g in seen and i.endswith("_q04") for g, i in zip(gold, ids, strict=True)])
    train = np.array([g in seen and not i.endswith("_q04") for g, i in zip(gold, ids, strict=True)])
    unseen = np.array([g not in seen for g in gold])
    labels = agglomerate(vectors[train], ClusterParams().distance_threshold)
    centroids = centroids_of(vectors[train], labels)
    majority = {
        c: Counter(gold[train][labels == c].tolist()).most_common(1)[0][0]
        for c in range(centroids.shape[0])
    }
    held_sim = vectors[held] @ centroids.T
    right = np.array(
        [majority[int(c)] == g for c, g in zip(held_sim.argmax(1), gold[held], strict=True)]
    )
    unseen_best = (vectors[unseen] @ centroids.T).max(1)
    rows = []
    for bar in (0.55, 0.60, 0.65, 0.70, 0.75):
        joins = float(np.mean(right & (held_sim.max(1) >= bar)))
        new = float(np.mean(unseen_best < bar))
        rows.append(
            {
                "assign_similarity": bar,
                "joins_own_family": round(joins, 3),
                "unseen_starts_new": round(new, 3),
            }
        )
    return rows


def _coverage_sweep(
    vectors: np.ndarray, gold: np.ndarray, titles: np.ndarray, doc_ids: list[str]
) -> list[dict]:
    """Family centroid against its own answer's title (covered) and the best other title."""
    faqs = sorted(set(gold.tolist()))
    centroids = np.array([vectors[gold == f].mean(0) for f in faqs])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    similarity = centroids @ titles.T
    own_index = [doc_ids.index(f) for f in faqs]
    own = similarity[np.arange(len(faqs)), own_index]
    similarity[np.arange(len(faqs)), own_index] = -1
    other = similarity.max(1)
    return [
        {
            "cover_similarity": bar,
            "own_article_covers": round(float(np.mean(own >= bar)), 3),
            "other_article_covers": round(float(np.mean(other >= bar)), 3),
        }
        for bar in (0.60, 0.65, 0.70, 0.75)
    ]


# ---------------------------------------------------------------- demo ground truth


def bench_demo(n_tickets: int) -> dict[str, Any]:
    try:
        from kbassist.demo import generator as demo
    except ImportError:
        return {"skipped": "kbassist.demo.generator is not there yet"}
    from kbassist.core import Core
    from kbassist.gaps import queries, report
    from kbassist.gaps import service as gaps
    from kbassist.settings import Settings

    home = Path(tempfile.mkdtemp(prefix="kbassist-bench-gaps-"))
    core = Core(Settings.load({"HOME": str(home), "EMBEDDER": "minilm"}))
    core.init()
    started = time.perf_counter()
    truth = _load_demo(core, demo, n_tickets)
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    gaps.recluster(core)  # embeds every ticket (cold cache)
    cold_seconds = time.perf_counter() - started
    started = time.perf_counter()
    summary = gaps.recluster(core)
    cluster_seconds = time.perf_counter() - started
    with core.connect() as conn:
        found = report.find_gaps(conn, core.resources.embedder)
        membership = queries.families_of(conn)
        duplicates = report.find_duplicates(conn, core.resources.embedder)
        in_window = _tickets_in_window(conn, found.window_start, found.window_end)
    planted_pairs = {
        tuple(sorted((article_id, info["duplicate_of"])))
        for article_id, info in truth.get("articles", {}).items()
        if info.get("duplicate_of")
    }
    found_pairs = {tuple(sorted((d.first_id, d.second_id))) for d in duplicates}
    return {
        "tickets": summary.n_tickets,
        "families_found": summary.n_families,
        "repeat_families_found": summary.n_repeat_families,
        "store_seconds": round(load_seconds, 1),
        "first_cluster_seconds_with_embedding": round(cold_seconds, 1),
        "recluster_seconds_warm": round(cluster_seconds, 2),
        **_score_gaps(truth, found, membership, in_window),
        "duplicates_planted": sorted(planted_pairs),
        "duplicates_found": [(d.first_id, d.second_id, round(d.similarity, 3)) for d in duplicates],
        "duplicate_recall": round(len(found_pairs & planted_pairs) / len(planted_pairs), 3)
        if planted_pairs
        else None,
        "duplicate_precision": round(len(found_pairs & planted_pairs) / len(found_pairs), 3)
        if found_pairs
        else None,
    }


def _tickets_in_window(conn: Any, start: datetime | None, end: datetime | None) -> set[str]:
    from sqlalchemy import select

    from kbassist import store

    tickets = store.tickets
    query = select(tickets.c.id)
    if start is not None and end is not None:
        query = query.where(tickets.c.created_at >= start, tickets.c.created_at <= end)
    return {row[0] for row in conn.execute(query)}


def _load_demo(core: Any, demo: Any, n_tickets: int) -> dict[str, Any]:
    """Generate the demo; store its tickets and KB (no other pipeline step); its ground truth."""
    from kbassist.articles import parse_folder
    from kbassist.ingest.service import store_articles, store_tickets

    generated = demo.generate(n_tickets=n_tickets, seed=7)
    store_articles(core, parse_folder(core.kb_dir()).records, source="kb")
    store_tickets(core, list(generated.tickets), source="demo")
    return dict(generated.ground_truth)


def _score_gaps(
    truth: dict[str, Any], report: Any, membership: dict[str, int], in_window: set[str]
) -> dict[str, Any]:
    """Match found families to planted ones by majority vote, then precision and recall.

    A planted gap is "eligible" when it has at least min_tickets tickets in the
    window: the rule cannot report the others, and recall is given both ways.
    """
    planted = {str(f.get("id") or f.get("family")): f for f in _families_in(truth)}
    gold_of = {t: name for name, f in planted.items() for t in f.get("ticket_ids", [])}
    found_members: dict[int, list[str]] = {}
    for ticket, family in membership.items():
        found_members.setdefault(family, []).append(ticket)

    def planted_family(family_id: int) -> str | None:
        votes = Counter(gold_of.get(t) for t in found_members.get(family_id, []))
        votes.pop(None, None)
        return votes.most_common(1)[0][0] if votes else None

    uncovered = {n for n, f in planted.items() if _is_gap(f)}
    eligible = {
        n
        for n in uncovered
        if sum(1 for t in planted[n].get("ticket_ids", []) if t in in_window) >= report.min_tickets
    }
    covered = set(planted) - uncovered
    reported = [planted_family(gap.family_id) for gap in report.gaps]
    hits = {name for name in reported if name in uncovered}
    wrong_covered = sorted({name for name in reported if name in covered})
    from sklearn.metrics import adjusted_rand_score, v_measure_score

    common = sorted(t for t in membership if t in gold_of)
    gold_labels = [gold_of[t] for t in common]
    found_labels = [membership[t] for t in common]
    return {
        "planted_families": len(planted),
        "planted_uncovered": len(uncovered),
        "gaps_reported": len(report.gaps),
        "gap_precision": round(len([r for r in reported if r in uncovered]) / len(reported), 3)
        if reported
        else None,
        "gap_recall": round(len(hits) / len(uncovered), 3) if uncovered else None,
        "planted_gaps_eligible": len(eligible),
        "gap_recall_eligible": round(len(hits & eligible) / len(eligible), 3) if eligible else None,
        "planted_gaps_found": sorted(hits),
        "planted_gaps_missed": sorted(uncovered - hits),
        "covered_wrongly_reported": wrong_covered,
        "covered_wrongly_reported_share": round(len(wrong_covered) / len(covered), 3)
        if covered
        else None,
        "gaps_from_no_planted_family": sum(1 for r in reported if r is None),
        "ari_planted": round(float(adjusted_rand_score(gold_labels, found_labels)), 4),
        "v_measure_planted": round(float(v_measure_score(gold_labels, found_labels)), 4),
        "pareto_count": report.pareto.count,
    }


def _families_in(truth: dict[str, Any]) -> list[dict[str, Any]]:
    families = truth.get("families", [])
    if isinstance(families, dict):
        return [{"id": key, **value} for key, value in families.items()]
    return list(families)


def _is_gap(family: dict[str, Any]) -> bool:
    for key in ("gap", "is_gap", "uncovered"):
        if key in family:
            return bool(family[key])
    return not (family.get("article_id") or family.get("article_ids") or family.get("covered"))


# ---------------------------------------------------------------- scale


def synthetic_tickets(n: int, seed: int = 0) -> tuple[list[str], list[int]]:
    """Ticket texts from Zipf-sized families, each with its own vocabulary plus shared filler."""
    rng = np.random.default_rng(seed)
    n_families = max(20, n // 40)
    sizes = rng.zipf(1.6, size=n_families).astype(float)
    weights = sizes / sizes.sum()
    family_of = rng.choice(n_families, size=n, p=weights)
    filler = [f"common{i}" for i in range(300)]
    texts = []
    for family in family_of.tolist():
        own = [f"f{family}w{i}" for i in range(8)]
        words = list(rng.choice(own, size=6)) + list(rng.choice(filler, size=4))
        texts.append(" ".join(words))
    return texts, family_of.tolist()


def bench_scale(sizes: list[int]) -> list[dict[str, Any]]:
    from kbassist.embedding import HashingEmbedder

    embedder = HashingEmbedder()
    rows = []
    for n in sizes:
        texts, truth = synthetic_tickets(n)
        vectors = embedder.encode(texts)
        started = time.perf_counter()
        result = cluster_vectors(vectors)
        clustered = time.perf_counter() - started
        family_terms(texts, list(result.labels))
        labelled = time.perf_counter() - started
        from sklearn.metrics import adjusted_rand_score

        rows.append(
            {
                "tickets": n,
                "cluster_seconds": round(clustered, 2),
                "cluster_and_label_seconds": round(labelled, 2),
                "rounds": result.rounds,
                "families": len(result.families),
                "ari_synthetic": round(float(adjusted_rand_score(truth, result.labels)), 3),
                **_store_timings(texts, n),
            }
        )
        print(f"  scale {n}: {rows[-1]}", flush=True)
    return rows


def _store_timings(texts: list[str], n: int) -> dict[str, Any]:
    """A full recluster through the store (warm embedding cache) and the incremental path."""
    from kbassist.core import Core
    from kbassist.embedding import embed_cached
    from kbassist.gaps import service as gaps
    from kbassist.ingest.service import store_tickets
    from kbassist.records import TicketRecord, ticket_text
    from kbassist.settings import Settings

    home = Path(tempfile.mkdtemp(prefix="kbassist-bench-scale-"))
    core = Core(Settings.load({"HOME": str(home), "EMBEDDER": "hashing"}))
    core.init()
    start = datetime(2024, 1, 1)
    late = 1000
    records = [
        TicketRecord(
            id=f"S-{i:06d}",
            title=text[:40],
            description=text,
            status="Closed",
            created_at=start + timedelta(minutes=i),
            time_spent_minutes=30,
        )
        for i, text in enumerate(texts)
    ]
    store_tickets(core, records[: n - late], source="bench")
    with core.begin() as conn:
        embed_cached(
            conn,
            core.resources.embedder,
            [ticket_text(r.title, r.description) for r in records],
        )
    started = time.perf_counter()
    gaps.recluster(core)
    recluster_seconds = time.perf_counter() - started
    store_tickets(core, records[n - late :], source="bench-late")
    started = time.perf_counter()
    placed = gaps.assign_new_tickets(core, [r.id for r in records[n - late :]])
    incremental = time.perf_counter() - started
    return {
        "recluster_store_seconds": round(recluster_seconds, 2),
        "incremental_tickets": placed,
        "incremental_tickets_per_second": round(placed / incremental, 1),
    }


# ---------------------------------------------------------------- output


def print_tables(results: dict[str, Any]) -> None:
    faq = results["stackfaq"]
    print(f"\nstackfaq: {faq['queries']} queries, {faq['gold_families']} gold families")
    print(f"{'method':<34}{'ARI':>8}{'V':>8}{'families':>10}")
    for name, key in (
        ("agglomerative (ours, cut 0.48)", "ours"),
        ("ours, sampled path (300 direct)", "ours_sampled_300"),
        ("k-means, true k=125", "kmeans_true_k"),
    ):
        row = faq[key]
        print(f"{name:<34}{row['ari']:>8.3f}{row['v_measure']:>8.3f}{row['families']:>10}")
    print(
        "cut sweep: "
        + ", ".join(
            f"{r['distance_threshold']:.2f}->ARI {r['ari']:.3f}/{r['families']}"
            for r in faq["threshold_sweep"]
        )
    )
    print(
        "assignment: "
        + ", ".join(
            f"{r['assign_similarity']:.2f}: joins {r['joins_own_family']:.2f} new "
            f"{r['unseen_starts_new']:.2f}"
            for r in faq["assignment_sweep"]
        )
    )
    print(
        "coverage (title): "
        + ", ".join(
            f"{r['cover_similarity']:.2f}: own {r['own_article_covers']:.2f} other "
            f"{r['other_article_covers']:.2f}"
            for r in faq["coverage_sweep"]
        )
    )
    demo = results.get("demo")
    if demo:
        print("\ndemo ground truth:")
        for key, value in demo.items():
            print(f"  {key}: {value}")
    print(
        f"\n{'tickets':>8}{'cluster s':>11}{'+labels s':>11}{'rounds':>8}{'families':>10}"
        f"{'ARI':>7}{'store s':>9}{'incr/s':>9}"
    )
    for row in results["scale"]:
        print(
            f"{row['tickets']:>8}{row['cluster_seconds']:>11.2f}"
            f"{row['cluster_and_label_seconds']:>11.2f}{row['rounds']:>8}{row['families']:>10}"
            f"{row['ari_synthetic']:>7.3f}{row['recluster_store_seconds']:>9.2f}"
            f"{row['incremental_tickets_per_second']:>9.1f}"
        )


if __name__ == "__main__":
    main()
