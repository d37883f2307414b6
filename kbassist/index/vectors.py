"""Semantic search: cosine top-k over unit vectors, exact below a size, approximate above.

The rows are saved as float16 (``matrix-<generation>.npy``, 768 bytes a row at
384 dimensions), their keys, filter values and dates as plain arrays
(``columns-<generation>.npz``, ``kbassist.index.vector_rows``: no Python object
per row in memory), the manifest of record -> content hash as
``records-<generation>.json`` (read only when asked for), and ``rows.json``
names the set. Below ``ann_rows`` rows (setting
``VECTOR_ANN_ROWS``) the matrix is read as float32 and searched exactly by one
matrix product: it needs no tuning and answers in milliseconds. From
``ann_rows`` up the matrix stays a read-only memory map and an HNSW graph
(``kbassist.index.ann``, ``graph-<generation>.usearch``) picks the candidates,
which are then rescored exactly. Every file is written under a temporary name,
flushed and renamed; ``rows.json`` is replaced last and names the files it
belongs to, so a crash while saving leaves the previous, consistent
set in place.
"""

from __future__ import annotations

import json
import math
import mmap
import os
import sys
import threading
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from kbassist.index.ann import Graph, Lookup, row_ids
from kbassist.index.documents import SearchDoc
from kbassist.index.query import Filters
from kbassist.index.vector_rows import Columns

SCHEMA_VERSION = 2  # rows as columns in an .npz; schema 1 (rows in rows.json) still read
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
        self._columns = Columns.empty()
        self._matrix = np.zeros((0, self.dim), dtype=np.float32)
        # The manifest (record -> content hash) is read when asked for, not held: at a
        # million records it is a dict of two million strings, used by catch-up only.
        self._records: dict[str, str] | None = {}
        self._records_file: str | None = None
        self._graph: Graph | None = None
        self._graph_file: str | None = None
        self._derive()

    def _derive(self) -> None:
        """Key order for deterministic tie-breaking; key hash -> row."""
        self._key_rank = self._columns.key_rank()
        self._lookup = Lookup(self._columns.ids)

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
            matrix = _mapped(self.path / data["matrix"])
            if data.get("schema") == SCHEMA_VERSION:
                columns = Columns.load(self.path / data["columns"])
                records: dict[str, str] | None = None
            else:  # schema 1: the rows and the manifest inside rows.json
                columns = Columns.from_rows_json(data.get("rows", []))
                records = dict(data.get("records", {}))
        except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile):
            return  # unreadable: behave as empty, the manifest says so, catch-up rebuilds
        usable = (
            data.get("schema") in (1, SCHEMA_VERSION)
            and data.get("model") == self.model
            and matrix.shape == (len(columns), self.dim)
        )
        if not usable:
            return  # another model or format: start empty and let catch-up re-embed
        self._adopt(columns, matrix, records, data.get("records"), data.get("graph"))

    def _adopt(
        self,
        columns: Columns,
        matrix: np.ndarray,
        records: dict[str, str] | None,
        records_file: Any,
        graph: Any,
    ) -> None:
        """Take saved rows as the state: float32 in memory when small, else mapped plus a graph."""
        self._columns = columns
        self._records = records
        self._records_file = records_file if isinstance(records_file, str) else None
        self._graph, self._graph_file = None, None
        self._derive()
        if len(columns) < self.ann_rows:
            self._matrix = np.asarray(matrix, dtype=np.float32)
        else:
            self._matrix = matrix
            if self._lookup.unique:  # a 64-bit collision: exact search, still correct
                self._graph, self._graph_file = self._open_graph(graph, len(columns))

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
        return Graph.build(self._matrix, self._columns.ids), None

    def _manifest(self) -> dict[str, str]:
        if self._records is not None:
            return self._records
        try:
            text = (self.path / str(self._records_file)).read_text(encoding="utf-8")
            return dict(json.loads(text))
        except (OSError, ValueError, TypeError):
            return {}  # unreadable: every record looks behind, catch-up rewrites them

    def manifest(self) -> dict[str, str]:
        """Record key -> content hash of everything saved."""
        with self._lock:
            self._fresh()
            return dict(self._manifest())

    def __len__(self) -> int:
        with self._lock:
            self._fresh()
            return len(self._columns)

    def describe(self) -> dict[str, Any]:
        """Rows, search mode and bytes of the vectors and graph (for status and benchmarks)."""
        with self._lock:
            self._fresh()
            graph = self._graph
            return {
                "rows": len(self._columns),
                "mode": "approximate" if graph is not None else "exact",
                "ann_rows": self.ann_rows,
                "vector_bytes": int(self._matrix.nbytes),
                "graph_bytes": self._graph_bytes(),
                "row_bytes": self._columns.nbytes(),
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
            old = self._columns
            gone = old.rows_of_records(dropped)
            keep = np.setdiff1d(np.arange(len(old)), gone)
            blocks = [np.asarray(self._matrix[keep], dtype=np.float16)]
            records = {r: h for r, h in self._manifest().items() if r not in dropped}
            for item in upserts:
                blocks.append(self._check(item).astype(np.float16))
                records[item.record] = item.content_hash
            added = Columns.of_documents(doc for item in upserts for doc in item.docs)
            columns = old.take(keep).extend(added)
            matrix = np.vstack(blocks)
            graph = self._changed_graph(columns, matrix, old.ids[gone], added.ids)
            self._save(columns, matrix, records, graph)

    def rebuild(self, records: Iterable[VectorRecord]) -> None:
        """Replace everything with these records."""
        with self._lock:
            blocks = [np.zeros((0, self.dim), dtype=np.float16)]
            manifest: dict[str, str] = {}

            def docs() -> Iterator[SearchDoc]:  # one record at a time: no list of a million
                for item in records:
                    blocks.append(self._check(item).astype(np.float16))
                    manifest[item.record] = item.content_hash
                    yield from item.docs

            columns = Columns.of_documents(docs())
            matrix = np.vstack(blocks)
            self._save(columns, matrix, manifest, self._new_graph(columns, matrix))

    def _new_graph(self, columns: Columns, matrix: np.ndarray) -> Graph | None:
        if len(columns) < self.ann_rows or not Lookup(columns.ids).unique:
            return None
        return Graph.build(matrix, columns.ids)

    def _changed_graph(
        self, columns: Columns, matrix: np.ndarray, removed: np.ndarray, added: np.ndarray
    ) -> Graph | None:
        """The saved graph with these rows taken out and put in; a new one when there is none."""
        if len(columns) < self.ann_rows or self._graph_file is None:
            return self._new_graph(columns, matrix)
        try:
            graph = Graph.open(self.path / self._graph_file, writable=True)
        except (OSError, ValueError, RuntimeError):
            return self._new_graph(columns, matrix)
        graph.remove(removed)
        graph.add(added, matrix[len(matrix) - len(added) :])
        if len(graph) != len(columns) or not Lookup(columns.ids).unique:
            return self._new_graph(columns, matrix)
        return graph

    def _check(self, item: VectorRecord) -> np.ndarray:
        vectors = np.asarray(item.vectors, dtype=np.float32).reshape(-1, self.dim)
        if len(vectors) != len(item.docs):
            raise ValueError(
                f"{item.record}: {len(item.docs)} documents but {len(vectors)} vectors"
            )
        return vectors

    def _save(
        self, columns: Columns, matrix: np.ndarray, records: dict[str, str], graph: Graph | None
    ) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        stamp = f"{os.getpid()}-{datetime.now().strftime('%Y%m%d%H%M%S%f')}"
        names = {
            "matrix": f"matrix-{stamp}.npy",
            "columns": f"columns-{stamp}.npz",
            "records": f"records-{stamp}.json",
        }
        with self._staged(names["matrix"]) as handle:
            np.save(handle, matrix.astype(np.float16, copy=False), allow_pickle=False)
        with self._staged(names["columns"]) as handle:
            columns.save(handle)
        with self._staged(names["records"]) as handle:
            handle.write(json.dumps(dict(sorted(records.items())), ensure_ascii=False).encode())
        saved_graph = None
        if graph is not None:
            name = f"graph-{stamp}.usearch"
            saved_graph = {"file": name, "bytes": graph.save(self.path / name)}
        data = {"schema": SCHEMA_VERSION, "model": self.model, "dim": self.dim, **names}
        data["graph"] = saved_graph
        staged = self.path / f".rows.{os.getpid()}.tmp"
        with open(staged, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, ensure_ascii=False))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staged, self._rows_path)  # the commit point
        current = {*names.values(), saved_graph["file"] if saved_graph else ""}
        for pattern in ("matrix-*.npy", "graph-*.usearch", "columns-*.npz", "records-*.json"):
            for old in self.path.glob(pattern):
                if old.name not in current:
                    old.unlink(missing_ok=True)
        mapped = _mapped(self.path / names["matrix"])
        self._adopt(columns, mapped, None, names["records"], saved_graph)
        self._loaded_mtime = self._rows_path.stat().st_mtime_ns

    @contextmanager
    def _staged(self, name: str) -> Iterator[Any]:
        """A file written under a temporary name, flushed and renamed when the block ends."""
        temporary = self.path / f".{name}.tmp"
        with open(temporary, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path / name)

    # -- reads
    def vectors_of(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """The stored unit vectors of these document keys (those present)."""
        with self._lock:
            self._fresh()
            wanted = list(dict.fromkeys(keys))
            if not self._lookup.unique:  # a hash collision: look the keys up one by one
                where = {key: row for row, key in enumerate(self._columns.keys())}
                rows = [where.get(key, -1) for key in wanted]
            else:
                rows = self._lookup.find(row_ids(wanted)).tolist()
            return {
                key: np.array(self._matrix[row])
                for key, row in zip(wanted, rows, strict=True)
                if row >= 0 and self._columns.key(row) == key
            }

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
            matrix, columns, key_rank = self._matrix, self._columns, self._key_rank
            graph, lookup = (None, None) if exact else (self._graph, self._lookup)
            wanted = filters and not filters.is_empty()
            candidates = columns.mask(filters) if filters and wanted else None
        if limit <= 0 or not len(columns):
            return []
        query = np.array(vector, dtype=np.float32).reshape(-1)  # a copy: writable, contiguous
        index: np.ndarray | None = None
        if graph is not None and lookup is not None:
            index = self._approximate(graph, lookup, query, limit, candidates)
        if index is None:
            index = np.arange(len(columns)) if candidates is None else candidates
        if not len(index):
            return []
        scores = _scores(matrix, query, None if len(index) == len(columns) else index)
        if len(scores) > limit:
            part = np.argpartition(-scores, limit - 1)[:limit]
        else:
            part = np.arange(len(scores))
        order = part[np.lexsort((key_rank[index[part]], -scores[part]))]
        return [(columns.key(int(index[i])), float(scores[i])) for i in order]

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


def _mapped(path: Path) -> np.ndarray:
    """The saved matrix, memory-mapped read-only for random access.

    A query reads about fifty scattered rows. With the kernel's default read-around
    each of them faulted in a large neighbourhood: measured at a million rows,
    20 queries left 680 MB of the 732 MB matrix resident. Random access reads
    just the pages asked for (a scan over a filter still reads what it scores).
    """
    matrix = np.load(path, mmap_mode="r", allow_pickle=False)
    handle = getattr(matrix, "_mmap", None)
    if handle is not None and hasattr(mmap, "MADV_RANDOM"):
        handle.madvise(mmap.MADV_RANDOM)
    return matrix


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
