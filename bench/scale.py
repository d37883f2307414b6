"""Scale benchmark: vector, lexical and hybrid search at 10k, 100k and 1M tickets.

    .venv/bin/python bench/scale.py                          # real only, 10k, 100k, 1M
    .venv/bin/python bench/scale.py --sizes real,10000,100000 # a shorter run

One run prints every figure side by side and writes bench/results/scale.json.

Where the vectors come from (each figure in the output says which):

- Real: all-MiniLM-L6-v2 vectors of real texts nobody on the team wrote: the
  StackFAQ threads (title, then each answer on its own), the help-desk ticket
  comments (helpdesk_mendeley) and the closure notes. They are embedded once
  and cached outside git (``$XDG_CACHE_HOME/kbassist-bench``, else
  ``~/.cache/kbassist-bench``). Queries are the 625 StackFAQ paraphrases, which
  are never in the corpus.
- Synthetic, for sizes above the real count (a million real texts would take
  about six hours to embed here, at 50 texts a second): each row is a real
  vector mixed with a second, random real vector and Gaussian noise,
  ``normalise(a * x_i + (1 - a) * x_j + s * g / sqrt(dim))`` with ``a`` uniform
  in [0.55, 0.95] and ``s`` uniform in [0.3, 0.6]: rows cluster around real
  topics as tickets of a recurring issue do, and fill the space between them.

Texts, for the lexical index: a real row has its own text (the first line as
title, the rest as body); a synthetic row takes the first real text's title and
then the same shares of the two real texts' words as of their vectors (``a`` of
the first's body, ``1 - a`` of the second's; see ``ticket_text``), so its
words and its vector point to the same real tickets.

Every size goes through ``kbassist.index.vectors.VectorIndex`` as the app uses
it (rows, filter values, float16 matrix, graph), built with ``rebuild`` in one
go, and through the default lexical backend (tantivy, ``open_index``); exact
figures are the same vector index with ``exact=True``. Recall@10 is the share of
the exact top 10 that the approximate top 10 holds. Then, as the app serves
them (the vector index at the default ``VECTOR_ANN_ROWS``: exact float32 below
200,000 rows, the graph above), with the query vectors computed beforehand:
lexical search for the 100 candidates the ranking takes, vector search for the
same 100, and the hybrid query: ``kbassist.search.ranking.rank``, the fusion
the search service runs (both indexes, sections collapsed, adaptive fusion,
exact tokens), without the database reads that present the results. The
query's embedding is timed on its own. Last, the ingest: a batch of 1,000 new
tickets (text and vectors already computed) added with ``update`` to the
lexical index and then to the vector index of that size, each timed to the
end of its commit (files written, fsynced, reopened); the database and the
embedding of an ingest are not in it.
Memory "serving" is the growth of a fresh process's resident set from before
it loads the vector index from its files to after it answered 20 queries (row
columns, mapped float16 matrix and graph, pages actually touched); beside it the
bytes of the float16 vectors, of the graph file, of the row columns, and the
folders on disk.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from _env import RESULTS_DIR, data_dir

from kbassist.index.backends import open_index
from kbassist.index.documents import RecordDocs, SearchDoc
from kbassist.index.exact import exact_tokens
from kbassist.index.query import Filters, ParsedQuery, parse_query
from kbassist.index.vectors import VectorIndex, VectorRecord, one_thread
from kbassist.search.ranking import CANDIDATES, rank
from kbassist.search.service import MIN_SIMILARITY

RESULTS = RESULTS_DIR / "scale.json"
SEED = 12
QUERIES = 200  # real queries timed and compared per size
TOP = 10


def say(message: str) -> None:
    """A progress line, flushed (the output is often not a terminal)."""
    print(message, flush=True)


# ---------------------------------------------------------------- real texts and vectors


def real_texts() -> tuple[list[str], list[str]]:
    """(corpus texts, query texts) from the public sets."""
    corpus: list[str] = []
    for line in _lines(data_dir("stackfaq") / "corpus.jsonl"):
        corpus.append(line["title"])
        corpus.extend(f"{line['title']}\n\n{answer}" for answer in line["answers"])
    for line in _lines(data_dir("helpdesk_mendeley") / "tickets.jsonl"):
        corpus.extend(c["text"] for c in line["comments"] if len(c["text"].split()) >= 4)
    for path in sorted(data_dir("closure_notes").glob("batch-*.jsonl")):
        corpus.extend(f"{n['ticket_title']}\n\n{n['note']}" for n in _lines(path))
    queries = [line["text"] for line in _lines(data_dir("stackfaq") / "queries.jsonl")]
    return sorted(set(corpus)), queries


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def embedded(texts: Sequence[str], embed: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """MiniLM vectors of the texts, from the cache when this exact list was embedded before."""
    digest = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / "kbassist-bench" / f"minilm-{digest}.npy"
    if path.exists():
        return np.load(path)
    say(f"embedding {len(texts)} real texts once (cached at {path})")
    blocks = []
    for start in range(0, len(texts), 256):
        blocks.append(embed(list(texts[start : start + 256])))
        say(f"  {min(len(texts), start + 256)}/{len(texts)}")
    vectors = np.vstack(blocks).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


@dataclass(frozen=True)
class Block:
    """Rows of the corpus: their vectors and the texts the lexical index gets for them."""

    source: str  # "real" or "synthetic"
    vectors: np.ndarray
    first: np.ndarray  # the real row each was mixed from (a real row: itself)
    second: np.ndarray  # the second real row (a real row: itself)
    share: np.ndarray  # the first row's share (1.0 for a real row)


def synthetic(real: np.ndarray, count: int, seed: int) -> Iterator[Block]:
    """Blocks of rows around the real vectors (see the module docstring)."""
    rng = np.random.default_rng(seed)
    dim = real.shape[1]
    for start in range(0, count, 50_000):
        size = min(50_000, count - start)
        first_at = rng.integers(0, len(real), size)
        second_at = rng.integers(0, len(real), size)
        first, second = real[first_at], real[second_at]
        share = rng.uniform(0.55, 0.95, (size, 1)).astype(np.float32)
        noise = rng.uniform(0.3, 0.6, (size, 1)).astype(np.float32)
        rows = share * first + (1 - share) * second
        rows += noise * rng.standard_normal((size, dim), dtype=np.float32) / np.sqrt(dim)
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        yield Block("synthetic", rows, first_at, second_at, share[:, 0])


def corpus_of(real: np.ndarray, size: int, seed: int = SEED) -> Iterator[Block]:
    """Blocks adding up to ``size`` rows: real first, then synthetic."""
    count = min(size, len(real))
    every = np.arange(count)
    yield Block("real", real[:count], every, every, np.ones(count, dtype=np.float32))
    if size > len(real):
        yield from synthetic(real, size - len(real), seed)


def ticket_text(texts: Sequence[str], first: int, second: int, share: float) -> tuple[str, str]:
    """Title and body of a row: a real text's own, or mixed from the two its vector mixes.

    A synthetic row takes the first text's title, then the first ``share`` of that
    text's words and the first ``1 - share`` of the second's: the same proportions
    as its vector, so its words and its meaning point to the same real tickets.
    """
    title_a, body_a = _title_body(texts[first])
    if first == second:
        return title_a, body_a
    _, body_b = _title_body(texts[second])
    words_a, words_b = body_a.split(), body_b.split()
    taken_a = words_a[: max(1, round(share * len(words_a)))]
    taken_b = words_b[: round((1 - share) * len(words_b))]
    return title_a, " ".join(taken_a + taken_b)


def _title_body(text: str) -> tuple[str, str]:
    head, _, rest = text.partition("\n")
    title = " ".join(head.split()[:15])
    return title, rest.strip() or text


# ---------------------------------------------------------------- one size


CLIENTS = ("Acme", "Globex", "Initech", "Umbrella", "Hooli")
INGEST_BATCH = 1000  # tickets added to an index of each size, vectors already computed
INGEST_SEED = 13


def tickets(
    texts: Sequence[str], blocks: Iterable[Block], prefix: str = "T"
) -> Iterator[tuple[SearchDoc, np.ndarray]]:
    """One resolved ticket per row: its text (see ``ticket_text``) and its vector."""
    number = 0
    for block in blocks:
        for row in range(len(block.vectors)):
            key = f"ticket:{prefix}-{number}"
            title, body = ticket_text(
                texts, int(block.first[row]), int(block.second[row]), float(block.share[row])
            )
            client = CLIENTS[number % len(CLIENTS)]
            doc = SearchDoc(key, key, "ticket", key, title, body=body, clients=(client,))
            yield doc, block.vectors[row]
            number += 1


def vector_records(pairs: Iterable[tuple[SearchDoc, np.ndarray]]) -> Iterator[VectorRecord]:
    for doc, vector in pairs:
        yield VectorRecord(doc.record, "h", (doc,), vector.reshape(1, -1))


def lexical_records(pairs: Iterable[tuple[SearchDoc, np.ndarray]]) -> Iterator[RecordDocs]:
    for doc, _ in pairs:
        yield RecordDocs(doc.record, "h", (doc,))


def resident_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


SERVED = """
import json, os, sys
import numpy as np
from kbassist.index.vectors import VectorIndex
def rss():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
folder, dim, queries = sys.argv[1], int(sys.argv[2]), np.load(sys.argv[3])
import usearch.index  # the library's own code is not the index's memory
before = rss()
index = VectorIndex(folder, "minilm", dim, ann_rows=1)
for query in queries:
    index.search(query, limit=10)
print(json.dumps(rss() - before))
"""


def served_bytes(folder: Path, dim: int, queries: np.ndarray) -> int:
    """Resident growth of a fresh process that loads the index and answers a few queries."""
    path = folder.parent / "queries.npy"
    np.save(path, queries)
    done = subprocess.run(
        [sys.executable, "-c", SERVED, str(folder), str(dim), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip().splitlines()[-1])


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(run: Callable[[Any], Any], queries: Sequence[Any]) -> Any:
    times, results = [], []
    with one_thread():
        for query in queries:
            started = time.perf_counter()
            results.append(run(query))
            times.append((time.perf_counter() - started) * 1000)
    return results, {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
    }


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


@dataclass(frozen=True)
class Workload:
    """What every size is measured with: the real rows and texts, the queries."""

    real: np.ndarray
    texts: list[str]
    queries: np.ndarray  # their vectors, embedded once beforehand
    query_texts: list[str]


def measure(size: int, work: Workload, folder: Path) -> dict[str, Any]:
    gc.collect()
    before = resident_bytes()
    real, queries, dim = work.real, work.queries, work.real.shape[1]
    sources = {"real": 0, "synthetic": 0}

    def counted() -> Iterator[Block]:
        for block in corpus_of(real, size):
            sources[block.source] += len(block.vectors)
            yield block

    vector_folder, lexical_folder = folder / "vectors", folder / "lexical"
    say(f"[{size}] building the vector index (rows, float16 matrix, graph)")
    started = time.perf_counter()
    VectorIndex(vector_folder, "minilm", dim, ann_rows=1).rebuild(
        vector_records(tickets(work.texts, counted()))
    )
    build_seconds = time.perf_counter() - started
    say(f"[{size}] building the lexical index (tantivy) in {build_seconds:.0f} s")
    started = time.perf_counter()
    open_index("tantivy", lexical_folder).rebuild(
        lexical_records(tickets(work.texts, corpus_of(real, size)))
    )
    lexical_build_seconds = time.perf_counter() - started
    gc.collect()
    started = time.perf_counter()
    index = VectorIndex(vector_folder, "minilm", dim, ann_rows=1)
    described = index.describe()  # loads the files: rows, mapped matrix, mapped graph
    load_seconds = time.perf_counter() - started
    say(
        f"[{size}] lexical built in {lexical_build_seconds:.0f} s, vectors loaded in "
        f"{load_seconds:.1f} s; searching"
    )
    approximate, approximate_time = timed(lambda q: index.search(q, limit=TOP), queries)
    exact, exact_time = timed(lambda q: index.search(q, limit=TOP, exact=True), queries)
    build_resident = resident_bytes() - before
    resident = served_bytes(vector_folder, dim, queries[:20])
    # The exact path as the app runs it below VECTOR_ANN_ROWS: the matrix read as float32.
    small = VectorIndex(vector_folder, "minilm", dim, ann_rows=size + 1)
    _, exact32_time = timed(lambda q: small.search(q, limit=TOP), queries)
    gc.collect()
    recall = statistics.mean(
        len({k for k, _ in a} & {k for k, _ in e}) / max(1, len(e))
        for a, e in zip(approximate, exact, strict=True)
    )
    served = serving(size, work, vector_folder, lexical_folder)
    disk = folder_bytes(vector_folder)
    per_million = 1_000_000 / size
    return {
        "rows": size,
        "rows_from": sources,
        "build_seconds": round(build_seconds, 1),
        "rows_per_second_into_index": round(size / build_seconds),
        "lexical_build_seconds": round(lexical_build_seconds, 1),
        "lexical_rows_per_second": round(size / lexical_build_seconds),
        "load_seconds": round(load_seconds, 2),
        "exact": exact_time,
        "exact_float32": exact32_time,
        "approximate": approximate_time,
        **served,
        "recall_at_10": round(recall, 4),
        "recall_measured_on": "real queries; corpus "
        + ", ".join(f"{count} {source}" for source, count in sources.items() if count),
        "bytes": {
            "vectors_float16": described["vector_bytes"],
            "graph": described["graph_bytes"],
            "row_columns": described["row_bytes"],
            "resident_growth_serving": resident,
            "resident_growth_while_building": build_resident,
            "on_disk": disk,
            "lexical_on_disk": served["lexical_on_disk"],
        },
        "per_million_rows_mb": {
            "vectors_float16": round(described["vector_bytes"] * per_million / 2**20),
            "graph": round(described["graph_bytes"] * per_million / 2**20),
            "row_columns": round(described["row_bytes"] * per_million / 2**20),
            "resident_growth_serving": round(resident * per_million / 2**20),
            "on_disk": round(disk * per_million / 2**20),
            "lexical_on_disk": round(served["lexical_on_disk"] * per_million / 2**20),
        },
    }


def serving(size: int, work: Workload, vector_folder: Path, lexical_folder: Path) -> Any:
    """Lexical, vector and hybrid timings as the app serves them, then a batch ingest."""
    lexical = open_index("tantivy", lexical_folder)
    lexical.speller().prepare()  # as warm_up does at start: not a query's cost
    vectors = VectorIndex(vector_folder, "minilm", work.real.shape[1])  # the app's threshold
    parsed = [parse_query(text) for text in work.query_texts]
    mode = vectors.describe()["mode"]
    pairs = list(zip(parsed, work.queries, strict=True))
    hybrid(lexical, vectors, *pairs[0])  # first use: opens the searchers
    lexical_results, lexical_time = timed(
        lambda query: lexical.search(query, limit=CANDIDATES), parsed
    )
    vector_time = timed(lambda q: vectors.search(q, limit=CANDIDATES), work.queries)[1]
    hybrid_results, hybrid_time = timed(lambda pair: hybrid(lexical, vectors, *pair), pairs)
    respelt = sum(1 for result in lexical_results if result.did_you_mean)
    lexical_bytes = folder_bytes(lexical_folder)
    say(f"[{size}] adding {INGEST_BATCH} tickets to both indexes")
    batch = list(tickets(work.texts, synthetic(work.real, INGEST_BATCH, INGEST_SEED), "N"))
    started = time.perf_counter()
    lexical.update(list(lexical_records(batch)))
    lexical_seconds = time.perf_counter() - started
    started = time.perf_counter()
    vectors.update(list(vector_records(batch)))
    vector_seconds = time.perf_counter() - started
    return {
        "served_vector_mode": mode,
        "lexical": lexical_time,
        "vector_served": vector_time,
        "hybrid": hybrid_time,
        "hybrid_results_median": statistics.median(len(r.records) for r in hybrid_results),
        "queries_with_did_you_mean": respelt,
        "lexical_on_disk": lexical_bytes,
        "ingest_batch": {
            "tickets": INGEST_BATCH,
            "lexical_seconds": round(lexical_seconds, 2),
            "vector_seconds": round(vector_seconds, 2),
            "tickets_per_second": round(INGEST_BATCH / (lexical_seconds + vector_seconds), 1),
        },
    }


def hybrid(lexical: Any, vectors: VectorIndex, parsed: ParsedQuery, vector: np.ndarray) -> Any:
    """The search service's fusion (``kbassist.search.ranking.rank``) for a query, no filters."""
    return rank(
        lexical,
        vectors,
        vector,
        replace(parsed, phrases=()),
        Filters(),
        min_similarity=MIN_SIMILARITY["all-MiniLM-L6-v2"],
        exact=exact_tokens(parsed),
    )


# ---------------------------------------------------------------- the run


def benchmark_queries(count: int) -> np.ndarray:
    """The queries in the benchmark's order: it uses the first ones, tuning only later ones."""
    return np.random.default_rng(SEED).permutation(count)


def query_embedding_time(embed: Callable[[list[str]], np.ndarray], texts: Sequence[str]) -> Any:
    times = []
    with one_thread():
        embed([texts[0]])  # warm
        for text in texts:
            started = time.perf_counter()
            embed([text])
            times.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
    }


def report(results: dict[str, Any]) -> None:
    embedding, again = results["query_embedding"], results["query_embedding_at_the_end"]
    say("")
    say(
        f"query embedding alone (MiniLM, one thread): p50 {embedding['p50_ms']} ms, "
        f"p95 {embedding['p95_ms']} ms at the start; p50 {again['p50_ms']} ms, "
        f"p95 {again['p95_ms']} ms at the end"
    )
    header = (
        f"{'rows':>9} {'real':>6} {'synth':>8} {'exact f32 p50/p95':>18} "
        f"{'exact f16 p50/p95':>18} "
        f"{'approx p50/p95 ms':>18} {'f32/approx p95':>12} {'recall@10':>9} "
        f"{'MB/1M rows: f16+graph, RSS, disk':>34}"
    )
    say(header)
    for row in results["sizes"]:
        exact, approximate, exact32 = row["exact"], row["approximate"], row["exact_float32"]
        mb = row["per_million_rows_mb"]
        say(
            f"{row['rows']:>9} {row['rows_from']['real']:>6} {row['rows_from']['synthetic']:>8} "
            f"{exact32['p50_ms']:>8}/{exact32['p95_ms']:<9} "
            f"{exact['p50_ms']:>8}/{exact['p95_ms']:<9} "
            f"{approximate['p50_ms']:>8}/{approximate['p95_ms']:<9} "
            f"{exact32['p95_ms'] / max(approximate['p95_ms'], 1e-6):>11.1f}x "
            f"{row['recall_at_10']:>9.4f} "
            f"{mb['vectors_float16']:>6}+{mb['graph']:<5} {mb['resident_growth_serving']:>6} "
            f"{mb['on_disk']:>6}"
        )

    say("")
    say(
        f"{'rows':>9} {'lexical p50/p95':>16} {'vector p50/p95':>16} {'hybrid p50/p95':>16} "
        f"{'hybrid/embed p95 (of the higher, lower)':>16} {'build rows/s vec, lex':>22} "
        f"{'+1,000 tickets: s lex, vec':>27}"
    )
    for row in results["sizes"]:
        lexical, vector, fused = row["lexical"], row["vector_served"], row["hybrid"]
        ingest = row["ingest_batch"]
        say(
            f"{row['rows']:>9} {lexical['p50_ms']:>7}/{lexical['p95_ms']:<8} "
            f"{vector['p50_ms']:>7}/{vector['p95_ms']:<8} "
            f"{fused['p50_ms']:>7}/{fused['p95_ms']:<8} "
            f"{fused['p95_ms'] / max(embedding['p95_ms'], again['p95_ms']):>7.2f}x "
            f"{fused['p95_ms'] / min(embedding['p95_ms'], again['p95_ms']):>7.2f}x "
            f"{row['rows_per_second_into_index']:>10} {row['lexical_rows_per_second']:>10} "
            f"{ingest['lexical_seconds']:>13} {ingest['vector_seconds']:>8}"
        )


def write(results: dict[str, Any]) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    temporary = RESULTS.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    temporary.replace(RESULTS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        default="real,10000,100000,1000000",
        help="rows, comma-separated; 'real' is every real vector and nothing synthetic",
    )
    parser.add_argument("--queries", type=int, default=QUERIES, help="real queries per size")
    args = parser.parse_args(argv)
    names = [size.strip() for size in args.sizes.split(",") if size.strip()]

    from kbassist.embedding import make_embedder

    embedder = make_embedder("minilm")
    texts, query_texts = real_texts()
    real = embedded(texts, embedder.encode)
    queries = embedded(query_texts, embedder.encode)
    order = benchmark_queries(len(queries))[: args.queries]
    say(f"{len(real)} real corpus vectors, {len(queries)} real query vectors ({len(order)} used)")
    results: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cores": os.cpu_count()},
        "real_corpus_rows": len(real),
        "query_embedding": query_embedding_time(
            embedder.encode, [query_texts[i] for i in order.tolist()]
        ),
        "sizes": [],
    }
    sizes = [len(real) if name == "real" else int(name) for name in names]
    work = Workload(real, texts, queries[order], [query_texts[i] for i in order.tolist()])
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="kbassist-scale-") as folder:
            results["sizes"].append(measure(size, work, Path(folder)))
        gc.collect()
        write(results)  # after every size: a long run stopped early keeps what it measured
    # Timed again at the end: a busy moment at the start would otherwise skew every ratio.
    results["query_embedding_at_the_end"] = query_embedding_time(
        embedder.encode, [query_texts[i] for i in order.tolist()]
    )
    write(results)
    report(results)
    say(f"\nwrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
