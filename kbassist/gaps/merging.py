"""One issue, one family: merging families that are the same issue in different words.

Pure functions. Tickets are clustered by what the user wrote, so the same
problem reported in different vocabularies ("OneDrive stuck on processing
changes", "red crosses on my synced folders") can land in separate families.
Three kinds of evidence say two families are one issue: their tickets'
embeddings (the text centroids), their tickets' resolutions (what the
technicians did: a TF-IDF profile of the closure notes, which names the same
commands, settings and causes whatever the user wrote) and the articles their
tickets cite. A pair's similarity is the mean of the evidence both families
have (text always; resolutions when both have substantive notes; links when
both cite articles), and families are merged by average linkage on it, cut at
``MERGE_SIMILARITY``. Families of every size take part, so pieces too small
to reach the gap bar alone are counted with the issue they belong to. How the
bar was chosen: docs/gaps.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from kbassist.gaps.clustering import (
    Clustering,
    ClusterParams,
    cluster_vectors,
    families_from_labels,
)

# Two families merge while the mean similarity between their pieces stays at or
# above this. Chosen on the demo world generated with seed 3 and its
# split-prone variant (bench/gaps.py --tune), never on the seed-7 data or
# stackfaq that the figures are reported on (docs/gaps.md).
MERGE_SIMILARITY = 0.4
# A closure note with fewer words says nothing about the fix ("fixed", "done").
MIN_NOTE_WORDS = 6


@dataclass(frozen=True)
class Evidence:
    """Per family: unit text centroid, resolution profile and link profile (zero rows: none)."""

    text: np.ndarray  # (families, dim)
    resolution: Any  # scipy sparse (families, terms), rows unit length or empty
    links: np.ndarray  # (families, articles)

    @property
    def count(self) -> int:
        return int(self.text.shape[0])


def family_evidence(
    labels: Sequence[int],
    vectors: np.ndarray,
    notes: Sequence[str],
    links: Sequence[Sequence[str]],
) -> Evidence:
    """The evidence of each family from its members' vectors, closure notes and cited articles."""
    from scipy.sparse import csr_matrix

    index = np.asarray(labels, dtype=np.int64)
    n = len(index)
    count = int(index.max()) + 1 if n else 0
    membership = csr_matrix((np.ones(n), (index, np.arange(n))), shape=(count, n))
    text = _unit_rows(np.asarray(membership @ np.asarray(vectors, dtype=np.float64)))
    resolution = _unit_sparse_rows(membership @ resolution_profiles(notes))
    articles = sorted({a for cited in links for a in cited})
    position = {a: i for i, a in enumerate(articles)}
    per_ticket = np.zeros((n, len(articles)))
    for row, cited in enumerate(links):
        for article in cited:
            per_ticket[row, position[article]] += 1.0
    return Evidence(text, resolution, _unit_rows(np.asarray(membership @ per_ticket)))


def resolution_profiles(notes: Sequence[str]) -> Any:
    """TF-IDF rows (unit length) of the closure notes; empty rows for notes too short to count."""
    from scipy.sparse import csr_matrix, diags
    from sklearn.feature_extraction.text import TfidfVectorizer

    substantive = np.array([len(note.split()) >= MIN_NOTE_WORDS for note in notes], float)
    if not substantive.any():
        return csr_matrix((len(notes), 1))
    vectorizer = TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        min_df=2 if substantive.sum() >= 10 else 1,
        max_df=0.5 if substantive.sum() >= 10 else 1.0,
        ngram_range=(1, 2),
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z0-9\-_.]+\b",
    )
    try:
        matrix = vectorizer.fit_transform(
            [note if keep else "" for note, keep in zip(notes, substantive, strict=True)]
        )
    except ValueError:  # no term survives the document-frequency bounds
        return csr_matrix((len(notes), 1))
    return _unit_sparse_rows(diags(substantive) @ matrix)


def evidence_similarity(evidence: Evidence, family_of: Sequence[int] | None = None) -> np.ndarray:
    """Part-by-part similarity: the mean of text, resolutions and links where both have them.

    Wording alone never decides here (the clustering already did): a pair with
    neither resolutions nor links in common keeps the clustering's verdict, 1
    when ``family_of`` puts both parts in one family and 0 otherwise.
    """
    text = evidence.text @ evidence.text.T
    resolution = np.asarray((evidence.resolution @ evidence.resolution.T).todense())
    links = evidence.links @ evidence.links.T
    has_resolution = np.asarray(abs(evidence.resolution).sum(axis=1)).ravel() > 0
    has_links = evidence.links.any(axis=1)
    both_resolution = np.outer(has_resolution, has_resolution)
    both_links = np.outer(has_links, has_links)
    total = text + np.where(both_resolution, resolution, 0.0) + np.where(both_links, links, 0.0)
    combined = total / (1.0 + both_resolution + both_links)
    families = np.arange(evidence.count) if family_of is None else np.asarray(family_of)
    verdict = (families[:, None] == families[None, :]).astype(np.float64)
    return np.clip(np.where(both_resolution | both_links, combined, verdict), -1.0, 1.0)


def merge_families(
    labels: Sequence[int],
    evidence: Evidence,
    family_of: Sequence[int] | None = None,
    min_similarity: float = MERGE_SIMILARITY,
) -> np.ndarray:
    """Labels after grouping the parts whose mean similarity reaches the bar (average linkage)."""
    index = np.asarray(labels, dtype=np.int64)
    if evidence.count < 2:
        return np.zeros_like(index)
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = 1.0 - evidence_similarity(evidence, family_of)
    distance = np.clip((distance + distance.T) / 2.0, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    merged = fcluster(tree, 1.0 - min_similarity, criterion="distance") - 1
    return merged[index].astype(np.int64)


def find_families(
    vectors: np.ndarray,
    notes: Sequence[str],
    links: Sequence[Sequence[str]],
    params: ClusterParams | None = None,
    min_similarity: float | None = MERGE_SIMILARITY,
) -> Clustering:
    """Cluster the tickets by their text, then regroup the parts by resolutions and links.

    Families that are one issue in different words merge; a family whose
    parts were fixed differently and cite different articles splits.
    """
    params = params or ClusterParams()
    found = cluster_vectors(vectors, params)
    if min_similarity is None or not found.families:
        return found
    parts = np.asarray(found.parts, dtype=np.int64)
    family_of = np.zeros(int(parts.max()) + 1, dtype=np.int64)
    family_of[parts] = np.asarray(found.labels)
    evidence = family_evidence(parts.tolist(), vectors, notes, links)
    merged = merge_families(parts.tolist(), evidence, family_of.tolist(), min_similarity)
    return families_from_labels(vectors, merged.tolist(), params, found.rounds, found.choice)


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix, dtype=np.float64), where=norms > 0)


def _unit_sparse_rows(matrix: Any) -> Any:
    from scipy.sparse import csr_matrix, diags

    sparse = csr_matrix(matrix)
    norms = np.sqrt(np.asarray(sparse.multiply(sparse).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return csr_matrix(diags(scale) @ sparse)
