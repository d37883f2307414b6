"""A secret in brackets a few words after its keyword (session 17).

"set acct pw to random (HbM02WUVJY5) and blocked sign-in", "Set a BIOS supervisor password on
all 15 (E38mj8ogV8, same on each, ...)", "Checked via the API (token fhooQe3waYQDyLtQNJiQ,
read-only key ...)": a hasty note puts the value in brackets after the words about it. The
value must look generated or chosen (upper and lower case and a digit), so a product, a policy
or a model named in brackets ("(WPA2-PSK)", "(KB5034441)") is not read; but a device's
serial in brackets is, where the password is said to be the serial.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.value_shapes import (
    HOST_NAME,
    MIXED_CASE_AND_DIGIT,
    is_mention,
    looks_generated,
)

_KEYWORD = (
    r"(?:password|passwort|kennwort|wachtwoord|contraseña|senha|mot\s+de\s+passe|mdp|pw|pwd"
    r"|passwd|token|api[\s_-]?keys?|secret)"
)
# the keyword before the bracket, or first inside it: "via the API (token fhooQe3w...,"
_KEY_THEN_BRACKET = guarded(
    rf"(?i)(?:\b{_KEYWORD}\b[^.()\n:=]{{0,40}}?\(|\({_KEYWORD}[ \t]+)"
    r"(?P<value>[^\s(),;]{8,64})(?=[,;)])"
)
# a password that is the device's serial, given in brackets: "The initial admin password on
# these is the serial number printed on the back (X5NB012345 on this one)" (blind78's row, lost
# by the session-17 retraining)
_SERIAL_AS_PASSWORD = guarded(
    rf"(?i)\b{_KEYWORD}\b[^.\n]{{0,40}}?\b(?:is|=)\s+the\s+(?:device'?s?\s+)?(?:serial|s/n)"
    r"[^.\n(]{0,50}\((?P<value>(?-i:[A-Z0-9]{6,20}))\b"
)
# lower case and digits where the words say the password was just set: "una password personale
# temporanea (0rpe1kq2)" (session 20)
_QUALIFIED = guarded(
    r"(?i)\b(?:temp\w*|new|nuov[ao]|nuev[ao]|nouveau|nouvelle|neue[sn]?|nieuwe?|nova|novo"
    r"|initial\w*|initiale?|iniziale|provisoire|provisional|provis[óo]ri[ao]|tijdelijke?"
    r"|eenmalige?)\b"
)
# a token's capitals and digits: "Developer links > API keys (NRSB0QXRB8IFTKN8NXDK)" (session 30,
# blind225 read)
_TOKEN_WORD = guarded(r"(?i)\b(?:token|api[\s_-]?keys?|secret)\b")
_LOWER_AND_DIGITS = re.compile(r"(?=(?:[a-z]*\d){2})(?=(?:\d*[a-z]){3})[a-z\d]{8,20}")
# read off a device's label, capitals and digits: "the password from the label under the cover
# (628D699D478FC0DB)" (session 35, blind335 read)
_READ_OFF_A_LABEL = re.compile(
    r"(?i)\b(?:label|sticker|underside|cover|etiqueta|étiquette|aufkleber|etiket|etichetta)\b"
)
_HINTS = ("pass", "pw", "kennwort", "wachtwoord", "contrase", "senha", "mdp", "token", "key")


def bracketed_value_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A mixed-case value with a digit in brackets within 40 characters of its keyword."""
    if "(" not in text or not any(hint in lowered for hint in _HINTS):
        return
    for match in _SERIAL_AS_PASSWORD.finditer(text):
        yield match.start("value"), match.end("value"), "password"
    for match in _KEY_THEN_BRACKET.finditer(text):
        value = match.group("value")
        if _TOKEN_WORD.search(match.group(0)) and looks_generated(value):
            yield match.start("value"), match.end("value"), "token"
            continue
        if _READ_OFF_A_LABEL.search(match.group(0)) and looks_generated(value):
            yield match.start("value"), match.end("value"), "password"
            continue
        if (
            not (
                MIXED_CASE_AND_DIGIT.fullmatch(value)
                or (_QUALIFIED.search(match.group(0)) and _LOWER_AND_DIGITS.fullmatch(value))
            )
            or is_mention(value)
            or HOST_NAME.fullmatch(value)
        ):
            continue
        yield match.start("value"), match.end("value"), "password"
