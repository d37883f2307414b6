"""A secret given a clause after its word, after a comma or a colon (session 20).

Read from blind124-130, where the rules alone missed what the token model found: "re-entered
the tunnel ... with the same pre-shared key, H1lUdT9CBHi99NgqE4Ef (it hadn't been saved ...)",
"Entré con la contraseña de administrador de EHS, Kx9-Ld27-wPm, volví al modo usuario",
"generated a single-use bypass code in Duo admin, 830253930, valid 4 hours", "it needs the
merchant password; the franchisee gave it: 442517.", "Voicemail PIN had been reset ...; set it
back to one the team agreed, 640283, and tested". The word names the secret; the value stands
after a comma or a colon before the sentence ends, within 120 characters. Only strong shapes
are read: a password or key with upper and lower case and a digit, or letter-and-digit groups
joined by hyphens; a PIN or code of four to nine digits, where a comma, a full stop or "valid"
follows. What names or labels (an ID, an extension, a reference) is left to the filters every
secret passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.spelled_letters import secret_named_nearer
from kbassist.hygiene.value_shapes import MIXED_CASE_AND_DIGIT, is_mention

_PASSWORD_WORD = guarded(
    r"(?i)\b(?:password|passwort|kennwort|contraseña|senha|mot\s+de\s+passe|wachtwoord"
    r"|passphrase|pre-?shared\s+key|psk|shared\s+secret|chiave\s+condivisa|clave\s+compartida"
    # a registration or activation code of letter-and-digit groups: "den Registrierungscode aus
    # dem Brief, FVSD-WEBJ-EZ9F-TSKG" (session 27, blind182 read)
    r"|registrierungs-?code|registration\s+code|aktivierungs-?code|activation\s+code)\b"
)
_CODE_WORD = re.compile(
    r"(?i)\b(?:pin|passcode|bypass\s+code|c[óo]digo\s+de\s+(?:acceso|bypass)|codice\s+pin"
    # a phone's screen lock or unlock code: "She asked for the phone's screen lock so we could
    # wipe it without her: 4683" (session 25, blind154 read)
    r"|screen\s*lock|unlock\s+code|entsperr-?code|code\s+de\s+déverrouillage"
    r"|c[óo]digo\s+de\s+desbloque(?:o|io)|codice\s+di\s+sblocco|ontgrendelcode)\b"
)
_CLAUSE_VALUE = re.compile(
    r"[,:][ \t]+['\"‘“]?(?P<value>[^\s,;()'\"‘’“”<>]{4,64}?)['\"’”]?(?=[,.;)]?(?:\s|$))"
)
_GROUPS = re.compile(r"(?=\S*\d)(?=\S*[A-Za-z])[A-Za-z0-9]{2,8}(?:-[A-Za-z0-9]{2,8}){2,7}")
_DIGITS = re.compile(r"\d{4,9}")
_AFTER_CODE = guarded(r"(?i)[ \t]*(?:[,.;]|\(|valid|and\b|y\b|et\b|und\b|e\b|en\b)")
_REACH = 120
_SENTENCE_END = re.compile(r"\.(?:\s|$)|\n")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A numeric key read in pairs after a colon, its word a sentence before: "New hub's wireless
# key is all numbers so I read it in pairs to the owner while she typed: 73, 91, 40, 28, 66,
# 15." (session 21, blind127 read)
_PAIRS = re.compile(r":[ \t]*(?P<value>\d\d(?:,[ \t]*\d\d){3,9})(?![\d,])")


def clause_value_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A password, key or code after a comma or colon a clause after its word; a numeric key
    read in pairs after a colon."""
    for match in _PAIRS.finditer(text) if ":" in text else ():
        if secret_named_nearer(text, max(0, match.start() - 200), match.start()):
            yield match.start("value"), match.end("value"), "password"
    for regex, digits in ((_PASSWORD_WORD, False), (_CODE_WORD, True)):
        for word in regex.finditer(text):
            stop = _SENTENCE_END.search(text, word.end(), word.end() + _REACH)
            end = stop.start() if stop else min(len(text), word.end() + _REACH)
            for match in _CLAUSE_VALUE.finditer(text, word.end(), end + 1):
                value = match.group("value")
                if digits:
                    if not (
                        _DIGITS.fullmatch(value)
                        and not _YEAR.fullmatch(value)
                        and _AFTER_CODE.match(text, match.end())
                    ):
                        continue
                elif not (
                    (MIXED_CASE_AND_DIGIT.fullmatch(value) and len(value) >= 8)
                    or (_GROUPS.fullmatch(value) and len(value) >= 8)
                ) or is_mention(value):
                    continue
                yield match.start("value"), match.end("value"), "pin" if digits else "password"
                break
