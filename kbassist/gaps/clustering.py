"""Issue families: clustering of unit vectors, labels from distinctive terms, assignment.

Pure functions: vectors and texts in, frozen dataclasses out, no I/O. The
method needs no number of clusters up front: agglomerative clustering with
average linkage on cosine distance, cut at ``distance_threshold`` (two groups
merge while the mean distance between their members stays below it). Above
``max_direct`` vectors the O(n^2) distance matrix would not fit, so a seeded
sample is clustered, the rest join the nearest sample family when similar
enough, and what is left is clustered again (see docs/gaps.md for the cost).
Thresholds were tuned on the stackfaq data and the demo ground truth
(docs/gaps.md, ``bench/gaps.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

# Average-linkage cut (cosine distance), tuned with all-MiniLM-L6-v2 for the
# best mean adjusted Rand index over stackfaq (short queries; best alone at
# 0.45) and the demo tickets (title and description; best alone at 0.50):
# 0.48 gives 0.79 and 0.89, the best mean (docs/gaps.md).
DISTANCE_THRESHOLD = 0.48
# A new vector joins the nearest family when its cosine similarity to the
# family centroid reaches this; below it, it starts a family of its own. On
# stackfaq held-out queries 0.65 balances "joins its own family" (78%) against
# "unseen issue starts a new family" (89%).
ASSIGN_SIMILARITY = 0.65
# Largest input clustered in one agglomerative pass (its distance matrix holds
# n^2/2 float64 values: 6,000 vectors take ~150 MB and ~3 s).
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
    """The knobs of one clustering run (stored with the run)."""

    distance_threshold: float = DISTANCE_THRESHOLD
    assign_similarity: float = ASSIGN_SIMILARITY
    max_direct: int = MAX_DIRECT
    seed: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "method": "agglomerative-average-cosine",  # type: ignore[dict-item]
            "distance_threshold": self.distance_threshold,
            "assign_similarity": self.assign_similarity,
            "max_direct": self.max_direct,
            "seed": self.seed,
        }


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


@dataclass(frozen=True)
class Assignment:
    """Where a vector goes: a family index (or -1 for a new family) and its similarity."""

    family: int
    similarity: float


def cluster_vectors(vectors: np.ndarray, params: ClusterParams | None = None) -> Clustering:
    """Group unit vectors into families without a number of clusters given up front."""
    params = params or ClusterParams()
    matrix = _as_unit(vectors)
    n = matrix.shape[0]
    if n == 0:
        return Clustering((), (), params, rounds=0)
    raw = np.full(n, -1, dtype=np.int64)
    pending = np.arange(n)
    rng = np.random.default_rng(params.seed)
    next_label = 0
    rounds = 0
    while len(pending) > params.max_direct:
        rounds += 1
        sample = np.sort(rng.choice(pending, size=params.max_direct, replace=False))
        sample_labels = agglomerate(matrix[sample], params.distance_threshold)
        raw[sample] = sample_labels + next_label
        centroids = centroids_of(matrix[sample], sample_labels)
        rest = np.setdiff1d(pending, sample, assume_unique=True)
        nearest, similarity = _nearest(matrix[rest], centroids)
        joined = similarity >= params.assign_similarity
        raw[rest[joined]] = nearest[joined] + next_label
        next_label += centroids.shape[0]
        pending = rest[~joined]
    if len(pending):
        rounds += 1
        raw[pending] = agglomerate(matrix[pending], params.distance_threshold) + next_label
    return _finish(matrix, raw, params, rounds)


def agglomerate(matrix: np.ndarray, distance_threshold: float) -> np.ndarray:
    """Average-linkage agglomerative clustering on cosine distance, cut at the threshold."""
    if matrix.shape[0] < 2:
        return np.zeros(matrix.shape[0], dtype=np.int64)
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(
        n_clusters=None,
        distance_threshold=distance_threshold,
        metric="cosine",
        linkage="average",
    )
    return model.fit_predict(matrix).astype(np.int64)


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


def _finish(matrix: np.ndarray, raw: np.ndarray, params: ClusterParams, rounds: int) -> Clustering:
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
    return Clustering(tuple(labels.tolist()), tuple(families), params, rounds)


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
