"""The search feature's SQL: records to index, details to present, the search log.

Written once here: the indexing side reads tickets and articles to build
documents, the service reads what a result shows, and other features read the
search log (failed searches) through this module, never through the service.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, select, update
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.store import utc_now

CHUNK = 500  # ids per IN (...) list: SQLite and PostgreSQL both take this many


@dataclass(frozen=True)
class FailedSearch:
    id: int
    query: str
    user_id: int | None
    created_at: datetime
    n_results: int
    reason: str  # "no results" or "nothing opened"


# ---------------------------------------------------------------- records to index


def ticket_rows(conn: Connection, ids: Sequence[str] | None) -> list[Any]:
    """Tickets with what their documents need (client name included); all, by id, when None."""
    t = store.tickets
    query = store.ticket_view(
        t.c.id,
        t.c.title,
        t.c.description,
        t.c.resolution,
        t.c.status,
        t.c.category,
        t.c.created_at,
        t.c.resolved_at,
        t.c.closed_at,
        t.c.content_hash,
    )
    return _rows(conn, query, t.c.id, ids)


def article_rows(conn: Connection, ids: Sequence[str] | None) -> list[Any]:
    """Articles with what their documents need; all, by id, when ``ids`` is None."""
    a = store.articles
    query = select(
        a.c.id,
        a.c.title,
        a.c.type,
        a.c.body,
        a.c.clients,
        a.c.tags,
        a.c.updated,
        a.c.created,
        a.c.content_hash,
    )
    return _rows(conn, query, a.c.id, ids)


def _rows(
    conn: Connection, query: Select[Any], id_column: Any, ids: Sequence[str] | None
) -> list[Any]:
    if ids is None:
        return list(conn.execute(query.order_by(id_column)))
    rows: list[Any] = []
    for start in range(0, len(ids), CHUNK):
        rows.extend(conn.execute(query.where(id_column.in_(list(ids[start : start + CHUNK])))))
    return rows


def ticket_states(conn: Connection) -> list[Any]:
    """Every ticket's id, status, resolution dates and content hash (what decides indexing)."""
    t = store.tickets
    return list(
        conn.execute(select(t.c.id, t.c.status, t.c.resolved_at, t.c.closed_at, t.c.content_hash))
    )


def article_hashes(conn: Connection) -> list[Any]:
    """Every article's id and content hash."""
    a = store.articles
    return list(conn.execute(select(a.c.id, a.c.content_hash)))


# Set in ``meta`` when the stored text changed under unchanged content hashes (migration
# 0002 masked it in place): the indexes, keyed by those hashes, must then be rebuilt.
STALE_KEY = "search_index_stale"


def index_marked_stale(conn: Connection) -> bool:
    """Whether something asked for a full rebuild of the indexes."""
    return (
        conn.execute(select(store.meta.c.key).where(store.meta.c.key == STALE_KEY)).first()
        is not None
    )


def clear_stale_mark(conn: Connection) -> None:
    """The indexes were rebuilt: forget the request."""
    conn.execute(delete(store.meta).where(store.meta.c.key == STALE_KEY))


def json_list(text: str | None) -> list[str]:
    """A JSON list column (an article's clients or tags) as strings; [] when unreadable."""
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(item) for item in value] if isinstance(value, list) else []


# ---------------------------------------------------------------- details to present


def ticket_summaries(conn: Connection, ids: Sequence[str]) -> dict[str, Any]:
    """Ticket id -> row as a search result or a similar ticket shows it (client, assignee)."""
    if not ids:
        return {}
    t = store.tickets
    rows = conn.execute(
        store.ticket_view(
            t.c.id,
            t.c.title,
            t.c.resolution,
            t.c.status,
            t.c.category,
            t.c.reopen_count,
            t.c.resolved_at,
            t.c.closed_at,
            t.c.created_at,
        ).where(t.c.id.in_(list(ids)))
    )
    return {row.id: row for row in rows}


def ticket_details(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Ticket id -> the fields a search result shows."""
    return {
        ticket_id: {
            "title": row.title,
            "resolution": row.resolution or "",
            "status": row.status or "",
            "category": row.category or "",
            "reopen_count": int(row.reopen_count or 0),
            "updated": row.resolved_at or row.closed_at or row.created_at,
            "client": row.client or "",
            "author": row.assignee or "",
        }
        for ticket_id, row in ticket_summaries(conn, ids).items()
    }


def note_scores(conn: Connection, ticket_ids: Sequence[str]) -> dict[str, float]:
    """Ticket id -> its closure-note score (0-100), for the tickets that have one."""
    table = store.note_scores
    found: dict[str, float] = {}
    for start in range(0, len(ticket_ids), CHUNK):
        chunk = list(ticket_ids[start : start + CHUNK])
        rows = conn.execute(
            select(table.c.ticket_id, table.c.score).where(table.c.ticket_id.in_(chunk))
        )
        found.update({row.ticket_id: float(row.score) for row in rows})
    return found


def article_details(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Article id -> the fields a search result shows (author, quality score included)."""
    if not ids:
        return {}
    a, p, s = store.articles, store.technicians, store.article_scores
    rows = conn.execute(
        select(
            a.c.id,
            a.c.title,
            a.c.type,
            a.c.updated,
            a.c.created,
            a.c.clients,
            a.c.tags,
            p.c.name.label("author"),
            s.c.score,
        )
        .select_from(a.outerjoin(p, a.c.author_id == p.c.id).outerjoin(s, s.c.article_id == a.c.id))
        .where(a.c.id.in_(list(ids)))
    )
    return {
        row.id: {
            "title": row.title,
            "article_type": row.type,
            "updated": row.updated or row.created,
            "author": row.author or "",
            "quality": None if row.score is None else round(float(row.score), 1),
            "client": ", ".join(json_list(row.clients)),
            "category": ", ".join(json_list(row.tags)),
        }
        for row in rows
    }


def linked_articles(
    conn: Connection, ticket_ids: Sequence[str]
) -> dict[str, list[tuple[str, str]]]:
    """Ticket id -> (article id, title) of the articles it links; title empty when not in the KB."""
    if not ticket_ids:
        return {}
    link, a = store.ticket_article_links, store.articles
    rows = conn.execute(
        select(link.c.ticket_id, link.c.article_id, a.c.title)
        .select_from(link.outerjoin(a, a.c.id == link.c.article_id))
        .where(link.c.ticket_id.in_(list(ticket_ids)))
        .order_by(link.c.ticket_id, link.c.article_id)
    )
    out: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        out.setdefault(row.ticket_id, []).append((row.article_id, row.title or ""))
    return out


# ---------------------------------------------------------------- the search log


def log_search(
    conn: Connection, query: str, user_id: int | None, filters: str, result_keys: Sequence[str]
) -> int:
    """Add a search to the log (query already masked, filters as JSON); returns its id."""
    inserted = conn.execute(
        store.search_log.insert().values(
            query=query,
            user_id=user_id,
            filters=filters,
            result_ids=json.dumps(list(result_keys)),
            n_results=len(result_keys),
            created_at=utc_now(),
        )
    )
    return int(store.inserted_id(inserted))


def logged_search(conn: Connection, log_id: int) -> Any | None:
    """A logged search's result keys (JSON), what was opened and who searched, or None."""
    table = store.search_log
    return conn.execute(
        select(table.c.result_ids, table.c.opened_id, table.c.user_id).where(table.c.id == log_id)
    ).first()


def mark_opened(conn: Connection, log_id: int, result_key: str) -> None:
    """Record which result of a logged search was opened, and when."""
    table = store.search_log
    conn.execute(
        update(table).where(table.c.id == log_id).values(opened_id=result_key, opened_at=utc_now())
    )


def failed_searches(conn: Connection, since: datetime | None = None) -> list[FailedSearch]:
    """Searches with no results, or whose results nobody opened, oldest first."""
    table = store.search_log
    query = (
        select(table).where(table.c.opened_id.is_(None)).order_by(table.c.created_at, table.c.id)
    )
    if since is not None:
        query = query.where(table.c.created_at >= since)
    return [
        FailedSearch(
            id=row.id,
            query=row.query,
            user_id=row.user_id,
            created_at=row.created_at,
            n_results=row.n_results,
            reason="no results" if row.n_results == 0 else "nothing opened",
        )
        for row in conn.execute(query)
    ]
