"""Seeded demo data: tickets from recurring issue families, with planted truth.

``generate`` is deterministic for a seed (``random.Random(seed)`` and numpy's
``default_rng(seed)``, nothing else) and touches no database. It reads only the
front matter of the knowledge base in ``kb_dir``: an article's ``created`` date
is its publication date, so the planted effects and ``kb/`` always agree.

What is planted (all recorded in the ground truth):

- Issue families (``world.FAMILIES``, from ``world.yaml``) with their own frequency, wording,
  log-normal troubleshooting time and client profile. Families without an
  article are the gaps.
- An article published mid-period multiplies its family's troubleshooting time
  by ``1 - minutes_saved / base median`` from its publication on (the median
  drops by ``minutes_saved`` at trend 0), and its reopen probability by
  ``draws.PLANTED_REOPEN_FACTOR``. A null-effect article changes nothing. A share of
  the family's later tickets links it.
- ``trend``: every ticket's time is multiplied by ``(1 + trend) ** years`` since
  the start of the period, so a global speed-up is not any article's doing.
- Closure notes assembled from fragments per KCS criterion, each included or
  not by the technician's style; the truth records which criteria a note has.
  Poor notes get slightly longer times and more reopens and escalations.

The work is split by stage: ``plan`` (families against kb/), ``draws`` (the numbers),
``tickets`` (the words), ``truth`` (what was planted); ``kb`` reads the knowledge base
and writes its revisions, and ``world`` is the catalogue they all draw from.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from kbassist.demo.draws import draw_tickets
from kbassist.demo.kb import KbRevision, default_kb_dir, read_kb, revise_kb
from kbassist.demo.plan import plan_families
from kbassist.demo.tickets import build_tickets, draw_staff
from kbassist.demo.truth import ground_truth, truth_text
from kbassist.errors import InvalidInput
from kbassist.records import TicketRecord


@dataclass(frozen=True)
class DemoData:
    """Everything ``write_demo`` writes: tickets, ground truth and article revisions."""

    seed: int
    tickets: tuple[TicketRecord, ...]
    ground_truth: dict[str, Any]
    revisions: tuple[KbRevision, ...]
    kb_dir: Path


def period_start(end: date, months: int) -> date:
    """First day of the period of ``months`` months that ends on ``end``."""
    year, month = divmod(end.year * 12 + end.month - 1 - months, 12)
    month += 1
    last_day = _days_in_month(year, month)
    return date(year, month, min(end.day, last_day)) + timedelta(days=1)


def generate(
    seed: int = 7,
    n_tickets: int = 5000,
    months: int = 18,
    end: date = date(2026, 10, 31),
    trend: float = 0.0,
    kb_dir: Path | None = None,
) -> DemoData:
    """Generate the demo tickets and their ground truth; same arguments, same output."""
    if n_tickets < 1:
        raise InvalidInput("n_tickets: must be at least 1")
    if months < 1:
        raise InvalidInput("months: must be at least 1")
    if trend <= -1.0:
        raise InvalidInput("trend: must be above -1 (-0.2 means 20% faster per year)")
    kb_dir = Path(kb_dir) if kb_dir is not None else default_kb_dir()
    kb = read_kb(kb_dir)
    start = period_start(end, months)
    plan = plan_families(kb, start)
    rnd = random.Random(seed)
    rng = np.random.default_rng(seed)
    staff = draw_staff(rnd)
    draws = draw_tickets(rng, plan, start, end, n_tickets, trend)
    tickets, truth_tickets = build_tickets(rnd, draws, plan, staff, start)
    revisions = revise_kb(kb)
    truth = ground_truth(seed, trend, start, end, kb, plan, tickets, truth_tickets, revisions)
    return DemoData(seed, tuple(tickets), truth, tuple(revisions), kb_dir)


def write_demo(data: DemoData, out_dir: Path) -> dict[str, Path]:
    """Write tickets.jsonl, ground_truth.json and kb_revisions/ under out_dir; return the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tickets_path = out_dir / "tickets.jsonl"
    lines = (json.dumps(ticket_json(t), ensure_ascii=False) + "\n" for t in data.tickets)
    _write_atomic(tickets_path, "".join(lines))
    truth_path = out_dir / "ground_truth.json"
    _write_atomic(truth_path, truth_text(data.ground_truth))
    revisions_dir = out_dir / "kb_revisions"
    revisions_dir.mkdir(exist_ok=True)
    wanted = {revision.filename for revision in data.revisions}
    for old in sorted(revisions_dir.glob("*.md")):
        if old.name not in wanted:
            old.unlink()
    for revision in data.revisions:
        _write_atomic(revisions_dir / revision.filename, revision.text)
    return {"tickets": tickets_path, "ground_truth": truth_path, "kb_revisions": revisions_dir}


def ticket_json(ticket: TicketRecord) -> dict[str, Any]:
    """A ticket in the canonical JSON Lines shape (README, 'Import formats')."""
    return {
        "id": ticket.id,
        "title": ticket.title,
        "description": ticket.description,
        "resolution": ticket.resolution,
        "status": ticket.status,
        "priority": ticket.priority,
        "category": ticket.category,
        "client": ticket.client,
        "assignee": ticket.assignee,
        "created_at": _iso(ticket.created_at),
        "resolved_at": _iso(ticket.resolved_at),
        "closed_at": _iso(ticket.closed_at),
        "time_spent_minutes": ticket.time_spent_minutes,
        "reopen_count": ticket.reopen_count,
        "escalation_count": ticket.escalation_count,
        "kb_links": list(ticket.kb_links),
        "notes": [
            {
                "author": note.author,
                "created_at": _iso(note.created_at),
                "text": note.text,
                "internal": note.internal,
            }
            for note in ticket.notes
        ],
    }


def _write_atomic(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _days_in_month(year: int, month: int) -> int:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return (following - timedelta(days=1)).day
