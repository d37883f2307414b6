"""Activation codes and product keys a few words after their name (session 30).

"eSIM besteld; activatiecode uit de bevestigingsmail 1AA51A2498111E984783DD8F47C4397B
handmatig ingevoerd": an eSIM's or a subscription's activation code, capitals and digits, a
few words after its name in the seven languages (or the whole "LPA:1$..." string an eSIM's QR
code holds). "put the MAK in by hand product key HJBKM 2JTFQ MK8QW BW3JH XH442": a Windows or
Office product key whose five groups of five a dictated note parts with spaces, not hyphens.
Software "activated ... with serial" and a licence's groups of capitals and digits (session 32).
A new access or voting code in groups after "novo código" and its kin (session 34).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded

_ACTIVATION_CODE = guarded(
    r"(?i)\b(?:activation\s+code|activatiecode|aktivierungscode|c[óo]digo\s+de\s+activaci[óo]n"
    r"|c[óo]digo\s+de\s+ativa[çc][ãa]o|code\s+d'activation|codice\s+(?:di\s+)?attivazione)\b"
    r"[^.\n]{0,40}?(?<![\w$-])(?P<value>(?-i:(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{20,40})"
    r"|LPA:1\$[^\s,;]{8,200})(?![\w-])"
)
# An eSIM's activation string on its own, its server and matching ID: "Introduzido à mão:
# LPA:1$rsp.meo.pt$656LD-D9V31-G7MWV-SQ1ZQ" (session 37, blind387 read); whoever holds it can
# download the profile
_LPA_STRING = re.compile(r"(?<![\w$])LPA:1\$[\w.-]{3,100}\$[A-Za-z0-9-]{6,64}(?:\$[\w.-]{0,64})?")
_SPACED_PRODUCT_KEY = guarded(
    r"(?i)\b(?:product\s+key|mak|licen[cs]e\s+key|clave\s+de\s+producto|cl[ée]\s+de\s+produit"
    r"|produktschl[üu]ssel|productsleutel|chave\s+do\s+produto|codice\s+(?:del\s+)?prodotto)\b"
    r"[^.\n]{0,20}?(?<![\w-])(?P<value>(?-i:[A-Z0-9]{5}(?: [A-Z0-9]{5}){4}))(?![\w-])"
)
# Software activated with its serial, a licence's groups of capitals and digits: "activated on
# the new machine with serial FU809-CYY-FJ6A-JKLO-U4" (session 32, blind261 read); not a
# machine's serial, which activates nothing
_ACTIVATED_WITH_SERIAL = guarded(
    r"(?i)\b(?:activated|activating|activate|licensed)\b[^.\n]{0,60}?\bwith\s+"
    r"(?:(?:the|its|his|her|their)\s+)?(?:licen[cs]e\s+)?serial(?:\s+(?:number|no\.?))?\s*:?\s*"
    r"(?P<value>(?-i:(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{2,8}(?:-[A-Z0-9]{2,8}){3,7}))"
    r"(?![\w-])"
)
# A new access or voting code in groups of capitals and digits, an access or a vote named before:
# "Reenviado o acesso ... com novo código WMDP-VYML-7582" (session 34, blind323 read)
_NEW_GROUPED_CODE = guarded(
    r"(?i)\b(?:novo|nuevo|nouveau|nuovo|new|neuen?|nieuwe)\s+(?:c[óo]digo|codice|code)\s+"
    r"(?P<value>(?-i:[A-Z0-9]{4}(?:-[A-Z0-9]{4}){1,4}))(?![\w-])"
)
_ACCESS_NAMED = guarded(
    r"(?i)\b(?:acesso|accesso|acceso|accès|access|zugang|toegang|vot\w*|stem\w*|wahl\w*|login"
    r"|inlog\w*|connexion)\b"
)
_HINTS = ("activ", "aktiv", "ativa", "attiva", "key", "mak", "clave", "clé", "schlüssel", "sleutel",
          "chave", "prodotto")  # fmt: skip


def activation_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """An activation code a few words after its name, an eSIM's activation string anywhere; a
    product key in groups with spaces."""
    for match in _NEW_GROUPED_CODE.finditer(text) if "-" in text else ():
        value = match.group("value")
        mixed = any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value)
        if mixed and _ACCESS_NAMED.search(text, max(0, match.start() - 150), match.start()):
            yield match.start("value"), match.end("value"), "password"
    for match in _LPA_STRING.finditer(text) if "lpa:1$" in lowered else ():
        yield match.start(), match.end(), "secret"
    if not any(hint in lowered for hint in _HINTS):
        return
    for match in _ACTIVATION_CODE.finditer(text):
        yield match.start("value"), match.end("value"), "secret"
    if "serial" in lowered:
        for match in _ACTIVATED_WITH_SERIAL.finditer(text):
            yield match.start("value"), match.end("value"), "licence_key"
    for match in _SPACED_PRODUCT_KEY.finditer(text):
        value = match.group("value")
        if sum(ch.isdigit() for ch in value) >= 2:
            yield match.start("value"), match.end("value"), "licence_key"
