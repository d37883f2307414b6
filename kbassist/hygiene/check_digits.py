"""The Luhn check digit, which tells an identifier from a number of the same shape.

Payment cards and Swedish personal and organisation numbers carry it (session 17).
"""

from __future__ import annotations


def luhn_ok(digits: str) -> bool:
    """The Luhn check over a string of digits: every second digit from the right doubled."""
    total = 0
    for index, ch in enumerate(reversed(digits)):
        value = int(ch) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0
