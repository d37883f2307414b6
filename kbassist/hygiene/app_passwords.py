"""App passwords: the words that name one, and the value as the vendors print it (session 30).

"made app pw for scan@ mbx, entered rnsnyvkiahtosszu in ricoh smtp settings": Microsoft and
Google print an app password as sixteen lower-case letters, in fours maybe; Apple joins its fours
with hyphens ("palavra-passe específica de aplicação no ID Apple, ktfl-dhim-laiy-srad"). Such
letters are a secret only where an app password is named before them. `APP_PASSWORD_WORDS` is
the one list of those names; the keyword table in `secret_rules.py` reads it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded

# "app password", "App-Kennwort", "Senha de aplicação", "mot de passe d'application"
APP_PASSWORD_WORDS = (
    r"app[ -]?(?:passwords?|pw|pwd|pass|passw[oö]rter|passwort|kennwort|wachtwoord)"
    r"|(?:senha|palavra-passe|contraseña|mot\s+de\s+passe|password)\s+(?:de\s+|d'|per\s+le\s+"
    r"|dell')(?:aplica(?:ção|ción)|application|app)\b"
)
_APP_PASSWORD = re.compile(
    r"(?<![\w@./-])(?P<value>[a-z]{16}|[a-z]{4}(?: [a-z]{4}){3}|[a-z]{4}(?:-[a-z]{4}){3})(?![\w@-])"
)
_APP_PASSWORD_NAMED = guarded(
    rf"(?i)\b(?:{APP_PASSWORD_WORDS})\b|app-specific|espec[íi]fica\s+de\s+aplica"
    r"|sp[ée]cifique\s+(?:à|a)\s+l'app|app-?specifiek|app-?spezifisch|specifica\s+per\s+l'app"
)


def app_password_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Sixteen letters drawn at random within 200 characters after an app password's name."""
    if "app" not in lowered and "aplica" not in lowered and "spezifisch" not in lowered:
        return
    for match in _APP_PASSWORD.finditer(text):
        letters = match.group("value").replace(" ", "").replace("-", "")
        if sum(ch in "aeiou" for ch in letters) > 5 or len(set(letters)) < 8:
            continue  # a word ("responsibilities"), a format ("xxxx xxxx xxxx xxxx")
        if _APP_PASSWORD_NAMED.search(text, max(0, match.start() - 200), match.start()):
            yield match.start("value"), match.end("value"), "password"
