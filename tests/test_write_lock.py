"""Slow work runs outside the database's write lock, so a search's log line never waits on it.

On SQLite one writer holds the lock from its first write to its commit. A search
(its log line), a pre-close check and similar tickets (the embedding cache) all
write, so an ingest that masked 20,000 tickets, or a rescore that embedded 500
notes, while holding the lock made every technician's request wait
(`bench/load.py`: search p95 14x its unloaded value during an ingest). Each
test below tries another writer in the middle of the slow part, with a short
timeout: it fails when the slow part runs under the lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from kbassist import store
from kbassist.core import Core
from kbassist.embedding import HashingEmbedder, embed_cached
from kbassist.ingest import service as ingest
from kbassist.ingest.tickets import parse_tickets

DATA = Path(__file__).parent / "data"


def _other_writer_gets_in(core: Core) -> bool:
    """Can a second connection take the write lock within 0.2 s right now?"""
    database = core.engine.url.database
    assert database, "these tests need the SQLite store"
    other = sqlite3.connect(database, timeout=0.2, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


def test_an_ingest_masks_its_tickets_before_it_takes_the_write_lock(
    loaded: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = parse_tickets(DATA / "tickets.jsonl")
    records = [
        record.__class__(**{**record.__dict__, "id": f"LOCK-{record.id}"})
        for record in parsed.records
    ]
    seen: list[bool] = []
    real = ingest.masked_ticket

    def masking(record):  # type: ignore[no-untyped-def]
        seen.append(_other_writer_gets_in(loaded))
        return real(record)

    monkeypatch.setattr(ingest, "masked_ticket", masking)
    monkeypatch.setattr(ingest, "BATCH", 2)  # several batches, as in any real upload
    report = ingest.store_tickets(loaded, records, source="lock-test")
    assert report.added == len(records) > 1
    assert seen and all(seen), f"another writer was locked out during {seen.count(False)} maskings"


def test_an_ingest_masks_a_ticket_that_changed_since_it_looked(loaded: Core) -> None:
    """The hashes are read again under the lock; a record masked in advance is not trusted
    if the stored row moved meanwhile, and one not masked in advance is masked there."""
    parsed = parse_tickets(DATA / "tickets.jsonl")
    record = parsed.records[0]
    changed = record.__class__(**{**record.__dict__, "resolution": "temp pw Summer2025! given"})
    report = ingest.store_tickets(loaded, [changed], source="lock-test")
    assert report.updated == 1
    with loaded.connect() as conn:
        stored = conn.execute(store.tickets.select().where(store.tickets.c.id == record.id)).one()
    assert "Summer2025!" not in stored.resolution


class _WatchingEmbedder(HashingEmbedder):
    def __init__(self, core: Core) -> None:
        self.core = core
        self.seen: list[bool] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.append(_other_writer_gets_in(self.core))
        return super().encode(texts)


def test_new_embeddings_are_stored_after_the_model_ran_not_between_its_batches(
    core: Core,
) -> None:
    embedder = _WatchingEmbedder(core)
    texts = [f"printer {n} offline after the driver update" for n in range(6)]
    with core.begin() as conn:
        vectors = embed_cached(conn, embedder, texts, batch=2)
    assert vectors.shape == (6, embedder.dim)
    assert len(embedder.seen) == 3 and all(embedder.seen)
    with core.connect() as conn:  # and they are cached: nothing is embedded twice
        again = embed_cached(conn, embedder, texts)
    assert len(embedder.seen) == 3
    np.testing.assert_allclose(again, vectors)
