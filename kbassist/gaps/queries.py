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

from sqlalchemy import ColumnElement, case, func, or_, select, update
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
    """Every resolved ticket's id, title, description and closure note, by id."""
    tickets = store.tickets
    return list(
        conn.execute(
            select(tickets.c.id, tickets.c.title, tickets.c.description, tickets.c.resolution)
            .where(resolved())
            .order_by(tickets.c.id)
        ).all()
    )


def display_name() -> ColumnElement[str]:
    """A family's name as shown everywhere: the one a manager gave, else the generated one."""
    families = store.families
    return func.coalesce(families.c.name, families.c.label)


def entity_names(conn: Connection) -> list[str]:
    """Client and technician names: words a family name must never contain."""
    names = [row[0] for row in conn.execute(select(store.clients.c.name))]
    names += [row[0] for row in conn.execute(select(store.technicians.c.name))]
    return [name for name in names if name]


def named_families(conn: Connection) -> list[Any]:
    """Families a manager renamed: id, name, who and when, and their ticket ids."""
    families = store.families
    rows = conn.execute(
        select(families.c.id, families.c.name, families.c.named_by, families.c.named_at).where(
            families.c.name.is_not(None)
        )
    ).all()
    found = []
    for row in rows:
        found.append((row, family_tickets(conn, row.id)))
    return found


def rename_family(conn: Connection, family_id: int, name: str | None, by: str, when: Any) -> int:
    """Store (or, with None, clear) a family's given name; rows changed."""
    families = store.families
    values = {"name": name, "named_by": by if name else None, "named_at": when if name else None}
    result = conn.execute(update(families).where(families.c.id == family_id).values(**values))
    return int(result.rowcount or 0)


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


def unplaced_tickets(conn: Connection) -> list[str]:
    """Resolved tickets in no family yet (an ingest stopped before placing them), by id."""
    tickets, members = store.tickets, store.ticket_families
    return list(
        conn.execute(
            select(tickets.c.id)
            .outerjoin(members, members.c.ticket_id == tickets.c.id)
            .where(members.c.ticket_id.is_(None), resolved())
            .order_by(tickets.c.id)
        ).scalars()
    )


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
    """One family's stored row (``display`` is its name as shown), or None."""
    families = store.families
    query = select(families, display_name().label("display")).where(families.c.id == family_id)
    return conn.execute(query).first()


def family_rows(conn: Connection, *, centroids: bool = True) -> list[Any]:
    """Every family's id, display name (``label``), size, representative and centroid, by id."""
    families = store.families
    columns = [
        families.c.id,
        display_name().label("label"),
        families.c.label.label("generated_name"),
        families.c.named_by,
        families.c.size,
        families.c.representative_ticket_id,
    ]
    if centroids:
        columns.append(families.c.centroid)
    return list(conn.execute(select(*columns).order_by(families.c.id)))


def family_labels(conn: Connection) -> dict[int, str | None]:
    """Every family's name by id: the one shown on Gaps, the family page, Weekly and credit."""
    families = store.families
    query = select(families.c.id, display_name().label("name"))
    return {row.id: row.name for row in conn.execute(query)}


def family_ticket_rows(
    conn: Connection,
    family_id: int,
    *,
    limit: int | None = None,
    offset: int = 0,
    best_notes_first: bool = False,
) -> list[Any]:
    """A family's tickets with client, assignee, note score and membership.

    Newest first (a page of them with ``limit`` and ``offset``), or with
    ``best_notes_first`` the ones whose closure notes scored highest.
    """
    tickets, members_table, scores = store.tickets, store.ticket_families, store.note_scores
    query = (
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
    )
    if best_notes_first:
        query = query.where(tickets.c.resolution != "").order_by(
            scores.c.score.desc().nulls_last(), tickets.c.id
        )
    else:
        query = query.order_by(tickets.c.created_at.desc().nulls_last(), tickets.c.id)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return list(conn.execute(query).all())


def count_family_tickets(conn: Connection, family_id: int) -> int:
    """How many tickets a family holds."""
    table = store.ticket_families
    query = select(func.count()).select_from(table).where(table.c.family_id == family_id)
    return int(conn.execute(query).scalar() or 0)


def ticket_links(conn: Connection) -> dict[str, list[str]]:
    """Every ticket's cited articles (existing or not), sorted."""
    table = store.ticket_article_links
    links: dict[str, list[str]] = defaultdict(list)
    query = select(table.c.ticket_id, table.c.article_id).order_by(
        table.c.ticket_id, table.c.article_id
    )
    for ticket_id, article_id in conn.execute(query):
        links[ticket_id].append(article_id)
    return links


def latest_snapshot(conn: Connection) -> Any | None:
    """The newest gaps snapshot row (id, created_at, run_id, data), if any."""
    table = store.gap_snapshots
    return conn.execute(select(table).order_by(table.c.id.desc()).limit(1)).first()


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


def cost_summary(conn: Connection, start: datetime | None, end: datetime | None) -> list[Any]:
    """Per family, over its tickets created in the window: count, minutes, reopens, clients."""
    tickets, members_table = store.tickets, store.ticket_families
    when = func.coalesce(tickets.c.created_at, tickets.c.resolved_at)
    reopened = func.sum(case((tickets.c.reopen_count > 0, 1), else_=0))
    query = (
        select(
            members_table.c.family_id,
            func.count().label("size"),
            func.coalesce(func.sum(tickets.c.time_spent_minutes), 0.0).label("minutes"),
            func.coalesce(func.sum(tickets.c.reopen_count), 0).label("reopens"),
            func.coalesce(reopened, 0).label("reopened"),
            func.coalesce(func.sum(tickets.c.escalation_count), 0).label("escalations"),
            func.count(tickets.c.client_id.distinct()).label("clients"),
        )
        .join(members_table, members_table.c.ticket_id == tickets.c.id)
        .group_by(members_table.c.family_id)
    )
    if start is not None and end is not None:
        query = query.where(when >= start, when <= end)
    return list(conn.execute(query))


def window_tickets(
    conn: Connection, family_ids: Sequence[int], start: datetime | None, end: datetime | None
) -> dict[int, list[str]]:
    """The ticket ids of some families created in the window, sorted."""
    tickets, members_table = store.tickets, store.ticket_families
    when = func.coalesce(tickets.c.created_at, tickets.c.resolved_at)
    found: dict[int, list[str]] = defaultdict(list)
    for chunk in chunks(sorted(set(family_ids)), 500):
        query = (
            select(members_table.c.family_id, tickets.c.id)
            .join(members_table, members_table.c.ticket_id == tickets.c.id)
            .where(members_table.c.family_id.in_(chunk))
            .order_by(tickets.c.id)
        )
        if start is not None and end is not None:
            query = query.where(when >= start, when <= end)
        for family_id, ticket_id in conn.execute(query):
            found[family_id].append(ticket_id)
    return found


def first_seen(conn: Connection, family_ids: Sequence[int]) -> dict[int, datetime]:
    """When each of the families' first ticket was created."""
    tickets, members_table = store.tickets, store.ticket_families
    found: dict[int, datetime] = {}
    for chunk in chunks(sorted(set(family_ids)), 500):
        query = (
            select(members_table.c.family_id, func.min(tickets.c.created_at))
            .join(members_table, members_table.c.ticket_id == tickets.c.id)
            .where(members_table.c.family_id.in_(chunk), tickets.c.created_at.is_not(None))
            .group_by(members_table.c.family_id)
        )
        found.update({family_id: moment for family_id, moment in conn.execute(query)})
    return found


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
