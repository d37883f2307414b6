"""The search service: hybrid KB and ticket search, similar past tickets, the search log.

Two indexes are kept beside the database, both caches that can be rebuilt from
it: a lexical index (tantivy or whoosh, ``kbassist.index.lexical``) and a semantic
one (``kbassist.index.vectors``). Article sections and resolved tickets are the
documents. A query runs against both, the per-record best scores are fused
(``kbassist.search.fusion``), small quality and reopen adjustments are applied, and
the results come back with masked, highlighted snippets. Every search is
logged; a search with no results, or whose results nobody opened, is a failed
search for the playbook-gap report. docs/search.md explains the ranking.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.articles import section_anchors
from kbassist.core import Core
from kbassist.errors import InvalidInput, NotFound
from kbassist.index.documents import RecordDocs, SearchDoc
from kbassist.index.lexical import LexicalIndex
from kbassist.index.query import Filters, ParsedQuery, parse_query
from kbassist.index.vectors import VectorIndex, VectorRecord, one_thread
from kbassist.records import ticket_text
from kbassist.search.fusion import Fused, adjust, fuse, quality_factor, reopen_factor
from kbassist.search.snippets import make_snippet
from kbassist.store import utc_now

Progress = Callable[[int], None]

DOC_FORMAT = "1"  # bump when documents are built differently: every record re-indexes
CANDIDATES = 100  # documents taken from each index before fusion
MAX_LIMIT = 100
BATCH = 500  # records embedded and indexed per step of a rebuild or catch-up

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

RESOLVED_STATUSES = frozenset(
    {"resolved", "closed", "complete", "completed", "done", "solved", "fixed", "closed complete"}
)
OPEN_STATUSES = frozenset(
    {
        "new",
        "open",
        "reopened",
        "re-opened",
        "in progress",
        "pending",
        "on hold",
        "waiting",
        "assigned",
        "active",
        "scheduled",
        "awaiting customer",
        "in-progress",
    }
)


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


@dataclass(frozen=True)
class IndexedRecord:
    """A database record as documents for both indexes, with the texts to embed."""

    record: str
    content_hash: str
    docs: tuple[SearchDoc, ...]
    texts: tuple[str, ...]  # one embedding text per document


# ---------------------------------------------------------------- documents (pure)


def index_hash(content_hash: str) -> str:
    """What the manifests store: the record's content hash under this document format."""
    return f"{DOC_FORMAT}:{content_hash}"


def is_resolved(status: str, resolved_at: datetime | None, closed_at: datetime | None) -> bool:
    """A ticket worth searching: resolved or closed (not reopened or still open)."""
    state = " ".join((status or "").lower().split())
    if state in RESOLVED_STATUSES:
        return True
    if state in OPEN_STATUSES:
        return False
    return resolved_at is not None or closed_at is not None


def article_record(
    article_id: str,
    title: str,
    article_type: str,
    body: str,
    *,
    content_hash: str,
    clients: Sequence[str] = (),
    tags: Sequence[str] = (),
    updated: datetime | None = None,
) -> IndexedRecord:
    """One document per section: key ``article:ID#anchor``, the heading path as its heading."""
    from kbassist.articles import split_sections

    sections = split_sections(body)
    anchors = section_anchors(s.heading_path[-1] if s.heading_path else "" for s in sections)
    # A leading H1 is the page title again: keep it out of every heading path.
    page_title = sections[0].heading_path[:1] if sections and sections[0].level == 1 else ()
    docs, texts = [], []
    for section, anchor in zip(sections, anchors, strict=True):
        if not section.text.strip():
            continue  # a heading with nothing under it; its words live on in its subsections
        path = section.heading_path
        heading = " / ".join(path[1:] if page_title and path[:1] == page_title else path)
        docs.append(
            SearchDoc(
                key=f"article:{article_id}" + (f"#{anchor}" if anchor else ""),
                record=f"article:{article_id}",
                kind="article",
                ref_id=article_id,
                title=title,
                heading=heading,
                body=section.text,
                anchor=anchor,
                article_type=article_type,
                clients=tuple(clients),
                categories=tuple(tags),
                updated=updated,
            )
        )
        texts.append("\n".join(part for part in (title, heading, section.text) if part))
    if not docs:
        docs.append(
            SearchDoc(
                key=f"article:{article_id}",
                record=f"article:{article_id}",
                kind="article",
                ref_id=article_id,
                title=title,
                article_type=article_type,
                clients=tuple(clients),
                categories=tuple(tags),
                updated=updated,
            )
        )
        texts.append(title)
    return IndexedRecord(
        f"article:{article_id}", index_hash(content_hash), tuple(docs), tuple(texts)
    )


def ticket_record(
    ticket_id: str,
    title: str,
    description: str,
    resolution: str,
    *,
    content_hash: str,
    client: str = "",
    category: str = "",
    updated: datetime | None = None,
) -> IndexedRecord:
    """One document: title, description and closure note; embedded on title and description."""
    doc = SearchDoc(
        key=f"ticket:{ticket_id}",
        record=f"ticket:{ticket_id}",
        kind="ticket",
        ref_id=ticket_id,
        title=title,
        body="\n\n".join(part for part in (description, resolution) if part),
        clients=(client,) if client else (),
        categories=(category,) if category else (),
        updated=updated,
    )
    return IndexedRecord(
        doc.record, index_hash(content_hash), (doc,), (ticket_text(title, description),)
    )


# ---------------------------------------------------------------- indexes as resources


def lexical_index(core: Core) -> LexicalIndex:
    """The process's lexical index (backend from KBASSIST_LEXICAL_BACKEND)."""
    return core.resources.lexical


def vector_index(core: Core) -> VectorIndex:
    """The process's semantic index for the configured embedder."""
    return core.resources.vectors


def _query_vector(core: Core, text: str) -> np.ndarray:
    return core.resources.query_vectors.get(core.resources.embedder, text)


def ensure_current(core: Core) -> None:
    """Catch the indexes up with the database once per process (after a crash, say)."""
    caught_up = core.resources.caught_up
    if not caught_up.is_set():
        catch_up(core)


# ---------------------------------------------------------------- loading records


def _ticket_rows(conn: Connection, ids: Sequence[str] | None) -> list[Any]:
    t, c = store.tickets, store.clients
    query = select(
        t.c.id,
        t.c.title,
        t.c.description,
        t.c.resolution,
        t.c.status,
        t.c.category,
        t.c.created_at,
        t.c.resolved_at,
        t.c.closed_at,
        t.c.content_hash,
        c.c.name.label("client"),
    ).select_from(t.outerjoin(c, t.c.client_id == c.c.id))
    if ids is None:
        return list(conn.execute(query.order_by(t.c.id)))
    rows: list[Any] = []
    for start in range(0, len(ids), 500):
        rows.extend(conn.execute(query.where(t.c.id.in_(list(ids[start : start + 500])))))
    return rows


def _article_rows(conn: Connection, ids: Sequence[str] | None) -> list[Any]:
    a = store.articles
    query = select(
        a.c.id,
        a.c.title,
        a.c.type,
        a.c.body,
        a.c.clients,
        a.c.tags,
        a.c.updated,
        a.c.created,
        a.c.content_hash,
    )
    if ids is None:
        return list(conn.execute(query.order_by(a.c.id)))
    rows: list[Any] = []
    for start in range(0, len(ids), 500):
        rows.extend(conn.execute(query.where(a.c.id.in_(list(ids[start : start + 500])))))
    return rows


def _from_ticket_row(row: Any) -> IndexedRecord | None:
    if not is_resolved(row.status, row.resolved_at, row.closed_at):
        return None
    return ticket_record(
        row.id,
        row.title,
        row.description or "",
        row.resolution or "",
        content_hash=row.content_hash,
        client=row.client or "",
        category=row.category or "",
        updated=row.resolved_at or row.closed_at or row.created_at,
    )


def _from_article_row(row: Any) -> IndexedRecord:
    return article_record(
        row.id,
        row.title,
        row.type,
        row.body or "",
        content_hash=row.content_hash,
        clients=_json_list(row.clients),
        tags=_json_list(row.tags),
        updated=row.updated or row.created,
    )


def _json_list(text: str | None) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(item) for item in value] if isinstance(value, list) else []


def _load(
    conn: Connection, ticket_ids: Sequence[str] | None, article_ids: Sequence[str] | None
) -> list[IndexedRecord]:
    records: list[IndexedRecord] = []
    if ticket_ids is None or ticket_ids:
        for row in _ticket_rows(conn, ticket_ids):
            built = _from_ticket_row(row)
            if built is not None:
                records.append(built)
    if article_ids is None or article_ids:
        records.extend(_from_article_row(row) for row in _article_rows(conn, article_ids))
    return records


def database_manifest(conn: Connection) -> dict[str, str]:
    """Record key -> index hash for everything that belongs in the indexes now."""
    t, a = store.tickets, store.articles
    manifest = {}
    for row in conn.execute(
        select(t.c.id, t.c.status, t.c.resolved_at, t.c.closed_at, t.c.content_hash)
    ):
        if is_resolved(row.status, row.resolved_at, row.closed_at):
            manifest[f"ticket:{row.id}"] = index_hash(row.content_hash)
    for article in conn.execute(select(a.c.id, a.c.content_hash)):
        manifest[f"article:{article.id}"] = index_hash(article.content_hash)
    return manifest


def count_indexable(conn: Connection) -> int:
    """How many records a rebuild will index (for a progress bar)."""
    return len(database_manifest(conn))


def _embed(conn: Connection, core: Core, records: Sequence[IndexedRecord]) -> list[VectorRecord]:
    from kbassist.embedding import embed_cached

    texts = [text for item in records for text in item.texts]
    matrix = embed_cached(conn, core.resources.embedder, texts)
    out, position = [], 0
    for item in records:
        count = len(item.texts)
        out.append(
            VectorRecord(
                item.record, item.content_hash, item.docs, matrix[position : position + count]
            )
        )
        position += count
    return out


def _split(records: Iterable[str]) -> tuple[list[str], list[str]]:
    tickets: list[str] = []
    articles: list[str] = []
    for record in sorted(set(records)):
        kind, _, ref = record.partition(":")
        (tickets if kind == "ticket" else articles).append(ref)
    return tickets, articles


# ---------------------------------------------------------------- keeping the indexes current


def update_indexes(core: Core, ticket_ids: Sequence[str], article_ids: Sequence[str]) -> None:
    """Re-index just these records in both indexes (ingest calls this after each run)."""
    wanted = [f"ticket:{i}" for i in ticket_ids] + [f"article:{i}" for i in article_ids]
    _sync(core, wanted, wanted, wanted)


def _sync(
    core: Core,
    lexical_records: Sequence[str],
    vector_records: Sequence[str],
    all_records: Sequence[str],
) -> None:
    """Bring the given records up to date in each index (deletes included), one write each."""
    lexical_wanted, vector_wanted = set(lexical_records), set(vector_records)
    ordered = sorted(set(all_records))
    lexical_upserts: list[RecordDocs] = []
    vector_upserts: list[VectorRecord] = []
    found: set[str] = set()
    for start in range(0, len(ordered), BATCH):
        tickets, articles = _split(ordered[start : start + BATCH])
        # Embeddings land in the cache in their own transactions, before the index
        # files change: a crash after them only leaves work that catch-up redoes cheaply.
        with core.begin() as conn:
            records = _load(conn, tickets, articles)
            vector_upserts.extend(
                _embed(conn, core, [r for r in records if r.record in vector_wanted])
            )
        found.update(r.record for r in records)
        lexical_upserts.extend(
            RecordDocs(r.record, r.content_hash, r.docs)
            for r in records
            if r.record in lexical_wanted
        )
    gone = [record for record in ordered if record not in found]
    lexical_index(core).update(lexical_upserts, [r for r in gone if r in lexical_wanted])
    vector_index(core).update(vector_upserts, [r for r in gone if r in vector_wanted])


def catch_up(core: Core) -> int:
    """Re-index what the indexes miss, hold stale, or hold but the database deleted.

    Returns the number of records touched; 0 when both indexes match the database.
    """
    with core.connect() as conn:
        wanted = database_manifest(conn)
    lexical_have = lexical_index(core).manifest()
    vector_have = vector_index(core).manifest()

    def behind(have: dict[str, str]) -> set[str]:
        stale = {record for record, digest in wanted.items() if have.get(record) != digest}
        return stale | (have.keys() - wanted.keys())

    lexical_behind, vector_behind = behind(lexical_have), behind(vector_have)
    touched = lexical_behind | vector_behind
    if touched:
        _sync(core, sorted(lexical_behind), sorted(vector_behind), sorted(touched))
    core.resources.caught_up.set()
    return len(touched)


def rebuild_indexes(core: Core, progress: Progress | None = None) -> dict[str, Any]:
    """Rebuild both indexes from the database; embeddings come from the cache where present."""
    started = datetime.now(UTC)
    with core.connect() as conn:
        ordered = sorted(database_manifest(conn))
    lexical_items: list[RecordDocs] = []
    vector_items: list[VectorRecord] = []
    counts: dict[str, Any] = {"articles": 0, "sections": 0, "tickets": 0}
    for start in range(0, len(ordered), BATCH):
        tickets, articles = _split(ordered[start : start + BATCH])
        with core.begin() as conn:
            records = _load(conn, tickets, articles)
            vector_items.extend(_embed(conn, core, records))
        for item in records:
            lexical_items.append(RecordDocs(item.record, item.content_hash, item.docs))
            if item.record.startswith("ticket:"):
                counts["tickets"] += 1
            else:
                counts["articles"] += 1
                counts["sections"] += len(item.docs)
        if progress:
            progress(len(records))
    lexical_index(core).rebuild(lexical_items)
    vector_index(core).rebuild(vector_items)
    counts["seconds"] = round((datetime.now(UTC) - started).total_seconds(), 2)
    counts["backend"] = lexical_index(core).backend
    return counts


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
    return _search(core, query, user_id, role, kind, filters, limit, facets, log)


def _search(
    core: Core,
    query: str,
    user_id: int | None,
    role: str | None,
    kind: str | None,
    filters: Filters | dict[str, Any] | None,
    limit: int,
    with_facets: bool,
    log: bool,
) -> SearchResponse:
    from kbassist.hygiene import mask

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
            results = _present(conn, lexical, ranking, limit, mask)
        did_you_mean = mask(ranking.did_you_mean) if ranking.did_you_mean else None
        if with_facets:
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


def _allowed_kinds(role: str | None) -> set[str]:
    if role is None:
        return {"article", "ticket"}
    from kbassist.auth import PERMISSIONS

    allowed = set()
    if role in PERMISSIONS.get("articles", frozenset()):
        allowed.add("article")
    if role in PERMISSIONS.get("tickets", frozenset()):
        allowed.add("ticket")
    return allowed


def _present(
    conn: Connection,
    lexical: LexicalIndex,
    ranking: Ranking,
    limit: int,
    mask: Callable[[str], str],
) -> tuple[SearchResult, ...]:
    """Join the best records with the database, apply quality and reopen factors, make snippets."""
    shortlist = list(ranking.records[: limit * 3])
    tickets, articles = _split(row.key for row in shortlist)
    ticket_info = _ticket_details(conn, tickets)
    article_info = _article_details(conn, articles)
    info = {
        **{f"ticket:{k}": v for k, v in ticket_info.items()},
        **{f"article:{k}": v for k, v in article_info.items()},
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
    results = []
    for row in chosen:
        details = info[row.key]
        doc = documents.get(ranking.best_doc[row.key])
        text = doc.body if doc else ""
        if row.key.startswith("article:"):
            text = _MARKUP.sub("", text)  # section text is markdown: **bold**, `code`
        snippet = make_snippet(mask(text), ranking.terms)
        kind, _, ref = row.key.partition(":")
        results.append(
            SearchResult(
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
        )
    return tuple(results)


_MARKUP = re.compile(r"\*\*|__|`")


def _ticket_details(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    t, c, p = store.tickets, store.clients, store.technicians
    rows = conn.execute(
        select(
            t.c.id,
            t.c.title,
            t.c.status,
            t.c.category,
            t.c.reopen_count,
            t.c.resolved_at,
            t.c.closed_at,
            t.c.created_at,
            c.c.name.label("client"),
            p.c.name.label("assignee"),
        )
        .select_from(
            t.outerjoin(c, t.c.client_id == c.c.id).outerjoin(p, t.c.assignee_id == p.c.id)
        )
        .where(t.c.id.in_(list(ids)))
    )
    return {
        row.id: {
            "title": row.title,
            "status": row.status or "",
            "category": row.category or "",
            "reopen_count": int(row.reopen_count or 0),
            "updated": row.resolved_at or row.closed_at or row.created_at,
            "client": row.client or "",
            "author": row.assignee or "",
        }
        for row in rows
    }


def _article_details(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    a, p, s = store.articles, store.technicians, store.article_scores
    rows = conn.execute(
        select(
            a.c.id,
            a.c.title,
            a.c.type,
            a.c.updated,
            a.c.created,
            a.c.clients,
            a.c.tags,
            p.c.name.label("author"),
            s.c.score,
        )
        .select_from(a.outerjoin(p, a.c.author_id == p.c.id).outerjoin(s, s.c.article_id == a.c.id))
        .where(a.c.id.in_(list(ids)))
    )
    return {
        row.id: {
            "title": row.title,
            "article_type": row.type,
            "updated": row.updated or row.created,
            "author": row.author or "",
            "quality": None if row.score is None else round(float(row.score), 1),
            "client": ", ".join(_json_list(row.clients)),
            "category": ", ".join(_json_list(row.tags)),
        }
        for row in rows
    }


# ---------------------------------------------------------------- the search log


def _log_search(
    core: Core, query: str, user_id: int | None, filters: Filters, results: Sequence[SearchResult]
) -> int:
    from kbassist.hygiene import mask

    with core.begin() as conn:
        inserted = conn.execute(
            store.search_log.insert().values(
                query=mask((query or "")[:1000]),
                user_id=user_id,
                filters=json.dumps(filters.as_dict(), sort_keys=True),
                result_ids=json.dumps([r.key for r in results]),
                n_results=len(results),
                created_at=utc_now(),
            )
        )
        return int(store.inserted_id(inserted))


def record_open(core: Core, log_id: int, result_key: str) -> str:
    """Note that a result of a logged search was opened; returns the key. The first open counts."""
    table = store.search_log
    with core.begin() as conn:
        row = conn.execute(
            select(table.c.result_ids, table.c.opened_id).where(table.c.id == log_id)
        ).first()
        if row is None:
            raise NotFound(f"No search {log_id} in the log.")
        if result_key not in json.loads(row.result_ids or "[]"):
            raise InvalidInput(f"{result_key!r} was not a result of search {log_id}.")
        if row.opened_id is None:
            conn.execute(
                update(table)
                .where(table.c.id == log_id)
                .values(opened_id=result_key, opened_at=utc_now())
            )
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
    from kbassist.embedding import embed_cached
    from kbassist.hygiene import mask

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
        return _similar(conn, ranking, limit, exclude_id, mask)


def _similar(
    conn: Connection,
    ranking: Ranking,
    limit: int,
    exclude_id: str | None,
    mask: Callable[[str], str],
) -> list[SimilarTicket]:
    shortlist = [row for row in ranking.records if row.key != f"ticket:{exclude_id}"][: limit * 3]
    ids = [row.key.partition(":")[2] for row in shortlist]
    if not ids:
        return []
    t, c = store.tickets, store.clients
    rows = {
        row.id: row
        for row in conn.execute(
            select(
                t.c.id,
                t.c.title,
                t.c.resolution,
                t.c.status,
                t.c.category,
                t.c.resolved_at,
                t.c.closed_at,
                t.c.reopen_count,
                c.c.name.label("client"),
            )
            .select_from(t.outerjoin(c, t.c.client_id == c.c.id))
            .where(t.c.id.in_(ids))
        )
    }
    shortlist = [row for row in shortlist if row.key.partition(":")[2] in rows]
    factors = {
        row.key: reopen_factor(rows[row.key.partition(":")[2]].reopen_count or 0)
        for row in shortlist
    }
    chosen = adjust(shortlist, factors)[:limit]
    links = _linked_articles(conn, [row.key.partition(":")[2] for row in chosen])
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


def _linked_articles(
    conn: Connection, ticket_ids: Sequence[str]
) -> dict[str, list[tuple[str, str]]]:
    if not ticket_ids:
        return {}
    link, a = store.ticket_article_links, store.articles
    rows = conn.execute(
        select(link.c.ticket_id, link.c.article_id, a.c.title)
        .select_from(link.outerjoin(a, a.c.id == link.c.article_id))
        .where(link.c.ticket_id.in_(list(ticket_ids)))
        .order_by(link.c.ticket_id, link.c.article_id)
    )
    out: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        out.setdefault(row.ticket_id, []).append((row.article_id, row.title or ""))
    return out


def search_many(
    core: Core, queries: Sequence[str], *, kind: str | None = None, limit: int = 10
) -> list[SearchResponse]:
    """Run many queries with the model and indexes loaded once (evaluation; not logged)."""
    return [search(core, query, kind=kind, limit=limit, log=False) for query in queries]
