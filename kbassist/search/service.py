"""The search service: answers first, one entry per issue, similar past tickets, result opens.

A query runs against both indexes (kept current by ``kbassist.search.indexing``),
the per-record best scores are fused (``kbassist.search.ranking``), quality,
closure-note, recency and reopen factors are applied (``kbassist.search.fusion``)
and the records are arranged for a person (``kbassist.search.arrange``): the
articles that answer first, then one entry per issue family, records holding the
query's exact codes and names ahead. Results come back with masked, highlighted
snippets (a ticket's shows its fix). Every search is logged; a search with no
results, or whose results nobody opened, is a failed search for the playbook-gap
report. docs/search.md explains the ranking.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from sqlalchemy.engine import Connection

from kbassist.auth import PERMISSIONS
from kbassist.core import Core
from kbassist.embedding import embed_cached
from kbassist.errors import InvalidInput, NotFound
from kbassist.gaps.queries import families_for
from kbassist.hygiene import mask
from kbassist.index.documents import SearchDoc
from kbassist.index.exact import exact_tokens
from kbassist.index.lexical import LexicalIndex
from kbassist.index.query import Filters, parse_query
from kbassist.index.vectors import one_thread
from kbassist.records import ticket_text
from kbassist.search.arrange import ANSWER_BAR, NEAR_DUPLICATE, Entry, Evidence, absent, arrange
from kbassist.search.documents import report_windows, split_records
from kbassist.search.fusion import (
    Fused,
    adjust,
    note_factor,
    quality_factor,
    recency_factor,
    reopen_factor,
)
from kbassist.search.indexing import ensure_current, lexical_index, vector_index
from kbassist.search.queries import (
    article_details,
    linked_articles,
    log_search,
    logged_search,
    mark_opened,
    note_scores,
    ticket_details,
    ticket_summaries,
)
from kbassist.search.ranking import (
    CANDIDATES,
    SEARCH_FUSION,
    SIMILAR_FUSION,
    Ranking,
    rank,
)
from kbassist.search.results import (
    CollapsedTicket,
    LinkedArticle,
    SearchResponse,
    SearchResult,
    SimilarTicket,
)
from kbassist.search.snippets import make_snippet

__all__ = [
    "CANDIDATES",
    "SEARCH_FUSION",
    "SIMILAR_FUSION",
    "MIN_SIMILARITY",
    "Ranking",
    "SearchResponse",
    "SearchResult",
    "SimilarTicket",
    "rank",
    "record_open",
    "search",
    "search_many",
    "similar_tickets",
    "warm_up",
]

MAX_LIMIT = 100
MAX_SHOWN_SIMILAR = 20  # collapsed tickets sent with an entry to expand in place
# A semantic-only hit below this cosine is noise ("asdf" is nearest to something).
MIN_SIMILARITY = {"all-MiniLM-L6-v2": 0.20, "hashing-384": 0.10}


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
    flat: bool = False,
) -> SearchResponse:
    """Search articles and resolved tickets; logs the search unless ``log`` is False.

    Without a kind, the articles that answer come first; tickets of one issue
    family are one entry. ``flat`` gives the plain fused order instead (no answers
    block, no collapsing, quoted phrases required): the ranking before issue 10.
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
    exact = () if flat else exact_tokens(parsed)
    contains: dict[str, frozenset[str]] = {}
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
            parsed if flat else replace(parsed, phrases=()),  # phrases rank first, not filter
            active,
            min_similarity=MIN_SIMILARITY.get(embedder.name, 0.0),
            exact=exact,
            respell=None if flat else (lambda text: _query_vector(core, text)),
        )
        contains = ranking.contains
        # One connection at a time: this read is closed before the search log writes.
        with core.connect() as conn:
            if flat:
                results = _present_flat(conn, lexical, ranking, limit)
            else:
                results = _present(core, conn, ranking, limit, answers_first=active.kind is None)
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
        exact=tuple(mask(token.text) for token in exact),
        absent=tuple(mask(token) for token in absent(contains)) if contains else (),
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


def _details(conn: Connection, records: Sequence[str]) -> dict[str, dict[str, Any]]:
    tickets, articles = split_records(records)
    return {
        **{f"ticket:{k}": v for k, v in ticket_details(conn, tickets).items()},
        **{f"article:{k}": v for k, v in article_details(conn, articles).items()},
    }


def _present_flat(
    conn: Connection, lexical: LexicalIndex, ranking: Ranking, limit: int
) -> tuple[SearchResult, ...]:
    """The plain fused order with quality and reopen factors (the ranking before issue 10)."""
    shortlist = list(ranking.records[: limit * 3])
    info = _details(conn, [row.key for row in shortlist])
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
        _result(Entry(row.key, row.score), row, info, documents, ranking) for row in chosen
    )


def _present(
    core: Core, conn: Connection, ranking: Ranking, limit: int, *, answers_first: bool
) -> tuple[SearchResult, ...]:
    """Adjust every candidate, arrange them for a person, and make the results shown."""
    info = _details(conn, [row.key for row in ranking.records])
    rows = [row for row in ranking.records if row.key in info]
    tickets = [row.key.partition(":")[2] for row in rows if row.key.startswith("ticket:")]
    notes = {f"ticket:{k}": v for k, v in note_scores(conn, tickets).items()}
    families = {f"ticket:{k}": v for k, v in families_for(conn, tickets).items()}
    dates = {key: value["updated"].timestamp() for key, value in info.items() if value["updated"]}
    newest = max((dates.get(f"ticket:{ref}", 0.0) for ref in tickets), default=0.0)
    factors = {}
    for row in rows:
        details = info[row.key]
        if row.key.startswith("article:"):
            factors[row.key] = quality_factor(details.get("quality"))
            continue
        age = (newest - dates[row.key]) / 86400 if row.key in dates else None
        factors[row.key] = (
            reopen_factor(details.get("reopen_count", 0))
            * note_factor(notes.get(row.key))
            * recency_factor(age)
        )
    unplaced = [
        row.key for row in rows if row.key.startswith("ticket:") and row.key not in families
    ]
    evidence = Evidence(
        fused={row.key: row.score for row in rows},
        families=families,
        vectors=vector_index(core).vectors_of(unplaced) if unplaced else {},
        note_scores=notes,
        dates=dates,
        contains=ranking.contains,
    )
    name = core.resources.embedder.name
    entries = arrange(
        adjust(rows, factors),
        evidence,
        answers_first=answers_first,
        bar=ANSWER_BAR.get(name, 0.4),
        near_duplicate=NEAR_DUPLICATE.get(name, 0.9),
    )[:limit]
    keys = [
        ranking.best_doc.get(e.record, e.record) if e.kind == "article" else e.record
        for e in entries
    ]
    documents = lexical_index(core).documents(keys)
    by_key = {row.key: row for row in rows}
    return tuple(
        _result(entry, by_key[entry.record], info, documents, ranking, notes) for entry in entries
    )


_MARKUP = re.compile(r"\*\*|__|`")


def _result(
    entry: Entry,
    row: Fused,
    info: dict[str, dict[str, Any]],
    documents: dict[str, SearchDoc],
    ranking: Ranking,
    notes: dict[str, float] | None = None,
) -> SearchResult:
    """One entry as shown: masked title, section and snippet (a ticket's: its fix)."""
    details = info[row.key]
    kind, _, ref = row.key.partition(":")
    doc = documents.get(ranking.best_doc.get(row.key, row.key) if kind == "article" else row.key)
    text = doc.body if doc else ""
    if kind == "article":
        text = _MARKUP.sub("", text)  # section text is markdown: **bold**, `code`
    elif notes is not None and details.get("resolution"):
        text = details["resolution"]  # what fixed it, not the user's complaint
    snippet = make_snippet(mask(text), ranking.terms)
    shown = [key for key in entry.collapsed[:MAX_SHOWN_SIMILAR] if key in info]
    return SearchResult(
        kind=kind,
        id=ref,
        title=mask(details["title"]),
        score=round(entry.score, 6),
        snippet=snippet.text,
        highlights=snippet.spans,
        snippet_html=snippet.html(),
        anchor=doc.anchor if doc and kind == "article" else "",
        section=mask(doc.heading) if doc and kind == "article" else "",
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
        answer=entry.answer,
        note_score=None if notes is None else notes.get(row.key),
        exact=tuple(mask(token) for token in entry.exact),
        family_id=entry.family_id,
        similar_count=len(entry.collapsed),
        collapsed_ids=tuple(key.partition(":")[2] for key in entry.collapsed),
        similar=tuple(_collapsed(key, info[key], notes or {}) for key in shown),
    )


def _collapsed(key: str, details: dict[str, Any], notes: dict[str, float]) -> CollapsedTicket:
    return CollapsedTicket(
        id=key.partition(":")[2],
        title=mask(details["title"]),
        resolution=mask(" ".join(details.get("resolution", "").split())[:300]),
        updated=details.get("updated"),
        note_score=notes.get(key),
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
    """Resolved tickets most like a new one, with their closure notes (masked) and articles.

    A long report is read as its prose only (no banners, signatures or pasted
    logs) and in passages, each weighed against its own background
    (``ranking.passage_scores``), so a buried question still finds its duplicates.
    """
    windows = report_windows(description or "")
    prose = ticket_text(title or "", "\n".join(windows))
    parsed = parse_query(prose)
    if parsed.empty:
        return []
    ensure_current(core)
    embedder = core.resources.embedder
    # Cached like a ticket: when this ticket is ingested later its vector is already there.
    with core.begin() as writer, one_thread():
        first = ticket_text(title or "", windows[0])
        vectors = embed_cached(writer, embedder, [first, *windows[1:]])
    ranking = rank(
        lexical_index(core),
        vector_index(core),
        vectors if len(vectors) > 1 else vectors[0],
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
    core: Core,
    queries: Sequence[str],
    *,
    kind: str | None = None,
    limit: int = 10,
    flat: bool = False,
) -> list[SearchResponse]:
    """Run many queries with the model and indexes loaded once (evaluation; not logged)."""
    return [search(core, q, kind=kind, limit=limit, log=False, flat=flat) for q in queries]


def warm_up(core: Core) -> dict[str, float]:
    """Load all a first search needs (indexes caught up, model, vectors, speller); seconds each.

    ``kbassist serve`` runs this before it accepts requests, so the first search
    answers as fast as the hundredth.
    """
    steps = {
        "catch_up": lambda: ensure_current(core),
        "model": lambda: _query_vector(core, "warm up the embedding model"),
        "vectors": lambda: len(vector_index(core)),
        "speller": lambda: lexical_index(core).speller().prepare(),
        "first_search": lambda: search(core, "printer offline 0x80070005", log=False),
    }
    seconds = {}
    for name, step in steps.items():
        started = time.perf_counter()
        step()
        seconds[name] = round(time.perf_counter() - started, 3)
    return seconds
