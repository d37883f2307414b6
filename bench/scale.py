"""Scale benchmark: the vector index at 10k, 100k and 1M tickets, exact against approximate.

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

Every size goes through ``kbassist.index.vectors.VectorIndex`` as the app uses
it (rows, filter values, rows.json, float16 matrix, graph file), built with
``rebuild`` in one go; exact figures are the same index with ``exact=True``.
Recall@10 is the share of the exact top 10 that the approximate top 10 holds.
Memory "serving" is the growth of a fresh process's resident set from before
it loads the index from its files to after it answered 20 queries (rows,
mapped float16 matrix and graph, pages actually touched); beside it the bytes
of the float16 vectors and of the graph file, and the folder on disk.
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
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from _env import RESULTS_DIR, data_dir

from kbassist.index.documents import SearchDoc
from kbassist.index.vectors import VectorIndex, VectorRecord, one_thread

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


def synthetic(real: np.ndarray, count: int, seed: int) -> Iterator[np.ndarray]:
    """Blocks of rows around the real vectors (see the module docstring)."""
    rng = np.random.default_rng(seed)
    dim = real.shape[1]
    for start in range(0, count, 50_000):
        size = min(50_000, count - start)
        first = real[rng.integers(0, len(real), size)]
        second = real[rng.integers(0, len(real), size)]
        share = rng.uniform(0.55, 0.95, (size, 1)).astype(np.float32)
        noise = rng.uniform(0.3, 0.6, (size, 1)).astype(np.float32)
        rows = share * first + (1 - share) * second
        rows += noise * rng.standard_normal((size, dim), dtype=np.float32) / np.sqrt(dim)
        yield rows / np.linalg.norm(rows, axis=1, keepdims=True)


def corpus_of(real: np.ndarray, size: int) -> Iterator[tuple[str, np.ndarray]]:
    """(source, block) pairs adding up to ``size`` rows: real first, then synthetic."""
    if size <= len(real):
        yield "real", real[:size]
        return
    yield "real", real
    for block in synthetic(real, size - len(real), SEED):
        yield "synthetic", block


# ---------------------------------------------------------------- one size


def records(blocks: Iterator[tuple[str, np.ndarray]]) -> Iterator[VectorRecord]:
    clients = ("Acme", "Globex", "Initech", "Umbrella", "Hooli")
    number = 0
    for _, block in blocks:
        for vector in block:
            key = f"ticket:T-{number}"
            doc = SearchDoc(
                key=key,
                record=key,
                kind="ticket",
                ref_id=key,
                title=key,
                clients=(clients[number % len(clients)],),
            )
            yield VectorRecord(key, "h", (doc,), vector.reshape(1, -1))
            number += 1


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


def timed(run: Callable[[np.ndarray], list[tuple[str, float]]], queries: np.ndarray) -> Any:
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


def measure(size: int, real: np.ndarray, queries: np.ndarray, folder: Path) -> dict[str, Any]:
    gc.collect()
    before = resident_bytes()
    sources = {"real": 0, "synthetic": 0}

    def counted() -> Iterator[tuple[str, np.ndarray]]:
        for source, block in corpus_of(real, size):
            sources[source] += len(block)
            yield source, block

    say(f"[{size}] building the index (rows, float16 matrix, graph)")
    started = time.perf_counter()
    VectorIndex(folder, "minilm", real.shape[1], ann_rows=1).rebuild(records(counted()))
    build_seconds = time.perf_counter() - started
    gc.collect()
    started = time.perf_counter()
    index = VectorIndex(folder, "minilm", real.shape[1], ann_rows=1)
    described = index.describe()  # loads the files: rows, mapped matrix, mapped graph
    load_seconds = time.perf_counter() - started
    say(f"[{size}] built in {build_seconds:.0f} s, loaded in {load_seconds:.1f} s; searching")
    approximate, approximate_time = timed(lambda q: index.search(q, limit=TOP), queries)
    exact, exact_time = timed(lambda q: index.search(q, limit=TOP, exact=True), queries)
    build_resident = resident_bytes() - before
    resident = served_bytes(folder, real.shape[1], queries[:20])
    # The exact path as the app runs it below VECTOR_ANN_ROWS: the matrix read as float32.
    small = VectorIndex(folder, "minilm", real.shape[1], ann_rows=size + 1)
    _, exact32_time = timed(lambda q: small.search(q, limit=TOP), queries)
    recall = statistics.mean(
        len({k for k, _ in a} & {k for k, _ in e}) / max(1, len(e))
        for a, e in zip(approximate, exact, strict=True)
    )
    disk = sum(path.stat().st_size for path in folder.iterdir() if path.is_file())
    per_million = 1_000_000 / size
    return {
        "rows": size,
        "rows_from": sources,
        "build_seconds": round(build_seconds, 1),
        "rows_per_second_into_index": round(size / build_seconds),
        "load_seconds": round(load_seconds, 2),
        "exact": exact_time,
        "exact_float32": exact32_time,
        "approximate": approximate_time,
        "recall_at_10": round(recall, 4),
        "recall_measured_on": "real queries; corpus "
        + ", ".join(f"{count} {source}" for source, count in sources.items() if count),
        "bytes": {
            "vectors_float16": described["vector_bytes"],
            "graph": described["graph_bytes"],
            "resident_growth_serving": resident,
            "resident_growth_while_building": build_resident,
            "on_disk": disk,
        },
        "per_million_rows_mb": {
            "vectors_float16": round(described["vector_bytes"] * per_million / 2**20),
            "graph": round(described["graph_bytes"] * per_million / 2**20),
            "resident_growth_serving": round(resident * per_million / 2**20),
            "on_disk": round(disk * per_million / 2**20),
        },
    }


# ---------------------------------------------------------------- the run


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
    embedding = results["query_embedding"]
    say("")
    say(
        f"query embedding alone (MiniLM, one thread): p50 {embedding['p50_ms']} ms, "
        f"p95 {embedding['p95_ms']} ms"
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
    order = np.random.default_rng(SEED).permutation(len(queries))[: args.queries]
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
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="kbassist-scale-") as folder:
            results["sizes"].append(measure(size, real, queries[order], Path(folder) / "v"))
        gc.collect()
        write(results)  # after every size: a long run stopped early keeps what it measured
    report(results)
    say(f"\nwrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
