"""Keeping the search indexes in step with the database: update, catch up, rebuild.

Two indexes are kept beside the database, both caches that can be rebuilt from
it: a lexical one (``kbassist.index.lexical``) and a semantic one
(``kbassist.index.vectors``). Each keeps a manifest of record -> index hash;
comparing it with ``database_manifest`` shows what is missing, stale or gone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Connection

from kbassist.core import Core
from kbassist.embedding import embed_cached
from kbassist.index.documents import RecordDocs
from kbassist.index.lexical import LexicalIndex
from kbassist.index.lock import write_lock
from kbassist.index.vectors import VectorIndex, VectorRecord
from kbassist.search import queries
from kbassist.search.documents import (
    IndexedRecord,
    article_record,
    index_hash,
    is_resolved,
    split_records,
    ticket_record,
)

Progress = Callable[[int], None]

BATCH = 500  # records embedded and indexed per step of a rebuild or catch-up


def lexical_index(core: Core) -> LexicalIndex:
    """The process's lexical index (backend from KBASSIST_LEXICAL_BACKEND)."""
    return core.resources.lexical


def vector_index(core: Core) -> VectorIndex:
    """The process's semantic index for the configured embedder."""
    return core.resources.vectors


def ensure_current(core: Core) -> None:
    """Catch the indexes up with the database once per process (after a crash, say)."""
    caught_up = core.resources.caught_up
    if not caught_up.is_set():
        catch_up(core)


# ---------------------------------------------------------------- loading records


def _from_ticket_row(row: Any) -> IndexedRecord | None:
    if not is_resolved(row.status, row.resolved_at, row.closed_at):
        return None
    return ticket_record(
        row.id,
        row.title,
        row.description or "",
        row.resolution or "",
        content_hash=row.content_hash,
        client=row.client or "",
        category=row.category or "",
        updated=row.resolved_at or row.closed_at or row.created_at,
    )


def _from_article_row(row: Any) -> IndexedRecord:
    return article_record(
        row.id,
        row.title,
        row.type,
        row.body or "",
        content_hash=row.content_hash,
        clients=queries.json_list(row.clients),
        tags=queries.json_list(row.tags),
        updated=row.updated or row.created,
    )


def _load(
    conn: Connection, ticket_ids: Sequence[str] | None, article_ids: Sequence[str] | None
) -> list[IndexedRecord]:
    records: list[IndexedRecord] = []
    if ticket_ids is None or ticket_ids:
        for row in queries.ticket_rows(conn, ticket_ids):
            built = _from_ticket_row(row)
            if built is not None:
                records.append(built)
    if article_ids is None or article_ids:
        records.extend(_from_article_row(row) for row in queries.article_rows(conn, article_ids))
    return records


def database_manifest(conn: Connection) -> dict[str, str]:
    """Record key -> index hash for everything that belongs in the indexes now."""
    manifest = {}
    for row in queries.ticket_states(conn):
        if is_resolved(row.status, row.resolved_at, row.closed_at):
            manifest[f"ticket:{row.id}"] = index_hash(row.content_hash)
    for article in queries.article_hashes(conn):
        manifest[f"article:{article.id}"] = index_hash(article.content_hash)
    return manifest


def count_indexable(conn: Connection) -> int:
    """How many records a rebuild will index (for a progress bar)."""
    return len(database_manifest(conn))


def _embed(conn: Connection, core: Core, records: Sequence[IndexedRecord]) -> list[VectorRecord]:
    texts = [text for item in records for text in (*item.texts, *item.passage_texts)]
    matrix = embed_cached(conn, core.resources.embedder, texts)
    out, position = [], 0
    for item in records:
        docs = item.docs + item.passages
        count = len(docs)
        out.append(
            VectorRecord(item.record, item.content_hash, docs, matrix[position : position + count])
        )
        position += count
    return out


# ---------------------------------------------------------------- keeping the indexes current


def update_indexes(core: Core, ticket_ids: Sequence[str], article_ids: Sequence[str]) -> None:
    """Re-index just these records in both indexes (the pipeline calls this after an ingest)."""
    wanted = [f"ticket:{i}" for i in ticket_ids] + [f"article:{i}" for i in article_ids]
    _sync(core, wanted, wanted, wanted)


def _sync(
    core: Core,
    lexical_records: Sequence[str],
    vector_records: Sequence[str],
    all_records: Sequence[str],
) -> None:
    """Bring the given records up to date in each index (deletes included), one write each."""
    lexical_wanted, vector_wanted = set(lexical_records), set(vector_records)
    ordered = sorted(set(all_records))
    lexical_upserts: list[RecordDocs] = []
    vector_upserts: list[VectorRecord] = []
    found: set[str] = set()
    for start in range(0, len(ordered), BATCH):
        tickets, articles = split_records(ordered[start : start + BATCH])
        # Embeddings land in the cache in their own transactions, before the index
        # files change: a crash after them only leaves work that catch-up redoes cheaply.
        with core.begin() as conn:
            records = _load(conn, tickets, articles)
            vector_upserts.extend(
                _embed(conn, core, [r for r in records if r.record in vector_wanted])
            )
        found.update(r.record for r in records)
        lexical_upserts.extend(
            RecordDocs(r.record, r.content_hash, r.docs)
            for r in records
            if r.record in lexical_wanted
        )
    gone = [record for record in ordered if record not in found]
    # One writer per index folder across processes (see index.lock); the slow part above,
    # reading and embedding, runs outside the lock.
    with write_lock(core.index_dir()):
        lexical_index(core).update(lexical_upserts, [r for r in gone if r in lexical_wanted])
        vector_index(core).update(vector_upserts, [r for r in gone if r in vector_wanted])


def catch_up(core: Core) -> int:
    """Re-index what the indexes miss, hold stale, or hold but the database deleted.

    Returns the number of records touched; 0 when both indexes match the database.
    When the database asks for a full rebuild (its text changed under the same
    content hashes, see ``queries.STALE_KEY``), both indexes are rebuilt.
    """
    with core.connect() as conn:
        wanted = database_manifest(conn)
        stale = queries.index_marked_stale(conn)
    if stale:
        rebuild_indexes(core)
        core.resources.caught_up.set()
        return len(wanted)
    lexical_have = lexical_index(core).manifest()
    vector_have = vector_index(core).manifest()

    def behind(have: dict[str, str]) -> set[str]:
        stale = {record for record, digest in wanted.items() if have.get(record) != digest}
        return stale | (have.keys() - wanted.keys())

    lexical_behind, vector_behind = behind(lexical_have), behind(vector_have)
    touched = lexical_behind | vector_behind
    if touched:
        _sync(core, sorted(lexical_behind), sorted(vector_behind), sorted(touched))
    core.resources.caught_up.set()
    return len(touched)


def rebuild_indexes(core: Core, progress: Progress | None = None) -> dict[str, Any]:
    """Rebuild both indexes from the database; embeddings come from the cache where present."""
    started = datetime.now(UTC)
    with core.connect() as conn:
        ordered = sorted(database_manifest(conn))
    lexical_items: list[RecordDocs] = []
    vector_items: list[VectorRecord] = []
    counts: dict[str, Any] = {"articles": 0, "sections": 0, "tickets": 0}
    for start in range(0, len(ordered), BATCH):
        tickets, articles = split_records(ordered[start : start + BATCH])
        with core.begin() as conn:
            records = _load(conn, tickets, articles)
            vector_items.extend(_embed(conn, core, records))
        for item in records:
            lexical_items.append(RecordDocs(item.record, item.content_hash, item.docs))
            if item.record.startswith("ticket:"):
                counts["tickets"] += 1
            else:
                counts["articles"] += 1
                counts["sections"] += len(item.docs)
        if progress:
            progress(len(records))
    with write_lock(core.index_dir()):
        lexical_index(core).rebuild(lexical_items)
        vector_index(core).rebuild(vector_items)
    with core.begin() as conn:
        queries.clear_stale_mark(conn)
    counts["seconds"] = round((datetime.now(UTC) - started).total_seconds(), 2)
    counts["backend"] = lexical_index(core).backend
    counts["vector_search"] = vector_index(core).describe()["mode"]
    return counts
