"""Personal data in a pasted table: the rows under a header that names a birth-date column.

"AdmNo,Forename,Surname,DOB,Year,Class\\n004417,Ellie,Hardcastle,2017-06-30,Year 4,4B": an
export's header names the column once, and every row below holds a date of birth in it
(session 15). Comma, semicolon, tab and bar separated rows are read; a row whose field in
that column is not a date is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit

_BIRTH_HEADER = re.compile(
    r"(?i)^(?:dob|d\.o\.b\.?|date[ _]?of[ _]?birth|birth[ _]?date|birthdate|birthday|born"
    r"|geburtsdatum|geb\.?(?:datum)?|fecha[ _]de[ _]nacimiento|f\.?[ _]?nacimiento"
    r"|date[ _]de[ _]naissance|date_naissance|datenaissance|geboortedatum|geb\.?datum"
    r"|data[ _]de[ _]nascimento|data[ _]di[ _]nascita|data_nascita)$"
)
_HEADER_WORDS = (
    "dob",
    "d.o.b",
    "birth",
    "born",
    "geb",
    "nacimiento",
    "naissance",
    "nascimento",
    "nascita",
)  # fmt: skip  ("geboortedatum" holds "geb")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_SEPARATORS = (",", ";", "\t", "|")
_ROWS_READ = 200


def _header_column(line: str) -> tuple[str, int] | None:
    for separator in _SEPARATORS:
        if line.count(separator) < 2:
            continue
        fields = [field.strip().strip("\"'") for field in line.split(separator)]
        for index, field in enumerate(fields):
            if _BIRTH_HEADER.match(field):
                return separator, index
    return None


def birth_column_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Dates of birth in the rows under a table header that names the column."""
    if "\n" not in text or not any(word in lowered for word in _HEADER_WORDS):
        return
    lines = text.split("\n")
    offset = 0
    column: tuple[str, int] | None = None
    for line in lines[: _ROWS_READ + 1]:
        found = _header_column(line)
        if found:
            column = found
        elif column and line.count(column[0]) >= column[1]:
            separator, index = column
            fields = line.split(separator)
            if index < len(fields):
                start = offset + sum(len(field) + 1 for field in fields[:index])
                field = fields[index]
                date = _DATE.fullmatch(field.strip().strip("\"'"))
                if date:
                    lead = len(field) - len(field.lstrip().lstrip("\"'"))
                    value = field.strip().strip("\"'")
                    yield start + lead, start + lead + len(value), "date_of_birth"
        else:
            column = None
        offset += len(line) + 1
