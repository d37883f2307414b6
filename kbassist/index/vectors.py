"""Exact semantic search: cosine top-k over one float32 matrix of unit vectors.

At a few hundred thousand rows a brute-force matrix product is exact, needs no
tuning and answers in milliseconds, so there is no approximate index here. The
matrix is saved as ``matrix-<generation>.npy`` beside ``rows.json`` (model,
row keys, filter values, and the manifest of record -> content hash); the JSON
is replaced atomically and names the matrix it belongs to, so a crash while
saving leaves the previous, consistent pair in place.
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

from kbassist.index.documents import FACET_FIELDS, SearchDoc
from kbassist.index.query import Filters

SCHEMA_VERSION = 1


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
    """Unit vectors of documents with their filter values; exact cosine search."""

    def __init__(self, path: Path, model: str, dim: int) -> None:
        self.path = Path(path)
        self.model = model
        self.dim = dim
        self._lock = threading.RLock()
        self._loaded_mtime: int | None = -1
        self._clear()

    # -- state
    def _clear(self) -> None:
        self._rows: list[_Row] = []
        self._matrix = np.zeros((0, self.dim), dtype=np.float32)
        self._records: dict[str, str] = {}
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
            matrix = np.load(self.path / data["matrix"], allow_pickle=False)
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
        self._rows, self._matrix = rows, matrix.astype(np.float32, copy=False)
        self._records = dict(data.get("records", {}))
        self._derive()

    def manifest(self) -> dict[str, str]:
        """Record key -> content hash of everything saved."""
        with self._lock:
            self._fresh()
            return dict(self._records)

    def __len__(self) -> int:
        with self._lock:
            self._fresh()
            return len(self._rows)

    # -- writes
    def update(self, upserts: Sequence[VectorRecord], deletes: Sequence[str] = ()) -> None:
        """Replace the rows of the given records, drop deleted ones, save."""
        if not upserts and not deletes:
            return
        with self._lock:
            self._fresh()
            dropped = {item.record for item in upserts} | set(deletes)
            keep = [i for i, row in enumerate(self._rows) if row.record not in dropped]
            rows = [self._rows[i] for i in keep]
            blocks = [self._matrix[keep]]
            records = {r: h for r, h in self._records.items() if r not in dropped}
            for item in upserts:
                rows.extend(_Row.from_doc(doc) for doc in item.docs)
                blocks.append(self._check(item))
                records[item.record] = item.content_hash
            self._save(rows, np.vstack(blocks), records)

    def rebuild(self, records: Iterable[VectorRecord]) -> None:
        """Replace everything with these records."""
        with self._lock:
            rows: list[_Row] = []
            blocks = [np.zeros((0, self.dim), dtype=np.float32)]
            manifest: dict[str, str] = {}
            for item in records:
                rows.extend(_Row.from_doc(doc) for doc in item.docs)
                blocks.append(self._check(item))
                manifest[item.record] = item.content_hash
            self._save(rows, np.vstack(blocks), manifest)

    def _check(self, item: VectorRecord) -> np.ndarray:
        vectors = np.asarray(item.vectors, dtype=np.float32).reshape(-1, self.dim)
        if len(vectors) != len(item.docs):
            raise ValueError(
                f"{item.record}: {len(item.docs)} documents but {len(vectors)} vectors"
            )
        return vectors

    def _save(self, rows: list[_Row], matrix: np.ndarray, records: dict[str, str]) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        generation = f"matrix-{os.getpid()}-{datetime.now().strftime('%Y%m%d%H%M%S%f')}.npy"
        temporary = self.path / f".{generation}.tmp"
        with open(temporary, "wb") as handle:
            np.save(handle, matrix.astype(np.float32, copy=False), allow_pickle=False)
        os.replace(temporary, self.path / generation)
        data = {
            "schema": SCHEMA_VERSION,
            "model": self.model,
            "dim": self.dim,
            "matrix": generation,
            "records": dict(sorted(records.items())),
            "rows": [row.as_json() for row in rows],
        }
        staged = self.path / f".rows.{os.getpid()}.tmp"
        staged.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(staged, self._rows_path)  # the commit point
        for old in self.path.glob("matrix-*.npy"):
            if old.name != generation:
                old.unlink(missing_ok=True)
        self._rows, self._matrix, self._records = rows, matrix, dict(records)
        self._derive()
        self._loaded_mtime = self._rows_path.stat().st_mtime_ns

    # -- reads
    def vectors_of(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """The stored unit vectors of these document keys (those present)."""
        with self._lock:
            self._fresh()
            rows = {key: self._row_of[key] for key in keys if key in self._row_of}
            return {key: np.array(self._matrix[row]) for key, row in rows.items()}

    def search(
        self, vector: np.ndarray, *, limit: int = 10, filters: Filters | None = None
    ) -> list[tuple[str, float]]:
        """The ``limit`` rows most similar to ``vector`` as (key, cosine), best first."""
        with self._lock:
            self._fresh()
            matrix, rows, key_rank = self._matrix, self._rows, self._key_rank
            candidates = self._mask(filters) if filters and not filters.is_empty() else None
        if limit <= 0 or not len(rows):
            return []
        query = np.array(vector, dtype=np.float32).reshape(-1)  # a copy: writable, contiguous
        if candidates is None:
            scores = _product(matrix, query)
            index = np.arange(len(rows))
        else:
            if not len(candidates):
                return []
            scores = _product(matrix[candidates], query)
            index = candidates
        if len(scores) > limit:
            part = np.argpartition(-scores, limit - 1)[:limit]
        else:
            part = np.arange(len(scores))
        order = part[np.lexsort((key_rank[index[part]], -scores[part]))]
        return [(rows[index[i]].key, float(scores[i])) for i in order]

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
