"""Fusing keyword (lexical) and semantic rankings: small pure functions picked by name.

Each fusion takes two lists of ``(key, score)`` (any order; lexical scores are
BM25, semantic scores are cosines) and returns ``Fused`` rows best first, ties
broken by key so the same input always gives the same order. How the default
(``adaptive``) was chosen, and the figures behind it, are in docs/search.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

Ranked = Sequence[tuple[str, float]]

# Article quality (0-100) moves a result by at most +/-5%; a reopened ticket loses
# 10% per reopen, at most 30%: enough to reorder near-ties, never to bury a match.
QUALITY_WEIGHT = 0.10
REOPEN_PENALTY = 0.10
REOPEN_FLOOR = 0.70
# A ticket's closure note (note score 0-100) moves it from x0.94 (useless) through x1.0 at
# the note bar (60) to x1.04 (useful); a fresh ticket gains up to 3%, halving every 180 days.
NOTE_WEIGHT = 0.10
NOTE_PIVOT = 60.0
RECENCY_WEIGHT = 0.03
RECENCY_HALF_LIFE_DAYS = 180.0


@dataclass(frozen=True)
class Fused:
    key: str
    score: float
    lexical: float | None = None  # the raw score from each list; None when not retrieved
    semantic: float | None = None


def _sorted(rows: Sequence[Fused]) -> tuple[Fused, ...]:
    return tuple(sorted(rows, key=lambda row: (-row.score, row.key)))


def _best(ranked: Ranked) -> dict[str, float]:
    """One score per key (the highest), whatever order or duplicates come in."""
    out: dict[str, float] = {}
    for key, score in ranked:
        if key not in out or score > out[key]:
            out[key] = float(score)
    return out


def _ranks(scores: Mapping[str, float]) -> dict[str, int]:
    ordered = sorted(scores, key=lambda key: (-scores[key], key))
    return {key: rank for rank, key in enumerate(ordered, 1)}


def rrf(
    lexical: Ranked,
    semantic: Ranked,
    *,
    k: float = 60.0,
    lexical_weight: float = 1.0,
    semantic_weight: float = 1.0,
) -> tuple[Fused, ...]:
    """Reciprocal rank fusion: sum of weight / (k + rank) over the lists a key is in."""
    lex, sem = _best(lexical), _best(semantic)
    lex_rank, sem_rank = _ranks(lex), _ranks(sem)
    rows = []
    for key in lex.keys() | sem.keys():
        score = 0.0
        if key in lex_rank:
            score += lexical_weight / (k + lex_rank[key])
        if key in sem_rank:
            score += semantic_weight / (k + sem_rank[key])
        rows.append(Fused(key, score, lex.get(key), sem.get(key)))
    return _sorted(rows)


def blend(lexical: Ranked, semantic: Ranked, *, weight: float = 0.12) -> tuple[Fused, ...]:
    """(1 - weight) x cosine + weight x BM25 / best BM25 of the query.

    Cosine is used as is (it is comparable across queries); BM25 is divided by
    the query's best BM25 so it lies in [0, 1]. A key missing from the semantic
    list gets the lowest cosine retrieved (it ranked below all of them); a key
    missing from the lexical list gets 0.
    """
    lex, sem = _best(lexical), _best(semantic)
    top = max(lex.values(), default=0.0)
    floor = min(sem.values(), default=0.0)
    rows = []
    for key in lex.keys() | sem.keys():
        lexical_part = lex[key] / top if key in lex and top > 0 else 0.0
        semantic_part = sem.get(key, floor)
        score = (1.0 - weight) * semantic_part + weight * lexical_part
        rows.append(Fused(key, score, lex.get(key), sem.get(key)))
    return _sorted(rows)


def lexical_confidence(lexical: Ranked) -> float:
    """How clearly the keyword search picked one winner: (best - second) / best, in [0, 1]."""
    scores = sorted(_best(lexical).values(), reverse=True)
    if not scores or scores[0] <= 0:
        return 0.0
    second = scores[1] if len(scores) > 1 else 0.0
    return max(0.0, min(1.0, (scores[0] - second) / scores[0]))


def adaptive(
    lexical: Ranked,
    semantic: Ranked,
    *,
    base: float = 0.10,
    gain: float = 0.30,
    ceiling: float = 0.60,
) -> tuple[Fused, ...]:
    """``blend`` whose lexical weight grows with the keyword search's confidence.

    A paraphrase ("remove my FB account") spreads BM25 evenly over weak
    matches, so the cosine decides; an exact error code or product name gives
    one hit a clear BM25 lead, and then the keywords get up to ``ceiling``.
    """
    weight = min(ceiling, base + gain * lexical_confidence(lexical))
    return blend(lexical, semantic, weight=weight)


def lexical_only(lexical: Ranked, semantic: Ranked) -> tuple[Fused, ...]:
    """Keyword ranking alone (for comparison in benchmarks)."""
    sem = _best(semantic)
    return _sorted(
        [Fused(key, score, score, sem.get(key)) for key, score in _best(lexical).items()]
    )


def semantic_only(lexical: Ranked, semantic: Ranked) -> tuple[Fused, ...]:
    """Semantic ranking alone (for comparison in benchmarks)."""
    lex = _best(lexical)
    return _sorted(
        [Fused(key, score, lex.get(key), score) for key, score in _best(semantic).items()]
    )


FUSIONS: dict[str, Callable[..., tuple[Fused, ...]]] = {
    "adaptive": adaptive,
    "blend": blend,
    "rrf": rrf,
    "lexical": lexical_only,
    "semantic": semantic_only,
}


def fuse(method: str, lexical: Ranked, semantic: Ranked, **params: float) -> tuple[Fused, ...]:
    """Run the fusion named ``method`` with its parameters."""
    try:
        function = FUSIONS[method]
    except KeyError:
        raise ValueError(f"unknown fusion {method!r}; choose one of {', '.join(FUSIONS)}") from None
    return function(lexical, semantic, **params)


def quality_factor(score: float | None) -> float:
    """Multiplier for an article's quality score (0-100): 0.95 at 0, 1.0 at 50, 1.05 at 100."""
    if score is None:
        return 1.0
    clipped = max(0.0, min(100.0, float(score)))
    return 1.0 + QUALITY_WEIGHT * (clipped / 100.0 - 0.5)


def reopen_factor(reopen_count: int) -> float:
    """Multiplier for a ticket reopened ``reopen_count`` times: its fix did not hold."""
    return max(REOPEN_FLOOR, 1.0 - REOPEN_PENALTY * max(0, int(reopen_count)))


def note_factor(score: float | None) -> float:
    """Multiplier for a ticket's closure-note score: a useful note helps, a useless one hurts."""
    if score is None:
        return 1.0
    clipped = max(0.0, min(100.0, float(score)))
    return 1.0 + NOTE_WEIGHT * (clipped - NOTE_PIVOT) / 100.0


def recency_factor(age_days: float | None) -> float:
    """Multiplier for a ticket resolved ``age_days`` before the newest candidate."""
    if age_days is None:
        return 1.0
    return 1.0 + RECENCY_WEIGHT * 0.5 ** (max(0.0, age_days) / RECENCY_HALF_LIFE_DAYS)


def adjust(rows: Sequence[Fused], factors: Mapping[str, float]) -> tuple[Fused, ...]:
    """Multiply each row's score by its factor (default 1) and sort again.

    A negative score is divided instead, so a factor above 1 always helps.
    """
    adjusted = []
    for row in rows:
        factor = factors.get(row.key, 1.0)
        score = row.score * factor if row.score >= 0 else row.score / factor
        adjusted.append(replace(row, score=score))
    return _sorted(adjusted)
