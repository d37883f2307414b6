"""Repeat issues lacking playbooks: issue families, their coverage, and the ranked gaps.

``recluster`` groups every resolved ticket into families and stores the run in
one transaction; ``assign_new_tickets`` (called by the ingest pipeline) places
tickets that arrive between full runs without a recompute. The read side
(``list_families``, ``find_gaps``, ``find_duplicates``) takes a connection and
an optional embedder: vectors come from the embedding cache, and only texts
missing from it are encoded (and not stored, so reads never write).
Thresholds and how they were tuned: docs/gaps.md.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.core import Core
from kbassist.embedding import Embedder, embed_cached, load_vectors
from kbassist.errors import NotFound
from kbassist.gaps.clustering import (
    Assignment,
    ClusterParams,
    agglomerate,
    assign,
    cluster_vectors,
    family_terms,
    label_from_terms,
    merge_into,
)
from kbassist.hygiene import mask
from kbassist.records import text_hash, ticket_text
from kbassist.store import utc_now

MIN_TICKETS = 5  # a gap needs at least this many tickets in the window
WINDOW_DAYS = 90
# An article covers a family when its title's embedding is this close to the
# family centroid (cosine). On stackfaq, 0.70 covers 94% of questions by their
# own answer's title and wrongly covers 6% by another's; see docs/gaps.md.
COVER_SIMILARITY = 0.70
# An article covers a family through links when at least this many of the
# family's tickets, and this share of them, cite it: one stray citation is not
# coverage.
LINK_COVER_MIN_TICKETS = 2
LINK_COVER_MIN_SHARE = 0.05
# A failed search is evidence for the family whose centroid it is this close
# to; searches are shorter than tickets, so the bar sits below ASSIGN_SIMILARITY.
EVIDENCE_SIMILARITY = 0.60
# Articles whose title-and-body embeddings are this close are near-duplicates
# (or when their word 3-shingles overlap this much). The demo KB's planted
# duplicate pairs score 0.79 and 0.73; its closest distinct pair 0.63.
DUPLICATE_SIMILARITY = 0.70
DUPLICATE_SHINGLE_OVERLAP = 0.5
PARETO_SHARE = 0.8
RESOLVED_STATUSES = ("resolved", "closed", "completed", "complete", "done", "solved")
Progress = Callable[[int], None]


def article_title_text(title: str) -> str:
    """The text an article is matched to a family by: its title (tuned; see docs/gaps.md)."""
    return title


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class RunSummary:
    """What a full clustering run stored."""

    run_id: int
    n_tickets: int
    n_families: int
    n_repeat_families: int  # families of MIN_TICKETS or more
    params: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FamilySummary:
    """One family as listed: members, representative and link rate."""

    id: int
    label: str
    size: int
    representative: str | None
    ticket_ids: tuple[str, ...]
    link_rate: float  # share of its tickets that cite any article

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ticket_ids"] = list(self.ticket_ids)
        data["link_rate"] = round(self.link_rate, 4)
        return data


@dataclass(frozen=True)
class Coverage:
    """Whether a family is covered, and by which articles (cited, or matching its centroid)."""

    covered: bool
    linked: tuple[tuple[str, int], ...]  # (article id, tickets citing it), existing articles
    matching: tuple[tuple[str, float], ...]  # (article id, similarity) at or above the bar
    best_match: tuple[str, float] | None  # the closest article even below the bar

    @property
    def article_ids(self) -> tuple[str, ...]:
        seen = dict.fromkeys([a for a, _ in self.linked] + [a for a, _ in self.matching])
        return tuple(seen)


@dataclass(frozen=True)
class FamilyCost:
    """What a family's tickets in a window cost."""

    size: int
    ticket_ids: tuple[str, ...]
    hours: float
    reopens: int
    reopen_rate: float  # share of tickets reopened at least once
    escalations: int
    clients: int


@dataclass(frozen=True)
class Gap:
    """An uncovered repeat issue, ranked by what it cost."""

    rank: int
    family_id: int
    label: str
    size: int
    ticket_ids: tuple[str, ...]
    hours: float
    reopens: int
    reopen_rate: float
    escalations: int
    clients: int
    covered: bool
    article_ids: tuple[str, ...]
    evidence_searches: int
    total_size: int
    link_rate: float
    representative: str | None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ticket_ids"] = list(self.ticket_ids)
        data["article_ids"] = list(self.article_ids)
        data["hours"] = round(self.hours, 2)
        data["reopen_rate"] = round(self.reopen_rate, 4)
        data["link_rate"] = round(self.link_rate, 4)
        return data


@dataclass(frozen=True)
class SearchGroup:
    """Failed searches that cluster together but match no family."""

    label: str
    count: int
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Pareto:
    """How many of the top gaps make up ``share`` of the hours lost."""

    share: float
    count: int
    total_hours: float
    cumulative: tuple[float, ...]  # cumulative share after each gap, in rank order


@dataclass(frozen=True)
class GapReport:
    """Gaps in rank order, the Pareto view and the search evidence that matched no family."""

    gaps: tuple[Gap, ...]
    pareto: Pareto
    window_start: datetime | None
    window_end: datetime | None
    min_tickets: int
    window_days: int
    families: int
    covered_families: int
    search_groups: tuple[SearchGroup, ...] = field(default=())


@dataclass(frozen=True)
class DuplicatePair:
    """Two articles that say nearly the same thing."""

    first_id: str
    first_title: str
    second_id: str
    second_title: str
    similarity: float
    shingle_overlap: float

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["similarity"] = round(self.similarity, 4)
        data["shingle_overlap"] = round(self.shingle_overlap, 4)
        return data


# ---------------------------------------------------------------- pure helpers


def coverage_of(
    size: int,
    link_counts: dict[str, int],
    similarities: dict[str, float],
    cover_similarity: float = COVER_SIMILARITY,
) -> Coverage:
    """Decide coverage from citations of existing articles and article-centroid similarity."""
    needed = max(LINK_COVER_MIN_TICKETS, math.ceil(LINK_COVER_MIN_SHARE * size))
    linked = tuple(
        sorted(
            ((a, n) for a, n in link_counts.items() if n >= min(needed, size)),
            key=lambda item: (-item[1], item[0]),
        )
    )
    ranked = sorted(similarities.items(), key=lambda item: (-item[1], item[0]))
    matching = tuple((a, s) for a, s in ranked if s >= cover_similarity)
    best = ranked[0] if ranked else None
    return Coverage(bool(linked or matching), linked, matching, best)


def rank_key(cost: FamilyCost, evidence: int = 0) -> tuple[float, ...]:
    """Gap order: hours, then reopen rate, escalations, clients affected, search evidence."""
    return (-cost.hours, -cost.reopen_rate, -cost.escalations, -cost.clients, -evidence)


def pareto(hours: Sequence[float], share: float = PARETO_SHARE) -> Pareto:
    """The Pareto view of hours lost per gap (already in rank order)."""
    total = float(sum(max(h, 0.0) for h in hours))
    cumulative: list[float] = []
    running = 0.0
    count = 0
    for value in hours:
        running += max(value, 0.0)
        cumulative.append(running / total if total else 0.0)
        if total and not count and running >= share * total - 1e-9:
            count = len(cumulative)
    return Pareto(share, count, round(total, 2), tuple(round(c, 4) for c in cumulative))


def shingle_overlap(first: str, second: str, size: int = 3) -> float:
    """Jaccard overlap of the word n-gram sets of two texts."""
    a, b = _shingles(first, size), _shingles(second, size)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _shingles(text: str, size: int) -> set[tuple[str, ...]]:
    words = [w for w in "".join(c.lower() if c.isalnum() else " " for c in text).split()]
    return {tuple(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


# ---------------------------------------------------------------- full run


def recluster(
    core: Core, params: ClusterParams | None = None, progress: Progress | None = None
) -> RunSummary:
    """Cluster every resolved ticket afresh; store run, families and members in one transaction."""
    params = params or ClusterParams()
    embedder = core.resources.embedder
    with core.connect() as conn:
        rows = conn.execute(
            select(store.tickets.c.id, store.tickets.c.title, store.tickets.c.description)
            .where(_resolved())
            .order_by(store.tickets.c.id)
        ).all()
    ticket_ids = [row.id for row in rows]
    texts = [ticket_text(row.title, row.description) for row in rows]
    # Embeddings are a cache: kept in their own transaction so the long part
    # never holds the write lock the clustering result needs.
    with core.begin() as conn:
        vectors = embed_cached(conn, embedder, texts, progress=progress)
        _cache_article_vectors(conn, embedder)
    clustering = cluster_vectors(vectors, params)
    terms = family_terms(texts, list(clustering.labels))
    run_params = {**params.as_dict(), "embedder": embedder.name}
    with core.begin() as conn:
        first_id = (conn.execute(select(func.max(store.families.c.id))).scalar() or 0) + 1
        conn.execute(delete(store.ticket_families))
        conn.execute(delete(store.families))
        run_id = store.inserted_id(
            conn.execute(
                store.cluster_runs.insert().values(
                    started_at=utc_now(),
                    params=json.dumps(run_params, sort_keys=True),
                    n_tickets=len(ticket_ids),
                    n_families=len(clustering.families),
                )
            )
        )
        family_rows = [
            {
                "id": first_id + index,
                "run_id": run_id,
                "label": label_from_terms(terms[index]),
                "representative_ticket_id": ticket_ids[family.representative],
                "size": family.size,
                "centroid": family.centroid.astype(np.float32).tobytes(),
            }
            for index, family in enumerate(clustering.families)
        ]
        member_rows = [
            {
                "ticket_id": ticket_ids[row],
                "family_id": first_id + label,
                "similarity": float(vectors[row] @ clustering.families[label].centroid),
                "assigned_by": "full",
            }
            for row, label in enumerate(clustering.labels)
        ]
        _insert_many(conn, store.families, family_rows)
        _insert_many(conn, store.ticket_families, member_rows)
    repeat = sum(1 for family in clustering.families if family.size >= MIN_TICKETS)
    return RunSummary(int(run_id), len(ticket_ids), len(clustering.families), repeat, run_params)


# ---------------------------------------------------------------- incremental path


def assign_new_tickets(core: Core, ticket_ids: Sequence[str]) -> int:
    """Place resolved tickets that have no family yet into their nearest family, or new ones.

    Called by the ingest pipeline after every run; no full recompute. Before
    the first full run there are no families to join, so the first call
    clusters everything instead. A ticket that already has a family keeps it
    until the next ``kbassist cluster``.
    """
    if not ticket_ids:
        return 0
    with core.connect() as conn:
        has_run = conn.execute(select(func.count()).select_from(store.cluster_runs)).scalar()
        if not has_run:
            resolved = conn.execute(
                select(func.count()).select_from(store.tickets).where(_resolved())
            )
            if not resolved.scalar():
                return 0
    if not has_run:
        summary = recluster(core)
        return min(summary.n_tickets, len(ticket_ids))
    rows = _unassigned(core, ticket_ids)
    if not rows:
        return 0
    embedder = core.resources.embedder
    texts = [ticket_text(row.title, row.description) for row in rows]
    with core.begin() as conn:
        vectors = embed_cached(conn, embedder, texts)
    with core.begin() as conn:
        return _place(conn, [row.id for row in rows], texts, vectors)


def _unassigned(core: Core, ticket_ids: Sequence[str]) -> list[Any]:
    tickets, members = store.tickets, store.ticket_families
    found: list[Any] = []
    with core.connect() as conn:
        for chunk in _chunks(sorted(set(ticket_ids)), 500):
            found += conn.execute(
                select(tickets.c.id, tickets.c.title, tickets.c.description)
                .outerjoin(members, members.c.ticket_id == tickets.c.id)
                .where(tickets.c.id.in_(chunk), members.c.ticket_id.is_(None), _resolved())
                .order_by(tickets.c.id)
            ).all()
    return found


def _place(conn: Connection, ids: list[str], texts: list[str], vectors: np.ndarray) -> int:
    families = conn.execute(
        select(store.families.c.id, store.families.c.size, store.families.c.centroid)
        .where(store.families.c.centroid.is_not(None))
        .order_by(store.families.c.id)
    ).all()
    family_ids = [row.id for row in families]
    sizes = [row.size for row in families]
    centroids = [np.frombuffer(row.centroid, dtype=np.float32) for row in families]
    run_id = conn.execute(select(func.max(store.cluster_runs.c.id))).scalar()
    next_id = (conn.execute(select(func.max(store.families.c.id))).scalar() or 0) + 1
    first_new = len(family_ids)
    new_labels: dict[int, str] = {}
    representatives: dict[int, str] = {}
    members = []
    # Vectors against the existing centroids in one product; only the ones that
    # start new families go one by one (a later ticket may join an earlier new one).
    matrix = np.vstack(centroids) if centroids else np.zeros((0, vectors.shape[1]), np.float32)
    first_pass = assign(vectors, matrix)
    for position, (ticket_id, text, vector) in enumerate(zip(ids, texts, vectors, strict=True)):
        choice = first_pass[position]
        if choice.family < 0 and len(centroids) > first_new:
            later = assign(vector[None, :], np.vstack(centroids[first_new:]))[0]
            if later.family >= 0:
                choice = Assignment(later.family + first_new, later.similarity)
        if choice.family < 0:
            family_ids.append(next_id)
            next_id += 1
            sizes.append(1)
            centroids.append(vector.astype(np.float32))
            index = len(family_ids) - 1
            new_labels[index] = label_from_terms(family_terms([text], [0])[0])
            representatives[index] = ticket_id
            similarity = 1.0
        else:
            index = choice.family
            centroids[index] = merge_into(centroids[index], sizes[index], vector).astype(np.float32)
            sizes[index] += 1
            similarity = choice.similarity
        members.append(
            {
                "ticket_id": ticket_id,
                "family_id": family_ids[index],
                "similarity": float(similarity),
                "assigned_by": "incremental",
            }
        )
    position_of = {family_id: index for index, family_id in enumerate(family_ids)}
    touched = {position_of[m["family_id"]] for m in members}
    new_rows = []
    for index in sorted(touched):
        values = {"size": sizes[index], "centroid": centroids[index].tobytes()}
        if index >= first_new:
            new_rows.append(
                {
                    "id": family_ids[index],
                    "run_id": run_id,
                    "label": new_labels[index],
                    "representative_ticket_id": representatives[index],
                    **values,
                }
            )
        else:
            conn.execute(
                update(store.families)
                .where(store.families.c.id == family_ids[index])
                .values(**values)
            )
    _insert_many(conn, store.families, new_rows)
    _insert_many(conn, store.ticket_families, members)
    return len(members)


# ---------------------------------------------------------------- reads


def families_of(conn: Connection) -> dict[str, int]:
    """Every clustered ticket's family id."""
    table = store.ticket_families
    return {row[0]: row[1] for row in conn.execute(select(table.c.ticket_id, table.c.family_id))}


def family_tickets(conn: Connection, family_id: int) -> list[str]:
    """The ticket ids of one family, sorted (empty for an unknown family)."""
    table = store.ticket_families
    rows = conn.execute(
        select(table.c.ticket_id).where(table.c.family_id == family_id).order_by(table.c.ticket_id)
    )
    return [row[0] for row in rows]


def last_run(conn: Connection) -> dict[str, Any] | None:
    """The newest full clustering run (id, started_at, params, counts), if any."""
    runs = store.cluster_runs
    row = conn.execute(select(runs).order_by(runs.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    data = dict(row._mapping)
    data["params"] = json.loads(data["params"] or "{}")
    return data


def list_families(conn: Connection, min_size: int = 1) -> list[FamilySummary]:
    """Every family (largest first) with its tickets, representative and link rate."""
    members = _members(conn)
    linked = _linked_tickets(conn)
    result = []
    for row in _family_rows(conn):
        ids = tuple(sorted(members.get(row.id, ())))
        if len(ids) < min_size:
            continue
        rate = sum(1 for t in ids if t in linked) / len(ids) if ids else 0.0
        result.append(
            FamilySummary(row.id, row.label, len(ids), row.representative_ticket_id, ids, rate)
        )
    result.sort(key=lambda family: (-family.size, family.id))
    return result


def get_family(conn: Connection, family_id: int) -> FamilySummary:
    """One family, or NotFound."""
    row = conn.execute(select(store.families).where(store.families.c.id == family_id)).first()
    if row is None:
        raise NotFound(
            f"No issue family {family_id}. Families are renumbered by `kbassist cluster`; "
            "list them with `kbassist clusters`."
        )
    ids = tuple(family_tickets(conn, family_id))
    linked = _linked_tickets(conn, ids)
    rate = sum(1 for t in ids if t in linked) / len(ids) if ids else 0.0
    return FamilySummary(row.id, row.label, len(ids), row.representative_ticket_id, ids, rate)


def family_coverage(conn: Connection, family_id: int, embedder: Embedder | None = None) -> Coverage:
    """The coverage of one family."""
    get_family(conn, family_id)
    return _coverages(conn, embedder, [family_id])[family_id]


def find_gaps(
    conn: Connection,
    embedder: Embedder | None = None,
    *,
    min_tickets: int = MIN_TICKETS,
    window_days: int = WINDOW_DAYS,
    now: datetime | None = None,
) -> GapReport:
    """Uncovered families with at least ``min_tickets`` tickets in the window, ranked by cost.

    The window ends at ``now``, by default the newest resolved ticket's
    creation time, so an imported history is judged on its own last months.
    """
    window_end = now or _newest_ticket(conn)
    window_start = window_end - timedelta(days=window_days) if window_end else None
    family_rows = {row.id: row for row in _family_rows(conn)}
    costs = _costs(conn, window_start, window_end)
    members = _members(conn)
    linked = _linked_tickets(conn)
    candidates = [f for f, cost in costs.items() if cost.size >= min_tickets]
    coverage = _coverages(conn, embedder, candidates)
    uncovered = [f for f in candidates if not coverage[f].covered]
    evidence, groups = _search_evidence(conn, embedder, family_rows, window_start)
    ordered = sorted(uncovered, key=lambda f: (rank_key(costs[f], evidence.get(f, 0)), f))
    gaps = []
    for rank, family_id in enumerate(ordered, start=1):
        cost, row = costs[family_id], family_rows[family_id]
        all_ids = members.get(family_id, [])
        rate = sum(1 for t in all_ids if t in linked) / len(all_ids) if all_ids else 0.0
        cited = _cited_articles(conn, cost.ticket_ids)
        gaps.append(
            Gap(
                rank=rank,
                family_id=family_id,
                label=row.label,
                size=cost.size,
                ticket_ids=cost.ticket_ids,
                hours=cost.hours,
                reopens=cost.reopens,
                reopen_rate=cost.reopen_rate,
                escalations=cost.escalations,
                clients=cost.clients,
                covered=False,
                article_ids=cited,
                evidence_searches=evidence.get(family_id, 0),
                total_size=len(all_ids),
                link_rate=rate,
                representative=row.representative_ticket_id,
            )
        )
    return GapReport(
        gaps=tuple(gaps),
        pareto=pareto([gap.hours for gap in gaps]),
        window_start=window_start,
        window_end=window_end,
        min_tickets=min_tickets,
        window_days=window_days,
        families=len(family_rows),
        covered_families=len(candidates) - len(uncovered),
        search_groups=groups,
    )


def find_duplicates(
    conn: Connection,
    embedder: Embedder | None = None,
    min_similarity: float = DUPLICATE_SIMILARITY,
    min_overlap: float = DUPLICATE_SHINGLE_OVERLAP,
) -> list[DuplicatePair]:
    """Pairs of articles that are duplicates or near-duplicates, most similar first."""
    from kbassist.articles import plain_text

    rows = conn.execute(
        select(store.articles.c.id, store.articles.c.title, store.articles.c.body).order_by(
            store.articles.c.id
        )
    ).all()
    if len(rows) < 2:
        return []
    texts = [_article_body_text(row.title, plain_text(row.body)) for row in rows]
    vectors, known = _read_vectors(conn, embedder, texts)
    pairs = []
    similarity = vectors @ vectors.T
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            cosine = float(similarity[i, j]) if known[i] and known[j] else 0.0
            # Shingles only for pairs that already look alike: O(n^2) text work otherwise.
            if cosine < min_similarity - 0.15 and known[i] and known[j]:
                continue
            overlap = shingle_overlap(texts[i], texts[j])
            if cosine >= min_similarity or overlap >= min_overlap:
                pairs.append(
                    DuplicatePair(
                        rows[i].id, rows[i].title, rows[j].id, rows[j].title, cosine, overlap
                    )
                )
    pairs.sort(key=lambda p: (-max(p.similarity, p.shingle_overlap), p.first_id, p.second_id))
    return pairs


def family_records(
    conn: Connection, family_id: int, *, masked: bool = True
) -> list[dict[str, Any]]:
    """The tickets of a family for the detail page (secrets masked) and the playbook (raw)."""
    tickets, members = store.tickets, store.ticket_families
    rows = conn.execute(
        select(
            tickets.c.id,
            tickets.c.title,
            tickets.c.description,
            tickets.c.resolution,
            tickets.c.created_at,
            tickets.c.resolved_at,
            tickets.c.time_spent_minutes,
            tickets.c.reopen_count,
            tickets.c.escalation_count,
            store.clients.c.name.label("client"),
            store.technicians.c.name.label("assignee"),
            store.note_scores.c.score.label("note_score"),
            members.c.similarity,
            members.c.assigned_by,
        )
        .join(members, members.c.ticket_id == tickets.c.id)
        .outerjoin(store.clients, store.clients.c.id == tickets.c.client_id)
        .outerjoin(store.technicians, store.technicians.c.id == tickets.c.assignee_id)
        .outerjoin(store.note_scores, store.note_scores.c.ticket_id == tickets.c.id)
        .where(members.c.family_id == family_id)
        .order_by(tickets.c.created_at.desc().nulls_last(), tickets.c.id)
    ).all()
    links = _links_of(conn, [row.id for row in rows])
    records = []
    for row in rows:
        record = {**dict(row._mapping), "kb_links": links.get(row.id, [])}
        if masked:
            for key in ("title", "description", "resolution"):
                record[key] = mask(record[key] or "")
        records.append(record)
    return records


# ---------------------------------------------------------------- internals


def _resolved() -> Any:
    tickets = store.tickets
    return or_(
        tickets.c.resolved_at.is_not(None),
        tickets.c.closed_at.is_not(None),
        func.lower(tickets.c.status).in_(RESOLVED_STATUSES),
    )


def _family_rows(conn: Connection) -> list[Any]:
    families = store.families
    return list(
        conn.execute(
            select(
                families.c.id,
                families.c.label,
                families.c.size,
                families.c.representative_ticket_id,
                families.c.centroid,
            ).order_by(families.c.id)
        )
    )


def _members(conn: Connection) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = defaultdict(list)
    for ticket_id, family_id in families_of(conn).items():
        grouped[family_id].append(ticket_id)
    return grouped


def _linked_tickets(conn: Connection, ticket_ids: Iterable[str] | None = None) -> set[str]:
    table = store.ticket_article_links
    query = select(table.c.ticket_id).distinct()
    if ticket_ids is None:
        return {row[0] for row in conn.execute(query)}
    found: set[str] = set()
    for chunk in _chunks(sorted(set(ticket_ids)), 500):
        found |= {row[0] for row in conn.execute(query.where(table.c.ticket_id.in_(chunk)))}
    return found


def _links_of(conn: Connection, ticket_ids: Sequence[str]) -> dict[str, list[str]]:
    table = store.ticket_article_links
    links: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(sorted(set(ticket_ids)), 500):
        rows = conn.execute(
            select(table.c.ticket_id, table.c.article_id)
            .where(table.c.ticket_id.in_(chunk))
            .order_by(table.c.ticket_id, table.c.article_id)
        )
        for ticket_id, article_id in rows:
            links[ticket_id].append(article_id)
    return links


def _cited_articles(conn: Connection, ticket_ids: Sequence[str]) -> tuple[str, ...]:
    counts = Counter(a for ids in _links_of(conn, ticket_ids).values() for a in ids)
    return tuple(a for a, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _costs(conn: Connection, start: datetime | None, end: datetime | None) -> dict[int, FamilyCost]:
    tickets, members = store.tickets, store.ticket_families
    when = func.coalesce(tickets.c.created_at, tickets.c.resolved_at)
    query = select(
        members.c.family_id,
        tickets.c.id,
        tickets.c.time_spent_minutes,
        tickets.c.reopen_count,
        tickets.c.escalation_count,
        tickets.c.client_id,
    ).join(members, members.c.ticket_id == tickets.c.id)
    if start is not None and end is not None:
        query = query.where(when >= start, when <= end)
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in conn.execute(query.order_by(tickets.c.id)):
        grouped[row.family_id].append(row)
    costs = {}
    for family_id, rows in grouped.items():
        costs[family_id] = FamilyCost(
            size=len(rows),
            ticket_ids=tuple(row.id for row in rows),
            hours=sum(float(row.time_spent_minutes or 0.0) for row in rows) / 60.0,
            reopens=sum(int(row.reopen_count or 0) for row in rows),
            reopen_rate=sum(1 for row in rows if (row.reopen_count or 0) > 0) / len(rows),
            escalations=sum(int(row.escalation_count or 0) for row in rows),
            clients=len({row.client_id for row in rows if row.client_id is not None}),
        )
    return costs


def _coverages(
    conn: Connection, embedder: Embedder | None, family_ids: Sequence[int]
) -> dict[int, Coverage]:
    if not family_ids:
        return {}
    wanted = set(family_ids)
    articles = conn.execute(
        select(store.articles.c.id, store.articles.c.title).order_by(store.articles.c.id)
    ).all()
    existing = {row.id for row in articles}
    vectors, known = _read_vectors(conn, embedder, [article_title_text(r.title) for r in articles])
    links = store.ticket_article_links
    link_counts: dict[int, Counter[str]] = defaultdict(Counter)
    rows = conn.execute(
        select(store.ticket_families.c.family_id, links.c.article_id).join(
            links, links.c.ticket_id == store.ticket_families.c.ticket_id
        )
    )
    for family_id, article_id in rows:
        if family_id in wanted and article_id in existing:
            link_counts[family_id][article_id] += 1
    result = {}
    for row in _family_rows(conn):
        if row.id not in wanted:
            continue
        similarities: dict[str, float] = {}
        if row.centroid is not None and len(articles):
            centroid = np.frombuffer(row.centroid, dtype=np.float32)
            scores = vectors @ centroid
            similarities = {
                a.id: float(s) for a, s, k in zip(articles, scores, known, strict=True) if k
            }
        result[row.id] = coverage_of(row.size, dict(link_counts[row.id]), similarities)
    return result


def _search_evidence(
    conn: Connection,
    embedder: Embedder | None,
    families: dict[int, Any],
    since: datetime | None,
) -> tuple[dict[int, int], tuple[SearchGroup, ...]]:
    queries = failed_search_queries(conn, since)
    if not queries:
        return {}, ()
    vectors, known = _read_vectors(conn, embedder, queries)
    ids = [f for f, row in families.items() if row.centroid is not None]
    centroids = (
        np.vstack([np.frombuffer(families[f].centroid, dtype=np.float32) for f in ids])
        if ids
        else np.zeros((0, vectors.shape[1]), np.float32)
    )
    evidence: Counter[int] = Counter()
    leftover: list[int] = []
    for index, choice in enumerate(assign(vectors, centroids, EVIDENCE_SIMILARITY)):
        if not known[index]:
            continue
        if choice.family >= 0:
            evidence[ids[choice.family]] += 1
        else:
            leftover.append(index)
    groups = []
    if len(leftover) >= 3:
        labels = agglomerate(vectors[leftover], ClusterParams().distance_threshold)
        texts = [queries[i] for i in leftover]
        terms = family_terms(texts, labels.tolist())
        for label in range(int(labels.max()) + 1):
            members = [texts[i] for i in np.flatnonzero(labels == label)]
            if len(members) >= 3:
                groups.append(
                    SearchGroup(label_from_terms(terms[label]), len(members), tuple(members[:5]))
                )
        groups.sort(key=lambda g: (-g.count, g.label))
    return dict(evidence), tuple(groups)


def failed_search_queries(conn: Connection, since: datetime | None) -> list[str]:
    """Texts of searches that found nothing useful since a time (search's own rule)."""
    from kbassist.search.queries import failed_searches

    return [q for q in (_query_text(item) for item in failed_searches(conn, since)) if q]


def _query_text(item: Any) -> str:
    if isinstance(item, str):
        return item.strip()
    if isinstance(item, dict):
        return str(item.get("query") or item.get("text") or "").strip()
    return str(getattr(item, "query", "") or getattr(item, "text", "") or "").strip()


def _read_vectors(
    conn: Connection, embedder: Embedder | None, texts: Sequence[str]
) -> tuple[np.ndarray, list[bool]]:
    """Vectors from the cache; the rest encoded without storing (or zero when no embedder)."""
    dim = embedder.dim if embedder is not None else 384
    if not texts:
        return np.zeros((0, dim), np.float32), []
    model = embedder.name if embedder is not None else _cached_model(conn)
    keys = [text_hash(text) for text in texts]
    found = load_vectors(conn, model, set(keys)) if model else {}
    missing = sorted(
        {key: text for key, text in zip(keys, texts, strict=True) if key not in found}.items()
    )
    if missing and embedder is not None:
        encoded = embedder.encode([text for _, text in missing])
        found.update({key: vector for (key, _), vector in zip(missing, encoded, strict=True)})
    if found:
        dim = len(next(iter(found.values())))
    matrix = np.zeros((len(texts), dim), np.float32)
    known = []
    for index, key in enumerate(keys):
        if key in found:
            matrix[index] = found[key]
        known.append(key in found)
    return matrix, known


def _cached_model(conn: Connection) -> str | None:
    # Without an embedder, read vectors of the model the last run used.
    run = last_run(conn)
    return str(run["params"].get("embedder")) if run and run["params"].get("embedder") else None


def _cache_article_vectors(conn: Connection, embedder: Embedder) -> None:
    from kbassist.articles import plain_text

    rows = conn.execute(
        select(store.articles.c.title, store.articles.c.body).order_by(store.articles.c.id)
    ).all()
    texts = [article_title_text(row.title) for row in rows]
    texts += [_article_body_text(row.title, plain_text(row.body)) for row in rows]
    embed_cached(conn, embedder, texts)


def cache_article_vectors(core: Core) -> None:
    """Embed article titles and bodies into the cache (after an article is saved)."""
    with core.begin() as conn:
        _cache_article_vectors(conn, core.resources.embedder)


def _article_body_text(title: str, body: str) -> str:
    return f"{title}\n{body}"


def _newest_ticket(conn: Connection) -> datetime | None:
    tickets = store.tickets
    return conn.execute(
        select(func.max(func.coalesce(tickets.c.created_at, tickets.c.resolved_at))).where(
            _resolved()
        )
    ).scalar()


def _insert_many(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for chunk in _chunks(rows, 1000):
        conn.execute(table.insert(), chunk)


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
