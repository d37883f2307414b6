"""The one-scan hint index answers exactly what ``hint in text`` answers, hint by hint."""

from __future__ import annotations

import json
import random
import re
import threading
from pathlib import Path

from kbassist.hygiene.hint_index import HintIndex, keyword_matches
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


def test_keyword_matches_are_the_regex_matches_of_the_text_asked() -> None:
    regex = re.compile(r"pin|pw")
    first = keyword_matches(regex, "pin 1234, pw x")
    assert [m.span() for m in first] == [(0, 3), (10, 12)]
    assert keyword_matches(regex, "pin 1234, pw x") is first  # the same text: kept
    other = keyword_matches(regex, "no pw here")
    assert [m.span() for m in other] == [(3, 5)]  # another text: scanned anew
    assert [m.span() for m in keyword_matches(re.compile("here"), "no pw here")] == [(6, 10)]


def test_keyword_matches_are_kept_per_thread() -> None:
    regex = re.compile(r"\d+")
    wrong: list[str] = []
    seen: set[str] = set()

    def read(text: str) -> None:
        for _ in range(200):
            if [m.group() for m in keyword_matches(regex, text)] != re.findall(r"\d+", text):
                wrong.append(text)  # another thread's text answered
            seen.add(text)

    threads = [threading.Thread(target=read, args=(f"a {n} b {n + 1}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 4 and wrong == []
