"""The check digits that tell an identifier from a number of the same shape."""

from __future__ import annotations

import pytest

from kbassist.hygiene.check_digits import codice_fiscale_ok, luhn_ok


@pytest.mark.parametrize("code", ["MRTLCU82S07F205C", "cgcnnz69b14b048d", "RSSMRA85T10A562S"])
def test_a_codice_fiscale_with_its_check_letter_holds(code: str) -> None:
    assert codice_fiscale_ok(code)


@pytest.mark.parametrize(
    "code",
    [
        "MRTLCU82S07F205D",  # the check letter one off
        "MRTLCU82S07F250C",  # two characters swapped
        "MRTLCU82S07F205",  # fifteen characters
    ],
)
def test_a_codice_fiscale_with_a_wrong_check_letter_does_not(code: str) -> None:
    assert not codice_fiscale_ok(code)


def test_luhn() -> None:
    assert luhn_ok("4539578763621486")
    assert not luhn_ok("4539578763621487")
