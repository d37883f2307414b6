"""The gaps feature's reads of the store: runs, families, members, links and costs.

The SQL of issue families, written once: the gaps service, the report and
other features (credit, the weekly review) read families through these
functions. Writes (a clustering run, placing tickets) stay in the service.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.engine import Connection

from kbassist import store

RESOLVED_STATUSES = ("resolved", "closed", "completed", "complete", "done", "solved")


def resolved() -> ColumnElement[bool]:
    """The condition a ticket meets once it is resolved: the tickets families are made of."""
    tickets = store.tickets
    return or_(
        tickets.c.resolved_at.is_not(None),
        tickets.c.closed_at.is_not(None),
        func.lower(tickets.c.status).in_(RESOLVED_STATUSES),
    )


def resolved_tickets(conn: Connection) -> list[Any]:
    """Every resolved ticket's id, title and description, by id."""
    tickets = store.tickets
    return list(
        conn.execute(
            select(tickets.c.id, tickets.c.title, tickets.c.description)
            .where(resolved())
            .order_by(tickets.c.id)
        ).all()
    )


def count_resolved(conn: Connection) -> int:
    """How many tickets are resolved."""
    query = select(func.count()).select_from(store.tickets).where(resolved())
    return int(conn.execute(query).scalar() or 0)


def unassigned_tickets(conn: Connection, ticket_ids: Sequence[str]) -> list[Any]:
    """Those of ``ticket_ids`` that are resolved and in no family yet (id, title, description)."""
    tickets, members = store.tickets, store.ticket_families
    found: list[Any] = []
    for chunk in chunks(sorted(set(ticket_ids)), 500):
        found += conn.execute(
            select(tickets.c.id, tickets.c.title, tickets.c.description)
            .outerjoin(members, members.c.ticket_id == tickets.c.id)
            .where(tickets.c.id.in_(chunk), members.c.ticket_id.is_(None), resolved())
            .order_by(tickets.c.id)
        ).all()
    return found


def newest_ticket(conn: Connection) -> datetime | None:
    """When the newest resolved ticket was created (or resolved, lacking a creation time)."""
    tickets = store.tickets
    return conn.execute(
        select(func.max(func.coalesce(tickets.c.created_at, tickets.c.resolved_at))).where(
            resolved()
        )
    ).scalar()


def count_runs(conn: Connection) -> int:
    """How many full clustering runs were stored."""
    return int(conn.execute(select(func.count()).select_from(store.cluster_runs)).scalar() or 0)


def last_run(conn: Connection) -> dict[str, Any] | None:
    """The newest full clustering run (id, started_at, params, counts), if any."""
    runs = store.cluster_runs
    row = conn.execute(select(runs).order_by(runs.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    data = dict(row._mapping)
    data["params"] = json.loads(data["params"] or "{}")
    return data


def families_of(conn: Connection) -> dict[str, int]:
    """Every clustered ticket's family id."""
    table = store.ticket_families
    return {row[0]: row[1] for row in conn.execute(select(table.c.ticket_id, table.c.family_id))}


def members(conn: Connection) -> dict[int, list[str]]:
    """Every family's ticket ids."""
    grouped: dict[int, list[str]] = defaultdict(list)
    for ticket_id, family_id in families_of(conn).items():
        grouped[family_id].append(ticket_id)
    return grouped


def family_tickets(conn: Connection, family_id: int) -> list[str]:
    """The ticket ids of one family, sorted (empty for an unknown family)."""
    table = store.ticket_families
    rows = conn.execute(
        select(table.c.ticket_id).where(table.c.family_id == family_id).order_by(table.c.ticket_id)
    )
    return [row[0] for row in rows]


def family_row(conn: Connection, family_id: int) -> Any | None:
    """One family's stored row, or None."""
    return conn.execute(select(store.families).where(store.families.c.id == family_id)).first()


def family_rows(conn: Connection) -> list[Any]:
    """Every family's id, label, size, representative ticket and centroid, by id."""
    families = store.families
    return list(
        conn.execute(
            select(
                families.c.id,
                families.c.label,
                families.c.size,
                families.c.representative_ticket_id,
                families.c.centroid,
            ).order_by(families.c.id)
        )
    )


def family_labels(conn: Connection) -> dict[int, str | None]:
    """Every family's label by id."""
    families = store.families
    return {row.id: row.label for row in conn.execute(select(families.c.id, families.c.label))}


def family_ticket_rows(conn: Connection, family_id: int) -> list[Any]:
    """A family's tickets with client, assignee, note score and membership, newest first."""
    tickets, members_table, scores = store.tickets, store.ticket_families, store.note_scores
    return list(
        conn.execute(
            store.ticket_view(
                tickets.c.id,
                tickets.c.title,
                tickets.c.description,
                tickets.c.resolution,
                tickets.c.created_at,
                tickets.c.resolved_at,
                tickets.c.time_spent_minutes,
                tickets.c.reopen_count,
                tickets.c.escalation_count,
                scores.c.score.label("note_score"),
                members_table.c.similarity,
                members_table.c.assigned_by,
            )
            .join(members_table, members_table.c.ticket_id == tickets.c.id)
            .outerjoin(scores, scores.c.ticket_id == tickets.c.id)
            .where(members_table.c.family_id == family_id)
            .order_by(tickets.c.created_at.desc().nulls_last(), tickets.c.id)
        ).all()
    )


def family_article_links(conn: Connection) -> list[tuple[int, str]]:
    """(family id, article id) once per citation of an article by a family's ticket."""
    links, members_table = store.ticket_article_links, store.ticket_families
    rows = conn.execute(
        select(members_table.c.family_id, links.c.article_id).join(
            links, links.c.ticket_id == members_table.c.ticket_id
        )
    )
    return [(family_id, article_id) for family_id, article_id in rows]


def linked_tickets(conn: Connection, ticket_ids: Iterable[str] | None = None) -> set[str]:
    """Tickets (of ``ticket_ids``, or all) that cite any article."""
    table = store.ticket_article_links
    query = select(table.c.ticket_id).distinct()
    if ticket_ids is None:
        return {row[0] for row in conn.execute(query)}
    found: set[str] = set()
    for chunk in chunks(sorted(set(ticket_ids)), 500):
        found |= {row[0] for row in conn.execute(query.where(table.c.ticket_id.in_(chunk)))}
    return found


def links_of(conn: Connection, ticket_ids: Sequence[str]) -> dict[str, list[str]]:
    """The articles each of the tickets cites, sorted."""
    table = store.ticket_article_links
    links: dict[str, list[str]] = defaultdict(list)
    for chunk in chunks(sorted(set(ticket_ids)), 500):
        rows = conn.execute(
            select(table.c.ticket_id, table.c.article_id)
            .where(table.c.ticket_id.in_(chunk))
            .order_by(table.c.ticket_id, table.c.article_id)
        )
        for ticket_id, article_id in rows:
            links[ticket_id].append(article_id)
    return links


def cost_rows(conn: Connection, start: datetime | None, end: datetime | None) -> list[Any]:
    """Family members with their time, reopens, escalations and client, created in the window."""
    tickets, members_table = store.tickets, store.ticket_families
    when = func.coalesce(tickets.c.created_at, tickets.c.resolved_at)
    query = select(
        members_table.c.family_id,
        tickets.c.id,
        tickets.c.time_spent_minutes,
        tickets.c.reopen_count,
        tickets.c.escalation_count,
        tickets.c.client_id,
    ).join(members_table, members_table.c.ticket_id == tickets.c.id)
    if start is not None and end is not None:
        query = query.where(when >= start, when <= end)
    return list(conn.execute(query.order_by(tickets.c.id)))


def article_titles(conn: Connection) -> list[Any]:
    """Every article's id and title, by id."""
    articles = store.articles
    return list(conn.execute(select(articles.c.id, articles.c.title).order_by(articles.c.id)).all())


def article_bodies(conn: Connection) -> list[Any]:
    """Every article's id, title and (markdown) body, by id."""
    articles = store.articles
    return list(
        conn.execute(
            select(articles.c.id, articles.c.title, articles.c.body).order_by(articles.c.id)
        ).all()
    )


def technician_name(conn: Connection, technician_id: int) -> str | None:
    """A technician's name, or None."""
    technicians = store.technicians
    name = conn.execute(
        select(technicians.c.name).where(technicians.c.id == technician_id)
    ).scalar()
    return None if name is None else str(name)


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    """``items`` in slices of at most ``size`` (an IN list or a bulk insert stays bounded)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def families_for(conn: Connection, ticket_ids: Sequence[str]) -> dict[str, int]:
    """The family id of each of these tickets that a clustering run has placed."""
    table = store.ticket_families
    found: dict[str, int] = {}
    for chunk in chunks(sorted(set(ticket_ids)), 500):
        rows = conn.execute(
            select(table.c.ticket_id, table.c.family_id).where(table.c.ticket_id.in_(chunk))
        )
        found.update({row[0]: row[1] for row in rows})
    return found
