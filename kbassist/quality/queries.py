"""The quality capability's shared reads: scored notes, reviewer labels, article inputs.

The review queue, the scoring service and training read through these, so each
question (which label is a ticket's latest, how an article's tickets reopen) is
asked in one place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, case, exists, func, or_, select
from sqlalchemy.engine import Connection

from kbassist import store


def ticket_date() -> ColumnElement[Any]:
    """The date a ticket counts under: closed, else resolved, else created."""
    tickets = store.tickets
    return func.coalesce(tickets.c.closed_at, tickets.c.resolved_at, tickets.c.created_at)


def scored_notes() -> Select[Any]:
    """Scored closure notes with their ticket, client and assignee (the review queue's rows)."""
    tickets, scores = store.tickets, store.note_scores
    return store.ticket_view(
        tickets.c.id,
        tickets.c.title,
        tickets.c.resolution,
        tickets.c.category,
        tickets.c.priority,
        tickets.c.reopen_count,
        tickets.c.client_id,
        ticket_date().label("closed"),
        scores.c.score,
        scores.c.criteria_score,
        scores.c.model_probability,
        scores.c.blocking,
        scores.c.criteria,
        scores.c.findings,
        scores.c.probabilities,
        scores.c.model_version,
    ).join(scores, scores.c.ticket_id == tickets.c.id)


def is_labelled() -> ColumnElement[bool]:
    """Whether a reviewer has labelled the ticket's note, its verdict or its criteria."""
    labels, criteria = store.review_labels, store.criterion_labels
    return or_(
        exists().where(labels.c.ticket_id == store.tickets.c.id),
        exists().where(criteria.c.ticket_id == store.tickets.c.id),
    )


def labels_oldest_first(*columns: Any) -> Select[Any]:
    """Reviewer labels (ticket_id, label, columns), oldest first: a ticket's last row wins."""
    labels = store.review_labels
    return select(labels.c.ticket_id, labels.c.label, *columns).order_by(
        labels.c.ticket_id, labels.c.created_at, labels.c.id
    )


def labelled_notes(conn: Connection) -> list[tuple[str, str, str]]:
    """(ticket_id, closure note, label) for every labelled ticket: its latest label wins."""
    labels, tickets = store.review_labels, store.tickets
    rows = conn.execute(
        labels_oldest_first(tickets.c.resolution).join(tickets, labels.c.ticket_id == tickets.c.id)
    )
    latest = {row.ticket_id: row for row in rows}
    return [
        (ticket_id, row.resolution or "", row.label) for ticket_id, row in sorted(latest.items())
    ]


def known_article_ids(conn: Connection) -> frozenset[str]:
    """Article ids and file stems: internal links may name either."""
    known: set[str] = set()
    for article_id, path in conn.execute(select(store.articles.c.id, store.articles.c.path)):
        known.add(article_id)
        if path:
            known.add(Path(path).stem)
    return frozenset(known)


def _reopened() -> ColumnElement[Any]:
    return func.sum(case((store.tickets.c.reopen_count > 0, 1), else_=0))


def reopen_rates(conn: Connection) -> dict[str, float]:
    """Per article, the share of tickets that cite it and were reopened."""
    links, tickets = store.ticket_article_links, store.tickets
    rows = conn.execute(
        select(links.c.article_id, func.count(), _reopened())
        .select_from(links.join(tickets, links.c.ticket_id == tickets.c.id))
        .group_by(links.c.article_id)
    )
    return {
        article_id: float(reopened or 0) / total for article_id, total, reopened in rows if total
    }


def baseline_reopen_rate(conn: Connection) -> float | None:
    """The share of all tickets that were reopened at least once."""
    total, reopened = conn.execute(
        select(func.count(), _reopened()).select_from(store.tickets)
    ).one()
    return float(reopened or 0) / total if total else None


def notes_to_check(conn: Connection, model_version: str) -> list[str]:
    """Tickets whose note score may be missing or stale, by id.

    No score stored, one from another model, or one older than the ticket's last
    change (the resolution may be unchanged: the caller compares text hashes).
    """
    tickets, scores = store.tickets, store.note_scores
    query = (
        select(tickets.c.id)
        .outerjoin(scores, scores.c.ticket_id == tickets.c.id)
        .where(
            or_(
                scores.c.ticket_id.is_(None),
                scores.c.model_version != model_version,
                scores.c.scored_at < tickets.c.ingested_at,
            )
        )
        .order_by(tickets.c.id)
    )
    return list(conn.execute(query).scalars())


def articles_to_check(conn: Connection) -> list[str]:
    """Articles with no score, or scored before their last change, by id."""
    articles, scores = store.articles, store.article_scores
    query = (
        select(articles.c.id)
        .outerjoin(scores, scores.c.article_id == articles.c.id)
        .where(or_(scores.c.article_id.is_(None), scores.c.scored_at < articles.c.ingested_at))
        .order_by(articles.c.id)
    )
    return list(conn.execute(query).scalars())


def scored_before(conn: Connection) -> bool:
    """Whether any note or article has been scored on this instance."""
    return any(
        conn.execute(select(table.c.score).limit(1)).first() is not None
        for table in (store.note_scores, store.article_scores)
    )


def latest_criterion_labels(conn: Connection) -> list[Any]:
    """Each ticket's latest reviewer call per criterion, with the note it was made on.

    Rows (ticket_id, criterion, met, model_met, content_hash, resolution, title), sorted by
    ticket and criterion; ``content_hash`` is the hash of the note text labelled.
    """
    labels, tickets = store.criterion_labels, store.tickets
    rows = conn.execute(
        select(
            labels.c.ticket_id,
            labels.c.criterion,
            labels.c.met,
            labels.c.model_met,
            labels.c.content_hash,
            tickets.c.resolution,
            tickets.c.title,
        )
        .join(tickets, labels.c.ticket_id == tickets.c.id)
        .order_by(labels.c.ticket_id, labels.c.criterion, labels.c.created_at, labels.c.id)
    )
    latest = {(row.ticket_id, row.criterion): row for row in rows}
    return [latest[key] for key in sorted(latest)]
