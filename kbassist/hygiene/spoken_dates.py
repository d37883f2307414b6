"""Dates said in words in Spanish, Portuguese, Italian, French and Dutch (session 23; blind131
read).

Speech-to-text writes a date of birth as it was said: "el nueve de mayo de dos mil tres", "il
ventitré ottobre millenovecentonovantanove", "le douze mars mille neuf cent quatre-vingt-sept",
"catorze de junho de mil novecentos e oitenta e cinco", "drie april negentienhonderdnegentig".
:mod:`kbassist.hygiene.spoken_places` reads English and German dates; this module reads the
other five. Each date is written with its day and year in digits and the words between kept
("9 de mayo de 2003", "23 ottobre 1999"), and the birth-date rule decides, on its own words,
whether it is someone's date of birth.
"""

from __future__ import annotations

import re

from kbassist.hygiene.number_pairs import PAIRS, french_words
from kbassist.hygiene.regex_guard import guarded

_UNITS = {
    "uno": 1, "un": 1, "una": 1, "um": 1, "uma": 1, "une": 1, "een": 1, "één": 1,
    "dos": 2, "dois": 2, "duas": 2, "due": 2, "deux": 2, "twee": 2,
    "tres": 3, "três": 3, "tre": 3, "trois": 3, "drie": 3,
    "cuatro": 4, "quatro": 4, "quattro": 4, "quatre": 4, "vier": 4,
    "cinco": 5, "cinque": 5, "cinq": 5, "vijf": 5,
    "seis": 6, "sei": 6, "six": 6, "zes": 6,
    "siete": 7, "sete": 7, "sette": 7, "sept": 7, "zeven": 7,
    "ocho": 8, "oito": 8, "otto": 8, "huit": 8, "acht": 8,
    "nueve": 9, "nove": 9, "neuf": 9, "negen": 9,
    "primero": 1, "primo": 1, "premier": 1, "primeiro": 1, "eerste": 1,
}  # fmt: skip


# every way of saying 1 to 99 in the five languages, spaces for hyphens ("vingt trois")
_NUMBERS: dict[str, int] = {
    **_UNITS,
    **{said: int(digits) for said, digits in PAIRS.items()},
    **{french_words(number).replace("-", " "): number for number in range(10, 100)},
}
_LONGEST = max(len(said.split()) for said in _NUMBERS)
_MONTHS = {
    name: index
    for names in (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre"
        " dicembre",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "januari februari maart april mei juni juli augustus september oktober november december",
    )
    for index, name in enumerate(names.split(), 1)
}
_MONTHS["setiembre"] = 9
_MONTH = guarded(r"(?i)\b(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b")
# a year's first words, said apart or joined to the rest ("millenovecentonovantanove")
_CENTURY = re.compile(
    r"(?i)(?:mil\s+novecient[oa]s|mil\s+novecentos|mille\s+neuf\s+cents?|dix[\s-]neuf\s+cents?"
    r"|mille\s*novecento|negentien\s*honderd|(?P<two>dos\s+mil|dois\s+mil|deux\s+mille|duemila"
    r"|twee\s*duizend))(?:\s+(?:e|en|y)\b)?"
)
_DUTCH_NINETEEN = re.compile(r"(?i)negentien\s+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CONNECTOR = re.compile(r"(?i)\s+(?:de|del|di|do|da)\b")
_CONNECTOR_BEFORE = re.compile(r"(?i)\s(?:de|di)$")


def _number(words: list[str]) -> tuple[int, int] | None:
    """(value, words used) of the longest number said at the start of the words."""
    for size in range(min(_LONGEST, len(words)), 0, -1):
        said = " ".join(words[:size]).lower().replace("-", " ")
        if said in _NUMBERS:
            return _NUMBERS[said], size
    return None


def _day_before(text: str, month_start: int) -> tuple[int, int, int] | None:
    """(start, end, day) of a day said right before the month ("nueve de", "ventitré")."""
    end = len(text[:month_start].rstrip())
    connector = _CONNECTOR_BEFORE.search(text, max(0, end - 5), end)
    if connector:
        end = connector.start()
    words = list(_WORD.finditer(text, max(0, end - 40), end))
    for first in range(max(0, len(words) - _LONGEST), len(words)):
        tail = words[first:]
        if text[tail[-1].end() : end].strip() or any(
            text[a.end() : b.start()].strip() for a, b in zip(tail, tail[1:], strict=False)
        ):
            continue
        found = _number([word.group(0) for word in tail])
        if found and found[1] == len(tail):  # the longest number: "treinta y dos" is no "dos"
            return (tail[0].start(), tail[-1].end(), found[0]) if 1 <= found[0] <= 31 else None
    return None


def _year_after(text: str, month_end: int) -> tuple[int, int, int] | None:
    """(start, end, year) of a year said right after the month and its connector."""
    connector = _CONNECTOR.match(text, month_end)
    gap = re.compile(r"\s+").match(text, connector.end() if connector else month_end)
    if gap is None:
        return None
    start = gap.end()
    century = _CENTURY.match(text, start)
    dutch = None if century else _DUTCH_NINETEEN.match(text, start)
    if century is None and dutch is None:
        return None
    base = 2000 if century and century.group("two") else 1900
    position = (century or dutch).end()  # type: ignore[union-attr]
    joined = _WORD.match(text, position)
    if joined:  # "millenovecento|novantanove", "tweeduizend|drie"
        value = _NUMBERS.get(joined.group(0).lower().replace("-", " "))
        return (start, joined.end(), base + value) if value else None
    words: list[re.Match[str]] = []
    for word in _WORD.finditer(text, position, min(len(text), position + 60)):
        previous = words[-1].end() if words else position
        if text[previous : word.start()].strip() or len(words) == _LONGEST:
            break
        words.append(word)
    found = _number([word.group(0) for word in words])
    if found is None:
        # "negentien" alone is nineteen, no year
        return None if dutch else (start, len(text[:position].rstrip()), base)
    return start, words[found[1] - 1].end(), base + found[0]


def date_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the date with its day and year in digits) for each date said in words."""
    runs = []
    for month in _MONTH.finditer(text):
        day = _day_before(text, month.start())
        year = _year_after(text, month.end()) if day else None
        if day and year:
            runs.append((day[0], year[1], f"{day[2]}{text[day[1] : year[0]]}{year[2]}"))
    return runs
