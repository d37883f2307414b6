"""Dates said in words in five languages are written with their day and year in digits
(kbassist/hygiene/spoken_dates.py, session 23); what is no date is left alone."""

from __future__ import annotations

import pytest

from kbassist.hygiene.spoken_dates import date_runs


@pytest.mark.parametrize(
    ("text", "said", "written"),
    [
        (
            "su fecha de nacimiento, el nueve de mayo de dos mil tres, y el DNI",
            "nueve de mayo de dos mil tres",
            "9 de mayo de 2003",
        ),
        (
            "el treinta y uno de diciembre de mil novecientos noventa y nueve",
            "treinta y uno de diciembre de mil novecientos noventa y nueve",
            "31 de diciembre de 1999",
        ),
        (
            "nascida a catorze de junho de mil novecentos e oitenta e cinco.",
            "catorze de junho de mil novecentos e oitenta e cinco",
            "14 de junho de 1985",
        ),
        (
            "data di nascita il ventitré ottobre millenovecentonovantanove, confermata",
            "ventitré ottobre millenovecentonovantanove",
            "23 ottobre 1999",
        ),
        ("il primo maggio duemilatre", "primo maggio duemilatre", "1 maggio 2003"),
        (
            "née le douze mars mille neuf cent quatre-vingt-sept à Lyon",
            "douze mars mille neuf cent quatre-vingt-sept",
            "12 mars 1987",
        ),
        ("le vingt et un juin deux mille cinq", "vingt et un juin deux mille cinq", "21 juin 2005"),
        (
            "geboren op drieëntwintig april negentienhonderdnegentig in Zwolle",
            "drieëntwintig april negentienhonderdnegentig",
            "23 april 1990",
        ),
        (
            "geboren op eenentwintig mei negentien negenentachtig",
            "eenentwintig mei negentien negenentachtig",
            "21 mei 1989",
        ),
        ("op vier maart tweeduizend zes", "vier maart tweeduizend zes", "4 maart 2006"),
    ],
)
def test_a_date_said_in_words_is_written_in_digits(text: str, said: str, written: str) -> None:
    runs = date_runs(text)
    assert len(runs) == 1
    start, end, shown = runs[0]
    assert text[start:end] == said
    assert shown == written


@pytest.mark.parametrize(
    "text",
    [
        "el dos de mayo, sin año",  # no year
        "op vier maart negentien mensen",  # "negentien" is nineteen, no year
        "the Mayo clinic called at two",  # no day, no year
        "el treinta y dos de mayo de dos mil tres",  # no such day
        "cuarenta de mayo de dos mil tres",
    ],
)
def test_what_is_no_date_in_words_is_left_alone(text: str) -> None:
    assert date_runs(text) == []
