"""The search service: hybrid KB and ticket search, similar past tickets, result opens.

A query runs against both indexes (kept current by ``kbassist.search.indexing``),
the per-record best scores are fused (``kbassist.search.fusion``), small quality
and reopen adjustments are applied, and the results come back with masked,
highlighted snippets (``kbassist.search.snippets``). Every search is logged; a
search with no results, or whose results nobody opened, is a failed search for
the playbook-gap report. docs/search.md explains the ranking.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy.engine import Connection

from kbassist.auth import PERMISSIONS
from kbassist.core import Core
from kbassist.embedding import embed_cached
from kbassist.errors import InvalidInput, NotFound
from kbassist.hygiene import mask
from kbassist.index.documents import SearchDoc
from kbassist.index.lexical import LexicalIndex
from kbassist.index.query import Filters, ParsedQuery, parse_query
from kbassist.index.vectors import VectorIndex, one_thread
from kbassist.records import ticket_text
from kbassist.search.documents import split_records
from kbassist.search.fusion import Fused, adjust, fuse, quality_factor, reopen_factor
from kbassist.search.indexing import ensure_current, lexical_index, vector_index
from kbassist.search.queries import (
    article_details,
    linked_articles,
    log_search,
    logged_search,
    mark_opened,
    ticket_details,
    ticket_summaries,
)
from kbassist.search.snippets import make_snippet

CANDIDATES = 100  # documents taken from each index before fusion
MAX_LIMIT = 100

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
# A semantic-only hit below this cosine is noise ("asdf" is nearest to something).
MIN_SIMILARITY = {"all-MiniLM-L6-v2": 0.20, "hashing-384": 0.10}


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class SearchResult:
    """One hit as shown to a person: every text masked for secrets and personal data."""

    kind: str
    id: str
    title: str
    score: float
    snippet: str = ""
    highlights: tuple[tuple[int, int], ...] = ()
    snippet_html: str = ""
    anchor: str = ""
    section: str = ""
    article_type: str = ""
    author: str = ""
    updated: datetime | None = None
    quality: float | None = None
    client: str = ""
    category: str = ""
    status: str = ""
    reopen_count: int = 0
    lexical_score: float | None = None
    semantic_score: float | None = None

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["key"] = self.key
        data["highlights"] = [list(span) for span in self.highlights]
        data["updated"] = self.updated.isoformat() if self.updated else None
        return data


@dataclass(frozen=True)
class SearchResponse:
    query: str
    results: tuple[SearchResult, ...]
    did_you_mean: str | None = None
    log_id: int | None = None
    filters: dict[str, str] = field(default_factory=dict)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "did_you_mean": self.did_you_mean,
            "log_id": self.log_id,
            "filters": self.filters,
            "facets": self.facets,
            "results": [result.as_dict() for result in self.results],
        }


@dataclass(frozen=True)
class LinkedArticle:
    id: str
    title: str  # empty when the article is not in the knowledge base


@dataclass(frozen=True)
class SimilarTicket:
    id: str
    title: str
    score: float
    resolution: str  # the closure note, masked
    status: str = ""
    client: str = ""
    category: str = ""
    resolved_at: datetime | None = None
    reopen_count: int = 0
    articles: tuple[LinkedArticle, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["resolved_at"] = self.resolved_at.isoformat() if self.resolved_at else None
        return data


# ---------------------------------------------------------------- ranking


@dataclass(frozen=True)
class Ranking:
    """Fused records best first, with the best document of each and the lexical extras."""

    records: tuple[Fused, ...]
    best_doc: dict[str, str]  # record -> document key (the best section of an article)
    terms: tuple[str, ...]
    did_you_mean: str | None


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
) -> Ranking:
    """Hybrid ranking of records: both indexes, sections collapsed, fused. No database access."""
    lexical_result = lexical.search(parsed, filters=filters, limit=candidates)
    lexical_docs = [(hit.key, hit.score) for hit in lexical_result.hits]
    record_of = {hit.key: hit.record for hit in lexical_result.hits}
    semantic_docs: list[tuple[str, float]] = []
    if vectors is not None and query_vector is not None and not parsed.empty:
        for key, score in vectors.search(query_vector, limit=candidates, filters=filters):
            semantic_docs.append((key, score))
            record_of.setdefault(key, _record_of_key(key))
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
    return Ranking(records, best_doc, lexical_result.terms, lexical_result.did_you_mean)


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


def _record_of_key(key: str) -> str:
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


# ---------------------------------------------------------------- the search service


def search(
    core: Core,
    query: str,
    *,
    user_id: int | None = None,
    role: str | None = None,
    kind: str | None = None,
    filters: Filters | dict[str, Any] | None = None,
    limit: int = 10,
    facets: bool = False,
    log: bool = True,
) -> SearchResponse:
    """Search articles and resolved tickets; logs the search unless ``log`` is False.

    ``role`` limits results to what that role may open (articles, tickets).
    Any query string works; bad filter values raise InvalidInput.
    """
    limit = max(1, min(MAX_LIMIT, int(limit)))
    given = filters if isinstance(filters, Filters) else Filters.from_mapping(filters)
    parsed = parse_query(query or "")
    active = parsed.filters.merge(given).merge(Filters(kind=kind) if kind else Filters())
    if active.kind and active.kind not in ("article", "ticket"):
        raise InvalidInput(f"kind: {active.kind!r} is not one of article, ticket")
    allowed = _allowed_kinds(role)
    results: tuple[SearchResult, ...] = ()
    did_you_mean = None
    facet_counts: dict[str, dict[str, int]] = {}
    if not parsed.empty and allowed and (active.kind is None or active.kind in allowed):
        if active.kind is None and len(allowed) == 1:
            active = active.merge(Filters(kind=next(iter(allowed))))
        ensure_current(core)
        embedder = core.resources.embedder
        lexical = lexical_index(core)
        ranking = rank(
            lexical,
            vector_index(core),
            _query_vector(core, parsed.text[:1000]) if parsed.text else None,
            parsed,
            active,
            min_similarity=MIN_SIMILARITY.get(embedder.name, 0.0),
        )
        # One connection at a time: this read is closed before the search log writes.
        with core.connect() as conn:
            results = _present(conn, lexical, ranking, limit)
        did_you_mean = mask(ranking.did_you_mean) if ranking.did_you_mean else None
        if facets:
            facet_counts = lexical.facets(parsed, filters=active)
    log_id = _log_search(core, query, user_id, active, results) if log else None
    return SearchResponse(
        query=query,
        results=results,
        did_you_mean=did_you_mean,
        log_id=log_id,
        filters=active.as_dict(),
        facets=facet_counts,
    )


def _query_vector(core: Core, text: str) -> np.ndarray:
    return core.resources.query_vectors.get(core.resources.embedder, text)


def _allowed_kinds(role: str | None) -> set[str]:
    if role is None:
        return {"article", "ticket"}
    allowed = set()
    if role in PERMISSIONS.get("articles", frozenset()):
        allowed.add("article")
    if role in PERMISSIONS.get("tickets", frozenset()):
        allowed.add("ticket")
    return allowed


def _present(
    conn: Connection, lexical: LexicalIndex, ranking: Ranking, limit: int
) -> tuple[SearchResult, ...]:
    """Join the best records with the database, apply quality and reopen factors, make snippets."""
    shortlist = list(ranking.records[: limit * 3])
    tickets, articles = split_records(row.key for row in shortlist)
    info = {
        **{f"ticket:{k}": v for k, v in ticket_details(conn, tickets).items()},
        **{f"article:{k}": v for k, v in article_details(conn, articles).items()},
    }
    # The index may briefly hold a record the database just deleted: skip it.
    shortlist = [row for row in shortlist if row.key in info]
    factors = {
        row.key: quality_factor(info[row.key].get("quality"))
        if row.key.startswith("article:")
        else reopen_factor(info[row.key].get("reopen_count", 0))
        for row in shortlist
    }
    chosen = adjust(shortlist, factors)[:limit]
    documents = lexical.documents(ranking.best_doc[row.key] for row in chosen)
    return tuple(
        _result(row, info[row.key], documents.get(ranking.best_doc[row.key]), ranking.terms)
        for row in chosen
    )


_MARKUP = re.compile(r"\*\*|__|`")


def _result(
    row: Fused, details: dict[str, Any], doc: SearchDoc | None, terms: Sequence[str]
) -> SearchResult:
    """One record as shown: masked title, section and snippet, with its details."""
    text = doc.body if doc else ""
    if row.key.startswith("article:"):
        text = _MARKUP.sub("", text)  # section text is markdown: **bold**, `code`
    snippet = make_snippet(mask(text), terms)
    kind, _, ref = row.key.partition(":")
    return SearchResult(
        kind=kind,
        id=ref,
        title=mask(details["title"]),
        score=round(row.score, 6),
        snippet=snippet.text,
        highlights=snippet.spans,
        snippet_html=snippet.html(),
        anchor=doc.anchor if doc else "",
        section=mask(doc.heading) if doc else "",
        article_type=details.get("article_type", ""),
        author=details.get("author", ""),
        updated=details.get("updated"),
        quality=details.get("quality"),
        client=details.get("client", ""),
        category=details.get("category", ""),
        status=details.get("status", ""),
        reopen_count=int(details.get("reopen_count", 0)),
        lexical_score=None if row.lexical is None else round(row.lexical, 6),
        semantic_score=None if row.semantic is None else round(row.semantic, 6),
    )


# ---------------------------------------------------------------- the search log


def _log_search(
    core: Core, query: str, user_id: int | None, filters: Filters, results: Sequence[SearchResult]
) -> int:
    with core.begin() as conn:
        return log_search(
            conn,
            mask((query or "")[:1000]),
            user_id,
            json.dumps(filters.as_dict(), sort_keys=True),
            [result.key for result in results],
        )


def record_open(core: Core, log_id: int, result_key: str, *, user_id: int | None = None) -> str:
    """Note that a result of a logged search was opened; returns the key. The first open counts.

    Only the person who ran the search may mark it: another user's search is not found.
    """
    with core.begin() as conn:
        row = logged_search(conn, log_id)
        if row is None or row.user_id != user_id:
            raise NotFound(f"No search {log_id} in your search log.")
        if result_key not in json.loads(row.result_ids or "[]"):
            raise InvalidInput(f"{result_key!r} was not a result of search {log_id}.")
        if row.opened_id is None:
            mark_opened(conn, log_id, result_key)
    return result_key


# ---------------------------------------------------------------- similar past tickets


def similar_tickets(
    core: Core,
    title: str,
    description: str,
    limit: int = 5,
    *,
    exclude_id: str | None = None,
) -> list[SimilarTicket]:
    """Resolved tickets most like a new one, with their closure notes (masked) and articles."""
    text = ticket_text(title or "", description or "")
    parsed = parse_query(text)
    if parsed.empty:
        return []
    ensure_current(core)
    embedder = core.resources.embedder
    # Cached like a ticket: when this ticket is ingested later its vector is already there.
    with core.begin() as writer, one_thread():
        vector = embed_cached(writer, embedder, [text])[0]
    ranking = rank(
        lexical_index(core),
        vector_index(core),
        vector,
        parsed,
        Filters(kind="ticket"),
        fusion=SIMILAR_FUSION,
        min_similarity=MIN_SIMILARITY.get(embedder.name, 0.0),
    )
    with core.connect() as conn:
        return _similar(conn, ranking, limit, exclude_id)


def _similar(
    conn: Connection, ranking: Ranking, limit: int, exclude_id: str | None
) -> list[SimilarTicket]:
    shortlist = [row for row in ranking.records if row.key != f"ticket:{exclude_id}"][: limit * 3]
    ids = [row.key.partition(":")[2] for row in shortlist]
    if not ids:
        return []
    rows = ticket_summaries(conn, ids)
    shortlist = [row for row in shortlist if row.key.partition(":")[2] in rows]
    factors = {
        row.key: reopen_factor(rows[row.key.partition(":")[2]].reopen_count or 0)
        for row in shortlist
    }
    chosen = adjust(shortlist, factors)[:limit]
    links = linked_articles(conn, [row.key.partition(":")[2] for row in chosen])
    out = []
    for fused in chosen:
        row = rows[fused.key.partition(":")[2]]
        out.append(
            SimilarTicket(
                id=row.id,
                title=mask(row.title),
                score=round(fused.score, 6),
                resolution=mask(row.resolution or ""),
                status=row.status or "",
                client=row.client or "",
                category=row.category or "",
                resolved_at=row.resolved_at or row.closed_at,
                reopen_count=int(row.reopen_count or 0),
                articles=tuple(LinkedArticle(a, mask(t)) for a, t in links.get(row.id, [])),
            )
        )
    return out


def search_many(
    core: Core, queries: Sequence[str], *, kind: str | None = None, limit: int = 10
) -> list[SearchResponse]:
    """Run many queries with the model and indexes loaded once (evaluation; not logged)."""
    return [search(core, query, kind=kind, limit=limit, log=False) for query in queries]
