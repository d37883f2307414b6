"""Hybrid ranking of records: both indexes, sections collapsed to their record, fused.

No database access: the lexical and vector indexes and a query vector in, the
fused records (best first) out, with the best section of each article, the words
to highlight, the "did you mean" text and which records hold each exact token.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from kbassist.index.exact import ExactToken
from kbassist.index.lexical import LexicalIndex
from kbassist.index.query import Filters, ParsedQuery
from kbassist.index.vectors import VectorIndex
from kbassist.search.fusion import Fused, fuse

CANDIDATES = 100  # documents taken from each index before fusion

# The default ranking, tuned on stackfaq (docs/search.md): mostly semantic, with
# the keyword weight rising when BM25 is confident about one winner.
SEARCH_FUSION: tuple[str, dict[str, float]] = (
    "adaptive",
    {"base": 0.10, "gain": 0.30, "ceiling": 0.60},
)
# Ticket-to-ticket: a pasted ticket shares product names, codes and error text
# with its duplicates, so keywords count for more (docs/search.md).
SIMILAR_FUSION: tuple[str, dict[str, float]] = (
    "adaptive",
    {"base": 0.30, "gain": 0.30, "ceiling": 0.70},
)


@dataclass(frozen=True)
class Ranking:
    """Fused records best first, with the best document of each and the lexical extras."""

    records: tuple[Fused, ...]
    best_doc: dict[str, str]  # record -> document key (the best section of an article)
    terms: tuple[str, ...]
    did_you_mean: str | None
    # exact token as typed -> the records holding it (within the filters)
    contains: dict[str, frozenset[str]] = field(default_factory=dict)


BACKGROUND_NEIGHBOURS = 10  # a passage's background: its mean cosine to this many nearest


def passage_scores(
    vectors: VectorIndex, query_vectors: np.ndarray, filters: Filters, limit: int = CANDIDATES
) -> list[tuple[str, float]]:
    """One semantic score per record for a query cut into passages (a long ticket).

    Each passage is searched alone. A generic passage ("rebooted, still the
    same") is near to many records, a specific one to few, so each cosine is
    taken relative to the passage's background (its mean cosine to its
    nearest records) before the best passage counts; adding back the smallest
    background keeps the scale of a plain cosine (one passage: the cosine itself).
    """
    best: dict[str, float] = {}
    backgrounds: list[float] = []
    for vector in np.atleast_2d(query_vectors):
        found = vectors.search(vector, limit=limit, filters=filters)
        if not found:
            continue
        per_record: dict[str, float] = {}
        for key, score in found:
            record = record_of_key(key)
            per_record[record] = max(per_record.get(record, -1.0), score)
        top = sorted(per_record.values(), reverse=True)[:BACKGROUND_NEIGHBOURS]
        background = float(np.mean(top))
        backgrounds.append(background)
        for record, score in per_record.items():
            best[record] = max(best.get(record, -math.inf), score - background)
    base = min(backgrounds, default=0.0)
    return [(record, score + base) for record, score in best.items()]


def rank(
    lexical: LexicalIndex,
    vectors: VectorIndex | None,
    query_vector: np.ndarray | None,
    parsed: ParsedQuery,
    filters: Filters,
    *,
    fusion: tuple[str, dict[str, float]] = SEARCH_FUSION,
    min_similarity: float = 0.0,
    candidates: int = CANDIDATES,
    exact: Sequence[ExactToken] = (),
    respell: Callable[[str], np.ndarray] | None = None,
) -> Ranking:
    """Hybrid ranking of records: both indexes, sections collapsed, fused. No database access.

    Records holding an ``exact`` token that neither index retrieved are added at
    the bottom, so that the arrangement can put them first. With ``respell``, a
    query the speller corrects ("outlok keeps asking for pasword") is embedded
    as corrected: the model reads misspelt words poorly.
    """
    lexical_result = lexical.search(parsed, filters=filters, limit=candidates)
    if respell is not None and lexical_result.did_you_mean and query_vector is not None:
        query_vector = respell(lexical_result.did_you_mean[:1000])
    lexical_docs = [(hit.key, hit.score) for hit in lexical_result.hits]
    record_of = {hit.key: hit.record for hit in lexical_result.hits}
    semantic_docs: list[tuple[str, float]] = []
    if vectors is not None and query_vector is not None and not parsed.empty:
        if query_vector.ndim == 2:  # passages of a long ticket
            found = passage_scores(vectors, query_vector, filters, candidates)
        else:
            found = vectors.search(query_vector, limit=candidates, filters=filters)
        for key, score in found:
            semantic_docs.append((key, score))
            record_of.setdefault(key, record_of_key(key))
    lexical_records = {record_of[key] for key, _ in lexical_docs}
    # Quotes and exclusions are promises about the words: only keyword matches keep them.
    strict = bool(parsed.phrases or parsed.excluded)
    semantic_docs = [
        (key, score)
        for key, score in semantic_docs
        if record_of[key] in lexical_records or (not strict and score >= min_similarity)
    ]
    method, params = fusion
    best_doc = _best_sections(lexical_docs, semantic_docs, record_of)
    records = fuse(
        method,
        _collapse(lexical_docs, record_of),
        _collapse(semantic_docs, record_of),
        **params,
    )
    contains: dict[str, frozenset[str]] = {}
    extra: list[Fused] = []
    if exact:
        known = {row.key for row in records}
        floor = min((row.score for row in records), default=0.0)
        for token in exact:
            hits = lexical.containing(token.words, filters=filters, limit=candidates + 1)
            if len(hits) > candidates:
                continue  # held by too many documents ("to") to tell any apart: no order
            contains[token.text] = frozenset(hit.record for hit in hits)
            for hit in hits:
                best_doc.setdefault(hit.record, hit.key)
                if hit.record not in known:
                    known.add(hit.record)
                    extra.append(Fused(hit.record, floor))
    return Ranking(
        records + tuple(extra),
        best_doc,
        lexical_result.terms,
        lexical_result.did_you_mean,
        contains,
    )


def _best_sections(
    lexical_docs: Sequence[tuple[str, float]],
    semantic_docs: Sequence[tuple[str, float]],
    record_of: dict[str, str],
) -> dict[str, str]:
    """The section to point to: where the words matched best, else the closest in meaning.

    Every section of an article carries its title, so lexical scores differ between
    sections only by heading and text matches: the right tie-breaker for "where".
    """
    lexical, semantic = dict(lexical_docs), dict(semantic_docs)
    best: dict[str, tuple[float, float, str]] = {}
    for key in lexical.keys() | semantic.keys():
        rank_key = (-lexical.get(key, -math.inf), -semantic.get(key, -math.inf), key)
        record = record_of[key]
        if record not in best or rank_key < best[record]:
            best[record] = rank_key
    return {record: value[2] for record, value in best.items()}


def record_of_key(key: str) -> str:
    """``article:KB-1#steps`` -> ``article:KB-1``."""
    return key.split("#", 1)[0]


def _collapse(
    docs: Sequence[tuple[str, float]], record_of: dict[str, str]
) -> list[tuple[str, float]]:
    best: dict[str, float] = {}
    for key, score in docs:
        record = record_of[key]
        if record not in best or score > best[record]:
            best[record] = score
    return list(best.items())
