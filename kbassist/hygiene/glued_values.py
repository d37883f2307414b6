"""Values typed against their words on a phone: "pin7539she can chg", "eng code5455used",
"her own mob07431 397908not desk ext" (session 28, blind192 read).

The detectors read a value as a word of its own; here a secret's or a phone's short word
glued to three digits or more is parted from them, and the digits from a lower-case word
glued after them, so that the text can be read again with a space at each seam. Each
character of the parted text keeps the position it came from, to map what is found back.
"""

from __future__ import annotations

from kbassist.hygiene.regex_guard import guarded

# The words: a code's, a PIN's, a password's, a mobile's, in the short forms typed on a phone.
_GLUED = guarded(
    r"(?i)\b(?:codes?|pins?|pw|pwd|pass|puk|psk|otp|mdp|kw|ww|senha|clave|codice|c[óo]digo"
    r"|mob|mobile|cell|tel|gsm|handy|m[óo]vil)(?=[:=]?\d{3})"
)
# A serial's or a part's word right before: "Número de série PW27493863" is a copier's serial
# (session 29, blind206 read)
_SERIAL_BEFORE = guarded(
    r"(?i)(?:serial|s/n|\bsn|s[ée]rie|seriennummer|serienummer|seriale|part|model|modelo"
    r"|modello|modèle|ref|réf)\w*\.?[ \t]*(?:n[or]\.?|#|no\.?)?[ \t]*[:=#]?[ \t]*$"
)
# The digits after the word, in groups, and a lower-case word glued to their end.
_DIGITS_THEN_WORD = guarded(r"[:=]?\d[\d -]*?\d(?=[a-z]{2,}\b)")


def unglued(text: str) -> tuple[str, list[int]] | None:
    """The text with a space at each seam, and the position in ``text`` of each of its
    characters (a seam's space has the position of the character after it); None when no
    value is glued to its word."""
    seams: list[int] = []
    for match in _GLUED.finditer(text):
        if _SERIAL_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue
        seams.append(match.end())
        after = _DIGITS_THEN_WORD.match(text, match.end())
        if after is not None:
            seams.append(after.end())
    if not seams:
        return None
    parts: list[str] = []
    origin: list[int] = []
    position = 0
    for seam in seams:
        parts.append(text[position:seam] + " ")
        origin.extend(range(position, seam))
        origin.append(seam)
        position = seam
    parts.append(text[position:])
    origin.extend(range(position, len(text)))
    origin.append(len(text))  # the end of the text
    return "".join(parts), origin
