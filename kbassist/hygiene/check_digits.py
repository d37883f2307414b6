"""The Luhn check digit, which tells an identifier from a number of the same shape.

Payment cards and Swedish personal and organisation numbers carry it (session 17); an Italian
codice fiscale carries a check letter of its own (session 24).
"""

from __future__ import annotations


def luhn_ok(digits: str) -> bool:
    """The Luhn check over a string of digits: every second digit from the right doubled."""
    total = 0
    for index, ch in enumerate(reversed(digits)):
        value = int(ch) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


# The values of a codice fiscale's characters in odd places (first, third, ...): 0-9 as A-J
_CF_ODD = (
    1,
    0,
    5,
    7,
    9,
    13,
    15,
    17,
    19,
    21,
    2,
    4,
    18,
    20,
    11,
    3,
    6,
    8,
    12,
    14,
    16,
    10,
    22,
    25,
    24,
    23,
)


def codice_fiscale_ok(code: str) -> bool:
    """The check letter of an Italian codice fiscale (sixteen characters, any case)."""
    code = code.upper()
    total = 0
    for index, ch in enumerate(code[:15]):
        value = int(ch) if ch.isdigit() else ord(ch) - ord("A")
        total += _CF_ODD[value] if index % 2 == 0 else value
    return len(code) == 16 and chr(ord("A") + total % 26) == code[15]
