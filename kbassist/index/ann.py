"""The approximate nearest-neighbour graph of a large vector index (usearch HNSW, int8).

Why usearch: one small wheel with no further dependencies (11 MB installed;
faiss-cpu is 66 MB with its own BLAS; hnswlib has had no release since 0.8.0 in
2023 and stores float32 only),
int8 quantisation built in (a graph node costs its 384 bytes plus links, not
1.5 kB), an index file that can be memory-mapped read-only so every worker
process of one server shares its pages, and ``remove``/``add`` by key so an
ingest changes the graph instead of rebuilding it. docs/scale.md has the figures.

Keys are a 64-bit hash of the document key, stable when other rows come and go.
The graph's int8 copy only decides which rows are looked at: the candidates are
rescored exactly from the index's own float16 rows, so scores and order of what
is returned are the exact ones. The library is imported on first use, never
with ``kbassist``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

# Chosen on rows and queries kept apart from the benchmark's (bench/scale_tune.py,
# docs/scale.md). At a million rows the misses are rows the graph does not reach:
# recall@10 0.90 at connectivity 16 whatever the search expansion; 0.951 at 32
# (expansion 1,024); 0.971 with 256 instead of 128 while adding. 512 while adding
# follows that trend. Tested once afterwards on rows and queries nobody had looked at
# (seed 4242, StackFAQ 250-399): recall@10 0.983 (bench/results/scale_tune-fresh.json).
CONNECTIVITY = 32  # edges per node (HNSW "M")
EXPANSION_ADD = 512  # candidate list while building ("efConstruction")
EXPANSION_SEARCH = 1024  # candidate list while searching ("ef")
QUANTIZATION = "i8"
BUILD_BLOCK = 65_536  # rows converted to float32 at a time while adding


def row_ids(keys: Sequence[str]) -> np.ndarray:
    """A stable 64-bit id per document key (the graph's keys)."""
    return np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
            for key in keys
        ),
        dtype=np.uint64,
        count=len(keys),
    )


class Lookup:
    """Row ids -> row positions, as two sorted arrays (16 bytes a row, no dict)."""

    def __init__(self, ids: np.ndarray) -> None:
        self._order = np.argsort(ids, kind="stable")
        self._sorted = ids[self._order]
        self.unique = bool(len(ids) < 2 or np.all(self._sorted[1:] != self._sorted[:-1]))

    def find(self, ids: np.ndarray) -> np.ndarray:
        """The row position of each id, -1 where it is not present (aligned with ``ids``)."""
        if not len(self._sorted) or not len(ids):
            return np.full(len(ids), -1, dtype=np.int64)
        where = np.minimum(np.searchsorted(self._sorted, ids), len(self._sorted) - 1)
        return np.where(self._sorted[where] == ids, self._order[where], -1).astype(np.int64)

    def positions(self, ids: np.ndarray) -> np.ndarray:
        """Row positions of the given ids; ids not present are dropped."""
        if not len(self._sorted) or not len(ids):
            return np.zeros(0, dtype=np.int64)
        where = np.searchsorted(self._sorted, ids)
        where = np.minimum(where, len(self._sorted) - 1)
        found = self._sorted[where] == ids
        return self._order[where[found]].astype(np.int64)


class Graph:
    """A usearch index over unit vectors, cosine metric, keyed by row id."""

    def __init__(self, index: Any) -> None:
        self._index = index

    @classmethod
    def build(cls, vectors: np.ndarray, ids: np.ndarray, threads: int = 0) -> Graph:
        """A new graph over these rows (``threads`` 0: every core)."""
        graph = cls(_new_index(vectors.shape[1]))
        graph.add(ids, vectors, threads=threads)
        return graph

    @classmethod
    def open(cls, path: Path, *, writable: bool = False) -> Graph:
        """The saved graph: memory-mapped read-only (pages shared), or read to be changed."""
        from usearch.index import Index

        index = Index.restore(str(path), view=not writable)
        if index is None:
            raise ValueError(f"{path} is not a usearch index")
        # The file keeps the connectivity but not the expansions: restored, they are
        # usearch's defaults (128 while adding, 64 while searching), so an ingest would
        # link its rows with less care than the build did.
        index.expansion_search = EXPANSION_SEARCH  # type: ignore[misc]  # stub lacks the setter
        index.expansion_add = EXPANSION_ADD  # type: ignore[misc]
        return cls(index)

    def __len__(self) -> int:
        return int(self._index.size)

    def add(self, ids: np.ndarray, vectors: np.ndarray, threads: int = 0) -> None:
        """Add rows (float16 or float32 unit vectors), a block at a time."""
        for start in range(0, len(ids), BUILD_BLOCK):
            block = np.ascontiguousarray(vectors[start : start + BUILD_BLOCK], dtype=np.float32)
            self._index.add(
                np.asarray(ids[start : start + BUILD_BLOCK], dtype=np.uint64),
                block,
                threads=threads,
            )

    def remove(self, ids: np.ndarray) -> None:
        present = [int(i) for i in ids if int(i) in self._index]
        if present:
            self._index.remove(np.asarray(present, dtype=np.uint64))

    def save(self, path: Path) -> int:
        """Write under a temporary name, flush, rename; returns the size in bytes."""
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self._index.save(str(temporary))
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        return path.stat().st_size

    def search(self, query: np.ndarray, count: int) -> np.ndarray:
        """Ids of about the ``count`` nearest rows, on the calling thread."""
        matches = self._index.search(np.asarray(query, dtype=np.float32), count, threads=1)
        return np.asarray(matches.keys, dtype=np.uint64)

    def memory_bytes(self) -> int:
        return int(self._index.memory_usage)


def _new_index(dim: int) -> Any:
    from usearch.index import Index

    return Index(
        ndim=dim,
        metric="cos",
        dtype=QUANTIZATION,
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )
