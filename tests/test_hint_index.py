"""The one-scan hint index answers exactly what ``hint in text`` answers, hint by hint."""

from __future__ import annotations

import json
import random
from pathlib import Path

from kbassist.hygiene.hint_index import HintIndex
from kbassist.hygiene.secret_rules import SECRET_HINTS, SECRET_RULES


def _slow(hints: set[str], text: str) -> frozenset[str]:
    return frozenset(hint for hint in hints if hint in text)


def test_overlapping_and_nested_hints_are_all_found() -> None:
    hints = {"pin", "pincode", "insel", "code", "de", "vm ", "vm:", "p", "pw", "pwd"}
    index = HintIndex(hints)
    for text in ("pinsel", "pincode", "a pwd: x", "vm: 12", "vm 12", "", "zzz", "ppw"):
        assert index.present(text) == _slow(hints, text), text


def test_random_texts_over_a_small_alphabet() -> None:
    # a tiny alphabet makes hints overlap, nest and repeat in every way
    rng = random.Random(7)
    hints = {"".join(rng.choice("abc ") for _ in range(rng.randint(1, 4))) for _ in range(30)}
    index = HintIndex(hints)
    for _ in range(500):
        text = "".join(rng.choice("abcd ") for _ in range(rng.randint(0, 40)))
        assert index.present(text) == _slow(hints, text), (sorted(hints), text)


def test_the_secret_rules_index_on_the_written_cases() -> None:
    hints = {hint for rule in SECRET_RULES for hint in rule.hints}
    cases = Path(__file__).parent / "data" / "hygiene_cases.jsonl"
    texts = [json.loads(line)["text"].lower() for line in cases.read_text("utf-8").splitlines()]
    assert len(texts) > 200
    for text in texts:
        assert SECRET_HINTS.present(text) == _slow(hints, text), text


def test_an_empty_index_finds_nothing() -> None:
    assert HintIndex([]).present("pin 1234") == frozenset()
