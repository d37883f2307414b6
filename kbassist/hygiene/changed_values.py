"""Values given in the turn of a change (session 30): a token or key updated "to" its value, a
password "re-entered" with its value a few words on, a PIN "confirmed ... as" its digits after a
password or PIN was named; a key or a password changed "auf" its value with the verb after, as
German and Dutch put it, or set "tijdelijk" to it; a password reset "to" its value a sentence
after it was named; a domain's transfer code (AuthInfo) for its move; a company's Companies
House authentication code. A drawn value after a sentence-opening "changed to", "corrected it
to" or entered "in" a system with the verb last, a key or a password named before (session 34).
An app's login set "to" a value whose case a generator drew (session 36).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.new_values import PASSWORD_NAMED
from kbassist.hygiene.public_material import HASH_ALGORITHM
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.value_shapes import (
    YEAR,
    drawn_value,
    is_mention,
    looks_generated,
    value_shape_ok,
)

# A token or key updated in a script or a config, then the value: "Updated the token in the
# SCADA notification script to 3c7d225b8fc0a872037896f3ee84ddf6" (blind223 read); not a hash or
# a fingerprint of it
_TOKEN_PUT_TO = guarded(
    r"(?i)\b(?:updated|changed|replaced|rotated|set|pasted|put|entered|swapped)[ \t]+(?:the"
    r"|its|their|our)[ \t]+(?:new[ \t]+)?(?:(?:api|auth|access|bearer|webhook)[ \t]+)?(?:token"
    r"|key|secret)\b(?P<gap>(?:(?!\band\b)[^.\n;:]){0,60}?)\b(?:to|with)[ \t]+"
    r"(?P<value>[A-Za-z0-9_+/=-]{20,128}?)(?=[.,;)]?(?:\s|$))"
)
_DIGEST_WORDS = guarded(
    rf"(?i)\b(?:hash|sha\w*|{HASH_ALGORITHM}|checksum|digest|fingerprint|thumbprint)\b"
)
# A password named, then re-entered with its value a few words on: "pw sip dell'interno 214
# reinserita dJISwkpS8K" (blind229 read); a value of a password's strict shape
_ENTERED_AGAIN = guarded(
    r"(?i)\b(?:pw|pwd|password|passwort|kennwort|wachtwoord|contraseña|senha|mdp)\b[^.\n;]{0,50}?"
    r"\b(?:re-?entered|reinserit[ao]|reingresad[ao]|reintroducid[ao]|neu\s+eingegeben"
    r"|opnieuw\s+ingevoerd|ressaisie?|reinserid[ao]|redigitad[ao])[ \t]+"
    r"(?P<value>[^\s,;()<>'\"]{6,40}?)[.,;)]?(?=\s|$)"
)
# A password or PIN named, then given as "it": "wanted the manager password ...; they confirmed
# it as 672949" (blind236 read)
_CONFIRMED_AS = guarded(
    r"(?i)\b(?:confirmed|gave|read|quoted|told)\s+(?:me\s+)?it\s+(?:to\s+me\s+)?(?:as|to\s+be)"
    r"[ \t]+(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
# A key or a password changed to a value with the verb after it: "Gäste-WLAN-Schlüssel auf
# 7cqokkx4k5jw8yfroz9w geändert" (session 31, blind240 read); its word within 80 characters
_VALUE_THEN_SET = guarded(
    r"(?i)\b(?:auf|op|naar)[ \t]+(?P<value>[^\s,;()<>'\"]{6,64}?)[ \t]+(?:umgestellt|ge[äa]ndert"
    r"|gesetzt|eingestellt|gezet|gewijzigd|ingesteld|veranderd)\b"
)
# An app's login set "to" a value whose case a generator drew: "set his login to the route app to
# DeH-U7lXUx as the app doesn't allow users to set their own" (session 36, blind349 read); a
# name is no such value ("JSmith01")
_LOGIN_SET_TO = guarded(
    r"(?i)\bset\s+(?:his|her|their|the|a|my|your)\s+(?:app\s+)?(?:login|log-?in|sign-?in)\b"
    r"[^.\n;]{0,40}?\bto\s+(?P<value>[^\s,;()<>'\"]{8,40}?)[.,;)]?(?=\s|$)"
)
# A password, a PIN or a key named, then "it is now" its value: "the supervisor password ... I
# set a new one in programme mode: it is now 586023", "beheerderswachtwoord gewijzigd, dat is nu
# 644455", "WPA2-Schlüssel geändert, er ist jetzt fichte-biber-eichhorn48" (session 36,
# blind351 and blind352 read); or in brackets: "I told her hers in person (it is 4201)"
_IT_IS_NOW = guarded(
    r"(?i)\b(?:it\s+is\s+now|it['’]s\s+now|(?<=\()it\s+is(?=\s+\d{4,8}\))"
    r"|(?:dat|het|die)\s+is\s+nu|(?:er|es|sie|das)\s+ist\s+(?:jetzt|nun)"
    r"|(?:c['’]est|(?:il|elle)\s+est)\s+(?:maintenant|désormais)|ahora\s+es"
    r"|agora\s+é|(?:ora|adesso)\s+è)[ \t]*:?[ \t]+(?P<value>[^\s,;()<>'\"]{4,40}?)[.,;)]?(?=\s|$)"
)
# (compounds too: "beheerderswachtwoord", "WPA2-Schlüssel")
_KEY_NAMED = re.compile(
    r"(?i)schlüssel|sleutel|wachtwoord|kennwort|\b(?:key|clé|chave|chiave|psk|pins)\b"
)
# A password passed on "as" its value: "hij gaf het wachtwoord van de boekhouding door als
# Idtk6gMAlv2" (session 36, blind353 read); or the one used: "The password used was
# VG.Anhd[[T{WnnDaVp0; it has since been rotated" (session 37, blind364 read)
_PASSED_ON_AS = guarded(
    r"(?i)\b(?:(?:door|doorgegeven|gegeven|passed\s+on|handed\s+over)[ \t]+(?:als|as)"
    r"|(?<=password[ \t])used[ \t]+was)[ \t]+"
    r"(?P<value>[^\s,;()<>'\"]{6,40}?)[.,;)]?(?=\s|$)"
)
_KEY_OR_PASSWORD_BEFORE = guarded(
    r"(?i)(?:schlüssel|kennwort|passwort|wachtwoord|sleutel|\bww|\bpw|\bkey)\b[^.\n;]{0,60}$"
)
_WIFI_WORDS = ("wlan", "wifi", "wi-fi", "netzwerk", "netwerk")
# A password named, then set "tijdelijk" (for now) to its value: "Wachtwoord was verlopen
# tijdens haar verlof; tijdelijk PuffinSaffron31 gezet in AD" (session 31, blind240 read)
_FOR_NOW_SET = guarded(
    r"(?i)\b(?:tijdelijke?|voorlopig|vorläufig|temporär|vorübergehend)[ \t]+"
    r"(?P<value>[^\s,;()<>'\"]{6,40}?)[ \t]+(?:gezet|ingesteld|gegeven|gesetzt|vergeben)\b"
)
# A password reset "to" its value a sentence after it was named: "la password iniziale aveva una
# @ ... Reimpostata a RYML4dCrwrD senza caratteri speciali" (session 31, blind248 read)
_RESET_TO = guarded(
    r"(?i)\b(?:reimpostat[ao]|re-?set|redefinid[ao]|restablecid[ao]|zurückgesetzt|gereset"
    r"|réinitialisée?|resettat[ao])"
    # (an account named between: "Reset local account showctl to 53l79b-QHLmNGb"; session 36)
    r"(?:[ \t]+(?:the[ \t]+)?(?:local[ \t]+)?(?:account|user)[ \t]+[\w.\\@-]{2,40})?"
    r"[ \t]+(?:a|to|para|auf|naar|à|op|en|in)[ \t]+"
    r"(?P<value>[^\s,;()<>'\"]{6,40}?)[.,;)]?(?=\s|$)"
)
# A domain's transfer code, asked for and given: "AuthInfo bei Strato angefordert, lautete
# BTbpQ-x-Y7LA1INJ" (session 31, blind245 read)
_TRANSFER_CODE = guarded(
    r"(?i)\b(?:auth-?info(?:-code)?|epp[ -]?(?:code|key)|transfer\s+(?:code|key|secret)"
    r"|codice\s+(?:di\s+)?trasferimento|c[óo]digo\s+de\s+transfer[eê]ncia|code\s+de\s+transfert"
    r"|verhuiscode)\b[^.\n]{0,60}?(?:[:=,][ \t]*(?:(?:lautete|lautet|ist|is|was|war|era|est"
    r"|était|é|è|luidt|luidde)\b)?|\b(?:lautete|lautet|ist|is|was|war|era|est|était|é|è|luidt"
    r"|luidde)\b)[ \t]*(?P<value>[^\s,;()<>'\"]{6,40}?)[.,;)]?(?=\s|$)"
)
# A company's Companies House authentication code, the filing's password: "the Companies House
# authentication code for the company is DQV40L" (session 32, blind261 read)
_FILING_CODE = guarded(
    r"(?i)\b(?:companies\s+house\s+|company\s+)?auth(?:entication)?\s+code\b[^.\n]{0,60}?"
    r"(?:\b(?:is|was)\b|:)[ \t]*(?P<value>(?-i:[A-Z0-9]{6}))(?![\w-])"
)
# A password agreed and given in quotes as "it": "asked for a new verbal password ... logged it
# with them as 'Heron Thistle'" (session 32, blind275 read); two to four capitalised words
_QUOTED_AS = guarded(
    r"(?i)\b(?:logged|set|agreed|registered|recorded|changed)\s+it\s+(?:with\s+\w+\s+)?"
    r"(?:as|to)\s+['‘\"“](?P<value>(?-i:[A-Z][a-z]{2,14}(?:[ ][A-Z][a-z]{2,14}){1,3}))['’\"”]"
)
# A change whose subject the sentence leaves out, a key or a password named in the words before:
# "avait encore la clé d'usine. Changée pour dDFZYk1eOKcgHpnQ (WPA2)" (session 34, blind305 read)
_ELIDED_CHANGE = guarded(
    r"(?i)(?:^|[.;!][ \t]+|\n[ \t]*)(?:changed|changée?s?|geändert|cambiad[ao]|alterad[ao]"
    r"|mudad[ao]|cambiat[ao]|gewijzigd|veranderd|modifiée?)[ \t]+(?:to|pour|en|auf|a|para|in"
    r"|naar|em|por)[ \t]+(?P<value>[^\s,;()<>'\"]{8,64}?)[.,;)]?(?=\s|$)"
)
_KEY_OR_PASSWORD_NAMED = guarded(
    r"(?i)\b(?:cl[ée]s?|keys?|schlüssel|claves?|chaves?|chiave|sleutel|psk|wpa\d?|password"
    r"|passwort|kennwort|wachtwoord|contraseña|senha|palavra-passe|mot\s+de\s+passe|mdp|pw)\b"
)
# a key corrected "to" its value a clause after it was named: "set up on the new AP with the wrong
# key; corrected it to CFAnRLCBeTUp8f on the controller" (session 34, blind318 read)
_CORRECTED_TO = guarded(
    r"(?i)\b(?:corrected|fixed|korrigiert|corrigée?|corregid[ao]|corrett[ao]|gecorrigeerd"
    r"|corrigid[ao])(?:[ \t]+(?:it|them|this|that|het|es|la|le|lo|a|o))?[ \t]+(?:to|auf|en|a|in"
    r"|naar|para)[ \t]+(?P<value>[^\s,;()<>'\"]{8,64}?)[.,;)]?(?=\s|$)"
)
# a camera recorder's verification code set "to" its value, the code named before: "'enter device
# verification code' ... The code on the label had been replaced during the reset; set it to
# FFWZMF on the NVR" (session 37, blind380 read)
_CODE_SET_TO = re.compile(
    r"(?i)\b(?:set|changed|reset)[ \t]+(?:it|the[ \t]+code)[ \t]+to[ \t]+"
    r"(?P<value>(?-i:[A-Z0-9]{6,12}))(?![\w-])"
)
_VERIFICATION_CODE_NAMED = re.compile(
    r"(?i)\b(?:verification|verify|device|stream|encryption)\s+code\b"
)
_WIFI_NAMED = guarded(r"(?i)\b(?:wi-?fi|wlan|wpa\d?|ssid|psk)\b")
# A value entered "in" a system with the verb last, a password or key named before: "Im Portal
# neu gesetzt und UedwQyWH5KBNQV in JTL unter Versand > DHL hinterlegt" (session 34, blind307
# read)
_VALUE_THEN_STORED = guarded(
    r"(?i)\b(?:und|en)[ \t]+(?P<value>[^\s,;()<>'\"]{8,64}?)[ \t]+(?:in|im|ins|bei|unter|op"
    r"|bij)\b[^.\n;]{0,60}?\b(?:hinterlegt|eingetragen|eingegeben|gespeichert|eingepflegt"
    r"|ingevoerd|opgeslagen|ingevuld)\b"
)
_STATUS_WORDS = frozenset(
    "password reset resolved closed done complete completed pending urgent high low priority"
    " incident request open new".split()
)
_REACH = 300


def changed_value_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A token updated "to" a generated value; a password re-entered, set "auf" or "tijdelijk"
    to its value, or reset "to" it a sentence after its word; a domain's transfer code; a
    Companies House authentication code; a PIN confirmed "as", a password given "as" in quotes."""
    if "token" in lowered or "key" in lowered or "secret" in lowered:
        for match in _TOKEN_PUT_TO.finditer(text):
            value = match.group("value")
            if looks_generated(value) and not _DIGEST_WORDS.search(match.group("gap")):
                yield match.start("value"), match.end("value"), "token"
    if "re" in lowered:
        for match in _ENTERED_AGAIN.finditer(text):
            value = match.group("value")
            if not is_mention(value) and value_shape_ok(value, "strict"):
                yield match.start("value"), match.end("value"), "password"
    yield from _set_to_value_hits(text)
    for match in _LOGIN_SET_TO.finditer(text) if "log" in lowered or "sign" in lowered else ():
        letters = [ch.isupper() for ch in match.group("value") if ch.isalpha()]
        changes = sum(a != b for a, b in zip(letters, letters[1:], strict=False))
        if changes >= 4 and any(ch.isdigit() for ch in match.group("value")):
            yield match.start("value"), match.end("value"), "password"
    yield from _elided_change_hits(text, lowered)
    for match in _IT_IS_NOW.finditer(text) if " is" in lowered or " es" in lowered else ():
        value, before = match.group("value"), max(0, match.start() - 150)
        shaped = value_shape_ok(value, "strict") or (
            value.isdigit() and len(value) <= 8 and not YEAR.fullmatch(value)
        )
        if shaped and (
            PASSWORD_NAMED.search(text, before, match.start())
            or _KEY_NAMED.search(text, before, match.start())
        ):
            yield match.start("value"), match.end("value"), "password"
    if "re" in lowered:
        yield from _named_password_hits(_RESET_TO, text)
    if " als " in lowered or " as " in lowered or " used was " in lowered:
        yield from _named_password_hits(_PASSED_ON_AS, text)
    if "info" in lowered or "epp" in lowered or "transf" in lowered or "verhuis" in lowered:
        for match in _TRANSFER_CODE.finditer(text):
            value = match.group("value")
            if not is_mention(value) and value_shape_ok(value, "medium"):
                yield match.start("value"), match.end("value"), "password"
    if "companies house" in lowered:
        for match in _FILING_CODE.finditer(text):
            if any(ch.isdigit() for ch in match.group("value")):
                yield match.start("value"), match.end("value"), "password"
    if " it " in lowered and ("'" in text or "‘" in text or '"' in text or "“" in text):
        for match in _QUOTED_AS.finditer(text):
            words = match.group("value").lower().split()
            if _STATUS_WORDS.intersection(words):
                continue
            if PASSWORD_NAMED.search(text, max(0, match.start() - _REACH), match.start()):
                yield match.start("value"), match.end("value"), "password"
    if " it " in lowered:
        for match in _CONFIRMED_AS.finditer(text):
            if PASSWORD_NAMED.search(text, max(0, match.start() - _REACH), match.start()):
                yield match.start("value"), match.end("value"), "pin"


def _set_to_value_hits(text: str) -> Iterator[Hit]:
    for match in _VALUE_THEN_SET.finditer(text):
        value = match.group("value")
        before = text[max(0, match.start() - 80) : match.start()]
        if not _KEY_OR_PASSWORD_BEFORE.search(before) or is_mention(value):
            continue
        if looks_generated(value) or value_shape_ok(value, "strict"):
            wifi = any(word in before.lower() for word in _WIFI_WORDS)
            yield match.start("value"), match.end("value"), "wifi_key" if wifi else "password"
    yield from _named_password_hits(_FOR_NOW_SET, text)


def _named_password_hits(pattern: re.Pattern[str], text: str) -> Iterator[Hit]:
    """The pattern's values of a password's strict shape, a password named up to 300
    characters before."""
    for match in pattern.finditer(text):
        value = match.group("value")
        if is_mention(value) or not value_shape_ok(value, "strict"):
            continue
        if PASSWORD_NAMED.search(text, max(0, match.start() - _REACH), match.start()):
            yield match.start("value"), match.end("value"), "password"


def _elided_change_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A drawn value a sentence opens with "changed to" (its subject left out) or a key was
    "corrected ... to", a key or a password named in the 150 characters before; one entered
    "in" a system with the verb last, a password or key named in the 300 before; a recorder's
    verification code set "to" its value."""
    if "ge" in lowered or "chang" in lowered or "cambia" in lowered or "mud" in lowered:
        for match in _ELIDED_CHANGE.finditer(text):
            value = match.group("value")
            if not drawn_value(value) or not _KEY_OR_PASSWORD_NAMED.search(
                text, max(0, match.start() - 150), match.start()
            ):
                continue
            near = text[max(0, match.start() - 150) : match.end() + 40]
            kind = "wifi_key" if _WIFI_NAMED.search(near) else "password"
            yield match.start("value"), match.end("value"), kind
    for match in _CODE_SET_TO.finditer(text) if "code" in lowered else ():
        value = match.group("value")
        if not value.isdigit() and _VERIFICATION_CODE_NAMED.search(
            text, max(0, match.start() - 250), match.start()
        ):
            yield match.start("value"), match.end("value"), "password"
    for match in _CORRECTED_TO.finditer(text) if "corr" in lowered or "fixed" in lowered else ():
        value = match.group("value")
        if drawn_value(value) and _KEY_OR_PASSWORD_NAMED.search(
            text, max(0, match.start() - 150), match.start()
        ):
            near = text[max(0, match.start() - 150) : match.end() + 40]
            yield (
                match.start("value"),
                match.end("value"),
                ("wifi_key" if _WIFI_NAMED.search(near) else "password"),
            )
    if "und " in lowered or "en " in lowered:
        for match in _VALUE_THEN_STORED.finditer(text):
            if drawn_value(match.group("value")) and _KEY_OR_PASSWORD_NAMED.search(
                text, max(0, match.start() - _REACH), match.start()
            ):
                yield match.start("value"), match.end("value"), "password"
