"""Repeat issues, the write side: clustering runs, placing new tickets, caching article vectors.

``recluster`` groups every resolved ticket into families and stores the run in
one transaction; ``assign_new_tickets`` (called by the pipeline after an
ingest) places tickets that arrive between full runs without a recompute. The
read side (families, coverage, gaps, duplicates) is ``kbassist.gaps.report``.
Thresholds and how they were tuned: docs/gaps.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.articles import plain_text
from kbassist.core import Core
from kbassist.embedding import Embedder, embed_cached
from kbassist.errors import InvalidInput, NotFound
from kbassist.gaps import queries, report
from kbassist.gaps.clustering import (
    Assignment,
    Clustering,
    ClusterParams,
    assign,
    family_terms,
    label_from_terms,
    merge_into,
)
from kbassist.gaps.merging import MERGE_SIMILARITY, find_families
from kbassist.gaps.naming import inherit_names, name_family
from kbassist.gaps.report import MIN_TICKETS, article_body_text, article_title_text
from kbassist.hygiene import sensitive_spans
from kbassist.records import ticket_text
from kbassist.store import utc_now

MAX_NAME_CHARS = 120

Progress = Callable[[int], None]


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


# ---------------------------------------------------------------- full run


def recluster(
    core: Core,
    params: ClusterParams | None = None,
    progress: Progress | None = None,
    merge_similarity: float | None = MERGE_SIMILARITY,
) -> RunSummary:
    """Cluster every resolved ticket afresh, merge one issue's families, name them; one transaction.

    Names a manager gave pass to the new family holding most of the renamed
    family's tickets. The gaps snapshot the pages read is refreshed after.
    """
    params = params or ClusterParams()
    embedder = core.resources.embedder
    with core.connect() as conn:
        rows = queries.resolved_tickets(conn)
        links = queries.ticket_links(conn)
        avoid = queries.entity_names(conn)
    ticket_ids = [row.id for row in rows]
    texts = [ticket_text(row.title, row.description) for row in rows]
    # Embeddings are a cache: kept in their own transaction so the long part
    # never holds the write lock the clustering result needs.
    with core.begin() as conn:
        vectors = embed_cached(conn, embedder, texts, progress=progress)
        _cache_article_vectors(conn, embedder)
    clustering = find_families(
        vectors,
        [row.resolution or "" for row in rows],
        [links.get(ticket_id, []) for ticket_id in ticket_ids],
        params,
        merge_similarity,
    )
    names = _family_names(clustering, [row.title for row in rows], texts, avoid)
    choice = clustering.choice
    run_params = {
        **params.as_dict(),
        "merge_similarity": merge_similarity,
        "chosen_neighbours": choice.neighbours if choice else None,
        "chosen_cut": choice.cut if choice else None,
        "silhouette": choice.silhouette if choice else None,
        "embedder": embedder.name,
    }
    with core.begin() as conn:
        _store_run(conn, clustering, ticket_ids, vectors, names, run_params)
    refresh_snapshot(core)
    repeat = sum(1 for family in clustering.families if family.size >= MIN_TICKETS)
    return RunSummary(
        _last_run_id(core), len(ticket_ids), len(clustering.families), repeat, run_params
    )


def _family_names(
    clustering: Clustering, titles: list[str], texts: list[str], avoid: list[str]
) -> list[str]:
    """Each family's name from its titles nearest the centroid; c-TF-IDF terms if none fits."""
    names = []
    for family in clustering.families:
        order = sorted(family.members, key=lambda row: (row != family.representative, row))
        names.append(name_family([titles[row] for row in order], avoid))
    if not all(names):
        terms = family_terms(texts, list(clustering.labels))
        names = [name or label_from_terms(terms[i]) for i, name in enumerate(names)]
    return names


def _store_run(
    conn: Connection,
    clustering: Clustering,
    ticket_ids: list[str],
    vectors: np.ndarray,
    names: list[str],
    run_params: dict[str, Any],
) -> None:
    """Replace the previous run's families and members; carry given names over."""
    named = queries.named_families(conn)
    first_id = _next_family_id(conn)
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
    family_of = {ticket_ids[row]: label for row, label in enumerate(clustering.labels)}
    inherited = inherit_names([(row.id, ids) for row, ids in named], family_of)
    family_rows = []
    for index, family in enumerate(clustering.families):
        given = named[inherited[index]][0] if index in inherited else None
        family_rows.append(
            {
                "id": first_id + index,
                "run_id": run_id,
                "label": names[index],
                "representative_ticket_id": ticket_ids[family.representative],
                "size": family.size,
                "centroid": family.centroid.astype(np.float32).tobytes(),
                "name": given.name if given else None,
                "named_by": given.named_by if given else None,
                "named_at": given.named_at if given else None,
            }
        )
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


def _last_run_id(core: Core) -> int:
    with core.connect() as conn:
        run = queries.last_run(conn)
    return int(run["id"]) if run else 0


def rename_family(core: Core, family_id: int, name: str, by: str) -> str:
    """Give a family a name (an empty name goes back to the generated one); the name shown."""
    cleaned = " ".join(name.split())
    if len(cleaned) > MAX_NAME_CHARS:
        raise InvalidInput(f"A family name is at most {MAX_NAME_CHARS} characters.")
    if cleaned and sensitive_spans(cleaned):
        raise InvalidInput(
            "A family name must not hold a password, key, e-mail address or phone number."
        )
    with core.begin() as conn:
        if queries.family_row(conn, family_id) is None:
            raise NotFound(f"No issue family {family_id}; list them with `kbassist clusters`.")
        queries.rename_family(conn, family_id, cleaned or None, by, utc_now())
        row = queries.family_row(conn, family_id)
    refresh_snapshot(core)
    return str(row.display) if row is not None else cleaned


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
        has_run = queries.count_runs(conn)
        if not has_run and not queries.count_resolved(conn):
            return 0
    if not has_run:
        summary = recluster(core)
        return min(summary.n_tickets, len(ticket_ids))
    with core.connect() as conn:
        rows = queries.unassigned_tickets(conn, ticket_ids)
    if not rows:
        return 0
    embedder = core.resources.embedder
    texts = [ticket_text(row.title, row.description) for row in rows]
    with core.begin() as conn:
        vectors = embed_cached(conn, embedder, texts)
    with core.begin() as conn:
        return _place(conn, [row.id for row in rows], [row.title for row in rows], texts, vectors)


@dataclass
class _Placing:
    """The families while new tickets are placed: the stored ones first, then those they start."""

    family_ids: list[int]
    sizes: list[int]
    centroids: list[np.ndarray]
    first_new: int  # position of the first family a new ticket started
    next_id: int
    avoid: list[str] = field(default_factory=list)  # client and technician names
    labels: dict[int, str] = field(default_factory=dict)  # of new families, by position
    representatives: dict[int, str] = field(default_factory=dict)

    def start(self, ticket_id: str, title: str, text: str, vector: np.ndarray) -> int:
        """A new family of one ticket; its position."""
        self.family_ids.append(self.next_id)
        self.next_id += 1
        self.sizes.append(1)
        self.centroids.append(vector.astype(np.float32))
        index = len(self.family_ids) - 1
        name = name_family([title], self.avoid)
        self.labels[index] = name or label_from_terms(family_terms([text], [0])[0])
        self.representatives[index] = ticket_id
        return index

    def join(self, index: int, vector: np.ndarray) -> None:
        """Add a ticket to the family at ``index``: its centroid moves, its size grows."""
        merged = merge_into(self.centroids[index], self.sizes[index], vector)
        self.centroids[index] = merged.astype(np.float32)
        self.sizes[index] += 1


def _place(
    conn: Connection, ids: list[str], titles: list[str], texts: list[str], vectors: np.ndarray
) -> int:
    families = conn.execute(
        select(store.families.c.id, store.families.c.size, store.families.c.centroid)
        .where(store.families.c.centroid.is_not(None))
        .order_by(store.families.c.id)
    ).all()
    placing = _Placing(
        family_ids=[row.id for row in families],
        sizes=[row.size for row in families],
        centroids=[np.frombuffer(row.centroid, dtype=np.float32) for row in families],
        first_new=len(families),
        next_id=_next_family_id(conn),
        avoid=queries.entity_names(conn),
    )
    members = _join_families(placing, ids, titles, texts, vectors)
    run_id = conn.execute(select(func.max(store.cluster_runs.c.id))).scalar()
    _write_placed(conn, placing, members, run_id)
    return len(members)


def _join_families(
    placing: _Placing, ids: list[str], titles: list[str], texts: list[str], vectors: np.ndarray
) -> list[dict[str, Any]]:
    """Each ticket into its nearest family, or a new one; their membership rows."""
    centroids, first_new = placing.centroids, placing.first_new
    # Vectors against the existing centroids in one product; only the ones that
    # start new families go one by one (a later ticket may join an earlier new one).
    matrix = np.vstack(centroids) if centroids else np.zeros((0, vectors.shape[1]), np.float32)
    first_pass = assign(vectors, matrix)
    members = []
    for position, (ticket_id, title, text, vector) in enumerate(
        zip(ids, titles, texts, vectors, strict=True)
    ):
        choice = first_pass[position]
        if choice.family < 0 and len(centroids) > first_new:
            later = assign(vector[None, :], np.vstack(centroids[first_new:]))[0]
            if later.family >= 0:
                choice = Assignment(later.family + first_new, later.similarity)
        if choice.family < 0:
            index, similarity = placing.start(ticket_id, title, text, vector), 1.0
        else:
            index, similarity = choice.family, choice.similarity
            placing.join(index, vector)
        members.append(
            {
                "ticket_id": ticket_id,
                "family_id": placing.family_ids[index],
                "similarity": float(similarity),
                "assigned_by": "incremental",
            }
        )
    return members


def _write_placed(
    conn: Connection, placing: _Placing, members: list[dict[str, Any]], run_id: int | None
) -> None:
    """Store the families the tickets touched (new ones inserted, others updated) and members."""
    position_of = {family_id: index for index, family_id in enumerate(placing.family_ids)}
    touched = {position_of[m["family_id"]] for m in members}
    new_rows = []
    for index in sorted(touched):
        values = {"size": placing.sizes[index], "centroid": placing.centroids[index].tobytes()}
        if index >= placing.first_new:
            new_rows.append(
                {
                    "id": placing.family_ids[index],
                    "run_id": run_id,
                    "label": placing.labels[index],
                    "representative_ticket_id": placing.representatives[index],
                    **values,
                }
            )
        else:
            conn.execute(
                update(store.families)
                .where(store.families.c.id == placing.family_ids[index])
                .values(**values)
            )
    _insert_many(conn, store.families, new_rows)
    _insert_many(conn, store.ticket_families, members)


# ---------------------------------------------------------------- article vectors


def cache_article_vectors(core: Core) -> None:
    """Embed article titles and bodies into the cache (after an article is saved)."""
    with core.begin() as conn:
        _cache_article_vectors(conn, core.resources.embedder)


# ---------------------------------------------------------------- internals


def _cache_article_vectors(conn: Connection, embedder: Embedder) -> None:
    rows = queries.article_bodies(conn)
    texts = [article_title_text(row.title) for row in rows]
    texts += [article_body_text(row.title, plain_text(row.body)) for row in rows]
    embed_cached(conn, embedder, texts)


def _next_family_id(conn: Connection) -> int:
    # Ids continue after the highest ever given: an old family's id never names a new one.
    return int(conn.execute(select(func.max(store.families.c.id))).scalar() or 0) + 1


def _insert_many(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for chunk in queries.chunks(rows, 1000):
        conn.execute(table.insert(), chunk)


# ---------------------------------------------------------------- the read model


def refresh_snapshot(core: Core, keep: int = 3) -> None:
    """Recompute what the gaps pages read (coverage, evidence, duplicates) and store it."""
    with core.connect() as conn:
        data = report.snapshot_parts(conn, core.resources.embedder)
        run = queries.last_run(conn)
    with core.begin() as conn:
        conn.execute(
            store.gap_snapshots.insert().values(
                created_at=utc_now(), run_id=run["id"] if run else None, data=data
            )
        )
        # Older snapshots are only history; keep a few.
        old = conn.execute(
            select(store.gap_snapshots.c.id).order_by(store.gap_snapshots.c.id.desc()).offset(keep)
        ).all()
        if old:
            conn.execute(
                delete(store.gap_snapshots).where(
                    store.gap_snapshots.c.id.in_([row.id for row in old])
                )
            )
