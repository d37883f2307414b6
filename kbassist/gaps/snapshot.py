"""The gaps read model: what the pages would otherwise recompute on every request.

Coverage of every family of two or more tickets, the failed-search evidence,
the failed-search groups with no family and the duplicate articles, stored as
one JSON row in ``store.gap_snapshots`` by ``kbassist.gaps.service.refresh_snapshot``
after every ingest (the pipeline's refresh step), cluster run, rename and
published article. The report reads it and only computes live what it lacks
(a family newer than the snapshot).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection

from kbassist.gaps import queries


@dataclass(frozen=True)
class StoredCoverage:
    """A family's coverage as the snapshot holds it."""

    covered: bool
    linked: tuple[tuple[str, int], ...]
    matching: tuple[tuple[str, float], ...]
    best_match: tuple[str, float] | None


@dataclass(frozen=True)
class Snapshot:
    """One stored snapshot: coverage by family, search evidence, search groups, duplicates."""

    created_at: datetime
    run_id: int | None
    coverage: dict[int, StoredCoverage]
    evidence: dict[int, int]
    search_groups: tuple[dict[str, Any], ...] = field(default=())
    duplicates: tuple[dict[str, Any], ...] = field(default=())


def encode(
    coverage: dict[int, Any],
    evidence: dict[int, int],
    search_groups: list[dict[str, Any]],
    duplicates: list[dict[str, Any]],
) -> str:
    """The JSON text stored for a snapshot (coverage objects with the ``Coverage`` fields)."""
    data = {
        "coverage": {
            str(family_id): {
                "covered": item.covered,
                "linked": [list(pair) for pair in item.linked],
                "matching": [[a, round(s, 4)] for a, s in item.matching],
                "best_match": [item.best_match[0], round(item.best_match[1], 4)]
                if item.best_match
                else None,
            }
            for family_id, item in coverage.items()
        },
        "evidence": {str(family_id): count for family_id, count in evidence.items()},
        "search_groups": search_groups,
        "duplicates": duplicates,
    }
    return json.dumps(data, sort_keys=True)


def load(conn: Connection) -> Snapshot | None:
    """The newest snapshot, or None before the first refresh."""
    row = queries.latest_snapshot(conn)
    if row is None:
        return None
    data = json.loads(row.data)
    coverage = {
        int(family_id): StoredCoverage(
            covered=bool(item["covered"]),
            linked=tuple((str(a), int(n)) for a, n in item["linked"]),
            matching=tuple((str(a), float(s)) for a, s in item["matching"]),
            best_match=(str(item["best_match"][0]), float(item["best_match"][1]))
            if item["best_match"]
            else None,
        )
        for family_id, item in data.get("coverage", {}).items()
    }
    return Snapshot(
        created_at=row.created_at,
        run_id=row.run_id,
        coverage=coverage,
        evidence={int(f): int(n) for f, n in data.get("evidence", {}).items()},
        search_groups=tuple(data.get("search_groups", [])),
        duplicates=tuple(data.get("duplicates", [])),
    )
