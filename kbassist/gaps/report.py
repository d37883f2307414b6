"""The read side of repeat issues: families, their coverage, the ranked gaps and duplicates.

Computes the report from the store without writing: vectors come from the
embedding cache, and only texts missing from it are encoded (and not stored,
so reads never write). The pages, the CLI, the weekly review and credit read
here; the writes (a clustering run, placing new tickets) are the service's.
Thresholds and how they were tuned: docs/gaps.md.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy.engine import Connection

from kbassist.articles import plain_text
from kbassist.embedding import Embedder, load_vectors
from kbassist.errors import NotFound
from kbassist.gaps import queries, snapshot
from kbassist.gaps.clustering import (
    DISTANCE_THRESHOLD,
    agglomerate,
    assign,
    family_terms,
    label_from_terms,
)
from kbassist.hygiene import mask
from kbassist.records import text_hash
from kbassist.search.queries import failed_searches

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


def article_title_text(title: str) -> str:
    """The text an article is matched to a family by: its title (tuned; see docs/gaps.md)."""
    return title


def article_body_text(title: str, body: str) -> str:
    """The text an article is compared to other articles by: title and plain body."""
    return f"{title}\n{body}"


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class FamilySummary:
    """One family as listed: members, representative and link rate."""

    id: int
    label: str
    size: int
    representative: str | None
    ticket_ids: tuple[str, ...]
    link_rate: float  # share of its tickets that cite any article
    generated_name: str = ""  # the name kbassist gave (``label`` is a manager's when renamed)
    named_by: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["name"] = self.label
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


# ---------------------------------------------------------------- reads


def list_families(conn: Connection, min_size: int = 1) -> list[FamilySummary]:
    """Every family (largest first) with its tickets, representative and link rate."""
    members = queries.members(conn)
    linked = queries.linked_tickets(conn)
    result = []
    for row in queries.family_rows(conn, centroids=False):
        ids = tuple(sorted(members.get(row.id, ())))
        if len(ids) < min_size:
            continue
        rate = _link_rate(ids, linked)
        result.append(
            FamilySummary(
                row.id,
                row.label,
                len(ids),
                row.representative_ticket_id,
                ids,
                rate,
                row.generated_name,
                row.named_by,
            )
        )
    result.sort(key=lambda family: (-family.size, family.id))
    return result


def get_family(conn: Connection, family_id: int) -> FamilySummary:
    """One family, or NotFound."""
    row = queries.family_row(conn, family_id)
    if row is None:
        raise NotFound(
            f"No issue family {family_id}. Families are renumbered by `kbassist cluster`; "
            "list them with `kbassist clusters`."
        )
    ids = tuple(queries.family_tickets(conn, family_id))
    linked = queries.linked_tickets(conn, ids)
    rate = _link_rate(ids, linked)
    return FamilySummary(
        row.id,
        row.display,
        len(ids),
        row.representative_ticket_id,
        ids,
        rate,
        row.label,
        row.named_by,
    )


def family_coverage(conn: Connection, family_id: int, embedder: Embedder | None = None) -> Coverage:
    """The coverage of one family (from the snapshot when it has the family)."""
    get_family(conn, family_id)
    return _coverage_for(conn, embedder, [family_id], snapshot.load(conn))[family_id]


def find_gaps(
    conn: Connection,
    embedder: Embedder | None = None,
    *,
    min_tickets: int = MIN_TICKETS,
    window_days: int = WINDOW_DAYS,
    now: datetime | None = None,
    use_snapshot: bool = True,
) -> GapReport:
    """Uncovered families with at least ``min_tickets`` tickets in the window, ranked by cost.

    The window ends at ``now``, by default the newest resolved ticket's
    creation time, so an imported history is judged on its own last months.
    Coverage and search evidence come from the stored snapshot (refreshed after
    every ingest and cluster run); only what it lacks is computed here.
    """
    window_end = now or queries.newest_ticket(conn)
    window_start = window_end - timedelta(days=window_days) if window_end else None
    stored = snapshot.load(conn) if use_snapshot else None
    family_rows = {row.id: row for row in queries.family_rows(conn, centroids=False)}
    costs = _costs(conn, window_start, window_end)
    candidates = [f for f, cost in costs.items() if cost.size >= min_tickets]
    coverage = _coverage_for(conn, embedder, candidates, stored)
    uncovered = [f for f in candidates if not coverage[f].covered]
    if stored is not None:
        evidence = stored.evidence
        groups = tuple(
            SearchGroup(g["label"], g["count"], tuple(g["examples"])) for g in stored.search_groups
        )
    else:
        evidence, groups = _search_evidence(conn, embedder, window_start)
    ordered = sorted(uncovered, key=lambda f: (rank_key(costs[f], evidence.get(f, 0)), f))
    # Ticket lists only for the gaps: one read each, not every family's.
    in_window = queries.window_tickets(conn, ordered, window_start, window_end)
    members = {f: queries.family_tickets(conn, f) for f in ordered}
    linked = queries.linked_tickets(conn, [t for ids in members.values() for t in ids])
    cited = _cited_by(conn, {f: tuple(in_window.get(f, [])) for f in ordered})
    gaps = []
    for rank, family_id in enumerate(ordered, start=1):
        cost, row = costs[family_id], family_rows[family_id]
        all_ids = members[family_id]
        gaps.append(
            Gap(
                rank=rank,
                family_id=family_id,
                label=row.label,
                size=cost.size,
                ticket_ids=tuple(in_window.get(family_id, [])),
                hours=cost.hours,
                reopens=cost.reopens,
                reopen_rate=cost.reopen_rate,
                escalations=cost.escalations,
                clients=cost.clients,
                covered=False,
                article_ids=cited[family_id],
                evidence_searches=evidence.get(family_id, 0),
                total_size=len(all_ids),
                link_rate=_link_rate(all_ids, linked),
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


def snapshot_parts(
    conn: Connection, embedder: Embedder | None, *, window_days: int = WINDOW_DAYS
) -> str:
    """Compute what the snapshot stores (coverage of families of 2+, evidence, duplicates): JSON."""
    sizes = {f: len(ids) for f, ids in queries.members(conn).items()}
    coverage = _coverages(conn, embedder, [f for f, n in sizes.items() if n >= 2])
    window_end = queries.newest_ticket(conn)
    since = window_end - timedelta(days=window_days) if window_end else None
    evidence, groups = _search_evidence(conn, embedder, since)
    duplicates = [pair.as_dict() for pair in find_duplicates(conn, embedder)]
    return snapshot.encode(
        coverage,
        evidence,
        [{"label": g.label, "count": g.count, "examples": list(g.examples)} for g in groups],
        duplicates,
    )


def find_duplicates(
    conn: Connection,
    embedder: Embedder | None = None,
    min_similarity: float = DUPLICATE_SIMILARITY,
    min_overlap: float = DUPLICATE_SHINGLE_OVERLAP,
) -> list[DuplicatePair]:
    """Pairs of articles that are duplicates or near-duplicates, most similar first."""
    rows = queries.article_bodies(conn)
    if len(rows) < 2:
        return []
    texts = [article_body_text(row.title, plain_text(row.body)) for row in rows]
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
    rows = queries.family_ticket_rows(conn, family_id)
    links = queries.links_of(conn, [row.id for row in rows])
    records = []
    for row in rows:
        record = {**dict(row._mapping), "kb_links": links.get(row.id, [])}
        if masked:
            for key in ("title", "description", "resolution"):
                record[key] = mask(record[key] or "")
        records.append(record)
    return records


# ---------------------------------------------------------------- internals


def _link_rate(ticket_ids: Sequence[str], linked: set[str]) -> float:
    return sum(1 for t in ticket_ids if t in linked) / len(ticket_ids) if ticket_ids else 0.0


def _cited_by(
    conn: Connection, tickets_of: dict[int, tuple[str, ...]]
) -> dict[int, tuple[str, ...]]:
    # One read of the links for every gap's tickets, then counted per gap.
    links = queries.links_of(conn, [t for ids in tickets_of.values() for t in ids])
    cited = {}
    for family_id, ids in tickets_of.items():
        counts = Counter(a for t in ids for a in links.get(t, []))
        cited[family_id] = tuple(
            a for a, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        )
    return cited


def _coverage_for(
    conn: Connection,
    embedder: Embedder | None,
    family_ids: Sequence[int],
    stored: snapshot.Snapshot | None,
) -> dict[int, Coverage]:
    """Coverage from the snapshot where it has the family, computed for the rest."""
    found: dict[int, Coverage] = {}
    missing = []
    for family_id in family_ids:
        item = stored.coverage.get(family_id) if stored is not None else None
        if item is None:
            missing.append(family_id)
        else:
            found[family_id] = Coverage(item.covered, item.linked, item.matching, item.best_match)
    found.update(_coverages(conn, embedder, missing))
    return found


def _costs(conn: Connection, start: datetime | None, end: datetime | None) -> dict[int, FamilyCost]:
    # Summed in SQL per family; the ticket lists are read for the gaps alone.
    return {
        row.family_id: FamilyCost(
            size=int(row.size),
            ticket_ids=(),
            hours=float(row.minutes or 0.0) / 60.0,
            reopens=int(row.reopens or 0),
            reopen_rate=int(row.reopened or 0) / int(row.size),
            escalations=int(row.escalations or 0),
            clients=int(row.clients or 0),
        )
        for row in queries.cost_summary(conn, start, end)
    }


def _coverages(
    conn: Connection, embedder: Embedder | None, family_ids: Sequence[int]
) -> dict[int, Coverage]:
    if not family_ids:
        return {}
    wanted = set(family_ids)
    articles = queries.article_titles(conn)
    existing = {row.id for row in articles}
    vectors, known = _read_vectors(conn, embedder, [article_title_text(r.title) for r in articles])
    link_counts: dict[int, Counter[str]] = defaultdict(Counter)
    for family_id, article_id in queries.family_article_links(conn):
        if family_id in wanted and article_id in existing:
            link_counts[family_id][article_id] += 1
    result = {}
    for row in queries.family_rows(conn):
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
    conn: Connection, embedder: Embedder | None, since: datetime | None
) -> tuple[dict[int, int], tuple[SearchGroup, ...]]:
    searches = failed_search_queries(conn, since)
    if not searches:
        return {}, ()
    families = {row.id: row for row in queries.family_rows(conn)}
    vectors, known = _read_vectors(conn, embedder, searches)
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
        labels = agglomerate(vectors[leftover], DISTANCE_THRESHOLD)
        texts = [searches[i] for i in leftover]
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
    texts = ((search.query or "").strip() for search in failed_searches(conn, since))
    return [text for text in texts if text]


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
        # A text with no words (a query that was all masked: "••••••") has a zero vector
        # and says nothing about any family; cosine clustering cannot take it either.
        known.append(key in found and bool(np.any(matrix[index])))
    return matrix, known


def _cached_model(conn: Connection) -> str | None:
    # Without an embedder, read vectors of the model the last run used.
    run = queries.last_run(conn)
    return str(run["params"].get("embedder")) if run and run["params"].get("embedder") else None
