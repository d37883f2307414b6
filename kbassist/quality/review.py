"""The review queue: closure notes ranked by impact, reviewer labels, agreement, KCS samples.

Impact puts first the notes whose poor quality costs most::

    impact = (100 - score) * priority weight * (1 + 0.5 * min(reopens, 2))
             * (1 + client share) + 50 if the note holds a secret or personal data

where the client share is the client's ticket count over the busiest client's
(a poor note for a big client is read again more often). Reviewer labels feed
``kbassist train``; agreement between model and reviewers is Cohen's kappa.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.errors import InvalidInput, NotFound
from kbassist.findings import Finding
from kbassist.hygiene import mask
from kbassist.quality import queries
from kbassist.quality.criteria import NOTE_CRITERIA

if TYPE_CHECKING:
    from kbassist.core import Core

LABELS = ("useful", "needs-work")
PRIORITY_WEIGHTS = {
    "critical": 2.0,
    "urgent": 2.0,
    "p1": 2.0,
    "1": 2.0,
    "high": 1.5,
    "p2": 1.5,
    "2": 1.5,
    "medium": 1.0,
    "normal": 1.0,
    "moderate": 1.0,
    "p3": 1.0,
    "3": 1.0,
    "low": 0.75,
    "p4": 0.75,
    "4": 0.75,
    "planning": 0.5,
    "p5": 0.5,
    "5": 0.5,
}
BLOCKING_BONUS = 50.0
NOTE_PREVIEW_CHARS = 2000


@dataclass(frozen=True)
class QueueItem:
    """One note in the review queue, with what a reviewer needs to judge it."""

    ticket_id: str
    title: str
    note: str  # masked: secrets and personal data never reach a page
    technician: str
    client: str
    category: str
    priority: str
    reopen_count: int
    closed_at: datetime | None
    score: float
    criteria_score: float
    model_probability: float | None
    blocking: bool
    criteria: dict[str, bool]
    findings: tuple[Finding, ...]
    impact: float
    label: str | None = None
    sampled: str | None = None  # the month of the KCS sample that drew it

    def as_dict(self) -> dict[str, Any]:
        return {
            "ticket_id": self.ticket_id,
            "title": self.title,
            "note": self.note,
            "technician": self.technician,
            "client": self.client,
            "category": self.category,
            "priority": self.priority,
            "reopen_count": self.reopen_count,
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
            "score": self.score,
            "criteria_score": self.criteria_score,
            "model_probability": self.model_probability,
            "blocking": self.blocking,
            "criteria": dict(self.criteria),
            "findings": [finding.as_dict() for finding in self.findings],
            "impact": self.impact,
            "label": self.label,
            "sampled": self.sampled,
        }


@dataclass(frozen=True)
class Agreement:
    """Cohen's kappa between the model's call and the reviewers' labels."""

    kappa: float | None  # None when it cannot be computed (too few labels, one class only)
    n: int
    agreed: int
    basis: str  # "classifier" (P(useful) >= 0.5) or "criteria" (score >= the quality bar)


@dataclass(frozen=True)
class SampleItem:
    ticket_id: str
    technician: str
    month: str


def impact(
    score: float, priority: str, reopen_count: int, client_share: float, blocking: bool
) -> float:
    """How much a note's quality matters (higher first); see the module docstring."""
    weight = PRIORITY_WEIGHTS.get((priority or "").strip().lower(), 1.0)
    value = (100.0 - score) * weight * (1 + 0.5 * min(max(reopen_count, 0), 2))
    value *= 1 + client_share
    return round(value + (BLOCKING_BONUS if blocking else 0.0), 2)


def _client_shares(conn: Connection) -> dict[int | None, float]:
    tickets = store.tickets
    rows = conn.execute(select(tickets.c.client_id, func.count()).group_by(tickets.c.client_id))
    counts: dict[int | None, int] = {key: int(count) for key, count in rows}
    busiest = max((count for key, count in counts.items() if key is not None), default=0)
    return {
        key: (count / busiest if busiest and key is not None else 0.0)
        for key, count in counts.items()
    }


def _latest_labels(conn: Connection, ticket_ids: list[str]) -> dict[str, str]:
    labels = store.review_labels
    latest: dict[str, str] = {}
    for start in range(0, len(ticket_ids), 500):
        chunk = ticket_ids[start : start + 500]
        for row in conn.execute(queries.labels_oldest_first().where(labels.c.ticket_id.in_(chunk))):
            latest[row.ticket_id] = row.label
    return latest


def _samples(conn: Connection, ticket_ids: list[str]) -> dict[str, str]:
    samples = store.review_samples
    found: dict[str, str] = {}
    for start in range(0, len(ticket_ids), 500):
        rows = conn.execute(
            select(samples.c.ticket_id, samples.c.month)
            .where(samples.c.ticket_id.in_(ticket_ids[start : start + 500]))
            .order_by(samples.c.month)
        )
        for ticket_id, month in rows:
            found[ticket_id] = month
    return found


def _item(
    row: Any, shares: dict[int | None, float], label: str | None, sampled: str | None
) -> QueueItem:
    findings = tuple(Finding.from_dict(item) for item in json.loads(row.findings or "[]"))
    return QueueItem(
        ticket_id=row.id,
        title=mask(row.title or ""),
        note=mask((row.resolution or "")[:NOTE_PREVIEW_CHARS]),
        technician=row.assignee or "",
        client=row.client or "",
        category=row.category or "",
        priority=row.priority or "",
        reopen_count=int(row.reopen_count or 0),
        closed_at=row.closed,
        score=float(row.score),
        criteria_score=float(row.criteria_score),
        model_probability=row.model_probability,
        blocking=bool(row.blocking),
        criteria=_ordered(json.loads(row.criteria or "{}")),
        findings=findings,
        impact=impact(
            float(row.score),
            row.priority or "",
            int(row.reopen_count or 0),
            shares.get(row.client_id, 0.0),
            bool(row.blocking),
        ),
        label=label,
        sampled=sampled,
    )


def _ordered(criteria: dict[str, bool]) -> dict[str, bool]:
    """The criteria in the order of the KCS standard (they are stored sorted by name)."""
    return {name: bool(criteria.get(name)) for name in NOTE_CRITERIA}


def review_queue(
    conn: Connection,
    *,
    technician: str | None = None,
    client: str | None = None,
    category: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    include_labelled: bool = False,
) -> list[QueueItem]:
    """Scored notes not yet labelled, highest impact first, filtered as asked."""
    query = queries.scored_notes()
    if technician:
        query = query.where(store.technicians.c.name == technician)
    if client:
        query = query.where(store.clients.c.name == client)
    if category:
        query = query.where(store.tickets.c.category == category)
    if since:
        query = query.where(queries.ticket_date() >= since)
    if until:
        query = query.where(queries.ticket_date() < until)
    if not include_labelled:
        query = query.where(~queries.is_labelled())
    rows = conn.execute(query).all()
    shares = _client_shares(conn)
    ranked = sorted(
        rows,
        key=lambda row: (
            -impact(
                float(row.score),
                row.priority or "",
                int(row.reopen_count or 0),
                shares.get(row.client_id, 0.0),
                bool(row.blocking),
            ),
            row.id,
        ),
    )[: max(0, limit)]
    ids = [row.id for row in ranked]
    labels = _latest_labels(conn, ids) if include_labelled else {}
    samples = _samples(conn, ids)
    return [_item(row, shares, labels.get(row.id), samples.get(row.id)) for row in ranked]


def get_item(conn: Connection, ticket_id: str) -> QueueItem:
    """One scored note as a queue item (labelled or not)."""
    row = conn.execute(queries.scored_notes().where(store.tickets.c.id == ticket_id)).first()
    if row is None:
        raise NotFound(f"No scored closure note for ticket {ticket_id}. Run `kbassist rescore`.")
    labels = _latest_labels(conn, [ticket_id])
    return _item(
        row, _client_shares(conn), labels.get(ticket_id), _samples(conn, [ticket_id]).get(ticket_id)
    )


def add_label(
    core: Core,
    ticket_id: str,
    reviewer_user_id: int | None,
    label: str,
    reason: str = "",
    comment: str = "",
) -> int:
    """Record a reviewer's label ('useful' or 'needs-work') for a ticket's closure note."""
    if label not in LABELS:
        raise InvalidInput(f"label must be 'useful' or 'needs-work', not {label!r}")
    with core.begin() as conn:
        ticket = conn.execute(
            select(store.tickets.c.id, store.tickets.c.content_hash).where(
                store.tickets.c.id == ticket_id
            )
        ).first()
        if ticket is None:
            raise NotFound(f"No ticket {ticket_id}.")
        result = conn.execute(
            store.review_labels.insert().values(
                ticket_id=ticket_id,
                reviewer_id=reviewer_user_id,
                label=label,
                reason=(reason or "").strip()[:2000],
                comment=(comment or "").strip()[:4000],
                content_hash=ticket.content_hash,
                created_at=datetime.now(UTC).replace(tzinfo=None),
            )
        )
        key = result.inserted_primary_key
        return int(key[0]) if key else 0


def agreement(conn: Connection, bar: float = 60.0) -> Agreement:
    """Cohen's kappa between the reviewers' latest labels and the model (or the criteria)."""
    labels, scores = store.review_labels, store.note_scores
    rows = conn.execute(
        queries.labels_oldest_first(scores.c.model_probability, scores.c.score).join(
            scores, scores.c.ticket_id == labels.c.ticket_id
        )
    )
    latest = {row.ticket_id: row for row in rows}
    with_model = [row for row in latest.values() if row.model_probability is not None]
    basis = "classifier" if with_model else "criteria"
    chosen = with_model or list(latest.values())
    reviewers = [1 if row.label == "useful" else 0 for row in chosen]
    if basis == "classifier":
        model = [1 if row.model_probability >= 0.5 else 0 for row in chosen]
    else:
        model = [1 if row.score >= bar else 0 for row in chosen]
    agreed = sum(1 for a, b in zip(reviewers, model, strict=True) if a == b)
    kappa = None
    if len(chosen) >= 2 and len(set(reviewers) | set(model)) == 2:
        from sklearn.metrics import cohen_kappa_score

        if len(set(reviewers)) == 1 and len(set(model)) == 1:
            kappa = 0.0  # the raters each said one thing, and different things
        else:
            kappa = round(float(cohen_kappa_score(reviewers, model)), 3)
    return Agreement(kappa, len(chosen), agreed, basis)


def least_sure(conn: Connection, limit: int = 10) -> list[QueueItem]:
    """Unlabelled notes whose model probability is closest to 0.5: labels there teach most."""
    scores = store.note_scores
    query = (
        queries.scored_notes()
        .where(scores.c.model_probability.is_not(None), ~queries.is_labelled())
        .order_by(func.abs(scores.c.model_probability - 0.5), store.tickets.c.id)
        .limit(max(0, limit))
    )
    rows = conn.execute(query).all()
    shares = _client_shares(conn)
    samples = _samples(conn, [row.id for row in rows])
    return [_item(row, shares, None, samples.get(row.id)) for row in rows]


def latest_month(conn: Connection) -> str | None:
    """The latest month (YYYY-MM) in which a ticket was closed."""
    latest = conn.execute(select(func.max(queries.ticket_date()))).scalar()
    if latest is None:
        return None
    if isinstance(latest, str):
        latest = datetime.fromisoformat(latest)
    return f"{latest.year:04d}-{latest.month:02d}"


def _month_bounds(month: str) -> tuple[datetime, datetime]:
    try:
        start = datetime.strptime(month, "%Y-%m")
    except ValueError as error:
        raise InvalidInput(f"month must look like 2025-03, not {month!r}") from error
    end = datetime(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, end


def draw_monthly_sample(
    core: Core, month: str, per_technician: int = 3, seed: int = 0
) -> list[SampleItem]:
    """Draw a KCS-style sample of a technician's closed notes for the month (idempotent)."""
    if not 1 <= per_technician <= 20:
        raise InvalidInput("per_technician must be between 1 and 20")
    start, end = _month_bounds(month)
    tickets, samples, technicians = store.tickets, store.review_samples, store.technicians
    with core.begin() as conn:
        rows = conn.execute(
            select(tickets.c.id, tickets.c.assignee_id, technicians.c.name)
            .select_from(tickets.join(technicians, technicians.c.id == tickets.c.assignee_id))
            .where(queries.ticket_date() >= start, queries.ticket_date() < end)
            .order_by(tickets.c.id)
        ).all()
        existing = conn.execute(
            select(samples.c.ticket_id, samples.c.technician_id).where(samples.c.month == month)
        ).all()
        already: dict[int, set[str]] = {}
        for ticket_id, technician_id in existing:
            already.setdefault(technician_id, set()).add(ticket_id)
        by_technician: dict[int, list[tuple[str, str]]] = {}
        for ticket_id, technician_id, name in rows:
            by_technician.setdefault(technician_id, []).append((ticket_id, name))
        drawn: list[SampleItem] = []
        new_rows = []
        now = datetime.now(UTC).replace(tzinfo=None)
        for technician_id in sorted(by_technician):
            candidates = by_technician[technician_id]
            name = candidates[0][1]
            have = already.get(technician_id, set())
            if have:
                drawn.extend(SampleItem(tid, name, month) for tid in sorted(have))
                continue
            rng = random.Random(f"{seed}:{month}:{technician_id}")
            chosen = sorted(
                rng.sample([tid for tid, _ in candidates], min(per_technician, len(candidates)))
            )
            for ticket_id in chosen:
                new_rows.append(
                    {
                        "ticket_id": ticket_id,
                        "technician_id": technician_id,
                        "month": month,
                        "drawn_at": now,
                    }
                )
                drawn.append(SampleItem(ticket_id, name, month))
        if new_rows:
            conn.execute(samples.insert(), new_rows)
    return drawn


def draw_latest_sample(core: Core) -> None:
    """Draw the KCS monthly sample for the latest month with closed tickets, once."""
    with core.connect() as conn:
        month = latest_month(conn)
        if month is None:
            return
        drawn = conn.execute(
            select(func.count())
            .select_from(store.review_samples)
            .where(store.review_samples.c.month == month)
        ).scalar_one()
    if not drawn:
        draw_monthly_sample(core, month)


def monthly_sample(conn: Connection, month: str) -> list[QueueItem]:
    """The notes drawn for a month's sample, by technician, with their latest label."""
    samples = store.review_samples
    query = (
        queries.scored_notes()
        .join(samples, and_(samples.c.ticket_id == store.tickets.c.id, samples.c.month == month))
        .order_by(store.technicians.c.name, store.tickets.c.id)
    )
    rows = conn.execute(query).all()
    shares = _client_shares(conn)
    labels = _latest_labels(conn, [row.id for row in rows])
    return [_item(row, shares, labels.get(row.id), month) for row in rows]


def filter_choices(conn: Connection) -> dict[str, list[str]]:
    """The technicians, clients and categories a queue can be filtered by."""
    return {
        "technicians": [
            r[0] for r in conn.execute(select(store.technicians.c.name).order_by("name"))
        ],
        "clients": [r[0] for r in conn.execute(select(store.clients.c.name).order_by("name"))],
        "categories": [
            r[0]
            for r in conn.execute(
                select(store.tickets.c.category)
                .where(store.tickets.c.category != "")
                .distinct()
                .order_by(store.tickets.c.category)
            )
        ],
    }
