"""What the gaps pages show, read from the store and the precomputed snapshot.

``gaps_page`` and ``family_page`` are the one service call of each view: they
read the stored families, the snapshot (coverage, search evidence,
duplicates) and one page of tickets, and never embed or cluster, so a page
answers in milliseconds whatever the size of the instance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection

from kbassist.embedding import Embedder
from kbassist.gaps import queries, report, snapshot
from kbassist.gaps.report import Coverage, DuplicatePair, FamilySummary, GapReport
from kbassist.hygiene import mask
from kbassist.quality.criteria import check_note

PER_PAGE = 50  # tickets per family page
BEST_NOTES = 5


@dataclass(frozen=True)
class GapsPage:
    """The gaps page: the ranked gaps, the duplicates, the run and when the snapshot was made."""

    report: GapReport
    duplicates: tuple[DuplicatePair, ...]
    run: dict[str, Any] | None
    refreshed_at: datetime | None


@dataclass(frozen=True)
class Note:
    """A closure note shown on a family page (masked)."""

    ticket_id: str
    author: str
    score: float
    text: str


@dataclass(frozen=True)
class FamilyPage:
    """One family: summary, coverage, best notes and one page of its tickets (titles masked)."""

    family: FamilySummary
    coverage: Coverage
    notes: tuple[Note, ...]
    tickets: tuple[dict[str, Any], ...]
    page: int
    pages: int
    per_page: int


def gaps_page(
    conn: Connection,
    embedder: Embedder | None = None,
    *,
    min_tickets: int = report.MIN_TICKETS,
    window_days: int = report.WINDOW_DAYS,
) -> GapsPage:
    """Everything the gaps page shows."""
    stored = snapshot.load(conn)
    found = report.find_gaps(conn, embedder, min_tickets=min_tickets, window_days=window_days)
    if stored is not None:
        duplicates = tuple(_pair(item) for item in stored.duplicates)
    else:
        duplicates = tuple(report.find_duplicates(conn, embedder))
    return GapsPage(
        found, duplicates, queries.last_run(conn), stored.created_at if stored else None
    )


def family_page(
    conn: Connection,
    family_id: int,
    *,
    page: int = 1,
    per_page: int | None = None,
    embedder: Embedder | None = None,
) -> FamilyPage:
    """One family's page: its tickets a page at a time, newest first."""
    per_page = per_page or PER_PAGE
    family = report.get_family(conn, family_id)
    pages = max(1, math.ceil(family.size / per_page))
    page = min(max(page, 1), pages)
    rows = queries.family_ticket_rows(conn, family_id, limit=per_page, offset=(page - 1) * per_page)
    links = queries.links_of(conn, [row.id for row in rows])
    tickets = tuple(_masked(row, links.get(row.id, [])) for row in rows)
    return FamilyPage(
        family=family,
        coverage=report.family_coverage(conn, family_id, embedder),
        notes=best_notes(conn, family_id),
        tickets=tickets,
        page=page,
        pages=pages,
        per_page=per_page,
    )


def best_notes(conn: Connection, family_id: int, limit: int = BEST_NOTES) -> tuple[Note, ...]:
    """The family's best closure notes by quality score (the criteria score for unscored ones)."""
    rows = queries.family_ticket_rows(conn, family_id, limit=limit * 4, best_notes_first=True)
    notes = []
    for row in rows:
        text = (row.resolution or "").strip()
        if not text:
            continue
        score = row.note_score
        if score is None:
            score = check_note(text).criteria_score
        notes.append(Note(row.id, row.assignee or "", float(score), text))
    notes.sort(key=lambda note: (-note.score, note.ticket_id))
    return tuple(replace(note, text=mask(note.text)) for note in notes[:limit])


def _masked(row: Any, links: list[str]) -> dict[str, Any]:
    # The list shows the title only: the long texts are left out rather than masked
    # (masking is most of a page's time), so nothing unmasked can reach the page.
    record = {**dict(row._mapping), "kb_links": links}
    del record["description"], record["resolution"]
    record["title"] = mask(record["title"] or "")
    return record


def _pair(item: dict[str, Any]) -> DuplicatePair:
    return DuplicatePair(
        item["first_id"],
        item["first_title"],
        item["second_id"],
        item["second_title"],
        float(item["similarity"]),
        float(item["shingle_overlap"]),
    )
