"""A new password named only as "the new one", set off after a comma or a colon (session 16).

"A senha ... tinha sido alterada pela contabilista ... Atualizei em Parâmetros com a nova,
kH7pW2qX9m, e comunicação de teste aceite": the password was named a sentence before, and the
value stands after "a nova" ("the new one") in the seven languages. It must look generated
or mix three kinds of character, as a value found this far from its keyword always must.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.value_shapes import is_mention, value_shape_ok

_NEW_ONE = re.compile(
    r"(?i)\b(?:the\s+new\s+one|a\s+nova|o\s+novo|la\s+nueva|el\s+nuevo|la\s+nouvelle"
    r"|le\s+nouveau|die\s+neue|das\s+neue|den\s+neuen|de\s+nieuwe|het\s+nieuwe|la\s+nuova"
    r"|il\s+nuovo)[ \t]*[,:][ \t]*(?P<value>[^\s,;]{6,64}?)(?=[.,;)]?(?:\s|$))"
)
_PASSWORD_NAMED = re.compile(
    r"(?i)\b(?:password|passwort|kennwort|wachtwoord|contraseña|clave|senha|palavra-passe"
    r"|mot\s+de\s+passe|mdp|pin|passcode)\b"
)
_HINTS = ("new one", "nova", "novo", "nueva", "nuevo", "nouve", "neue", "nieuwe", "nuov")
_REACH = 300


def new_one_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A value after "the new one," where a password is named up to 300 characters before."""
    if not any(hint in lowered for hint in _HINTS):
        return
    for match in _NEW_ONE.finditer(text):
        value = match.group("value")
        if is_mention(value) or not value_shape_ok(value, "strict"):
            continue
        if _PASSWORD_NAMED.search(text, max(0, match.start() - _REACH), match.start()):
            yield match.start("value"), match.end("value"), "password"
