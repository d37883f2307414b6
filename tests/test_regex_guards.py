"""The first-character guards put in front of hot detector regexes never change a match.

A guard such as ``(?=[pkcmwsla])`` lets the regex engine skip ahead to the next letter that
can start a match; it is exact only while every alternative after it starts with one of
those characters. These tests read each regex's parsed form, so a word added later with
another first letter fails here instead of silently going unmatched.
"""

from __future__ import annotations

import re

import pytest

from kbassist.hygiene import command_lines, hex_keys, prose_codes, secret_detectors
from kbassist.hygiene.regex_guard import first_characters

# The characters the sets are read over: Latin letters and digits, punctuation, the accented
# letters, and the four that fold to an ASCII letter in a case-blind regex
_ALPHABET = [chr(code) for code in range(0x250)] + ["\u212a", "\u017f", "\u0131", "\u0130"]
_GUARD = re.compile(r"((?:\(\?[aiLmsux]+\))*)\(\?=\[((?:\\.|[^\]\\])*)\]\)")


def _letters(body: str, flags: int) -> set[str]:
    """The characters of _ALPHABET a class of that body matches (lower-cased if case-blind)."""
    regex = re.compile(f"[{body}]", flags)
    fold = bool(flags & re.IGNORECASE)
    return {ch.lower() if fold else ch for ch in _ALPHABET if regex.match(ch)}


def guard_and_first_letters(pattern: re.Pattern[str]) -> tuple[set[str], set[str]]:
    """The guard's characters and the characters any match can begin with (the reader of
    kbassist.hygiene.regex_guard, on the pattern without its guard)."""
    guard = _GUARD.match(pattern.pattern)
    assert guard, "the regex does not start with a guard"
    rest = guard.group(1) + pattern.pattern[guard.end() :]
    starts = first_characters(rest, pattern.flags)
    assert starts is not None, "the first characters cannot be told"
    return _letters(guard.group(2), pattern.flags), _letters(starts, pattern.flags)


GUARDED = [
    (secret_detectors, "_PASSWORD_TOPIC"),
    (secret_detectors, "_WIFI_PAIR"),
    (prose_codes, "_HASH_CODE"),
    (prose_codes, "_KEYPAD_ENTRY"),
    (prose_codes, "_PLACE_CODE_AFTER_COLON"),
    (prose_codes, "_PLACE_CODE_IS"),
    (command_lines, "_CLI_FLAG"),
]


@pytest.mark.parametrize("module, name", GUARDED)
def test_every_alternative_starts_with_a_guarded_character(module, name):
    allowed, starts = guard_and_first_letters(getattr(module, name))
    assert starts <= allowed, f"{name} can start with {sorted(starts - allowed)}"
    assert starts == allowed, f"{name}'s guard lets through {sorted(allowed - starts)}"


def test_the_reader_sees_a_missing_letter():
    """The check itself fails on a guard that leaves out a word's first letter."""
    allowed, starts = guard_and_first_letters(re.compile(r"(?i)(?=[pk])(?:pass|\bkey\b|login)"))
    assert starts - allowed == {"l"}


def test_the_key_groups_search_is_implied_by_each_key():
    """Every licence-key shape holds two groups of four joined by a hyphen."""
    keys = [
        "ABCDE-12345-FGHIJ-67890-KLMNO",
        "EAV-3K7N-PX2Q-9RT4-HW8M",
        "1234-5678-9012-3456-7890-1234",
        "١٢٣٤-٥٦٧٨-٩٠١٢-٣٤٥٦-٧٨٩٠-١٢٣٤",  # \d is any digit, and so is the search's
    ]
    for key in keys:
        assert secret_detectors._KEY_GROUPS.search(key), key
        shapes = (secret_detectors._PRODUCT_KEY, secret_detectors._GROUPED_KEY)
        assert any(shape.search(key) for shape in (*shapes, secret_detectors._DIGIT_SERIAL))


def test_the_bitlocker_guard_keeps_keys():
    key = "123456-234567-345678-456789-567890-678901-789012-890123"
    assert hex_keys._RECOVERY_KEY.search(f"recovery key {key} stored").group(0) == key
