"""Key words typed without their accents, restored before the rules read a note (session 24;
blind151 read: notes by technicians writing in a language not their first).

"El codigo era todavia el del antiguo", "Gerei codigos de backup", "contrasena nueva": the
rules' words carry their accents ("código", "contraseña"), and a note typed on a keyboard
without them names its secret in words the rules do not know. Each word here is restored with
its accent, letter for letter (the text keeps its length, so every span found stands where it
stood), and only words no other language writes that way are listed: not "numero" (Italian) nor
"telefono" (Italian), nor "escritorio" (a desk in Spanish, an office in Portuguese).
"""

from __future__ import annotations

import re

_RESTORED = {
    word: accented
    for accented in (
        "código códigos contraseña contraseñas recuperación recuperação receção recepção "
        "telemóvel móvil dirección clé clés"
    ).split()
    for word in [accented.translate(str.maketrans("óñçãé", "oncae"))]
}
_UNACCENTED = re.compile(r"(?i)\b(?:" + "|".join(sorted(_RESTORED, key=len, reverse=True)) + r")\b")
# Each unaccented word holds one of these: most notes hold none, and no regex runs over them
_GATE = re.compile(r"(?i)codig|contrasen|recupera|rece[cp]|telemovel|movil|direccion|\bcles?\b")


def restore_accents(text: str) -> str:
    """The text with its unaccented key words written with their accents, the same length."""
    if not _GATE.search(text):
        return text
    return _UNACCENTED.sub(_accented, text)


def _accented(match: re.Match[str]) -> str:
    said = match.group(0)
    restored = _RESTORED[said.lower()]
    if said.isupper():
        return restored.upper()
    return restored.capitalize() if said[:1].isupper() else restored
