"""A password in a data row quoted without its header (session 17).

"L'import CSV ... s'arrêtait à la ligne 3. Cette ligne contenait : Lefebvre;Camille;2 87 04 69
123 084 55;Morel-Arrivee-2291;Comptabilité ... ne plus mettre le NIR ni le mot de passe
initial dans ce fichier": a technician quotes the row that broke an import, and says later
that it held a password. With no header to name the column, the cell is the one shaped like a
chosen password (upper and lower case and a digit, eight characters or more, no spaces), in a
row of four or more cells separated by semicolons, tabs or bars, or commas without spaces, in
a text that names a password.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded

_ROWS = (
    # (the last cell ends at a space, before the prose that follows the row; session 29)
    re.compile(r"(?:[^;\n]{1,60};){3,}[ ]*[^;\s]{1,60}"),
    re.compile(r"(?:[^\t\n]{1,60}\t){3,}[ ]*[^\t\s]{1,60}"),
    re.compile(r"(?:[^|\n]{1,60}\|){3,}[ ]*[^|\s]{1,60}"),
    # (a cell of words too, no space after its comma: "r.devries,Ruben,de Vries,Logistiek,X";
    # session 29, blind216 read)
    re.compile(r"(?:[^,\s](?:[^,\n]{0,58}[^,\s])?,){3,}[^,\s]{1,60}"),
)
_SEPARATORS = (";", "\t", "|", ",")
_COMMA_GLUED = re.compile(r",[^\s,]")
_PASSWORD_NAMED = guarded(
    r"(?i)\b(?:password|passwort|kennwort|wachtwoord|contraseña|senha|palavra-passe"
    r"|mot\s+de\s+passe|mdp|pw|pwd|passwd)\b"
    # (or the start of a compound: "Kennwortänderung", "wachtwoordwijziging"; session 29)
    r"|\b(?:passwort|kennwort|wachtwoord)\w"
)
# a cell of upper and lower case and a digit; no spaces and none of : { } $ ( ) / \ that a
# connection string's or a script's fields hold; not an address (an "@" with a domain after
# it), nor "=" where another cell holds one (a connection string's "Key=Value" cells). Or words
# and a number joined by hyphens: "orchard-juniper-01" (session 29, blind216 read)
_CHOSEN = re.compile(
    r"(?=\S*[a-z])(?=\S*[A-Z])(?=\S*\d)(?!\S*@[\w-]+\.)[^\s:{}$()/\\\[\]]{8,40}"
    r"|[a-z]{3,12}(?:-[a-z]{3,12}){1,3}-\d{2,4}"
)


def row_password_hits(text: str, lowered: str) -> Iterator[Hit]:
    """The cell shaped like a chosen password in a headerless row, the password named."""
    # a row needs three separators of one kind (commas with no space after one of them)
    counted = [text.count(separator) >= 3 for separator in _SEPARATORS]
    counted[-1] = counted[-1] and _COMMA_GLUED.search(text) is not None
    if not any(counted) or not _PASSWORD_NAMED.search(text):
        return
    for rows, separator, enough in zip(_ROWS, _SEPARATORS, counted, strict=True):
        if not enough:
            continue
        for row in rows.finditer(text):
            position = row.start()
            cells = row.group(0).split(separator)
            equals = sum("=" in cell for cell in cells)
            for cell in cells:
                value = cell.strip().rstrip(".,;").strip("\"'«»")
                if _CHOSEN.fullmatch(value) and ("=" not in value or equals == 1):
                    start = position + cell.find(value)
                    yield start, start + len(value), "password"
                position += len(cell) + 1
