"""The demo's ground truth: what the generator planted, for tests and benchmarks to check.

Written next to the tickets as ``ground_truth.json``; the app never reads it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from kbassist.demo import world
from kbassist.demo.draws import (
    CRITERIA,
    GOOD_NOTE_MIN_CRITERIA,
    PLANTED_REOPEN_FACTOR,
    POOR_NOTE_TIME_FACTOR,
    base_style,
)
from kbassist.demo.kb import KbArticle, KbRevision
from kbassist.demo.plan import FamilyPlan, planted_minutes
from kbassist.records import TicketRecord


def ground_truth(
    seed: int,
    trend: float,
    start: date,
    end: date,
    kb: Mapping[str, KbArticle],
    plan: Sequence[FamilyPlan],
    tickets: Sequence[TicketRecord],
    truth_tickets: dict[str, dict[str, Any]],
    revisions: Sequence[KbRevision],
) -> dict[str, Any]:
    """Everything planted: families, articles, technicians, revisions and each ticket's truth."""
    families = _families_truth(plan, tickets, truth_tickets)
    return {
        "seed": seed,
        "trend": trend,
        "trend_definition": "every ticket's minutes are multiplied by (1 + trend) ** years "
        "since the period start",
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "n_tickets": len(tickets),
        "criteria": list(CRITERIA),
        "good_note_min_criteria": GOOD_NOTE_MIN_CRITERIA,
        "planted_reopen_factor": PLANTED_REOPEN_FACTOR,
        "poor_note_time_factor": POOR_NOTE_TIME_FACTOR,
        "effect_definition": "after publication the family's minutes are multiplied by "
        "1 - planted_fraction_saved; planted_minutes_saved is the drop of the base median "
        "at trend 0; null if nothing is planted (gap, no article, or article from the start)",
        "families": families,
        "articles": _articles_truth(kb, plan, families, start),
        "technicians": _technician_truth(start, end),
        "clients": [client.name for client in world.CLIENTS],
        "revisions": [
            {
                "article_id": r.article_id,
                "filename": r.filename,
                "updated": r.updated.isoformat(),
                "updated_by": r.updated_by,
                "section": r.section,
                "mode": r.mode,
                "chars_added": r.chars_added,
            }
            for r in revisions
        ],
        "tickets": truth_tickets,
    }


def _families_truth(
    plan: Sequence[FamilyPlan],
    tickets: Sequence[TicketRecord],
    truth_tickets: Mapping[str, Mapping[str, Any]],
) -> dict[str, dict[str, Any]]:
    by_family: dict[str, list[str]] = {p.family.key: [] for p in plan}
    for ticket in tickets:
        by_family[truth_tickets[ticket.id]["family"]].append(ticket.id)
    families = {}
    for item in plan:
        family = item.family
        planted = planted_minutes(item)
        families[family.key] = {
            "label": family.label,
            "category": family.category,
            "article_id": item.article,
            "published": item.published.isoformat() if item.published else None,
            "planted_minutes_saved": planted,
            "planted_fraction_saved": round(item.fraction_saved, 6)
            if planted is not None
            else None,
            "null_effect": bool(item.article and family.null_effect),
            "gap": item.article is None,
            "existed_from_start": item.from_start,
            "base_median_minutes": family.minutes,
            "link_share": family.link_share if item.article else 0.0,
            "duplicate_articles": [dup_id for dup_id, _ in item.duplicates],
            "ticket_ids": by_family[family.key],
        }
    return families


def _articles_truth(
    kb: Mapping[str, KbArticle],
    plan: Sequence[FamilyPlan],
    families: Mapping[str, Mapping[str, Any]],
    start: date,
) -> dict[str, dict[str, Any]]:
    articles: dict[str, dict[str, Any]] = {
        article_id: {
            "family": None,
            "title": article.title,
            "author": article.author,
            "published": article.created.isoformat(),
            "planted_minutes_saved": None,
            "planted_fraction_saved": None,
            "null_effect": False,
            "existed_from_start": article.created <= start,
            "link_share": 0.0,
            "duplicate_of": None,
            "stale": article_id in world.STALE_ARTICLES,
        }
        for article_id, article in sorted(kb.items())
    }
    for item in plan:
        family = item.family
        if item.article:
            articles[item.article].update(
                family=family.key,
                planted_minutes_saved=families[family.key]["planted_minutes_saved"],
                planted_fraction_saved=families[family.key]["planted_fraction_saved"],
                null_effect=family.null_effect,
                link_share=family.link_share,
            )
        for dup_id, _ in item.duplicates:
            articles[dup_id].update(
                family=family.key,
                duplicate_of=world.DUPLICATES[dup_id][1],
                link_share=world.DUPLICATE_LINK_SHARE,
            )
    return articles


def _technician_truth(start: date, end: date) -> dict[str, dict[str, Any]]:
    days = (end - start).days + 1
    result = {}
    for tech in world.TECHNICIANS:
        base = world.NOTE_STYLES[base_style(tech.style)]
        entry: dict[str, Any] = {
            "style": tech.style,
            "layout": tech.layout,
            "senior": tech.senior,
            "speed": tech.speed,
            "workload": tech.workload,
            "active_from": (start + timedelta(days=int(tech.joins * days))).isoformat(),
            "active_to": (start + timedelta(days=int(tech.leaves * days) - 1)).isoformat(),
            "language": tech.language or None,
            "criteria_rates": dict(zip(CRITERIA, base.rates, strict=True)),
            "vague_rate": base.vague,
            "mostly_vague": base.vague >= 0.5,
        }
        if tech.style == "improving":
            target = world.NOTE_STYLES[world.IMPROVING_TO]
            entry["criteria_rates_end"] = dict(zip(CRITERIA, target.rates, strict=True))
            entry["vague_rate_end"] = target.vague
        result[tech.name] = entry
    return result


def truth_text(truth: Mapping[str, Any]) -> str:
    """Readable JSON: indented, except one line per ticket so large sets stay compact."""
    parts = []
    for key, value in truth.items():
        if key == "tickets":
            rows = ",\n".join(
                f"  {json.dumps(tid)}: {json.dumps(info, ensure_ascii=False)}"
                for tid, info in value.items()
            )
            text = "{\n" + rows + "\n }" if rows else "{}"
        else:
            text = json.dumps(value, indent=1, ensure_ascii=False)
            text = _FLAT_LIST.sub(lambda m: "[" + re.sub(r",\n\s*", ", ", m.group(1)) + "]", text)
            text = text.replace("\n", "\n ")
        parts.append(f" {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


# An indented JSON list of plain scalars (ticket ids, criteria names), to print on one line.
_FLAT_LIST = re.compile(r'\[\s*((?:"[^"\n]*"|[-\d.]+)(?:,\s*(?:"[^"\n]*"|[-\d.]+))*)\s*\]')
