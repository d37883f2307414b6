"""The review queue: closure notes ranked by impact, reviewer labels, KCS samples.

Impact puts first the notes whose poor quality costs most::

    impact = (100 - score) * priority weight * (1 + 0.5 * min(reopens, 2))
             * (1 + client share) + 50 if the note holds a secret or personal data

where the client share is the client's ticket count over the busiest client's
(a poor note for a big client is read again more often). Reviewers' calls on each
criterion train the note model on the next ``kbassist train``; their agreement with
the model is ``kbassist.quality.agreement``.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
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
from kbassist.records import text_hash

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
    probabilities: dict[str, float] = field(default_factory=dict)  # the model's P(met)
    model_version: str = ""

    @property
    def least_sure(self) -> tuple[str, float] | None:
        """The criterion whose probability is nearest even, and that probability."""
        if not self.probabilities:
            return None
        values = self.probabilities
        name = min(values, key=lambda key: (abs(values[key] - 0.5), key))
        return name, values[name]

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
            "probabilities": dict(self.probabilities),
            "model_version": self.model_version,
        }


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
        probabilities=json.loads(row.probabilities) if row.probabilities else {},
        model_version=row.model_version or "",
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
    label: str = "",
    reason: str = "",
    comment: str = "",
    criteria: dict[str, bool] | None = None,
) -> int:
    """Record a reviewer's verdict ('useful' or 'needs-work') and/or call on each criterion.

    ``criteria`` holds the reviewer's call on all six criteria as the card showed them
    (flipped or confirmed); each is stored with the model's call at the time. Returns
    the verdict row's id (0 when only criteria were given).
    """
    if label and label not in LABELS:
        raise InvalidInput(f"label must be 'useful' or 'needs-work', not {label!r}")
    if criteria is not None and set(criteria) != set(NOTE_CRITERIA):
        raise InvalidInput(f"criteria must give all of {', '.join(NOTE_CRITERIA)}")
    if not label and criteria is None:
        raise InvalidInput("Give a verdict (useful or needs-work) or the criteria, or both.")
    now = datetime.now(UTC).replace(tzinfo=None)
    with core.begin() as conn:
        ticket = conn.execute(
            select(
                store.tickets.c.id, store.tickets.c.content_hash, store.tickets.c.resolution
            ).where(store.tickets.c.id == ticket_id)
        ).first()
        if ticket is None:
            raise NotFound(f"No ticket {ticket_id}.")
        if criteria is not None:
            _add_criterion_labels(conn, ticket, reviewer_user_id, criteria, now)
        if not label:
            return 0
        result = conn.execute(
            store.review_labels.insert().values(
                ticket_id=ticket_id,
                reviewer_id=reviewer_user_id,
                label=label,
                # Free text a reviewer types is stored masked, like the notes themselves.
                reason=mask((reason or "").strip())[:2000],
                comment=mask((comment or "").strip())[:4000],
                content_hash=ticket.content_hash,
                created_at=now,
            )
        )
        key = result.inserted_primary_key
        return int(key[0]) if key else 0


def _add_criterion_labels(
    conn: Connection, ticket: Any, reviewer: int | None, criteria: dict[str, bool], now: datetime
) -> None:
    scores = store.note_scores
    stored = conn.execute(
        select(scores.c.criteria, scores.c.model_version).where(scores.c.ticket_id == ticket.id)
    ).first()
    shown: dict[str, bool] = {}
    if stored is not None and stored.model_version:  # the model's call, not the rules'
        shown = json.loads(stored.criteria or "{}")
    conn.execute(
        store.criterion_labels.insert(),
        [
            {
                "ticket_id": ticket.id,
                "reviewer_id": reviewer,
                "criterion": name,
                "met": bool(criteria[name]),
                "model_met": shown.get(name),
                "content_hash": text_hash(ticket.resolution or ""),
                "created_at": now,
            }
            for name in NOTE_CRITERIA
        ],
    )


def least_sure(conn: Connection, limit: int = 10) -> list[QueueItem]:
    """Unlabelled notes where the model is least sure of a criterion: labels there teach most.

    Sureness is the smallest distance of a criterion's probability from 0.5.
    """
    scores = store.note_scores
    query = queries.scored_notes().where(
        scores.c.probabilities.is_not(None), ~queries.is_labelled()
    )
    rows = conn.execute(query).all()

    def sureness(row: Any) -> float:
        values = json.loads(row.probabilities or "{}").values()
        return min((abs(float(value) - 0.5) for value in values), default=1.0)

    chosen = sorted(rows, key=lambda row: (sureness(row), row.id))[: max(0, limit)]
    shares = _client_shares(conn)
    samples = _samples(conn, [row.id for row in chosen])
    return [_item(row, shares, None, samples.get(row.id)) for row in chosen]


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
