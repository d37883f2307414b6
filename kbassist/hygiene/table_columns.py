"""Values in the columns of a pasted table: dates of birth under a birth-date header, secrets
under a Password column or a column of new codes.

"AdmNo,Forename,Surname,DOB,Year,Class\\n004417,Ellie,Hardcastle,2017-06-30,Year 4,4B": an
export's header names the column once, and every row below holds a date of birth in it
(session 15). Comma, semicolon, tab and bar separated rows are read; a row whose field in
that column is not a date is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.value_shapes import is_mention, value_shape_ok

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


PASSWORD_HEADER = re.compile(
    r"(?i)^(?:passwords?|pw|pwd|pass|kennwort|passwort|contraseña|clave|mot\s+de\s+passe"
    r"|wachtwoord|senha|password\s+\(new\)|new\s+password|pin|credentials?|creds|secret"
    r"|zugangsdaten|credenciales|identifiants|inloggegevens|credenziali"
    # a qualified password column: "initial_password", "contraseña_temporal", "temp pw"
    # (session 16)
    r"|(?:initial|temp(?:orary)?|new|start|default|first|nueva|nouveau|neues|nieuw|nuova|nova)"
    r"[ _-]?(?:password|passwort|pw|pwd|contraseña|mot_de_passe|wachtwoord|senha)"
    r"|(?:contraseña|senha|password|passwort|kennwort|wachtwoord)[ _-]?(?:temporal|temporaria"
    r"|temporária|inicial|initial|temp|provisoire|tijdelijk|provvisoria|neu|nieuw))$"
)
_CELL = re.compile(r"[^|]+")
# (with an aside after it: "set by user (SSPR)", "pending, TAP via manager"; session 12)
PROSE_CELL = re.compile(r"[^\W\d_]+(?:,?[ \t]+[^\W\d_]+)+(?:[ \t]*\([^)]*\))?")
# a cell that names a secret rather than holding one: "Laravel APP_KEY", "MySQL cw_app
# password", "secret (expired)" (session 17)
_NAMING_CELL = re.compile(
    r"(?i)(?=.*[ \t])(?=.*(?:\b|_)(?:password|passwort|key|secret|token|credential|certificate"
    r"|wachtwoord|contraseña|senha|mot\s+de\s+passe)(?:\b|_)).*"
)


def table_hits(text: str, lowered: str) -> Iterator[Hit]:
    """The cells under a Password column of a pasted table ("| Sage 50 | manager | X |"), and
    the codes under a column of new values in a row that names a door, a keypad or an alarm
    ("| Rolltor Tastatur | gelöscht | 939445 |" under "| Tür / Anlage | alt | neu |"; session
    27, blind180 read)."""
    if "|" not in text:
        return
    position = 0
    column: int | None = None
    header = ""
    for line in text.splitlines(keepends=True):
        start, position = position, position + len(line)
        body = line.rstrip("\r\n")
        if body.count("|") < 2:
            column = None
            continue
        cells = [(m.start(), m.group(0)) for m in _CELL.finditer(body) if m.group(0).strip()]
        if column is None:
            header = next((c.strip() for _, c in cells if PASSWORD_HEADER.match(c.strip())), "")
            header = header or next(
                (c.strip() for _, c in cells if _NEW_CODE_HEADER.match(c.strip())), ""
            )
            column = next((i for i, (_, c) in enumerate(cells) if c.strip() == header), None)
            continue
        if all(set(cell.strip()) <= set("-: ") for _, cell in cells) or column >= len(cells):
            continue  # the |---|---| row, or a short row
        cell_start, raw = cells[column]
        value = raw.strip()
        begin = start + cell_start + raw.find(value)
        if not PASSWORD_HEADER.match(header):
            label = " ".join(cell for i, (_, cell) in enumerate(cells) if i != column)
            if _DIGIT_CODE.fullmatch(value) and _ACCESS_THING.search(f"{header} {label}"):
                yield begin, begin + len(value), "door_code"
            continue
        if PROSE_CELL.fullmatch(value) or _NAMING_CELL.fullmatch(value):
            continue  # "set by user", "in the vault": words about the value, not the value
        if value and not is_mention(value) and value_shape_ok(value, "medium"):
            yield begin, begin + len(value), "password"


# A column of new values, or of codes: "| Tür / Anlage | alt | neu |", "| door | code |"
_NEW_CODE_HEADER = re.compile(
    r"(?i)^(?:new|neu|nieuw|nuevo|nueva|nouveau|nouvelle|nuovo|nuova|novo|nova"
    r"|(?:new|neuer?|nieuwe?|nuevo|nouveau|nuovo|novo)\s+(?:code|pin|código|codice)"
    r"|codes?|pin|código|codice|torcode|türcode|neuer\s+code|code\s+(?:neu|new|nieuw))$"
)
_DIGIT_CODE = re.compile(r"\d{4,8}|\d{3,4}[ -]\d{3,4}")
# what a code of digits in the row opens: a door, a gate, a keypad, an alarm, a key safe (not
# "lock" or "slot": a screen lock's timeout, a PCIe slot)
_ACCESS_THING = re.compile(
    r"(?i)\b(?:doors?|gates?|keypad|alarm|key\s*safe|keybox|pin|tor|tastatur|puerta|porte"
    r"|portail|porta|portão|cancello|allarme|alarme|alarma|cerradura|serrure|serratura"
    r"|fechadura|tresor)\b"
    r"|\w*(?:tür|tuer|tastatur|alarm|deur|poort|pincode|torcode)\w*"
    r"|\b\w*(?:roll|hof|garagen|einfahrts|werks|haupt|neben|hinter|schiebe|sektional)tor\b"
)
