"""The credit feature's reads of the store: ticket outcomes, article history, citations, people.

The SQL of credit, scorecards and the weekly review, written once. Issue
families come from ``kbassist.gaps.queries``; what is made of these rows (the
estimate, the cards, the review) lives in the modules that read them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.credit.records import ArticleInfo, TicketOutcome, Version
from kbassist.errors import NotFound

# What a ticket took: both the scorecards' facts and credit's outcomes are made of these.
_OUTCOME_COLUMNS = (
    store.tickets.c.created_at,
    store.tickets.c.resolved_at,
    store.tickets.c.closed_at,
    store.tickets.c.time_spent_minutes,
    store.tickets.c.reopen_count,
    store.tickets.c.escalation_count,
)


@dataclass(frozen=True)
class TicketFact:
    """What a scorecard or the weekly review needs of one ticket."""

    ticket_id: str
    technician_id: int | None
    client_id: int | None
    created_at: datetime | None
    closed_at: datetime | None  # resolved_at, else closed_at; None while open
    minutes: float | None
    reopened: bool
    escalated: bool
    note_score: float | None = None
    criteria: Mapping[str, bool] = field(default_factory=dict)


# ---------------------------------------------------------------- people


def technician_names(conn: Connection) -> dict[int, str]:
    """Every technician's name by id."""
    return _names(conn, store.technicians)


def client_names(conn: Connection) -> dict[int, str]:
    """Every client's name by id."""
    return _names(conn, store.clients)


def technician_id_by_name(conn: Connection, name: str) -> int:
    """The id of the technician with this name, or NotFound."""
    t = store.technicians
    row = conn.execute(select(t.c.id).where(t.c.name == name.strip())).first()
    if row is None:
        raise NotFound(f"No technician named {name!r}. Names are as in the ticket exports.")
    return int(row.id)


# ---------------------------------------------------------------- tickets


def load_facts(conn: Connection) -> list[TicketFact]:
    """Every ticket with its closing date, outcomes and closure-note score (sorted by id)."""
    t, s = store.tickets, store.note_scores
    rows = conn.execute(
        select(
            t.c.id,
            t.c.assignee_id,
            t.c.client_id,
            *_OUTCOME_COLUMNS,
            s.c.score,
            s.c.criteria,
        )
        .select_from(t.outerjoin(s, s.c.ticket_id == t.c.id))
        .order_by(t.c.id)
    )
    return [
        TicketFact(
            ticket_id=row.id,
            technician_id=row.assignee_id,
            client_id=row.client_id,
            created_at=row.created_at,
            closed_at=row.resolved_at or row.closed_at,
            minutes=row.time_spent_minutes,
            reopened=(row.reopen_count or 0) > 0,
            escalated=(row.escalation_count or 0) > 0,
            note_score=row.score,
            criteria=_criteria(row.criteria),
        )
        for row in rows
    ]


def load_outcomes(conn: Connection, families: Mapping[str, str] | None) -> list[TicketOutcome]:
    """Every resolved ticket as a TicketOutcome, sorted by id.

    Its family comes from ``families`` (ticket id to family), or, when that is
    None, from its category. Open tickets are left out: their minutes are
    still growing.
    """
    t = store.tickets
    rows = conn.execute(
        select(t.c.id, *_OUTCOME_COLUMNS, t.c.category, t.c.assignee_id).order_by(t.c.id)
    )
    outcomes = []
    for row in rows:
        finished = row.resolved_at or row.closed_at
        if row.created_at is None or finished is None:
            continue
        hours = (finished - row.created_at).total_seconds() / 3600.0
        if families is not None:
            family = families.get(row.id)
        else:
            family = f"category: {row.category}" if row.category else None
        outcomes.append(
            TicketOutcome(
                ticket_id=row.id,
                created_at=row.created_at,
                family=family,
                minutes=row.time_spent_minutes,
                resolution_hours=hours if hours >= 0 else None,
                reopened=(row.reopen_count or 0) > 0,
                escalated=(row.escalation_count or 0) > 0,
                technician=None if row.assignee_id is None else str(row.assignee_id),
            )
        )
    return outcomes


# ---------------------------------------------------------------- articles


def load_articles(conn: Connection) -> tuple[list[ArticleInfo], dict[str, datetime]]:
    """Every article with its versions, contributors and citing tickets; when each was published."""
    versions: dict[str, list[Version]] = defaultdict(list)
    for row in article_versions(conn):
        versions[row.article_id].append(
            Version(row.version, row.editor_id, row.changed_at, row.chars_added or 0)
        )
    contributors: dict[str, list[int]] = defaultdict(list)
    for article_id, technician_id in article_contributors(conn):
        contributors[article_id].append(technician_id)
    links: dict[str, list[str]] = defaultdict(list)
    for article_id, ticket_id in article_links(conn):
        links[article_id].append(ticket_id)
    a = store.articles
    infos, published = [], {}
    rows = conn.execute(
        select(a.c.id, a.c.title, a.c.author_id, a.c.created, a.c.ingested_at).order_by(a.c.id)
    )
    for row in rows:
        history = tuple(sorted(versions.get(row.id, []), key=lambda version: version.version))
        first = history[0].changed_at if history else None
        published[row.id] = row.created or first or row.ingested_at
        infos.append(
            ArticleInfo(
                article_id=row.id,
                title=row.title,
                author_id=row.author_id,
                published=published[row.id],
                versions=history,
                contributor_ids=tuple(sorted(contributors.get(row.id, ()))),
                linking=tuple(links.get(row.id, ())),
            )
        )
    return infos, published


def kb_facts(conn: Connection) -> dict[str, Any]:
    """Authorship, versions and citations, shaped for ``scorecards.article_activity``."""
    a = store.articles
    authored, created = {}, {}
    people: dict[str, set[int]] = defaultdict(set)
    for row in conn.execute(select(a.c.id, a.c.author_id, a.c.created)):
        authored[row.id] = row.author_id
        created[row.id] = row.created
        if row.author_id is not None:
            people[row.id].add(row.author_id)
    versions = []
    for edit in article_versions(conn):
        versions.append(
            (edit.article_id, edit.version, edit.editor_id, edit.changed_at, edit.chars_added or 0)
        )
        if edit.editor_id is not None and (edit.chars_added or 0) > 0:
            people[edit.article_id].add(edit.editor_id)
    for article_id, technician_id in article_contributors(conn):
        people[article_id].add(technician_id)
    t, link = store.tickets, store.ticket_article_links
    citations = [
        (row.article_id, row.assignee_id, row.resolved_at or row.closed_at)
        for row in conn.execute(
            select(link.c.article_id, t.c.assignee_id, t.c.resolved_at, t.c.closed_at).join(
                t, t.c.id == link.c.ticket_id
            )
        )
        if row.article_id in authored
    ]
    return {
        "authored": authored,
        "versions": versions,
        "created": created,
        "people": dict(people),
        "citations": citations,
    }


def article_versions(conn: Connection) -> list[Any]:
    """Every stored article version: article, version, editor, when, characters added."""
    v = store.article_versions
    return list(
        conn.execute(
            select(v.c.article_id, v.c.version, v.c.editor_id, v.c.changed_at, v.c.chars_added)
        )
    )


def article_contributors(conn: Connection) -> list[tuple[str, int]]:
    """(article, technician) for everyone named as a contributor of an article."""
    c = store.article_contributors
    return [(row[0], row[1]) for row in conn.execute(select(c.c.article_id, c.c.technician_id))]


def article_links(conn: Connection) -> list[tuple[str, str]]:
    """(article, ticket) for every citation of an article by a ticket."""
    link = store.ticket_article_links
    return [(row[0], row[1]) for row in conn.execute(select(link.c.article_id, link.c.ticket_id))]


def last_changes(conn: Connection) -> dict[str, datetime]:
    """When each article's newest version was made."""
    v = store.article_versions
    query = select(v.c.article_id, func.max(v.c.changed_at)).group_by(v.c.article_id)
    return {row[0]: row[1] for row in conn.execute(query)}


def article_dates(conn: Connection) -> list[Any]:
    """Every article's id, title, creation and update dates, by id."""
    a = store.articles
    return list(conn.execute(select(a.c.id, a.c.title, a.c.created, a.c.updated).order_by(a.c.id)))


# ---------------------------------------------------------------- freshness


def data_fingerprint(conn: Connection) -> tuple[Any, ...]:
    """Counts and newest changes of everything credit reads: equal means nothing changed."""
    t, a, v = store.tickets, store.articles, store.article_versions
    queries = [
        select(func.count(), func.max(t.c.ingested_at)).select_from(t),
        select(func.count(), func.max(a.c.ingested_at)).select_from(a),
        select(func.count(), func.max(v.c.id)).select_from(v),
        select(func.count()).select_from(store.ticket_article_links),
        select(func.count()).select_from(store.article_contributors),
        select(func.count()).select_from(store.ticket_families),
        select(func.max(store.families.c.id)),
        select(func.count(), func.max(store.technicians.c.id)).select_from(store.technicians),
    ]
    return tuple(tuple(conn.execute(query).one()) for query in queries)


# ---------------------------------------------------------------- internals


def _names(conn: Connection, table: Table) -> dict[int, str]:
    return {row.id: row.name for row in conn.execute(select(table.c.id, table.c.name))}


def _criteria(text: str | None) -> dict[str, bool]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return {str(k): bool(v) for k, v in data.items()} if isinstance(data, dict) else {}
