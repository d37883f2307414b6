"""A new password named only as "the new one", set off after a comma or a colon (session 16);
a password read out and given after a colon a sentence after its name (session 17).

"A senha ... tinha sido alterada pela contabilista ... Atualizei em Parâmetros com a nova,
kH7pW2qX9m, e comunicação de teste aceite": the password was named a sentence before, and the
value stands after "a nova" ("the new one") in the seven languages, or after a colon that
closes the clause ("entered the new one while Mel read it back to me: Lagoon 6 Tulip 4"). A
single word must mix three kinds of character, as a value found this far from its keyword
always must; a phrase must hold capitalised words and a number.

Values given in other turns of phrase live here too (session 30): a token updated "to" a
generated value in a script, an app password's sixteen letters after its name, a password
"reinserita" a few words on, a PIN "confirmed ... as" after a password was named.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.value_shapes import (
    MIXED_CASE_AND_DIGIT,
    is_mention,
    looks_generated,
    value_shape_ok,
)

_NEW_ONE = guarded(
    r"(?i)\b(?:the\s+new\s+one|a\s+nova|o\s+novo|la\s+nueva|el\s+nuevo|la\s+nouvelle"
    r"|le\s+nouveau|die\s+neue|das\s+neue|den\s+neuen|de\s+nieuwe|het\s+nieuwe|la\s+nuova"
    r"|il\s+nuovo)(?:[ \t]*,|[^.\n:]{0,60}:)[ \t]*"
    r"(?:(?P<phrase>(?:[A-Z][a-z]{2,12}|\d{1,4})(?:[ \t](?:[A-Z][a-z]{2,12}|\d{1,4})){2,5})"
    r"|(?P<value>[^\s,;]{4,64}?))(?=[.,;)]?(?:\s|$))"
)
# a phrase of capitalised words and numbers: "... read it back to me from her notes: Lagoon 6
# Tulip 4." (a room account's password, blind82)
_WORDS_AND_NUMBERS = re.compile(r"(?=.*\d)(?=.*[A-Za-z]{3}).*")
_PASSWORD_NAMED = guarded(
    r"(?i)\b(?:password|passwort|kennwort|wachtwoord|contraseña|clave|senha|palavra-passe"
    r"|mot\s+de\s+passe|mdp|pin|passcode)\b"
)
# the value first: "Tulip-Crane-19 is the new one for the kiosk account" (blind61's row, lost
# by the session-17 retraining; the rules read it since)
_VALUE_THEN_NEW_ONE = re.compile(
    r"(?:^|(?<=\s))(?P<value>[^\s,;:()]{6,64}) (?:is|was) the new (?:one|password|pw|passcode)\b"
)
# A password named, then read out and given after a colon a sentence later: "le pedía la clave
# de firma ... me la leyó para que yo la tecleara mientras ella confirmaba en el móvil:
# 4Wq7nP9s" (session 17). The clause before the colon tells of reading or typing it; the value
# mixes upper and lower case and a digit.
_READ_OUT_COLON = re.compile(r":[ \t]*(?P<value>[^\s,;()<>'\"]{8,40}?)[.,;)]?(?=\s|$)")
_READ_OUT = guarded(
    r"(?i)\b(?:read|typed|dictated|gave|told|leyó|tecle\w*|dictó|vorgelesen|diktiert|lu|dicté"
    r"|voorgelezen|gedicteerd|leu|lido|ditou|letto|dettato|digitat\w*)\b"
)
_HINTS = ("new one", "nova", "novo", "nueva", "nuevo", "nouve", "neue", "nieuwe", "nuov")
_REACH = 300


def new_one_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A value after "the new one," where a password is named up to 300 characters before; a
    value of a password's shape followed by "is the new one"."""
    if "the new " in lowered:
        for match in _VALUE_THEN_NEW_ONE.finditer(text):
            value = match.group("value")
            if not is_mention(value) and value_shape_ok(value, "strict"):
                yield match.start("value"), match.end("value"), "password"
    if ":" in text:
        yield from _read_out_hits(text)
    if " in with " in lowered or " on with " in lowered or " account with " in lowered:
        for match in _LOGGED_IN_WITH.finditer(text):
            value = match.group("value")
            if is_mention(value) or not value_shape_ok(value, "strict"):
                continue
            if (
                looks_generated(value)
                if match.group(0)[:6].lower() not in ("logged", "signed")
                else _PASSWORD_NAMED.search(text, max(0, match.start() - _REACH), match.start())
            ):
                yield match.start("value"), match.end("value"), "password"
    if "token" in lowered or "key" in lowered or "secret" in lowered:
        for match in _TOKEN_PUT_TO.finditer(text):
            value = match.group("value")
            if looks_generated(value) and not _DIGEST_WORDS.search(match.group("gap")):
                yield match.start("value"), match.end("value"), "token"
    yield from _app_and_entered_hits(text, lowered)
    if not any(hint in lowered for hint in _HINTS):
        return
    for match in _NEW_ONE.finditer(text):
        group = "phrase" if match.group("phrase") else "value"
        value = match.group(group)
        if group == "phrase" and not _WORDS_AND_NUMBERS.fullmatch(value):
            continue
        before = text[max(0, match.start() - _REACH) : match.start()]
        if (
            group == "value"
            and _DIGITS.fullmatch(value)
            and not _MORE_DIGITS.match(text, match.end(group))  # a phone's: "07851 339 264"
            and _CODE_NAMED.search(before)
        ):
            # a code's digits: "O código tinha sido mudado ...; dei-lhe o novo, 38695" (session
            # 27, blind183 read)
            yield match.start(group), match.end(group), "door_code"
            continue
        if group == "value" and (is_mention(value) or not value_shape_ok(value, "strict")):
            continue
        if _PASSWORD_NAMED.search(before):
            yield match.start(group), match.end(group), "password"


# A password named before, then the value signed in with: "forgot the Sage 50 manager
# password ... had it on file; logged in with Walnut071?, created her a named user" (session 28,
# blind200 read); a value of a password's shape only. Or an account used with a value that
# looks generated: "Used the local bbadmin account with Wbf9Z4Oa6hVN from the
# franchise build sheet" (session 29, blind208 read)
_LOGGED_IN_WITH = re.compile(
    r"(?i)\b(?:(?:logged|signed)\s+(?:in|on)|(?<=used\s)(?:\S+\s+){0,3}account)\s+with\s+"
    r"(?P<value>[^\s,;()<>'\"]{6,40}?)[.,;)]?(?=\s|$)"
)
# A token or key updated in a script or a config, then the value: "Updated the token in the
# SCADA notification script to 3c7d225b8fc0a872037896f3ee84ddf6" (session 30, blind223 read);
# not a hash or a fingerprint of it
_TOKEN_PUT_TO = guarded(
    r"(?i)\b(?:updated|changed|replaced|rotated|set|pasted|put|entered|swapped)[ \t]+(?:the"
    r"|its|their|our)[ \t]+(?:new[ \t]+)?(?:(?:api|auth|access|bearer|webhook)[ \t]+)?(?:token"
    r"|key|secret)\b(?P<gap>(?:(?!\band\b)[^.\n;:]){0,60}?)\b(?:to|with)[ \t]+"
    r"(?P<value>[A-Za-z0-9_+/=-]{20,128}?)(?=[.,;)]?(?:\s|$))"
)
# An app password as Microsoft and Google print it, sixteen lower-case letters (in fours, maybe),
# an app password named before: "made app pw for scan@ mbx, entered rnsnyvkiahtosszu in ricoh
# smtp settings" (session 30, blind229 read); not a long word (few vowels, as letters drawn)
# (or Apple's, its fours joined by hyphens: "palavra-passe específica de aplicação no ID Apple,
# ktfl-dhim-laiy-srad"; session 30, blind234 read)
_APP_PASSWORD = re.compile(
    r"(?<![\w@./-])(?P<value>[a-z]{16}|[a-z]{4}(?: [a-z]{4}){3}|[a-z]{4}(?:-[a-z]{4}){3})(?![\w@-])"
)
_APP_PASSWORD_NAMED = guarded(
    r"(?i)\bapp[ -]?(?:passwords?|pw|pwd|pass|passw[oö]rter|passwort|kennwort|wachtwoord)\b"
    r"|\b(?:senha|contraseña|mot\s+de\s+passe|password)\s+(?:de\s+|d'|per\s+le\s+|dell')"
    r"(?:aplica(?:ção|ción)|application|app)\b|app-specific|espec[íi]fica\s+de\s+aplica"
    r"|sp[ée]cifique\s+(?:à|a)\s+l'app|app-?specifiek|app-?spezifisch|specifica\s+per\s+l'app"
)
# A password named, then re-entered with its value a few words on: "pw sip dell'interno 214
# reinserita dJISwkpS8K" (session 30, blind229 read); a value of a password's strict shape
_ENTERED_AGAIN = guarded(
    r"(?i)\b(?:pw|pwd|password|passwort|kennwort|wachtwoord|contraseña|senha|mdp)\b[^.\n;]{0,50}?"
    r"\b(?:re-?entered|reinserit[ao]|reingresad[ao]|reintroducid[ao]|neu\s+eingegeben"
    r"|opnieuw\s+ingevoerd|ressaisie?|reinserid[ao]|redigitad[ao])[ \t]+"
    r"(?P<value>[^\s,;()<>'\"]{6,40}?)[.,;)]?(?=\s|$)"
)
# A password or PIN named, then given as "it": "wanted the manager password ...; they confirmed
# it as 672949" (session 30, blind236 read)
_CONFIRMED_AS = guarded(
    r"(?i)\b(?:confirmed|gave|read|quoted|told)\s+(?:me\s+)?it\s+(?:to\s+me\s+)?(?:as|to\s+be)"
    r"[ \t]+(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
_DIGEST_WORDS = guarded(r"(?i)\b(?:hash|sha\w*|md5|checksum|digest|fingerprint|thumbprint)\b")
_DIGITS = re.compile(r"\d{4,8}")
_MORE_DIGITS = re.compile(r"[ -]?\d")
_CODE_NAMED = guarded(
    r"(?i)\b(?:code|codes|código|códigos|codice|codici|pin|pincode|türcode|torcode|deurcode"
    r"|keypad|teclado|tastatur|clavier|tastierino|toetsenbord)\b"
)


def _read_out_hits(text: str) -> Iterator[Hit]:
    for match in _READ_OUT_COLON.finditer(text):
        value = match.group("value")
        if (
            not MIXED_CASE_AND_DIGIT.fullmatch(value)
            or is_mention(value)
            or "/" in value
            or "@" in value
        ):
            continue
        clause = text[max(0, match.start() - 120) : match.start()]
        if not _READ_OUT.search(clause):
            continue
        if _PASSWORD_NAMED.search(text, max(0, match.start() - _REACH), match.start()):
            yield match.start("value"), match.end("value"), "password"


def _app_and_entered_hits(text: str, lowered: str) -> Iterator[Hit]:
    """An app password's sixteen letters after its name; a password re-entered a few words on."""
    if "app" in lowered or "aplica" in lowered or "spezifisch" in lowered:
        for match in _APP_PASSWORD.finditer(text):
            letters = match.group("value").replace(" ", "").replace("-", "")
            if sum(ch in "aeiou" for ch in letters) > 5 or len(set(letters)) < 8:
                continue  # a word ("responsibilities"), a format ("xxxx xxxx xxxx xxxx")
            if _APP_PASSWORD_NAMED.search(text, max(0, match.start() - 200), match.start()):
                yield match.start("value"), match.end("value"), "password"
    if "re" in lowered:
        for match in _ENTERED_AGAIN.finditer(text):
            value = match.group("value")
            if not is_mention(value) and value_shape_ok(value, "strict"):
                yield match.start("value"), match.end("value"), "password"
    if " it " in lowered:
        for match in _CONFIRMED_AS.finditer(text):
            if _PASSWORD_NAMED.search(text, max(0, match.start() - _REACH), match.start()):
                yield match.start("value"), match.end("value"), "pin"
