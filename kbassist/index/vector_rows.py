"""The row metadata of the vector index as columns: a few arrays, no Python object per row.

At a million rows, one object per row (its key, record, filter values and date)
took about 1.2 GB of a serving process; these arrays take about 100 MB: the keys
as one UTF-8 blob with offsets, a 64-bit hash of each key and of each record,
the filter values as postings (value -> ascending row numbers) and the dates as
seconds. They are saved as one ``.npz`` of plain arrays (no pickles) beside the
float16 matrix.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from kbassist.index.ann import row_ids
from kbassist.index.documents import SearchDoc
from kbassist.index.query import Filters


def record_of_key(key: str) -> str:
    """``article:KB-1#steps`` -> ``article:KB-1`` (a document's record, as the indexes name it)."""
    return key.split("#", 1)[0]


def seconds(moment: datetime) -> float:
    """A stored (naive, UTC) date as seconds, the same in every time zone."""
    return moment.replace(tzinfo=UTC).timestamp() if moment.tzinfo is None else moment.timestamp()


@dataclass(frozen=True)
class Columns:
    """Keys, record hashes, filter postings and dates of the rows, in row order."""

    blob: np.ndarray  # uint8: every key's UTF-8, one after the other
    offsets: np.ndarray  # int64, len(rows) + 1: key i is blob[offsets[i]:offsets[i + 1]]
    ids: np.ndarray  # uint64 hash of each key (the graph's keys)
    records: np.ndarray  # uint64 hash of each row's record
    postings: dict[str, np.ndarray] = field(default_factory=dict)  # "client=acme" -> rows
    dates: np.ndarray = field(default_factory=lambda: np.zeros(0))  # seconds; NaN undated
    # Rows whose record is not their key before "#" (none from kbassist's own documents).
    odd_records: dict[int, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def empty(cls) -> Columns:
        return cls.of_documents(())

    @classmethod
    def of_documents(cls, docs: Iterable[SearchDoc]) -> Columns:
        keys: list[str] = []
        records: list[str] = []
        dates: list[float] = []
        postings: dict[str, list[int]] = {}
        odd: dict[int, str] = {}
        for row, doc in enumerate(docs):
            keys.append(doc.key)
            records.append(doc.record)
            if doc.record != record_of_key(doc.key):
                odd[row] = doc.record
            dates.append(seconds(doc.updated) if doc.updated is not None else math.nan)
            for name, values in doc.filter_values().items():
                for value in values:
                    postings.setdefault(f"{name}={value}", []).append(row)
        blob, offsets = _packed(keys)
        return cls(
            blob,
            offsets,
            row_ids(keys),
            row_ids(records),
            {tag: np.asarray(rows, dtype=np.int32) for tag, rows in postings.items()},
            np.asarray(dates, dtype=np.float64),
            odd,
        )

    def nbytes(self) -> int:
        """Memory of the arrays (the dict of postings and odd records aside)."""
        arrays = [self.blob, self.offsets, self.ids, self.records, self.dates]
        return sum(a.nbytes for a in arrays) + sum(p.nbytes for p in self.postings.values())

    # -- reading
    def key(self, row: int) -> str:
        return bytes(self.blob[self.offsets[row] : self.offsets[row + 1]]).decode("utf-8")

    def keys(self) -> list[str]:
        data = self.blob.tobytes()
        bounds = self.offsets.tolist()
        return [data[bounds[i] : bounds[i + 1]].decode("utf-8") for i in range(len(self))]

    def record(self, row: int) -> str:
        return self.odd_records.get(row) or record_of_key(self.key(row))

    def key_rank(self) -> np.ndarray:
        """Each row's place in the order of the keys (ties in score are broken by key)."""
        keys = self.keys()
        order = sorted(range(len(keys)), key=keys.__getitem__)
        rank = np.empty(len(keys), dtype=np.int32)
        rank[order] = np.arange(len(keys), dtype=np.int32)
        return rank

    def rows_of_records(self, records: Iterable[str]) -> np.ndarray:
        """Rows of the given records (hash first, then the text checked), ascending."""
        wanted = sorted(set(records))
        if not wanted or not len(self):
            return np.zeros(0, dtype=np.int64)
        maybe = np.flatnonzero(np.isin(self.records, row_ids(wanted)))
        names = set(wanted)
        return np.asarray([r for r in maybe.tolist() if self.record(r) in names], dtype=np.int64)

    def mask(self, filters: Filters) -> np.ndarray:
        """Row numbers passing the filters, ascending."""
        selected: np.ndarray | None = None
        for name, values in filters.wanted_values().items():
            tags = [f"{name}={value}" for value in values]
            found = [self.postings[tag] for tag in tags if tag in self.postings]
            rows = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int32)
            selected = rows if selected is None else np.intersect1d(selected, rows)
        if filters.date_from or filters.date_to:
            low = seconds(filters.date_from) if filters.date_from else -math.inf
            high = seconds(filters.date_to) if filters.date_to else math.inf
            with np.errstate(invalid="ignore"):
                rows = np.flatnonzero((self.dates >= low) & (self.dates <= high))
            selected = rows if selected is None else np.intersect1d(selected, rows)
        if selected is None:
            return np.arange(len(self), dtype=np.int64)
        return selected.astype(np.int64)

    # -- changing (new columns; these are never changed in place)
    def take(self, rows: np.ndarray) -> Columns:
        """The given rows (ascending), renumbered from 0."""
        rows = np.asarray(rows, dtype=np.int64)
        lengths = self.offsets[rows + 1] - self.offsets[rows]
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        if len(rows):
            starts = np.repeat(self.offsets[rows] - offsets[:-1], lengths)
            blob = self.blob[np.arange(int(offsets[-1])) + starts]
        else:
            blob = np.zeros(0, dtype=np.uint8)
        renumber = np.full(len(self), -1, dtype=np.int64)
        renumber[rows] = np.arange(len(rows))
        postings = {}
        for tag, members in self.postings.items():
            kept = renumber[members]
            kept = kept[kept >= 0].astype(np.int32)
            if len(kept):
                postings[tag] = kept
        odd = {int(renumber[r]): name for r, name in self.odd_records.items() if renumber[r] >= 0}
        return Columns(
            blob, offsets, self.ids[rows], self.records[rows], postings, self.dates[rows], odd
        )

    def extend(self, other: Columns) -> Columns:
        """These rows, then ``other``'s."""
        start = len(self)
        postings = dict(self.postings)
        for tag, members in other.postings.items():
            shifted = (members + start).astype(np.int32)
            postings[tag] = np.concatenate([postings[tag], shifted]) if tag in postings else shifted
        return Columns(
            np.concatenate([self.blob, other.blob]),
            np.concatenate([self.offsets, other.offsets[1:] + self.offsets[-1]]),
            np.concatenate([self.ids, other.ids]),
            np.concatenate([self.records, other.records]),
            postings,
            np.concatenate([self.dates, other.dates]),
            {**self.odd_records, **{r + start: name for r, name in other.odd_records.items()}},
        )

    # -- files
    def save(self, handle: Any) -> None:
        """Plain arrays into an open binary file (``numpy.savez``; no pickles)."""
        tags = sorted(self.postings)
        members = [self.postings[tag] for tag in tags]
        odd_rows = sorted(self.odd_records)
        np.savez(
            handle,
            blob=self.blob,
            offsets=self.offsets,
            ids=self.ids,
            records=self.records,
            dates=self.dates,
            tags=np.asarray(tags, dtype=np.str_),
            tag_sizes=np.asarray([len(m) for m in members], dtype=np.int64),
            tag_rows=np.concatenate(members) if members else np.zeros(0, dtype=np.int32),
            odd_rows=np.asarray(odd_rows, dtype=np.int64),
            odd_records=np.asarray([self.odd_records[r] for r in odd_rows], dtype=np.str_),
        )

    @classmethod
    def load(cls, path: Path) -> Columns:
        with np.load(path, allow_pickle=False) as saved:
            sizes = saved["tag_sizes"]
            parts = np.split(saved["tag_rows"].astype(np.int32), np.cumsum(sizes)[:-1])
            odd = dict(zip(saved["odd_rows"].tolist(), saved["odd_records"].tolist(), strict=True))
            return cls(
                saved["blob"],
                saved["offsets"],
                saved["ids"],
                saved["records"],
                dict(zip(saved["tags"].tolist(), parts, strict=True)) if len(sizes) else {},
                saved["dates"],
                odd,
            )

    @classmethod
    def from_rows_json(cls, items: Sequence[list[Any]]) -> Columns:
        """The rows as schema 1 of ``rows.json`` listed them: [key, record, values, date]."""
        docs = []
        for key, record, values, updated in items:
            docs.append(_Saved(key, record, values, updated))
        return cls._of_saved(docs)

    @classmethod
    def _of_saved(cls, rows: Sequence[_Saved]) -> Columns:
        postings: dict[str, list[int]] = {}
        for row, saved in enumerate(rows):
            for name, values in saved.values.items():
                for value in values:
                    postings.setdefault(f"{name}={value}", []).append(row)
        keys = [saved.key for saved in rows]
        blob, offsets = _packed(keys)
        dates = [
            seconds(datetime.fromisoformat(s.updated)) if s.updated else math.nan for s in rows
        ]
        return cls(
            blob,
            offsets,
            row_ids(keys),
            row_ids([saved.record for saved in rows]),
            {tag: np.asarray(members, dtype=np.int32) for tag, members in postings.items()},
            np.asarray(dates, dtype=np.float64),
            {r: s.record for r, s in enumerate(rows) if s.record != record_of_key(s.key)},
        )


@dataclass(frozen=True)
class _Saved:
    key: str
    record: str
    values: dict[str, list[str]]
    updated: str | None


def _packed(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    encoded = [key.encode("utf-8") for key in keys]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum(
        np.fromiter((len(e) for e in encoded), dtype=np.int64, count=len(encoded)), out=offsets[1:]
    )
    return np.frombuffer(b"".join(encoded), dtype=np.uint8).copy(), offsets
