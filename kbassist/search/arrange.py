"""What a technician sees first: answers, then one entry per issue, exact matches ahead.

Pure functions over fused, adjusted records (``kbassist.search.fusion``):

- **answers first**: with no kind filter, the articles that clear a relevance bar
  (at most ``MAX_ANSWERS``) come before every ticket;
- **one entry per issue**: tickets of one issue family (or, for tickets no
  clustering has placed yet, near-duplicates by their vectors) collapse into one
  entry, represented by the one with the most useful closure note among the
  equally relevant;
- **exact tokens stay exact**: within each block, records holding more of the
  query's codes, ids, host names and quoted phrases come first.

docs/search.md explains the bars and where their values come from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from kbassist.search.fusion import Fused

MAX_ANSWERS = 3
# An article is an answer when its fused score clears the embedder's bar and is within
# ANSWER_MARGIN of the best article's: a clearly weaker article is related, not an answer.
ANSWER_BAR = {"all-MiniLM-L6-v2": 0.45, "hashing-384": 0.25}
ANSWER_MARGIN = 0.10
# Members of a family within this share of its best fused score are "equally relevant":
# among them the most useful closure note represents the family.
REPRESENTATIVE_BAND = 0.85
# Without a family, tickets this close in meaning (cosine) are near-duplicates.
NEAR_DUPLICATE = {"all-MiniLM-L6-v2": 0.90, "hashing-384": 0.90}


@dataclass(frozen=True)
class Entry:
    """One line of the results: a record, and the tickets collapsed under it."""

    record: str
    score: float
    answer: bool = False
    family_id: str | None = None  # "12" for a stored family, "near:T-9" for near-duplicates
    collapsed: tuple[str, ...] = ()  # the other tickets of the family that matched, best first
    exact: tuple[str, ...] = ()  # the exact tokens the record holds

    @property
    def kind(self) -> str:
        return self.record.partition(":")[0]


@dataclass(frozen=True)
class Evidence:
    """What the arrangement knows about the candidates besides their scores."""

    fused: Mapping[str, float] = field(default_factory=dict)  # before quality/recency factors
    families: Mapping[str, int] = field(default_factory=dict)  # ticket record -> family id
    vectors: Mapping[str, np.ndarray] = field(default_factory=dict)  # unplaced tickets
    note_scores: Mapping[str, float] = field(default_factory=dict)  # ticket record -> 0-100
    dates: Mapping[str, float] = field(default_factory=dict)  # record -> timestamp
    contains: Mapping[str, frozenset[str]] = field(default_factory=dict)  # token -> records


def answers(
    rows: Sequence[Fused], bar: float, margin: float = ANSWER_MARGIN, most: int = MAX_ANSWERS
) -> list[Fused]:
    """The articles that answer: above the bar and near the best article, at most ``most``."""
    articles = [row for row in rows if row.key.startswith("article:")]
    if not articles or articles[0].score < bar:
        return []
    top = articles[0].score
    return [row for row in articles if row.score >= bar and row.score >= top - margin][:most]


def group_tickets(
    rows: Sequence[Fused], evidence: Evidence, near_duplicate: float
) -> list[tuple[str | None, list[Fused]]]:
    """Tickets in rank order grouped by family, else by near-duplicate vectors; best first."""
    groups: dict[str, list[Fused]] = {}
    heads: list[tuple[str, np.ndarray]] = []  # near-duplicate groups: their first ticket's vector
    order: list[str] = []
    for row in rows:
        family = evidence.families.get(row.key)
        if family is not None:
            label = str(family)
        else:
            label = _near_group(row.key, evidence.vectors.get(row.key), heads, near_duplicate)
        if label not in groups:
            groups[label] = []
            order.append(label)
        groups[label].append(row)
    return [(label if not label.startswith("alone:") else None, groups[label]) for label in order]


def _near_group(
    key: str, vector: np.ndarray | None, heads: list[tuple[str, np.ndarray]], threshold: float
) -> str:
    if vector is None:
        return f"alone:{key}"
    for label, head in heads:
        if float(np.dot(head, vector)) >= threshold:
            return label
    label = f"near:{key.partition(':')[2]}"
    heads.append((label, vector))
    return label


def representative(members: Sequence[Fused], evidence: Evidence) -> Fused:
    """Among the equally relevant members, the most useful note, then the newest, then the best.

    Records holding more exact tokens come first: the entry must show what was asked for.
    """
    exact = {row.key: _exact_count(row.key, evidence) for row in members}
    most = max(exact.values())
    holding = [row for row in members if exact[row.key] == most]
    top = max(evidence.fused.get(row.key, row.score) for row in holding)
    band = [
        row
        for row in holding
        if evidence.fused.get(row.key, row.score) >= REPRESENTATIVE_BAND * top
    ]
    return max(
        band,
        key=lambda row: (
            evidence.note_scores.get(row.key, -1.0),
            evidence.dates.get(row.key, 0.0),
            row.score,
            _reverse(row.key),
        ),
    )


def _reverse(key: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in key)  # smaller key wins the last tie


def _exact_count(record: str, evidence: Evidence) -> int:
    return sum(record in holders for holders in evidence.contains.values())


def arrange(
    rows: Sequence[Fused],
    evidence: Evidence,
    *,
    answers_first: bool,
    bar: float,
    near_duplicate: float,
) -> list[Entry]:
    """Entries in display order: answers (when ``answers_first``), then the rest."""
    ordered = sorted(rows, key=lambda row: (-row.score, row.key))
    chosen = answers(ordered, bar) if answers_first else []
    answer_keys = {row.key for row in chosen}
    lead = [
        Entry(row.key, row.score, answer=True, exact=_tokens(row.key, evidence)) for row in chosen
    ]
    rest: list[Entry] = []
    for row in ordered:
        if row.key.startswith("article:") and row.key not in answer_keys:
            passes = not answers_first and bool(answers([row], bar))
            rest.append(Entry(row.key, row.score, answer=passes, exact=_tokens(row.key, evidence)))
    tickets = [row for row in ordered if row.key.startswith("ticket:")]
    for family, members in group_tickets(tickets, evidence, near_duplicate):
        head = representative(members, evidence)
        others = tuple(row.key for row in members if row.key != head.key)
        rest.append(
            Entry(
                head.key,
                members[0].score,
                family_id=family,
                collapsed=others,
                exact=_tokens(head.key, evidence),
            )
        )
    lead.sort(key=lambda e: (-len(e.exact), -e.score, e.record))
    rest.sort(key=lambda e: (-len(e.exact), -e.score, e.record))
    return lead + rest


def _tokens(record: str, evidence: Evidence) -> tuple[str, ...]:
    return tuple(token for token, holders in evidence.contains.items() if record in holders)


def absent(contains: Mapping[str, frozenset[str]]) -> tuple[str, ...]:
    """The exact tokens no document holds (what the page says is missing)."""
    return tuple(token for token, holders in contains.items() if not holders)
