"""A value corrected in the same breath is as sensitive as the one found (session 7)."""

from __future__ import annotations

import random
import re

import pytest

from kbassist.hygiene import mask
from kbassist.hygiene.corrections import _TEXT_SHAPES, _same_shape, _whole, corrected_hits


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Alarm code was 2580 - wait, Mark changed it on Friday, it's now 3691.", ["2580", "3691"]),
        ("Gate code 7731, sorry 7713, she read it back.", ["7731", "7713"]),
        ("PIN 4402 entered wrong, correct is 4420 per the user.", ["4402", "4420"]),
    ],
)
def test_both_values_of_a_correction_are_masked(text: str, values: list[str]) -> None:
    masked = mask(text)
    assert all(value not in masked for value in values)


@pytest.mark.parametrize(
    "text",
    [
        "Door code 2580 set for the new office, now in use since 2024.",  # a year
        "Door code 2580 set; now ticket 44123 closed.",  # another shape
        "Door code 2580 set; the panel shows zone 4411 healthy.",  # no correction word
        "Door code 2580 set.\n\nNow 4411 tickets are open.",  # another paragraph
    ],
)
def test_no_twin_without_a_cue_or_with_another_shape(text: str) -> None:
    found = (text.index("2580"), text.index("2580") + 4, "door_code")
    assert corrected_hits(text, [found]) == []


def test_the_twin_takes_the_found_value_kind() -> None:
    text = "voicemail PIN 8841, no - 8814 is the one she set"
    twins = corrected_hits(text, [(text.index("8841"), text.index("8841") + 4, "voicemail_pin")])
    assert twins == [(text.index("8814"), text.index("8814") + 4, "voicemail_pin")]
    assert corrected_hits(text, []) == []


# The shape comparison replaced a regex compiled for each value (session 13). It must find
# what that regex found: the reference below is the replaced code.
def _reference_shape_regex(value: str) -> re.Pattern[str]:
    parts = []
    for ch in value:
        if ch.isdigit():
            parts.append(r"\d")
        elif ch.isalpha():
            parts.append("[A-Z]" if ch.isupper() else "[a-z]")
        else:
            parts.append(re.escape(ch))
    return re.compile(r"(?<![\w-])" + "".join(parts) + r"(?![\w-])")


_ALPHABET = "0123456789aZbY -_.#/Äé٣²\x00\x01\n"


def test_same_shape_finds_what_the_shape_regex_found() -> None:
    rng = random.Random(13)
    shapes = 0
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 60)))
        start = rng.randrange(len(text))
        value = text[start : start + rng.randint(1, 6)]
        lo, hi = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
        want = [m.span() for m in _reference_shape_regex(value).finditer(text, lo, hi)]
        got = list(_same_shape(text, text.translate(_TEXT_SHAPES), value, lo, hi))
        assert got == want, (text, value, lo, hi)
        shapes += bool(want)
    assert shapes > 150  # the comparison saw many matches, not only empty lists


def test_whole_finds_what_the_word_bounded_regex_found() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 60)))
        start = rng.randrange(len(text))
        value = text[start : start + rng.randint(1, 6)]
        pattern = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)")
        assert list(_whole(text, value)) == [m.span() for m in pattern.finditer(text)]
