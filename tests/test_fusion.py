"""Fusion of lexical and semantic rankings: the math, determinism and the boosts."""

from __future__ import annotations

import random

import pytest

from kbassist.search.fusion import (
    FUSIONS,
    Fused,
    adaptive,
    adjust,
    blend,
    fuse,
    lexical_confidence,
    quality_factor,
    reopen_factor,
    rrf,
)

LEXICAL = [("a", 12.0), ("b", 6.0), ("c", 3.0)]
SEMANTIC = [("b", 0.80), ("d", 0.70), ("a", 0.40)]


def test_rrf_sums_reciprocal_ranks() -> None:
    fused = {row.key: row.score for row in rrf(LEXICAL, SEMANTIC, k=60)}
    assert fused["a"] == pytest.approx(1 / 61 + 1 / 63)
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["d"] == pytest.approx(1 / 62)
    assert [row.key for row in rrf(LEXICAL, SEMANTIC)][:2] == ["b", "a"]


def test_blend_mixes_cosine_with_normalised_bm25() -> None:
    rows = {row.key: row for row in blend(LEXICAL, SEMANTIC, weight=0.25)}
    assert rows["a"].score == pytest.approx(0.75 * 0.40 + 0.25 * 1.0)
    assert rows["b"].score == pytest.approx(0.75 * 0.80 + 0.25 * 0.5)
    # Only lexical: the lowest cosine retrieved stands in for the missing one.
    assert rows["c"].score == pytest.approx(0.75 * 0.40 + 0.25 * 0.25)
    assert rows["d"].lexical is None and rows["d"].semantic == 0.70


def test_lexical_confidence_is_the_lead_of_the_best_hit() -> None:
    assert lexical_confidence(LEXICAL) == pytest.approx(0.5)
    assert lexical_confidence([("x", 5.0), ("y", 5.0)]) == 0.0
    assert lexical_confidence([("x", 5.0)]) == 1.0
    assert lexical_confidence([]) == 0.0


def test_adaptive_gives_keywords_more_say_when_bm25_is_sure() -> None:
    semantic = [("cosine-pick", 0.60), ("keyword-pick", 0.55)]
    unsure = [("keyword-pick", 10.0), ("cosine-pick", 9.9)]
    sure = [("keyword-pick", 10.0), ("cosine-pick", 1.0)]
    assert adaptive(unsure, semantic)[0].key == "cosine-pick"
    assert adaptive(sure, semantic)[0].key == "keyword-pick"


def test_adaptive_weight_never_exceeds_the_ceiling() -> None:
    rows = adaptive([("x", 1.0)], [("x", 0.5)], base=0.5, gain=1.0, ceiling=0.6)
    assert rows[0].score == pytest.approx(0.4 * 0.5 + 0.6 * 1.0)


@pytest.mark.parametrize("method", sorted(FUSIONS))
def test_fusion_is_deterministic_whatever_the_input_order(method: str) -> None:
    lexical = [(f"k{i:02d}", float(i % 4)) for i in range(30)]
    semantic = [(f"k{i:02d}", round(0.1 * (i % 3), 2)) for i in range(10, 40)]
    expected = fuse(method, lexical, semantic)
    rng = random.Random(3)
    for _ in range(5):
        shuffled_lexical, shuffled_semantic = lexical[:], semantic[:]
        rng.shuffle(shuffled_lexical)
        rng.shuffle(shuffled_semantic)
        assert fuse(method, shuffled_lexical, shuffled_semantic) == expected


def test_ties_are_broken_by_key() -> None:
    rows = rrf([("b", 1.0)], [("a", 1.0)])
    assert [row.key for row in rows] == ["a", "b"]


def test_duplicate_keys_keep_their_best_score() -> None:
    rows = blend([("a", 2.0), ("a", 4.0), ("b", 4.0)], [("a", 0.5), ("a", 0.1)], weight=0.5)
    assert {row.key: row.lexical for row in rows} == {"a": 4.0, "b": 4.0}
    assert rows[0] == Fused("a", pytest.approx(0.5 * 0.5 + 0.5), 4.0, 0.5)


def test_unknown_fusion_names_the_choices() -> None:
    with pytest.raises(ValueError, match="adaptive"):
        fuse("magic", LEXICAL, SEMANTIC)


def test_empty_inputs() -> None:
    for method in FUSIONS:
        assert fuse(method, [], []) == ()
    assert [row.key for row in fuse("adaptive", [], SEMANTIC)] == ["b", "d", "a"]


def test_quality_moves_a_score_by_at_most_five_percent() -> None:
    assert quality_factor(None) == 1.0
    assert quality_factor(100) == pytest.approx(1.05)
    assert quality_factor(0) == pytest.approx(0.95)
    assert quality_factor(250) == pytest.approx(1.05)


def test_reopens_demote_down_to_a_floor() -> None:
    assert reopen_factor(0) == 1.0
    assert reopen_factor(1) == pytest.approx(0.9)
    assert reopen_factor(9) == pytest.approx(0.7)


def test_adjust_reorders_near_ties_only() -> None:
    rows = (Fused("good", 0.50), Fused("reopened", 0.52), Fused("far", 0.90))
    adjusted = adjust(rows, {"reopened": reopen_factor(2), "good": quality_factor(90)})
    assert [row.key for row in adjusted] == ["far", "good", "reopened"]


def test_adjust_never_hurts_a_negative_score_with_a_boost() -> None:
    assert adjust([Fused("x", -0.2)], {"x": 1.05})[0].score > -0.2
