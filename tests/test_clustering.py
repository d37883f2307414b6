"""Pure clustering: planted families, labels, assignment, sampling for large inputs."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from kbassist.embedding import HashingEmbedder
from kbassist.gaps.clustering import (
    ClusterParams,
    agglomerate,
    assign,
    centroids_of,
    cluster_vectors,
    family_terms,
    label_from_terms,
    merge_into,
)


def planted(n_families: int, per_family: int, noise: float, seed: int = 0):  # type: ignore[no-untyped-def]
    """Unit vectors scattered around random family centres, and each one's true family."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(n_families, 64))
    truth = np.repeat(np.arange(n_families), per_family)
    vectors = centres[truth] + noise * rng.normal(size=(len(truth), 64))
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), truth


def test_planted_families_are_found_without_being_told_how_many() -> None:
    vectors, truth = planted(n_families=12, per_family=8, noise=0.3)
    result = cluster_vectors(vectors)
    assert len(result.families) == 12
    assert adjusted_rand_score(truth, result.labels) == pytest.approx(1.0)
    assert sum(family.size for family in result.families) == len(truth)


def test_families_are_numbered_largest_first_and_the_representative_is_a_member() -> None:
    sizes = [3, 9, 5]
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(3, 32))
    truth = np.repeat(np.arange(3), sizes)
    vectors = centres[truth] + 0.2 * rng.normal(size=(len(truth), 32))
    result = cluster_vectors(vectors)
    assert [family.size for family in result.families] == [9, 5, 3]
    for family in result.families:
        assert family.representative in family.members
        similarity = vectors[list(family.members)] @ family.centroid
        norms = np.linalg.norm(vectors[list(family.members)], axis=1)
        assert family.representative == family.members[int(np.argmax(similarity / norms))]


def test_sampled_path_for_large_inputs_recovers_the_same_families() -> None:
    vectors, truth = planted(n_families=10, per_family=30, noise=0.3, seed=2)
    direct = cluster_vectors(vectors)
    sampled = cluster_vectors(vectors, ClusterParams(max_direct=100))
    assert sampled.rounds >= 1 and sampled.params.max_direct < len(truth)
    assert adjusted_rand_score(truth, sampled.labels) == pytest.approx(1.0)
    assert adjusted_rand_score(direct.labels, sampled.labels) == pytest.approx(1.0)


def test_same_input_gives_the_same_clustering() -> None:
    vectors, _ = planted(n_families=6, per_family=10, noise=0.5, seed=3)
    params = ClusterParams(max_direct=25)
    assert cluster_vectors(vectors, params).labels == cluster_vectors(vectors, params).labels


def test_a_tighter_threshold_splits_more() -> None:
    vectors, _ = planted(n_families=5, per_family=10, noise=0.9, seed=4)
    loose = agglomerate(vectors, 0.6)
    tight = agglomerate(vectors, 0.1)
    assert len(set(tight.tolist())) > len(set(loose.tolist()))


def test_empty_and_single_inputs() -> None:
    assert cluster_vectors(np.zeros((0, 8))).families == ()
    single = cluster_vectors(np.ones((1, 8)))
    assert single.labels == (0,) and single.families[0].members == (0,)


def test_assign_joins_the_nearest_family_or_starts_a_new_one() -> None:
    vectors, truth = planted(n_families=3, per_family=10, noise=0.2, seed=5)
    centroids = centroids_of(vectors, truth)
    outsider = np.random.default_rng(9).normal(size=(1, 64))
    result = assign(np.vstack([vectors[[0, 15, 29]], outsider]), centroids)
    assert [a.family for a in result] == [0, 1, 2, -1]
    assert result[0].similarity > 0.9
    assert assign(vectors[:2], np.zeros((0, 64)))[0].family == -1


def test_merge_into_moves_the_centroid_towards_the_new_member() -> None:
    centroid = np.array([1.0, 0.0])
    moved = merge_into(centroid, 3, np.array([0.0, 1.0]))
    assert np.linalg.norm(moved) == pytest.approx(1.0)
    assert moved[0] == pytest.approx(3 / np.sqrt(10))


def test_labels_come_from_each_familys_distinctive_terms() -> None:
    texts = [
        "Outlook keeps asking for password after mailbox migration",
        "Outlook password prompt loops, user cannot open mailbox",
        "Printer offline in accounting, spooler service stopped",
        "Spooler crashed again, printer shows offline",
    ]
    terms = family_terms(texts, [0, 0, 1, 1], n_terms=2)
    assert {"outlook", "password", "mailbox"} & set(" ".join(terms[0]).split())
    assert {"printer", "spooler", "offline"} & set(" ".join(terms[1]).split())
    assert not set(" ".join(terms[0]).split()) & {"printer", "spooler"}
    assert label_from_terms(terms[0]).count(" / ") == 1
    assert label_from_terms(()) == "(no distinctive terms)"


def test_hashing_embedder_texts_of_one_issue_cluster_together() -> None:
    texts = [
        "VPN client disconnects every few minutes on home wifi",
        "VPN client keeps disconnecting every few minutes on home wifi",
        "VPN client disconnects every few minutes at home",
        "Shared drive mapping missing after login",
        "Shared drive mapping missing after reboot",
        "Mapped shared drive missing at login",
    ]
    result = cluster_vectors(HashingEmbedder().encode(texts))
    assert result.labels[0] == result.labels[1] == result.labels[2]
    assert result.labels[3] == result.labels[4] == result.labels[5]
    assert result.labels[0] != result.labels[3]


def test_a_word_from_one_ticket_never_labels_a_family() -> None:
    texts = [f"Printer offline in accounting {extra}" for extra in ("zoe", "", "", "")]
    texts += ["VPN drops at home", "VPN drops on hotel wifi"]
    terms = family_terms(texts, [0, 0, 0, 0, 1, 1])
    assert "zoe" not in " ".join(terms[0])
    assert "printer" in " ".join(terms[0])
