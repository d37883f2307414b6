"""The first-character guards put in front of hot detector regexes never change a match.

A guard such as ``(?=[pkcmwsla])`` lets the regex engine skip ahead to the next letter that
can start a match; it is exact only while every alternative after it starts with one of
those characters. These tests read each regex's parsed form, so a word added later with
another first letter fails here instead of silently going unmatched.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812  (the parser's opcodes)
from re import _parser

import pytest

from kbassist.hygiene import command_lines, prose_codes, secret_detectors

ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}


def _first(items: list, chars: set[str]) -> bool:
    """Add the characters that can start a match of items; True when items can match empty."""
    for op, arg in items:
        if op in ZERO_WIDTH:
            continue
        if op == C.LITERAL:
            chars.add(chr(arg))
            return False
        if op == C.IN:
            for inner, value in arg:
                if inner != C.LITERAL:
                    raise AssertionError(f"a class of more than literals: {inner}")
                chars.add(chr(value))
            return False
        if op == C.SUBPATTERN:
            if not _first(arg[-1], chars):
                return False
            continue
        if op == C.BRANCH:
            if not any([_first(branch, chars) for branch in arg[1]]):
                return False
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, _, body = arg
            if not _first(body, chars) and low > 0:
                return False
            continue
        raise AssertionError(f"an opcode these tests do not read: {op}")
    return True


def guard_and_first_letters(pattern: re.Pattern[str]) -> tuple[set[str], set[str]]:
    """The guard's characters and the characters any match can begin with (lower-cased)."""
    parsed = list(_parser.parse(pattern.pattern))
    op, (direction, guard) = parsed[0]
    assert op == C.ASSERT and direction == 1, "the regex does not start with a guard"
    allowed: set[str] = set()
    assert not _first(guard, allowed)
    starts: set[str] = set()
    assert not _first(parsed[1:], starts), "the regex can match the empty string"
    fold = bool(pattern.flags & re.IGNORECASE)
    return (
        {ch.lower() for ch in allowed} if fold else allowed,
        {ch.lower() for ch in starts} if fold else starts,
    )


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
    assert secret_detectors._BITLOCKER.search(f"recovery key {key} stored").group(0) == key
