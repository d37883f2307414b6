"""Issue families: clustering of unit vectors, labels from distinctive terms, assignment.

Pure functions: vectors and texts in, frozen dataclasses out, no I/O. The
method needs no number of clusters up front. Cosine similarities are first
sharpened by shared nearest neighbours (two tickets whose nearest neighbours
overlap are more alike than their cosine says: the paraphrases of one issue
share neighbours, two issues that happen to use the same words do not), then
grouped by average-linkage agglomerative clustering. Which neighbourhood size
and which cut are used is decided on the data itself: the combination whose
families have the best silhouette on the plain cosine distances (how much
closer each ticket is to its own family than to the next one). Nothing is
tuned on labelled data. Above ``max_direct`` vectors the O(n^2) distance
matrix would not fit, so a seeded sample is clustered, the rest join the
nearest sample family when similar enough, and what is left is clustered again
with the same choice (see docs/gaps.md for the cost).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

# The neighbourhood sizes tried for the shared-nearest-neighbour sharpening (0:
# plain cosine), the weight of the neighbour overlap in the sharpened
# similarity, and the cuts tried; the silhouette picks among them. Fixed a
# priori (a spread from paraphrase pairs to families of hundreds), not tuned.
NEIGHBOUR_SIZES = (0, 3, 5, 8, 12, 20)
NEIGHBOUR_WEIGHT = 0.5
CUTS = tuple(round(0.2 + 0.04 * i, 2) for i in range(19))  # 0.20 .. 0.92, then refined
# Parts: the same tree cut this much below the chosen cut. Chosen with the
# merge bar on the seed-3 demo world and its split-prone variant (docs/gaps.md).
PART_OFFSET = 0.15
# Today's method, kept for comparison (bench/gaps.py) and for failed-search
# groups: plain average linkage cut at 0.48.
DISTANCE_THRESHOLD = 0.48
# A new vector joins the nearest family when its cosine similarity to the
# family centroid reaches this; below it, it starts a family of its own. On
# stackfaq held-out queries 0.65 balances "joins its own family" (78%) against
# "unseen issue starts a new family" (89%).
ASSIGN_SIMILARITY = 0.65
# Largest input clustered in one agglomerative pass (its distance matrices hold
# n^2 values: 6,000 vectors take about 1 GB at the peak and a few seconds).
MAX_DIRECT = 6000
LABEL_TERMS = 3

# Words that say nothing about which problem a ticket is about.
HELPDESK_STOP_WORDS = frozenset(
    """
    user users ticket tickets issue issues problem problems please thanks thank hi hello
    help need needs needed able unable getting get gets got trying tried try
    working work works worked today yesterday morning asap urgent client customer
    team know see seems just like want wants still also since ago
    """.split()
)


@dataclass(frozen=True)
class ClusterParams:
    """The knobs of one clustering run (stored with the run).

    ``cut`` fixes the cut instead of choosing it; ``TODAY`` (plain average
    linkage cut at 0.48 over every row) is the method used before, kept for
    the benchmark's side-by-side figures.
    """

    neighbour_sizes: tuple[int, ...] = NEIGHBOUR_SIZES
    neighbour_weight: float = NEIGHBOUR_WEIGHT
    cut: float | None = None
    part_offset: float = PART_OFFSET
    distinct: bool = True  # cluster each distinct text once (False: every row, as before)
    assign_similarity: float = ASSIGN_SIMILARITY
    max_direct: int = MAX_DIRECT
    seed: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "method": "snn-average-linkage-silhouette",
            "neighbour_sizes": list(self.neighbour_sizes),
            "neighbour_weight": self.neighbour_weight,
            "cut": self.cut,
            "part_offset": self.part_offset,
            "distinct": self.distinct,
            "assign_similarity": self.assign_similarity,
            "max_direct": self.max_direct,
            "seed": self.seed,
        }


TODAY_SETTINGS = {"neighbour_sizes": (0,), "cut": DISTANCE_THRESHOLD, "distinct": False}


@dataclass(frozen=True)
class Choice:
    """The neighbourhood size and cut the silhouette chose, and the silhouette."""

    neighbours: int
    cut: float
    silhouette: float


@dataclass(frozen=True)
class Family:
    """One family: row indices of its members, its unit centroid and its representative row."""

    members: tuple[int, ...]
    centroid: np.ndarray = field(compare=False, repr=False)
    representative: int
    cohesion: float  # mean cosine similarity of members to the centroid

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class Clustering:
    """Families found in a set of vectors; ``labels[i]`` is the family index of row i."""

    labels: tuple[int, ...]
    families: tuple[Family, ...]
    params: ClusterParams
    rounds: int = 1  # sampling rounds used (1 when clustered in one pass)
    choice: Choice | None = None
    parts: tuple[int, ...] = ()  # finer labels nested in the families (see ``group``)


@dataclass(frozen=True)
class Assignment:
    """Where a vector goes: a family index (or -1 for a new family) and its similarity."""

    family: int
    similarity: float


def cluster_vectors(vectors: np.ndarray, params: ClusterParams | None = None) -> Clustering:
    """Group unit vectors into families without a number of clusters given up front.

    Identical vectors (tickets with the same text) are clustered once: a pile
    of identical alerts would otherwise look like a perfect family of its own
    to the silhouette and pull the choice towards splitting.
    """
    params = params or ClusterParams()
    matrix = _as_unit(vectors)
    if matrix.shape[0] == 0:
        return Clustering((), (), params, rounds=0)
    if params.distinct:
        distinct, inverse = np.unique(matrix, axis=0, return_inverse=True)
        inverse = np.ravel(inverse)
    else:
        distinct, inverse = matrix, np.arange(matrix.shape[0])
    raw, parts, rounds, choice = _cluster_distinct(distinct, params)
    found = _finish(matrix, raw[inverse], params, rounds, choice)
    return replace(found, parts=tuple(parts[inverse].tolist()))


def _cluster_distinct(
    matrix: np.ndarray, params: ClusterParams
) -> tuple[np.ndarray, np.ndarray, int, Choice | None]:
    n = matrix.shape[0]
    raw = np.full(n, -1, dtype=np.int64)
    parts = np.full(n, -1, dtype=np.int64)
    pending = np.arange(n)
    rng = np.random.default_rng(params.seed)
    next_label = next_part = rounds = 0
    choice: Choice | None = None
    while len(pending) > params.max_direct:
        rounds += 1
        sample = np.sort(rng.choice(pending, size=params.max_direct, replace=False))
        labels, sample_parts, choice = group(matrix[sample], params, choice)
        raw[sample] = labels + next_label
        parts[sample] = sample_parts + next_part
        # The rest join the nearest part (and so its family) when similar enough.
        family_of_part = np.zeros(int(sample_parts.max()) + 1, dtype=np.int64)
        family_of_part[sample_parts] = labels
        rest = np.setdiff1d(pending, sample, assume_unique=True)
        nearest, similarity = _nearest(matrix[rest], centroids_of(matrix[sample], sample_parts))
        joined = similarity >= params.assign_similarity
        raw[rest[joined]] = family_of_part[nearest[joined]] + next_label
        parts[rest[joined]] = nearest[joined] + next_part
        next_label += int(labels.max()) + 1
        next_part += int(sample_parts.max()) + 1
        pending = rest[~joined]
    if len(pending):
        rounds += 1
        labels, last_parts, choice = group(matrix[pending], params, choice)
        raw[pending] = labels + next_label
        parts[pending] = last_parts + next_part
    return raw, parts, rounds, choice


def group(
    matrix: np.ndarray, params: ClusterParams, choice: Choice | None = None
) -> tuple[np.ndarray, np.ndarray, Choice]:
    """Family labels 0.. of the unit rows, their finer parts, and the choice made (or given).

    The parts cut the same tree ``params.part_offset`` lower: each family is
    one or more parts, which the merging step may keep apart when their
    resolutions and articles say they are different issues.
    """
    n = matrix.shape[0]
    if n < 3:
        labels = np.arange(n, dtype=np.int64)
        return labels, labels.copy(), choice or Choice(0, params.cut or 0.0, 0.0)
    similarity = np.clip(matrix @ matrix.T, -1.0, 1.0).astype(np.float32)
    if choice is None:
        choice = _choose(similarity, params)
    tree = _tree(similarity, choice.neighbours, params.neighbour_weight)
    part_cut = max(choice.cut - params.part_offset, 0.01)
    return _cut(tree, choice.cut), _cut(tree, part_cut), choice


def _choose(similarity: np.ndarray, params: ClusterParams) -> Choice:
    """The neighbourhood size and cut whose families have the best silhouette."""
    n = similarity.shape[0]
    plain = 1.0 - similarity
    np.fill_diagonal(plain, 0.0)
    best: tuple[float, int, float] | None = None
    for neighbours in [k for k in params.neighbour_sizes if k < n] or [0]:
        tree = _tree(similarity, neighbours, params.neighbour_weight)
        cuts = (params.cut,) if params.cut is not None else CUTS
        scored = [(silhouette(plain, _cut(tree, cut)), cut) for cut in cuts]
        if params.cut is None:
            # Refine around the best coarse cut in steps of 0.01.
            top = max(scored)[1]
            fine = [round(top + step / 100, 2) for step in (-3, -2, -1, 1, 2, 3)]
            scored += [(silhouette(plain, _cut(tree, cut)), cut) for cut in fine if cut > 0]
        score, cut = max(scored, key=lambda item: (item[0], -item[1]))
        if best is None or score > best[0]:
            best = (score, neighbours, cut)
    if best is None:  # unreachable: the loop runs at least once
        raise ValueError("no neighbourhood size to try")
    return Choice(best[1], best[2], round(float(best[0]), 4))


def silhouette(distances: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette of a labelling on a square distance matrix; a family of one scores 0."""
    n = len(labels)
    _, index = np.unique(labels, return_inverse=True)
    count = int(index.max()) + 1 if n else 0
    if count < 2 or count >= n:
        return -1.0
    from scipy.sparse import csr_matrix

    onehot = csr_matrix((np.ones(n, np.float32), (np.arange(n), index)), shape=(n, count))
    sums = np.asarray((onehot.T @ distances).T, dtype=np.float64)  # distances is symmetric
    sizes = np.bincount(index).astype(np.float64)
    own = sums[np.arange(n), index] / np.maximum(sizes[index] - 1, 1)
    means = sums / sizes[None, :]
    means[np.arange(n), index] = np.inf
    nearest = means.min(axis=1)
    scores = (nearest - own) / np.maximum(np.maximum(own, nearest), 1e-12)
    scores[sizes[index] == 1] = 0.0
    return float(scores.mean())


def shared_neighbours(similarity: np.ndarray, neighbours: int) -> np.ndarray:
    """Jaccard overlap of every pair's ``neighbours`` nearest rows (each row counts itself)."""
    from scipy.sparse import csr_matrix

    n = similarity.shape[0]
    nearest = np.argpartition(-similarity, kth=neighbours - 1, axis=1)[:, :neighbours]
    rows = np.repeat(np.arange(n), neighbours)
    member = csr_matrix(
        (np.ones(n * neighbours, np.float32), (rows, nearest.ravel())), shape=(n, n)
    )
    overlap = (member @ member.T).toarray()
    return overlap / (2 * neighbours - overlap)


def agglomerate(matrix: np.ndarray, distance_threshold: float) -> np.ndarray:
    """Plain average-linkage clustering on cosine distance, cut at the threshold."""
    if matrix.shape[0] < 2:
        return np.zeros(matrix.shape[0], dtype=np.int64)
    unit = _as_unit(matrix)
    similarity = np.clip(unit @ unit.T, -1.0, 1.0)
    return _cut(_tree(similarity, 0, 0.0), distance_threshold)


def _tree(similarity: np.ndarray, neighbours: int, weight: float) -> np.ndarray:
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    sharpened = similarity
    if neighbours > 0:
        sharpened = (1.0 - weight) * similarity + weight * shared_neighbours(similarity, neighbours)
    distance = np.clip(1.0 - sharpened, 0.0, 2.0).astype(np.float64)
    distance = (distance + distance.T) / 2.0
    np.fill_diagonal(distance, 0.0)
    return linkage(squareform(distance, checks=False), method="average")


def _cut(tree: np.ndarray, cut: float) -> np.ndarray:
    from scipy.cluster.hierarchy import fcluster

    return (fcluster(tree, cut, criterion="distance") - 1).astype(np.int64)


def centroids_of(matrix: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Unit centroids of labels 0..max, one row each."""
    count = int(labels.max()) + 1 if len(labels) else 0
    sums = np.zeros((count, matrix.shape[1]), dtype=np.float64)
    np.add.at(sums, labels, matrix)
    return _as_unit(sums)


def assign(
    vectors: np.ndarray, centroids: np.ndarray, min_similarity: float = ASSIGN_SIMILARITY
) -> tuple[Assignment, ...]:
    """The nearest centroid of each vector, or -1 (a new family) below ``min_similarity``."""
    matrix = _as_unit(vectors)
    if centroids.shape[0] == 0:
        return tuple(Assignment(-1, 0.0) for _ in range(matrix.shape[0]))
    nearest, similarity = _nearest(matrix, _as_unit(centroids))
    return tuple(
        Assignment(int(index) if float(sim) >= min_similarity else -1, float(sim))
        for index, sim in zip(nearest, similarity, strict=True)
    )


def merge_into(centroid: np.ndarray, size: int, vector: np.ndarray) -> np.ndarray:
    """The unit centroid after one more member joins (the online spherical k-means step)."""
    total = centroid.astype(np.float64) * size + vector.astype(np.float64)
    return _as_unit(total[None, :])[0]


def family_terms(
    texts: Sequence[str], labels: Sequence[int], n_terms: int = LABEL_TERMS
) -> tuple[tuple[str, ...], ...]:
    """The most distinctive terms of each family, by class-based TF-IDF (c-TF-IDF).

    A family is one document whose term counts are the number of its tickets
    using the term; a term weighs that count over the family's total times
    log(1 + mean count per family / its count over all families), so words
    every family uses sink and words one family owns rise. A term must appear
    in a quarter of the family's tickets (at least two), so a name or a
    machine id in one ticket never labels a family.
    """
    if not texts:
        return ()
    count = max(labels) + 1
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    vectorizer = CountVectorizer(
        stop_words=sorted(ENGLISH_STOP_WORDS | HELPDESK_STOP_WORDS),
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z0-9\-]+\b",
        ngram_range=(1, 2),
        lowercase=True,
        binary=True,
    )
    try:
        per_ticket = vectorizer.fit_transform(texts)
    except ValueError:  # nothing but stop words anywhere
        return tuple(() for _ in range(count))
    membership = csr_matrix(
        (np.ones(len(labels)), (np.asarray(labels), np.arange(len(labels)))),
        shape=(count, len(labels)),
    )
    counts = (membership @ per_ticket).tocsr().astype(np.float64)
    sizes = np.bincount(np.asarray(labels), minlength=count)
    vocabulary = vectorizer.get_feature_names_out()
    words_per_family = np.asarray(counts.sum(axis=1)).ravel()
    mean_words = float(words_per_family.mean()) or 1.0
    term_frequency = np.asarray(counts.sum(axis=0)).ravel()
    idf = np.log1p(mean_words / np.maximum(term_frequency, 1.0))
    result: list[tuple[str, ...]] = []
    for row in range(count):
        start, end = counts.indptr[row], counts.indptr[row + 1]
        columns = counts.indices[start:end]
        support = counts.data[start:end]
        if sizes[row] >= 2:
            keep = support >= max(2.0, math.ceil(0.25 * sizes[row]))
            columns, support = columns[keep], support[keep]
        if len(columns) == 0:
            result.append(())
            continue
        values = support / max(words_per_family[row], 1.0) * idf[columns]
        order = np.lexsort((vocabulary[columns], -values))
        result.append(_pick_terms([str(vocabulary[columns[i]]) for i in order], n_terms))
    return tuple(result)


def label_from_terms(terms: Sequence[str]) -> str:
    """A short family label from its distinctive terms."""
    return " / ".join(terms) if terms else "(no distinctive terms)"


def _pick_terms(ranked: list[str], n_terms: int) -> tuple[str, ...]:
    # Prefer phrases: skip a word already inside a chosen phrase and a phrase
    # whose words were both chosen already.
    chosen: list[str] = []
    for term in ranked:
        words = set(term.split())
        if any(words <= set(other.split()) for other in chosen):
            continue
        if " " in term and words <= {w for other in chosen for w in other.split()}:
            continue
        chosen = [other for other in chosen if not set(other.split()) < words]
        chosen.append(term)
        if len(chosen) == n_terms:
            break
    return tuple(chosen)


def families_from_labels(
    vectors: np.ndarray,
    labels: Sequence[int],
    params: ClusterParams,
    rounds: int = 1,
    choice: Choice | None = None,
) -> Clustering:
    """A clustering from given labels (after merging): centroids, representatives, numbering."""
    return _finish(_as_unit(vectors), np.asarray(labels, dtype=np.int64), params, rounds, choice)


def _finish(
    matrix: np.ndarray, raw: np.ndarray, params: ClusterParams, rounds: int, choice: Choice | None
) -> Clustering:
    # Renumber families by size (largest first), ties by their first member, so
    # the same input always gives the same numbering.
    groups: dict[int, list[int]] = {}
    for row, label in enumerate(raw.tolist()):
        groups.setdefault(label, []).append(row)
    ordered = sorted(groups.values(), key=lambda rows: (-len(rows), rows[0]))
    labels = np.empty(len(raw), dtype=np.int64)
    families = []
    for index, rows in enumerate(ordered):
        members = np.asarray(rows)
        labels[members] = index
        centroid = _as_unit(matrix[members].sum(axis=0, dtype=np.float64)[None, :])[0]
        similarity = matrix[members] @ centroid
        best = int(members[int(np.argmax(similarity))])
        families.append(
            Family(
                members=tuple(rows),
                centroid=centroid.astype(np.float32),
                representative=best,
                cohesion=float(similarity.mean()),
            )
        )
    return Clustering(tuple(labels.tolist()), tuple(families), params, rounds, choice)


def _nearest(matrix: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # Chunked so 50,000 x 5,000 similarities never sit in memory at once.
    nearest = np.empty(matrix.shape[0], dtype=np.int64)
    similarity = np.empty(matrix.shape[0], dtype=np.float64)
    for start in range(0, matrix.shape[0], 4096):
        block = matrix[start : start + 4096] @ centroids.T
        nearest[start : start + 4096] = block.argmax(axis=1)
        similarity[start : start + 4096] = block.max(axis=1)
    return nearest, similarity


def _as_unit(vectors: np.ndarray) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim != 2:
        matrix = matrix.reshape(-1, matrix.shape[-1] if matrix.ndim else 1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms
