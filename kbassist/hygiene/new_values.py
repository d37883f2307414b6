"""A new password named only as "the new one", set off after a comma or a colon (session 16);
a password read out and given after a colon a sentence after its name (session 17).

"A senha ... tinha sido alterada pela contabilista ... Atualizei em Parâmetros com a nova,
kH7pW2qX9m, e comunicação de teste aceite": the password was named a sentence before, and the
value stands after "a nova" ("the new one") in the seven languages, or after a colon that
closes the clause ("entered the new one while Mel read it back to me: Lagoon 6 Tulip 4"). A
single word must mix three kinds of character, as a value found this far from its keyword
always must; a phrase must hold capitalised words and a number.

A password named before and then "logged in with" its value lives here too (session 28), and a
value before its keyword: "Qwerty!8842 is the new password". Values
given in the turn of a change are read in `changed_values.py`; app passwords in
`app_passwords.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit, Token, trim
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.value_shapes import (
    MIXED_CASE_AND_DIGIT,
    is_mention,
    looks_generated,
    random_letters,
    value_shape_ok,
)

_NEW_ONE = guarded(
    r"(?i)\b(?:the\s+new\s+one|a\s+nova|o\s+novo|la\s+nueva|el\s+nuevo|la\s+nouvelle"
    r"|le\s+nouveau|die\s+neue|das\s+neue|den\s+neuen|de\s+nieuwe|het\s+nieuwe|la\s+nuova"
    r"|il\s+nuovo"
    # a new code and how it was set: "Nouveau code programmé, 6739A, l'ancien supprimé" (session
    # 37, blind374 read)
    r"|(?:nouveau|nuevo|novo|nuovo|neuer|nieuwe|new)\s+(?:code|c[óo]digo|codice)\s+"
    r"(?:programm[ée]e?|programmato|programado|programmiert|ingesteld)"
    # or "now is" opening its sentence, the value after "is" (session 35, blind326 read): "...
    # mudada a palavra-passe do Wi-Fi ... A nova é HmX7AS6R...", "... la password del Wi-Fi ...
    # Ora è BufT6DAB..."
    # (or after "and": "o Sr. Costa pediu outro e agora é 540234"; session 35, blind332 read)
    r"|(?:(?<=[.!,;][ \t])|(?<=\s[ey][ \t])|(?<=\s(?:et|en)[ \t])|(?<=\sand[ \t]))"
    r"(?:ora|agora|ahora|now|jetzt|nu|maintenant|adesso))"
    r"(?:[ \t]*,|[^.\n:]{0,60}:|[ \t]+(?:é|es|est|è|ist|is|lautet|luidt)[ \t]+)[ \t]*"
    r"(?:(?P<phrase>(?:[A-Z][a-z]{2,12}|\d{1,4})(?:[ \t](?:[A-Z][a-z]{2,12}|\d{1,4})){2,5})"
    r"|(?P<value>[^\s,;]{4,64}?))(?=[.,;)]?(?:\s|$))"
)
# a phrase of capitalised words and numbers: "... read it back to me from her notes: Lagoon 6
# Tulip 4." (a room account's password, blind82)
_WORDS_AND_NUMBERS = re.compile(r"(?=.*\d)(?=.*[A-Za-z]{3}).*")
PASSWORD_NAMED = guarded(
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
# a key named, its letters drawn by a generator, not words joined as a name (session 35, blind342)
_JOINED_WORDS = re.compile(r"[a-z]*(?:[A-Z][a-z]{2,})+")
_KEY_NAMED = re.compile(r"(?i)\b(?:key|psk|sleutel|schlüssel|clave|chave|chiave|clé)\b")
# (and "now" in the seven languages: "Ora è ..."; session 35)
_HINTS = ("new one", "nova", "novo", "nueva", "nuevo", "nouve", "neue", "nieuwe", "nuov", "now",
          "ora", "jetzt", "nu ", "maintenant", "adesso")  # fmt: skip
_REACH = 300


def new_one_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A value after "the new one," where a password is named up to 300 characters before; a
    value of a password's shape followed by "is the new one"; a value handed to someone."""
    yield from _gave_value_hits(text, lowered)
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
                else PASSWORD_NAMED.search(text, max(0, match.start() - _REACH), match.start())
            ):
                yield match.start("value"), match.end("value"), "password"
    for match in (
        _CODE_SET.finditer(text) if any(hint in lowered for hint in _CODE_SET_HINTS) else ()
    ):
        named = _CODE_NAMED.search(text, max(0, match.start() - _REACH), match.start())
        if named:
            pin = named.group(0).lower() in {"pin", "pincode"}
            yield match.start("value"), match.end("value"), "pin" if pin else "door_code"
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
            and _CODE_NAMED.search(text, max(0, match.start() - _REACH), match.start(group))
        ):
            # a code's digits: "O código tinha sido mudado ...; dei-lhe o novo, 38695" (session
            # 27, blind183 read)
            yield match.start(group), match.end(group), "door_code"
            continue
        if group == "value" and (is_mention(value) or not value_shape_ok(value, "strict")):
            continue
        if PASSWORD_NAMED.search(before):
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
# A code's digits "again" after a reset, or what "we changed" it to, a code named before:
# "Ripristinata la configurazione: il codice per i trasportatori è di nuovo 96819", "... tinha
# ainda o código antigo. Mudámos para 15920X com a manutenção" (session 37, blind378 and
# blind373 read)
# (or "a random six digits": "It turned out the kiosk had set it to the digits of her date of
# birth ... Reset it to a random six digits, 364026"; session 37, blind376 read)
_CODE_SET = re.compile(
    r"(?i)(?:\b(?:è\s+di\s+nuovo|is\s+again)|(?<![\w-])(?:mud[áa]mos|cambi[áa]mos)\s+(?:para|a)"
    r"|\ba\s+random\s+(?:four|five|six|eight|[4-8])[ -]digits?(?:\s+(?:code|pin))?,)"
    r"[ \t]+(?P<value>\d{4,8}[A-Z]?)(?=[.,;)]?(?:\s|$))"
)
_CODE_SET_HINTS = (" again ", " di nuovo ", "mos para ", "mos a ", " random ")
_DIGITS = re.compile(r"\d{4,8}[A-Z]?")  # (a keypad's letter too: "6739A")
_MORE_DIGITS = re.compile(r"[ -]?\d")
_CODE_NAMED = guarded(
    r"(?i)\b(?:code|codes|código|códigos|codice|codici|pin|pincode|türcode|torcode|deurcode"
    r"|keypad|teclado|tastatur|clavier|tastierino|toetsenbord)\b"
)


def _read_out_hits(text: str) -> Iterator[Hit]:
    for match in _READ_OUT_COLON.finditer(text):
        value = match.group("value")
        # "read him the key letter by letter ...: jZAnsdNbeEqaRs"; not a name of joined words,
        # "secretsmanager:GetSecretValue"
        drawn = random_letters(value) and not _JOINED_WORDS.fullmatch(value)
        if (
            not (MIXED_CASE_AND_DIGIT.fullmatch(value) or drawn)
            or is_mention(value)
            or "/" in value
            or "@" in value
        ):
            continue
        clause = text[max(0, match.start() - 120) : match.start()]
        if not _READ_OUT.search(clause):
            continue
        reach = max(0, match.start() - _REACH)
        if PASSWORD_NAMED.search(text, reach, match.start()) or (
            drawn and _KEY_NAMED.search(text, reach, match.start())
        ):
            yield match.start("value"), match.end("value"), "password"


# A key or a password asked for, then handed over in the next sentence: "Le chef de chantier a
# demandé la clé Wi-Fi de la box 4G. Je lui ai donné 65C779711DE1F08337AA" (session 32, blind259
# read); a value that looks generated or mixes cases and a digit
_GAVE_VALUE = guarded(
    r"(?i)\b(?:(?:je\s+)?lui\s+ai\s+donné|gave\s+(?:him|her|them)|(?:le|les)\s+di"
    r"|(?:gli|le)\s+ho\s+dato|dei-lhe|ik\s+gaf\s+(?:hem|haar))[ \t]+"
    r"(?P<value>[^\s,;()<>'\"]{8,64}?)[.,;)]?(?=\s|$)"
)
_WIFI_KEY_NAMED = guarded(
    r"(?i)\b(?:clé|key|sleutel|chave|chiave|clave|schlüssel|password|mot\s+de\s+passe)\b"
    r"[^.\n]{0,20}\b(?:wi-?fi|wlan)\b|\b(?:wi-?fi|wlan)[\s-]?(?:key|schlüssel|sleutel|password|passwort)\b"
    r"|\bpsk\b|\bnetwork\s+key\b|\bclé\s+(?:de\s+sécurité|réseau)"
)
# what names an identifier between the key and the value, or right after it
_IDENTIFIER_NEAR = guarded(
    r"(?i)\b(?:serial|s/n|asset|tag|mac|imei|ticket|case|order|ref\w*|id|numéro\s+de\s+série"
    r"|seriennummer|serienummer|número\s+de\s+série|numero\s+di\s+serie)\b"
)
_GAVE_HINTS = ("donné", "gave ", "le di ", "les di ", "dato ", "dei-lhe", " gaf ")


def _gave_value_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A generated value handed to someone ("je lui ai donné ...", "gave him ..."), a password or
    a Wi-Fi key named up to 300 characters before and no identifier near it."""
    if not any(hint in lowered for hint in _GAVE_HINTS):
        return
    for match in _GAVE_VALUE.finditer(text):
        value = match.group("value")
        if is_mention(value) or not (
            looks_generated(value) or MIXED_CASE_AND_DIGIT.fullmatch(value)
        ):
            continue
        if _IDENTIFIER_NEAR.search(text, max(0, match.start() - 80), match.end("value") + 20):
            continue  # "asked for the router's serial. I gave him 5CG998BJA1"
        before = text[max(0, match.start() - _REACH) : match.start()]
        if _WIFI_KEY_NAMED.search(before):
            yield match.start("value"), match.end("value"), "wifi_key"
        elif PASSWORD_NAMED.search(before):
            yield match.start("value"), match.end("value"), "password"


# A value before its keyword, "is the new password" after it: "Qwerty!8842 is the new password"
_REVERSED = re.compile(
    r"(?<![\w/\\])(?P<value>[^\s\"'<>`]{6,100})\s+(?:is|was|=|as|will\s+be|ist|es|est|é|è)"
    r"\s+(?:(?:the|her|his|their|your|our|a|das|sein|ihr|la|le|su|o|il|het)\s+)?"
    r"(?:(?:new|temp|temporary|initial|current|one-time|neue|neues|nueva|nouveau|nouvelle|nova"
    r"|nuova|nieuwe)\s+)?"
    r"(?P<key>password|pw|pwd|passwort|kennwort|contraseña|mot\s+de\s+passe|wachtwoord|senha"
    r"|wi-?fi\s+(?:key|password)|passphrase)\b",
    re.IGNORECASE,
)


def reversed_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A password-shaped value followed by "is the new password"."""
    if not any(hint in lowered for hint in ("pass", "pw", "kennw", "contrase", "wachtw", "senha")):
        return
    for match in _REVERSED.finditer(text):
        token = trim(Token(match.start("value"), match.end("value"), match.group("value")))
        if value_shape_ok(token.text, "strict"):
            kind = "wifi_key" if "wi" in match.group("key").lower() else "password"
            yield token.start, token.end, kind
