"""Codes given later in their sentence, or sent in answer to a request (session 17).

"alle gebruikerscodes gewist en nieuwe uitgegeven; de code voor het ochtendteam is nu 8350",
"codice del tastierino cambiato: il nuovo è 915273": the code word, then a few words about
whose it is or what changed, then "is now" or "the new one is" and four to eight digits. A door,
a keypad or an alarm must be named in the sentence or up to 200 characters before it, so "the
build code is now 2041" is not read.

"you'll get a code by text, just send it here'. She sent 207931": six digits someone sent,
gave or read out, where a code that comes by text or an app was asked for just before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.prose_codes import PLACE_WORDS

_NOW_CODE = re.compile(
    r"(?i)\b(?:code|codes|codice|código|codigo|pin|\w+code)\b[^.;\n]{0,60}?"
    r"\b(?:is\s+now|is\s+nu|ist\s+(?:jetzt|nun)|lautet\s+(?:jetzt|nun)|est\s+(?:maintenant"
    r"|désormais)|es\s+ahora|é\s+agora|è\s+ora|il\s+nuovo\s+è|the\s+new\s+one\s+is"
    r"|der\s+neue\s+(?:ist|lautet)|de\s+nieuwe\s+is|le\s+nouveau\s+est|el\s+nuevo\s+es"
    r"|o\s+novo\s+é)[ \t]*:?[ \t]*(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
_HINTS = ("now", " nu ", "jetzt", "nun", "maintenant", "désormais", "ahora", "agora", " ora",
          "nuovo", "new one", "neue", "nieuwe", "nouveau", "nuevo", "novo")  # fmt: skip


def now_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Digits after "is now" or "the new one is" in a sentence about a code, a place named."""
    if not any(hint in lowered for hint in _HINTS):
        return
    for match in _NOW_CODE.finditer(text):
        if PLACE_WORDS.search(text, max(0, match.start() - 200), match.start("value")):
            yield match.start("value"), match.end("value"), "door_code"


_SENT_CODE = re.compile(
    r"(?i)\b(?:sent|gave|read\s+(?:out|back)|typed(?:\s+in)?|replied\s+with|forwarded"
    r"|envió|enviou|a\s+envoyé|stuurde|ha\s+inviato|schickte)[ \t]+(?:them|it|him|her|back)?"
    r"[ \t]*(?:the\s+code[ \t]+)?(?P<value>\d{6}|\d{3}[ -]\d{3})(?![\w.,/:-]\w)"
)
_CODE_ASKED = re.compile(
    r"(?i)\b(?:code|otp|passcode|c[óo]digo|codice)\b[^.\n]{0,40}\b(?:by\s+(?:text|sms)|via"
    r"\s+(?:text|sms)|text(?:ed)?|sms|authenticator|app)\b|\b(?:verification|one-time|mfa|2fa"
    r"|sms)\s+code"
)


def sent_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Six digits sent or read out after a code by text or app was asked for."""
    if "code" not in lowered and "otp" not in lowered and "digo" not in lowered:
        return
    for match in _SENT_CODE.finditer(text):
        if _CODE_ASKED.search(text, max(0, match.start() - 200), match.start()):
            yield match.start("value"), match.end("value"), "mfa_code"
