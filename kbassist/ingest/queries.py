"""The ingest capability's reads: which records changed since a moment.

Ingest stamps every row it adds or changes with ``ingested_at`` in the
transaction that stores it; ``kbassist.pipeline`` remembers up to which moment
the downstream steps ran, and asks here what changed after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kbassist import store


@dataclass(frozen=True)
class Changed:
    """Records stored after a moment, and the newest stamp among all records."""

    ticket_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    newest: datetime | None


def changed_since(conn: Connection, since: datetime | None) -> Changed:
    """Tickets and articles stored after ``since`` (all of them when it is None), by id."""
    ids = []
    for table in (store.tickets, store.articles):
        query = select(table.c.id).order_by(table.c.id)
        if since is not None:
            query = query.where(table.c.ingested_at > since)
        ids.append(tuple(conn.execute(query).scalars()))
    return Changed(ids[0], ids[1], newest_ingest(conn))


def newest_ingest(conn: Connection) -> datetime | None:
    """The newest ``ingested_at`` of any ticket or article."""
    stamps = [
        conn.execute(select(func.max(table.c.ingested_at))).scalar()
        for table in (store.tickets, store.articles)
    ]
    found = [stamp for stamp in stamps if stamp is not None]
    return max(found) if found else None
