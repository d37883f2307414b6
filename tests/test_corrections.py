"""A value corrected in the same breath is as sensitive as the one found (session 7)."""

from __future__ import annotations

import pytest

from kbassist.hygiene import mask
from kbassist.hygiene.corrections import corrected_hits


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
