"""The search feature's own reads of the store that other features use (the search log)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kbassist import store


@dataclass(frozen=True)
class FailedSearch:
    id: int
    query: str
    user_id: int | None
    created_at: datetime
    n_results: int
    reason: str  # "no results" or "nothing opened"


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
