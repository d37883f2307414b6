"""Read services for the article and ticket pages (masked for display)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.errors import NotFound


@dataclass(frozen=True)
class ArticleView:
    id: str
    title: str
    type: str
    author: str
    created: datetime | None
    updated: datetime | None
    version: int
    tags: list[str]
    body: str  # masked markdown
    score: float | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)
    linked_tickets: int = 0
    versions: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class TicketView:
    id: str
    title: str
    description: str
    resolution: str
    status: str
    priority: str
    category: str
    client: str
    assignee: str
    created_at: datetime | None
    resolved_at: datetime | None
    time_spent_minutes: float | None
    reopen_count: int
    escalation_count: int
    notes: list[dict[str, Any]]
    articles: list[str]
    score: float | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)


def list_articles(conn: Connection, article_type: str | None = None) -> list[dict[str, Any]]:
    """Articles with author, type, updated date and quality score, newest first."""
    a, t, s = store.articles, store.technicians, store.article_scores
    query = (
        select(a.c.id, a.c.title, a.c.type, a.c.updated, t.c.name.label("author"), s.c.score)
        .select_from(a.outerjoin(t, t.c.id == a.c.author_id).outerjoin(s, s.c.article_id == a.c.id))
        .order_by(a.c.updated.desc().nulls_last(), a.c.id)
    )
    if article_type:
        query = query.where(a.c.type == article_type)
    return [dict(row._mapping) for row in conn.execute(query)]


def get_article(conn: Connection, article_id: str) -> ArticleView:
    from kbassist.hygiene import mask

    a, t, s = store.articles, store.technicians, store.article_scores
    row = conn.execute(
        select(a, t.c.name.label("author_name"), s.c.score, s.c.findings)
        .select_from(a.outerjoin(t, t.c.id == a.c.author_id).outerjoin(s, s.c.article_id == a.c.id))
        .where(a.c.id == article_id)
    ).first()
    if row is None:
        raise NotFound(f"No article {article_id!r}.")
    links = conn.execute(
        select(func.count()).where(store.ticket_article_links.c.article_id == article_id)
    ).scalar_one()
    v = store.article_versions
    versions = [
        dict(r._mapping)
        for r in conn.execute(
            select(
                v.c.version,
                v.c.changed_at,
                v.c.chars_added,
                v.c.chars_removed,
                t.c.name.label("editor"),
            )
            .select_from(v.outerjoin(t, t.c.id == v.c.editor_id))
            .where(v.c.article_id == article_id)
            .order_by(v.c.version)
        )
    ]
    return ArticleView(
        id=row.id,
        title=mask(row.title),
        type=row.type,
        author=row.author_name or "",
        created=row.created,
        updated=row.updated,
        version=row.version,
        tags=json.loads(row.tags or "[]"),
        body=mask(row.body),
        score=row.score,
        findings=json.loads(row.findings) if row.findings else [],
        linked_tickets=int(links),
        versions=versions,
    )


def article_author(conn: Connection, article_id: str) -> str | None:
    """An article's stored author ("" when none), or None when there is no such article."""
    a, people = store.articles, store.technicians
    row = conn.execute(
        select(people.c.name)
        .select_from(a.outerjoin(people, a.c.author_id == people.c.id))
        .where(a.c.id == article_id)
    ).first()
    return None if row is None else str(row.name or "")


def get_ticket(conn: Connection, ticket_id: str) -> TicketView:
    from kbassist.hygiene import mask

    tk, s = store.tickets, store.note_scores
    row = conn.execute(
        store.ticket_view(tk, s.c.score, s.c.findings)
        .outerjoin(s, s.c.ticket_id == tk.c.id)
        .where(tk.c.id == ticket_id)
    ).first()
    if row is None:
        raise NotFound(f"No ticket {ticket_id!r}.")
    n = store.ticket_notes
    notes = [
        {
            "author": r.author,
            "created_at": r.created_at,
            "text": mask(r.text),
            "internal": r.internal,
        }
        for r in conn.execute(select(n).where(n.c.ticket_id == ticket_id).order_by(n.c.seq))
    ]
    links = store.ticket_article_links
    articles = [
        r.article_id
        for r in conn.execute(
            select(links.c.article_id)
            .where(links.c.ticket_id == ticket_id)
            .order_by(links.c.article_id)
        )
    ]
    return TicketView(
        id=row.id,
        title=mask(row.title),
        description=mask(row.description),
        resolution=mask(row.resolution),
        status=row.status,
        priority=row.priority,
        category=row.category,
        client=row.client or "",
        assignee=row.assignee or "",
        created_at=row.created_at,
        resolved_at=row.resolved_at,
        time_spent_minutes=row.time_spent_minutes,
        reopen_count=row.reopen_count,
        escalation_count=row.escalation_count,
        notes=notes,
        articles=articles,
        score=row.score,
        findings=json.loads(row.findings) if row.findings else [],
    )


def counts(conn: Connection) -> dict[str, int]:
    """How many tickets, articles and users the instance holds."""
    return {
        name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        for name, table in (
            ("tickets", store.tickets),
            ("articles", store.articles),
            ("users", store.users),
        )
    }
