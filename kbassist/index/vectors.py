"""Semantic search: cosine top-k over unit vectors, exact below a size, approximate above.

The rows are saved as float16 (``matrix-<generation>.npy``, 768 bytes a row at
384 dimensions) beside ``rows.json`` (model, row keys, filter values, and the
manifest of record -> content hash). Below ``ann_rows`` rows (setting
``VECTOR_ANN_ROWS``) the matrix is read as float32 and searched exactly by one
matrix product: it needs no tuning and answers in milliseconds. From
``ann_rows`` up the matrix stays a read-only memory map and an HNSW graph
(``kbassist.index.ann``, ``graph-<generation>.usearch``) picks the candidates,
which are then rescored exactly. Every file is written under a temporary name,
flushed and renamed; ``rows.json`` is replaced last and names the matrix and
graph it belongs to, so a crash while saving leaves the previous, consistent
set in place.
"""

from __future__ import annotations

import json
import math
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from kbassist.index.ann import Graph, Lookup, row_ids
from kbassist.index.documents import FACET_FIELDS, SearchDoc
from kbassist.index.query import Filters

SCHEMA_VERSION = 1  # float32 and float16 matrices both read; "graph" is optional
ANN_ROWS = 200_000  # from this many rows the graph picks candidates (VECTOR_ANN_ROWS)
OVERSAMPLE = 4  # candidates asked of the graph per result wanted, rescored exactly
MIN_CANDIDATES = 50
SCORE_BLOCK = 65_536  # float16 rows converted to float32 at a time


@dataclass(frozen=True)
class VectorRecord:
    """The rows of one database record: one vector per document."""

    record: str
    content_hash: str
    docs: tuple[SearchDoc, ...]
    vectors: np.ndarray  # (len(docs), dim), float32, unit length


@dataclass(frozen=True)
class _Row:
    key: str
    record: str
    values: dict[str, tuple[str, ...]]
    updated: datetime | None

    def as_json(self) -> list[Any]:
        values = {name: list(v) for name, v in self.values.items() if v}
        return [self.key, self.record, values, self.updated.isoformat() if self.updated else None]

    @classmethod
    def from_json(cls, item: list[Any]) -> _Row:
        key, record, values, updated = item
        return cls(
            key,
            record,
            {name: tuple(values.get(name, ())) for name in FACET_FIELDS},
            datetime.fromisoformat(updated) if updated else None,
        )

    @classmethod
    def from_doc(cls, doc: SearchDoc) -> _Row:
        return cls(doc.key, doc.record, doc.filter_values(), doc.updated)


class VectorIndex:
    """Unit vectors of documents with their filter values; cosine search, exact or via a graph."""

    def __init__(self, path: Path, model: str, dim: int, ann_rows: int = ANN_ROWS) -> None:
        self.path = Path(path)
        self.model = model
        self.dim = dim
        self.ann_rows = max(1, int(ann_rows))
        self._lock = threading.RLock()
        self._loaded_mtime: int | None = -1
        self._clear()

    # -- state
    def _clear(self) -> None:
        self._rows: list[_Row] = []
        self._matrix = np.zeros((0, self.dim), dtype=np.float32)
        self._records: dict[str, str] = {}
        self._graph: Graph | None = None
        self._graph_file: str | None = None
        self._lookup: Lookup | None = None
        self._derive()

    def _derive(self) -> None:
        """Lookup structures for filtering and deterministic tie-breaking."""
        postings: dict[str, list[int]] = {}
        dates = np.full(len(self._rows), np.nan)
        for index, row in enumerate(self._rows):
            for name, values in row.values.items():
                for value in values:
                    postings.setdefault(f"{name}={value}", []).append(index)
            if row.updated is not None:
                dates[index] = row.updated.timestamp()
        self._postings = {tag: np.asarray(rows, dtype=np.int64) for tag, rows in postings.items()}
        self._dates = dates
        self._row_of = {row.key: index for index, row in enumerate(self._rows)}
        order = sorted(range(len(self._rows)), key=lambda i: self._rows[i].key)
        self._key_rank = np.empty(len(self._rows), dtype=np.int64)
        self._key_rank[order] = np.arange(len(self._rows))

    @property
    def _rows_path(self) -> Path:
        return self.path / "rows.json"

    def _fresh(self) -> None:
        """Load from disk when another process (or a first use) changed the files."""
        try:
            mtime: int | None = self._rows_path.stat().st_mtime_ns
        except FileNotFoundError:
            mtime = None
        if mtime == self._loaded_mtime:
            return
        self._loaded_mtime = mtime
        self._clear()
        if mtime is None:
            return
        try:
            data = json.loads(self._rows_path.read_text(encoding="utf-8"))
            matrix = np.load(self.path / data["matrix"], mmap_mode="r", allow_pickle=False)
        except (OSError, ValueError, KeyError):
            return  # unreadable: behave as empty, the manifest says so, catch-up rebuilds
        rows = [_Row.from_json(item) for item in data.get("rows", [])]
        usable = (
            data.get("schema") == SCHEMA_VERSION
            and data.get("model") == self.model
            and matrix.shape == (len(rows), self.dim)
        )
        if not usable:
            return  # another model or format: start empty and let catch-up re-embed
        self._adopt(rows, matrix, dict(data.get("records", {})), data.get("graph"))

    def _adopt(
        self, rows: list[_Row], matrix: np.ndarray, records: dict[str, str], graph: Any
    ) -> None:
        """Take saved rows as the state: float32 in memory when small, else mapped plus a graph."""
        self._rows, self._records = rows, records
        self._graph, self._graph_file, self._lookup = None, None, None
        if len(rows) < self.ann_rows:
            self._matrix = np.asarray(matrix, dtype=np.float32)
        else:
            self._matrix = matrix
            self._lookup = Lookup(row_ids([row.key for row in rows]))
            if self._lookup.unique:  # a 64-bit collision: exact search, still correct
                self._graph, self._graph_file = self._open_graph(graph, len(rows))
        self._derive()

    def _open_graph(self, saved: Any, count: int) -> tuple[Graph, str | None]:
        """The graph ``rows.json`` names when it checks out, else one built from the rows."""
        if isinstance(saved, dict):
            path = self.path / str(saved.get("file"))
            try:
                if path.stat().st_size == saved.get("bytes"):
                    graph = Graph.open(path)
                    if len(graph) == count:
                        return graph, path.name
            except (OSError, ValueError, RuntimeError):
                pass  # damaged or missing: rebuild below, the next save writes it again
        return Graph.build(self._matrix, _ids_in_row_order(self._rows)), None

    def manifest(self) -> dict[str, str]:
        """Record key -> content hash of everything saved."""
        with self._lock:
            self._fresh()
            return dict(self._records)

    def __len__(self) -> int:
        with self._lock:
            self._fresh()
            return len(self._rows)

    def describe(self) -> dict[str, Any]:
        """Rows, search mode and bytes of the vectors and graph (for status and benchmarks)."""
        with self._lock:
            self._fresh()
            graph = self._graph
            return {
                "rows": len(self._rows),
                "mode": "approximate" if graph is not None else "exact",
                "ann_rows": self.ann_rows,
                "vector_bytes": int(self._matrix.nbytes),
                "graph_bytes": self._graph_bytes(),
            }

    def _graph_bytes(self) -> int:
        """The graph's file (mapped whole when searched), or its memory when built here."""
        if self._graph is None:
            return 0
        if self._graph_file is not None:
            return (self.path / self._graph_file).stat().st_size
        return self._graph.memory_bytes()

    # -- writes
    def update(self, upserts: Sequence[VectorRecord], deletes: Sequence[str] = ()) -> None:
        """Replace the rows of the given records, drop deleted ones, save."""
        if not upserts and not deletes:
            return
        with self._lock:
            self._fresh()
            dropped = {item.record for item in upserts} | set(deletes)
            gone = [i for i, row in enumerate(self._rows) if row.record in dropped]
            keep = np.setdiff1d(np.arange(len(self._rows)), gone)
            rows = [self._rows[i] for i in keep.tolist()]
            added: list[_Row] = []
            blocks = [np.asarray(self._matrix[keep], dtype=np.float16)]
            records = {r: h for r, h in self._records.items() if r not in dropped}
            for item in upserts:
                added.extend(_Row.from_doc(doc) for doc in item.docs)
                blocks.append(self._check(item).astype(np.float16))
                records[item.record] = item.content_hash
            matrix = np.vstack(blocks)
            graph = self._changed_graph(
                rows + added,
                matrix,
                row_ids([self._rows[i].key for i in gone]),
                _ids_in_row_order(added),
            )
            self._save(rows + added, matrix, records, graph)

    def rebuild(self, records: Iterable[VectorRecord]) -> None:
        """Replace everything with these records."""
        with self._lock:
            rows: list[_Row] = []
            blocks = [np.zeros((0, self.dim), dtype=np.float16)]
            manifest: dict[str, str] = {}
            for item in records:
                rows.extend(_Row.from_doc(doc) for doc in item.docs)
                blocks.append(self._check(item).astype(np.float16))
                manifest[item.record] = item.content_hash
            matrix = np.vstack(blocks)
            self._save(rows, matrix, manifest, self._new_graph(rows, matrix))

    def _new_graph(self, rows: list[_Row], matrix: np.ndarray) -> Graph | None:
        if len(rows) < self.ann_rows:
            return None
        ids = _ids_in_row_order(rows)
        return Graph.build(matrix, ids) if Lookup(ids).unique else None

    def _changed_graph(
        self, rows: list[_Row], matrix: np.ndarray, removed: np.ndarray, added: np.ndarray
    ) -> Graph | None:
        """The saved graph with these rows taken out and put in; a new one when there is none."""
        if len(rows) < self.ann_rows or self._graph_file is None:
            return self._new_graph(rows, matrix)
        try:
            graph = Graph.open(self.path / self._graph_file, writable=True)
        except (OSError, ValueError, RuntimeError):
            return self._new_graph(rows, matrix)
        graph.remove(removed)
        graph.add(added, matrix[len(matrix) - len(added) :])
        if len(graph) != len(rows) or not Lookup(_ids_in_row_order(rows)).unique:
            return self._new_graph(rows, matrix)
        return graph

    def _check(self, item: VectorRecord) -> np.ndarray:
        vectors = np.asarray(item.vectors, dtype=np.float32).reshape(-1, self.dim)
        if len(vectors) != len(item.docs):
            raise ValueError(
                f"{item.record}: {len(item.docs)} documents but {len(vectors)} vectors"
            )
        return vectors

    def _save(
        self, rows: list[_Row], matrix: np.ndarray, records: dict[str, str], graph: Graph | None
    ) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        stamp = f"{os.getpid()}-{datetime.now().strftime('%Y%m%d%H%M%S%f')}"
        generation = f"matrix-{stamp}.npy"
        temporary = self.path / f".{generation}.tmp"
        with open(temporary, "wb") as handle:
            np.save(handle, matrix.astype(np.float16, copy=False), allow_pickle=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path / generation)
        saved_graph = None
        if graph is not None:
            name = f"graph-{stamp}.usearch"
            saved_graph = {"file": name, "bytes": graph.save(self.path / name)}
        data = {
            "schema": SCHEMA_VERSION,
            "model": self.model,
            "dim": self.dim,
            "matrix": generation,
            "graph": saved_graph,
            "records": dict(sorted(records.items())),
            "rows": [row.as_json() for row in rows],
        }
        staged = self.path / f".rows.{os.getpid()}.tmp"
        with open(staged, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, ensure_ascii=False))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staged, self._rows_path)  # the commit point
        current = {generation, saved_graph["file"] if saved_graph else ""}
        for old in [*self.path.glob("matrix-*.npy"), *self.path.glob("graph-*.usearch")]:
            if old.name not in current:
                old.unlink(missing_ok=True)
        mapped = np.load(self.path / generation, mmap_mode="r", allow_pickle=False)
        self._adopt(rows, mapped, dict(records), saved_graph)
        self._loaded_mtime = self._rows_path.stat().st_mtime_ns

    # -- reads
    def vectors_of(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """The stored unit vectors of these document keys (those present)."""
        with self._lock:
            self._fresh()
            rows = {key: self._row_of[key] for key in keys if key in self._row_of}
            return {key: np.array(self._matrix[row]) for key, row in rows.items()}

    def search(
        self,
        vector: np.ndarray,
        *,
        limit: int = 10,
        filters: Filters | None = None,
        exact: bool = False,
    ) -> list[tuple[str, float]]:
        """The ``limit`` rows most similar to ``vector`` as (key, cosine), best first.

        Above ``ann_rows`` rows the graph picks candidates unless ``exact`` is set.
        """
        with self._lock:
            self._fresh()
            matrix, rows, key_rank = self._matrix, self._rows, self._key_rank
            graph, lookup = (None, None) if exact else (self._graph, self._lookup)
            candidates = self._mask(filters) if filters and not filters.is_empty() else None
        if limit <= 0 or not len(rows):
            return []
        query = np.array(vector, dtype=np.float32).reshape(-1)  # a copy: writable, contiguous
        index: np.ndarray | None = None
        if graph is not None and lookup is not None:
            index = self._approximate(graph, lookup, query, limit, candidates)
        if index is None:
            index = np.arange(len(rows)) if candidates is None else candidates
        if not len(index):
            return []
        scores = _scores(matrix, query, None if len(index) == len(rows) else index)
        if len(scores) > limit:
            part = np.argpartition(-scores, limit - 1)[:limit]
        else:
            part = np.arange(len(scores))
        order = part[np.lexsort((key_rank[index[part]], -scores[part]))]
        return [(rows[index[i]].key, float(scores[i])) for i in order]

    def _approximate(
        self,
        graph: Graph,
        lookup: Lookup,
        query: np.ndarray,
        limit: int,
        candidates: np.ndarray | None,
    ) -> np.ndarray | None:
        """Row positions the graph proposes; None where exact search over the filter is better."""
        total = len(graph)
        if candidates is not None and len(candidates) < self.ann_rows:
            return None  # a selective filter: few enough rows to score them all
        share = 1 if candidates is None else math.ceil(total / max(1, len(candidates)))
        want = min(total, max(limit * OVERSAMPLE, MIN_CANDIDATES) * share)
        found = np.sort(lookup.positions(graph.search(query, want)))
        if candidates is not None:
            found = found[np.isin(found, candidates, assume_unique=True)]
            if len(found) < limit:
                return None  # the filter is uncommon among the neighbours: score it exactly
        return found

    def _mask(self, filters: Filters) -> np.ndarray:
        """Row numbers passing the filters, ascending."""
        selected: np.ndarray | None = None
        for name, values in filters.wanted_values().items():
            tags = [f"{name}={value}" for value in values]
            found = [self._postings[tag] for tag in tags if tag in self._postings]
            rows = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
            selected = rows if selected is None else np.intersect1d(selected, rows)
        if filters.date_from or filters.date_to:
            low = filters.date_from.timestamp() if filters.date_from else -math.inf
            high = filters.date_to.timestamp() if filters.date_to else math.inf
            with np.errstate(invalid="ignore"):
                rows = np.flatnonzero((self._dates >= low) & (self._dates <= high))
            selected = rows if selected is None else np.intersect1d(selected, rows)
        return selected if selected is not None else np.arange(len(self._rows))


def _ids_in_row_order(rows: Sequence[_Row]) -> np.ndarray:
    return row_ids([row.key for row in rows])


def _scores(matrix: np.ndarray, query: np.ndarray, positions: np.ndarray | None) -> np.ndarray:
    """Cosine of the query with every row (or the given rows): float32, float16 in blocks."""
    if matrix.dtype == np.float32:
        return _product(matrix if positions is None else matrix[positions], query)
    count = len(matrix) if positions is None else len(positions)
    out = np.empty(count, dtype=np.float32)
    for start in range(0, count, SCORE_BLOCK):
        stop = min(count, start + SCORE_BLOCK)
        rows = matrix[start:stop] if positions is None else matrix[positions[start:stop]]
        out[start:stop] = _product(np.asarray(rows, dtype=np.float32), query)
    return out


def _product(matrix: np.ndarray, query: np.ndarray) -> np.ndarray:
    """``matrix @ query``; through torch, one thread per block, when the model has loaded it.

    With the model in the process, numpy's BLAS threads and torch's OpenMP threads
    take turns on the same cores and each pool spins after its turn: measured on 2
    cores, embedding a query then a numpy product took about 4x the sum of the two.
    Instead the rows are split into one block per core, each multiplied by a
    single-threaded torch call in its own thread (torch releases the GIL), so a
    preempted thread delays only its own block. Without torch, numpy is the tool.
    """
    torch = sys.modules.get("torch")
    if torch is None or not matrix.flags.writeable:
        return matrix @ query
    vector = torch.from_numpy(query)

    def multiply(block: np.ndarray) -> np.ndarray:
        return (torch.from_numpy(block) @ vector).numpy()

    with one_thread():
        cores = min(4, os.cpu_count() or 1)
        if len(matrix) < PARALLEL_ROWS or cores < 2:
            return multiply(matrix)
        size = -(-len(matrix) // cores)
        blocks = [matrix[start : start + size] for start in range(0, len(matrix), size)]
        return np.concatenate(list(_workers(cores).map(multiply, blocks)))


PARALLEL_ROWS = 20_000  # below this one block is faster than handing out several
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _workers(cores: int) -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=cores, thread_name_prefix="kbassist-cosine")
        return _pool


_threads_lock = threading.Lock()
_threads_depth = 0
_threads_saved = 0


@contextmanager
def one_thread() -> Iterator[None]:
    """Run torch on one thread for the duration: per-query work is too small to share.

    A query's embedding and its cosine product take milliseconds. Split over two
    OpenMP threads they are a little faster on an idle machine, but on a busy one
    (a server, the 2 cores shared) a thread waiting at a barrier for its preempted
    twin turns a 15 ms query into 500 ms. One thread degrades gracefully.
    """
    global _threads_depth, _threads_saved
    torch = sys.modules.get("torch")
    if torch is None:
        yield
        return
    with _threads_lock:
        if _threads_depth == 0:
            _threads_saved = torch.get_num_threads()
            torch.set_num_threads(1)
        _threads_depth += 1
    try:
        yield
    finally:
        with _threads_lock:
            _threads_depth -= 1
            if _threads_depth == 0:
                torch.set_num_threads(_threads_saved)
