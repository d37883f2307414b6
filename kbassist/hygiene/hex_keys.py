"""Hex keys named by the words around them (sessions 15 and 16).

Thirty-two to sixty-four hex digits are a digest's shape as much as a key's: the words make
them a key. After a colon, a comma or "is", or as an SDK's first argument, in a sentence (or
the one before) that names a key or a token and no hash, commit, serial or ID, they are an API
key. Assigned to a variable named for a key, too; and a GUID's shape after a colon where the
sentence names a secret or an API key and no ID (session 20). A key read out in groups of four
in the sentence that names it (session 15; moved here from secret_detectors in session 22); a
recovery key transcribed with separators (session 26). A satellite feed's BISS session word
and a live stream's key in YouTube's shape (session 32). Hex after "new" or a key's CamelCase
name; a drawn value after "new key" (in the six other languages too), and a Wi-Fi key so named
once a network was, or that a network "now uses" (session 33); a key that "is" a value once a
Wi-Fi was named (session 36).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.prose_codes import sentence_around
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.value_shapes import (
    KEY_NOUNS,
    drawn_value,
    is_mention,
    looks_generated,
    random_letters,
    unspeakable,
)

# "Alguien regeneró la API key ... Puesta la nueva en WooCommerce > Ajustes > Holded: 8d3f...",
# "Re-entered the SHIP token in the Opera interface config (...): 3e7f...": 32 or more hex
# digits after a colon, where the sentence (or the one before) names a key or a token and no
# hash (session 15). Hex alone is a digest's shape; the words make it a key.
# Or after a comma ("Copied the new primary auth token, 3248f7db..., from the console"), or as
# an SDK's first argument ("meraki.DashboardAPI('db9b3488...')") (session 16).
# Or after "is" where a key's CamelCase name stands ("the shared AppKey they were provisioned
# with ... is 5B1E9A77..."; session 16), in capitals too; and in the other languages: "token
# API ... Il nuovo è d0d126cd..." (session 18).
_HEX_VALUE = re.compile(
    # or assigned: "$MerakiKey = '7ac3e5f8...'" (session 20)
    # in brackets or "for the record" ("Pegada la nueva (f9b4...)", "pasted ... here for the
    # record 86d4..."; session 25, blind157-158 read)
    # ("the first data line of the key, as I pasted it ..., was f19ab1..."; session 31)
    r"(?:[:,(][ \t]*|=[ \t]*['\"]|\w(?:API|Api|Client)\([ \t]*['\"]|\b(?:is|è|est|es|ist|é|was"
    r"|war|era|était)[ \t]+"
    r"|\bfor\s+(?:the\s+)?(?:record|reference)[ \t]+"
    # right after the key's word and what it is for: "token de integración 7ef5..." (session 26,
    # blind172 read)
    r"|\b(?:token|jeton|clave|chave|chiave|clé)[ \t]+(?:de|do|da|di|del|della|d')[ \t]*"
    r"[\wÀ-ÿ]{3,20}[ \t]+"
    # or right after "key" or "token": "Installed the custom secure channel base key 4A0C5F77...",
    # "Updated the relay config with the new token 6331800c..." (session 31, blind253 read)
    # (not an event's or a record's key: "dedup key 29b6a6...", "routing key ...")
    r"|(?<!dedup )(?<!dedupe )(?<!routing )(?<!idempotency )(?<!partition )(?<!cache )"
    r"(?<!sort )(?<!primary )(?<!foreign )(?<!object )\b(?i:key|token|secret)"
    # (or "secret to": "Updated the notification service secret to 297c83db..."; and read out:
    # "Asked her for the new one - she read a2427954..."; session 32, blind258-259 read)
    r"(?:[ \t]+to)?[ \t]+|\b(?:read|dictated|read[ \t]+out)[ \t]+"
    # or a key's CamelCase name: "Re-entered the AppKey 8f1095c8..." (session 33, blind290 read)
    r"|[A-Za-z]Key[ \t]+"
    # or right after "new": "twilio auth token had been rotated on acct, new 834929d4..."
    # (session 33, blind287 read)
    r"|\b(?i:new|nov[oa]|nuev[oa]|nuov[oa]|neue[rn]?|nieuwe?|nouvel(?:le)?)[ \t]+"
    # or after "value": "Created a new key under Settings > Developers, value b1799d35..."
    # (session 36, blind354 read)
    r"|\b(?i:value|wert|valor|valeur|valore|waarde)[ \t]+"
    # or "set it to": "Generated a new token ... and set it to 9ae668d9... in the Zapier
    # connection" (session 36, blind359 read)
    r"|\b(?i:set[ \t]+it[ \t]+to)[ \t]+)"
    r"(?P<value>[0-9a-f]{32,64}|[0-9A-F]{32,64})(?![\w-])"
)
_HEX_ONLY = re.compile(r"[0-9a-f]+|[0-9A-F]+")  # read by _HEX_VALUE
_KEY_OR_TOKEN = re.compile(
    r"(?i)\b(?:api[\s-]?key|key|token|secret|clave|chave|chiave|sleutel|schlüssel|clé"
    r"|jeton)\b"  # "Nouveau jeton récupéré dans la console Twilio ..., 131f..." (session 23)
    r"|\w(?:API|Api|Client)\(|[a-z](?-i:Key)\b"
)
_DIGEST_WORDS = guarded(
    r"(?i)\b(?:hash|md5|sha-?\d*|checksum|fingerprint|thumbprint|digest|etag|guid|uuid|id"
    r"|commit|revision|serial\w*)\b"
)


# A key or secret in a GUID's shape, after a colon or "=" where the sentence names a secret key
# or an API key ("Generated a new secret key ... and put it in the script's config: 4e7b91c2-...",
# "put the REST API key into the app config: 73c91940-..."); not an integration key, a client's
# or a tenant's ID (session 20)
_GUID_VALUE = re.compile(
    # or after "new one": "regenerated the secret key, new one 2a14abaa-..." (session 26)
    # or after "token" and a comma: "username and password are both the server API token,
    # 5319940b-..." (session 31, blind246 read)
    # or after "is": "The Rachio API key from the client's account is be2aca22-..." (session 36)
    # or right after the key's word: "Pasted the new authentication key 58ed920d-..." (session
    # 37, blind372 read)
    r"(?:[:=][ \t]*['\"]?|\bnew\s+one[ \t]+|\b(?i:token),[ \t]+|\b(?:is|è|est|es|ist|é)[ \t]+"
    r"|\b(?i:key)[ \t]+)"
    r"(?P<value>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})(?![\w-])"
)
_SECRET_KEY_WORDS = guarded(
    r"(?i)\b(?:secret(?:\s+key)?|api[\s-]?key|api\s+token|access\s+token|auth\s+token"
    r"|auth(?:entication)?\s+key"
    r"|clave\s+secreta|clé\s+secrète|chave\s+secreta|chiave\s+segreta|geheime\s+sleutel"
    r"|geheimer?\s+schlüssel)\b"
)
_NOT_SECRET_KEY = guarded(
    r"(?i)\b(?:integration\s+key|client\s+id|tenant|app(?:lication)?\s+id|object\s+id|guid|uuid"
    r"|id)\b"
)


def guid_key_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A GUID-shaped value after a colon, in a sentence that names a secret or an API key."""
    if "key" not in lowered and "secret" not in lowered and "token" not in lowered:
        return
    for match in _GUID_VALUE.finditer(text):
        low, at = sentence_around(text, match.start())[0], match.start("value")
        if _SECRET_KEY_WORDS.search(text, low, at) and not _NOT_SECRET_KEY.search(
            text, max(low, at - 40), at
        ):
            yield match.start("value"), match.end("value"), "api_key"


# Or a drawn value of letters and digits, or of letters whose case a generator changed: "la clé
# API ... avait été régénérée. Nouvelle clé : IfuRMNtONaoZpeFalLYI", "the plugin's private
# token belonged to a volunteer ... Created one ..., Q9V9UDLAHAVVNBZKCD6X," (session 23)
_DRAWN_VALUE = re.compile(
    r"(?:[:,]|\b(?:is|è|est|es|ist|é))[ \t]+(?P<value>[A-Za-z0-9]{16,64})(?![\w+/=-])"
)
# Or a key called new, shorter: "leitores do armazem sem rede. chave nova ZumyRyJsBXHNUR posta
# nos 8 leitores" (session 33, blind287 read)
_NEW_KEY_VALUE = re.compile(
    # (a Wi-Fi's between: "uma chave Wi-Fi nova, hvwDrknZRYxFwF,"; session 36, blind367 read)
    r"\b(?i:(?:chave|clave|chiave|clé|sleutel|schlüssel|key)[ \t]+(?:wi-?fi[ \t]+|wlan[ \t]+)?"
    r"(?:nova|nueva|nuova|nouvelle|nieuwe|neu)|(?:nova|nueva|nuova|nouvelle|nieuwe|neuer?|new)"
    r"[ \t]+(?:chave|clave|chiave|clé|sleutel|schlüssel|key))[ \t:,]+"
    r"(?P<value>[A-Za-z0-9]{8,64})(?![\w+/=-])"
)
_NEW_WORDS = ("new", "nov", "nuev", "nuov", "neu", "nieuw", "nouvel")  # read by _NEW_KEY_VALUE
_KEY_WORDS_NEW = ("chave", "clave", "chiave", "clé", "sleutel", "schlüssel", "key")
# A Wi-Fi network named before such a key: then letters and a digit are enough: "los lectores
# de la báscula perdían la wifi ... se puso una clave nueva, furrowewesilage83" (session 33,
# blind294 and blind295 read)
_WIFI_BEFORE = re.compile(r"(?i)\b(?:wi-?fi|wlan|ssid|wpa\d?|réseau|rede|netwerk|netzwerk)\b")
# A network that "now uses" a drawn value: "'Harwick Libraries Free WiFi' now uses
# 802cDGID1NiAsy5o" (session 33, blind297 read)
_WIFI_USES = re.compile(
    r"(?i)\b(?:wi-?fi|wlan|ssid)['\"’]?[ \t]+(?:now[ \t]+)?(?:uses|takes)[ \t]+"
    r"(?P<value>[A-Za-z0-9!@#$%&*_+-]{8,63})(?![\w!@#$%&*+-])"
)
# Or capitals and digits after "new key", once a key was regenerated: "la clé privée avait été
# régénérée par le gérant. Nouvelle clé 75N8FTGI saisie" (session 34, blind307 read)
_REGENERATED = guarded(
    r"(?i)\b(?:r[ée]g[ée]n[ée]r\w*|regenerat\w*|rigenerat\w*|regenerad\w*|neu\s+generiert"
    r"|opnieuw\s+gegenereerd|rotated|renewed|reissued|revoked)\b"
)
# (a software's key, not a door's: "New key 4B7C2210 cut for the cleaner")
_SOFTWARE_KEY = guarded(
    r"(?i)\b(?:api|priv\w*|secret\w*|token|module|modul|plugin|portal|portail|webhook|config\w*"
    r"|integration|intégration|integración|integrazione|account|compte|cuenta)\b"
)
_CAPITALS_AND_DIGITS = re.compile(r"(?=(?:[A-Z]*\d){2})(?=(?:\d*[A-Z]){2})[A-Z0-9]{8,64}")
# A drawn value a router's card or sticker "says", a Wi-Fi network named near: "the card on the
# back of the box says 4iqReQVOSfYMFbhkuS9 but none of the tills will join" (session 34,
# blind312 read)
_CARD_SAYS = guarded(
    r"(?i)\b(?:card|sticker|label|aufkleber|etiket|étiquette|etiqueta|etichetta)\b[^.\n]{0,50}?"
    r"\b(?:says|reads|shows|sagt|zegt|dit|dice|diz)[ \t]*:?[ \t]+"
    r"(?P<value>[A-Za-z0-9!@#$%&*_+-]{8,63})(?![\w!@#$%&*+-])"
)
_SAYS = (" says", " reads", " shows", " sagt", " zegt", " dit", " dice", " diz")  # _CARD_SAYS
# Or the key read off the router itself: "joined the new Sky hub (SSID SKY4F2A1) with key
# PLMLFXVA from the back of the hub" (session 35, blind335 read)
_KEY_OFF_THE_BACK = re.compile(
    r"(?i)\b(?:key|password|psk)[ \t]+(?P<value>(?-i:[A-Z0-9]{8,63}))[ \t]+(?:from|off|on)[ \t]+"
    r"the[ \t]+(?:back|bottom|underside|side|label|sticker|card)\b"
)
# A Wi-Fi named, then its key "is" or after a colon, an aside between commas allowed: "Added the
# business laptop to her Wi-Fi (her key, read off the router, is DMNTXCC7K3)" (session 36,
# blind332 read), or "set to" it ("network DeanHome, key set to WPT00TU82Q"; blind353 read;
# "WPA2-Schlüssel geändert in X3djmcR7BR8YiUPFZRNLr"; blind359 read); a
# drawn or unspeakable value, or letters and digits (not a KB number); or where it was read, then
# the value between commas: "typed the key from the sticker on her router, scrMCMABLcbnC, and it
# connected" (session 37, blind369 read)
_WIFI_KEY_IS = guarded(
    r"(?i)\b(?:key|psk|schlüssel|clave|clé|sleutel|chave|chiave)(?:,[^,.\n]{3,40},)?"
    r"(?:[ \t]+(?:is|ist|es|est|é|è|(?:set|changed|reset)[ \t]+to|ge[äa]ndert[ \t]+(?:in|auf)"
    r"|gesetzt[ \t]+auf)|[ \t]*:"
    r"|[ \t]+(?:from|off|on)[ \t]+the[ \t]+(?:back|bottom|underside|label|sticker|card)"
    r"(?:[ \t]+(?:on|of)[ \t]+(?:her|his|their|the|its)[ \t]+[\w-]+)?,(?=[ \t]+\S+,))[ \t]+"
    r"(?P<value>[A-Za-z0-9!@#$%&*_+-]{8,63})(?![\w!@#$%&*+-])"
)
_KB_OR_WPA = re.compile(r"(?i)kb\d+|.*wpa.*")
_WIFI_NEAR = guarded(r"(?i)\b(?:wi-?fi|wlan|ssid|wpa\d?|join|joined|broadband|router)\b")
# An app's or a client's secret in small letters and digits, no word: "App key d70zc1yyeqkyvz0,
# app secret oomntdpbkmyinuq" (session 34, blind320 read)
_LOWER_SECRET = guarded(
    r"(?i)\b(?:(?:app|client|api|consumer)\s+secret|secret\s+key)[ \t]*[:=]?[ \t]+"
    r"(?P<value>(?-i:[a-z0-9]{12,64}))(?![\w-])"
)
_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{5}")
_CAMEL_CASE = re.compile(r"(?:[A-Z][a-z]{2,})+")  # "PartialProductKey": a field's name
# (not a public key: "Clave pública del router: oJgIdwFo...=")
_PUBLIC = re.compile(r"(?i)\b(?:public|pública|publique|pubblica|öffentliche?r?|publieke?)\b")


# A key file printed: "$ cat /etc/zabbix/fs01.psk" and the key alone on the next line (session
# 26, blind171 read)
_KEY_FILE_PRINTED = re.compile(
    r"(?m)^[ \t]*(?:[$#>][ \t]*)?(?:sudo[ \t]+)?(?:cat|type|Get-Content)[ \t]+"
    r"\S*\.(?:psk|key|secret)"
    r"['\"]?[ \t]*\r?\n[ \t]*(?P<value>[0-9a-fA-F]{32,128}|[A-Za-z0-9+/]{32,88}={0,2})[ \t]*$"
)


# A Wi-Fi key nmcli prints with its secrets shown, on the line after the command: "$ nmcli -s -g
# 802-11-wireless-security.psk connection show WH-Scanners" then "lichenzephyrnettle92" (session
# 35, blind347 read)
_NMCLI_PSK_PRINTED = re.compile(
    r"(?m)^[ \t]*(?:[$#>][ \t]*)?(?:sudo[ \t]+)?nmcli[ \t]+(?:-\w+[ \t]+)*(?:-s|--show-secrets)\b"
    r"[^\n]*\bpsk\b[^\n]*\r?\n[ \t]*(?P<value>[^\s$#>]\S{7,62})[ \t]*$"
)


# A satellite feed's BISS session word, twelve or sixteen hex digits: "the uplink provider had
# changed the BISS-1 session word ...; entered 7975336DBA1A via the front panel"; a live stream's
# key in YouTube's shape, a stream named before: "YouTube-Streamschlüssel des Kanals
# (yvcw-bp0x-pxxy-xkgo-8dih)" (session 32, blind282 read)
_BISS_WORD = guarded(
    r"(?i)\b(?:biss(?:[- ]?(?:1|e|ca))?|session\s+word)\b[^.\n]{0,60}?(?<![\w-])"
    r"(?P<value>[0-9A-Fa-f]{16}|[0-9A-Fa-f]{12})(?![\w-])"
)
_STREAM_KEY = re.compile(r"(?<![\w-])(?P<value>[a-z0-9]{4}(?:-[a-z0-9]{4}){4})(?![\w-])")
_STREAM_NAMED = re.compile(r"(?i)stream")
# a stream key as the last part of an RTMP address: "rtmp://ingest.vigilcast.co.uk/live/XCCavc..."
# (session 34, blind310 read); the address's host and path are no secret
_RTMP_KEY = re.compile(
    r"(?i)\brtmps?://[^\s/]+(?:/[^\s/]+)*?/(?P<value>[\w-]{12,128}?)(?=[.,;)]?(?:\s|$))"
)


# A radio's privacy or encryption key in hex, ten digits (40-bit ARC4) or 32 or 64: "Reprogrammed 42
# Hytera handsets with the corrected codeplug, privacy key FB89134E18 on channel 3" (session 36,
# blind360 read)
_PRIVACY_KEY = guarded(
    r"(?i)\b(?:privacy|encryption|arc4|aes)\s+key[ \t]*[:=]?[ \t]+"
    r"(?P<value>[0-9A-Fa-f]{64}|[0-9A-Fa-f]{32}|[0-9A-Fa-f]{10})(?![\w-])"
)


def _router_key_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A Wi-Fi key read off the router's back, or that a key "is" once a Wi-Fi was named; a
    radio's privacy key in hex."""
    for match in (
        _PRIVACY_KEY.finditer(text) if "privacy" in lowered or " encryp" in lowered else ()
    ):
        value = match.group("value")
        if any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value):
            yield match.start("value"), match.end("value"), "secret"
    for match in _KEY_OFF_THE_BACK.finditer(text) if " the " in lowered else ():
        around = max(0, match.start() - 200), match.end() + 200
        value = match.group("value")
        if (looks_generated(value) or unspeakable(value)) and _WIFI_NEAR.search(text, *around):
            yield match.start("value"), match.end("value"), "wifi_key"
    for match in _WIFI_KEY_IS.finditer(text) if _WIFI_BEFORE.search(text) else ():
        value = match.group("value")
        if (
            (unspeakable(value) or drawn_value(value) or _CAPITALS_AND_DIGITS.fullmatch(value))
            and not _KB_OR_WPA.fullmatch(value)
            and _WIFI_BEFORE.search(text, max(0, match.start() - 120), match.start())
            and not _PUBLIC.search(text, max(0, match.start() - 60), match.start())
        ):
            yield match.start("value"), match.end("value"), "wifi_key"


def hex_key_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Hex digits after a colon, a comma or "is", "new" or a key's CamelCase name, or as an SDK's
    first argument, in a sentence about a key or token (not a hash, a commit or a serial); a
    drawn value so too, or after "new key" and its kin; a Wi-Fi key after "new key" once a
    network was named, or that a network "now uses"; a BISS session word; a stream key in
    YouTube's shape."""
    if " uses " in lowered or " takes " in lowered:
        for match in _WIFI_USES.finditer(text):
            if looks_generated(match.group("value")) or random_letters(match.group("value")):
                yield match.start("value"), match.end("value"), "wifi_key"
    for match in _LOWER_SECRET.finditer(text) if "secret" in lowered else ():
        value = match.group("value")
        if _CONSONANT_RUN.search(value) or looks_generated(value):
            yield match.start("value"), match.end("value"), "api_key"
    says = any(word in lowered for word in _SAYS)
    for match in _CARD_SAYS.finditer(text) if says else ():
        around = max(0, match.start() - 200), match.end() + 200
        if drawn_value(match.group("value")) and _WIFI_NEAR.search(text, *around):
            yield match.start("value"), match.end("value"), "wifi_key"
    yield from _router_key_hits(text, lowered)
    new_key = any(word in lowered for word in _NEW_WORDS) and any(
        word in lowered for word in _KEY_WORDS_NEW
    )
    for match in _NEW_KEY_VALUE.finditer(text) if new_key else ():
        value = match.group("value")
        if (
            any(ch.isdigit() for ch in value)
            and any(ch.isalpha() for ch in value)
            and _WIFI_BEFORE.search(text, max(0, match.start() - 200), match.start())
        ):
            yield match.start("value"), match.end("value"), "wifi_key"
        elif (
            _CAPITALS_AND_DIGITS.fullmatch(value)
            and _REGENERATED.search(text, max(0, match.start() - 200), match.start())
            and _SOFTWARE_KEY.search(text, max(0, match.start() - 200), match.end() + 80)
        ):
            yield match.start("value"), match.end("value"), "api_key"
    yield from guid_key_hits(text, lowered)
    if "biss" in lowered or "session word" in lowered:
        for match in _BISS_WORD.finditer(text):
            if any(ch.isdigit() for ch in match.group("value")):
                yield match.start("value"), match.end("value"), "secret"
    if "rtmp" in lowered:
        for match in _RTMP_KEY.finditer(text):
            value = match.group("value")
            if drawn_value(value) or _STREAM_KEY.fullmatch(value):
                yield match.start("value"), match.end("value"), "secret"
    if "stream" in lowered:
        for match in _STREAM_KEY.finditer(text):
            value = match.group("value")
            if any(ch.isdigit() for ch in value) and _STREAM_NAMED.search(
                text, max(0, match.start() - 120), match.start()
            ):
                yield match.start("value"), match.end("value"), "secret"
    if ".psk" in lowered or ".key" in lowered or ".secret" in lowered:
        for match in _KEY_FILE_PRINTED.finditer(text):
            yield match.start("value"), match.end("value"), "preshared_key"
    for match in _NMCLI_PSK_PRINTED.finditer(text) if "nmcli" in lowered else ():
        if not is_mention(match.group("value")):
            yield match.start("value"), match.end("value"), "wifi_key"
    drawn = (
        match
        for match in (
            *_DRAWN_VALUE.finditer(text),
            *(_NEW_KEY_VALUE.finditer(text) if new_key else ()),
        )
        if not _HEX_ONLY.fullmatch(match.group("value"))
        and not _CAMEL_CASE.fullmatch(match.group("value"))
        and (looks_generated(match.group("value")) or random_letters(match.group("value")))
        and not _PUBLIC.search(text, max(0, match.start() - 60), match.start())
    )
    for match in [*_HEX_VALUE.finditer(text), *drawn]:
        start = sentence_around(text, match.start())[0]
        low = sentence_around(text, max(0, start - 2))[0] if start > 1 else start
        if _KEY_OR_TOKEN.search(text, low, match.start("value")) and not _DIGEST_WORDS.search(
            text, max(low, match.start() - 60), match.start()
        ):
            yield match.start("value"), match.end("value"), "api_key"


# --- a key read out in groups of four with spaces ----------------------------------------------

# "the owner read it out in chunks of four: A7F2 9KQ1 ZZ03 MP8X" (session 15): four to eight
# groups of four capitals and digits, most of them mixed, in a sentence that names a key,
# token or licence; not an IBAN ("GB29 NWBK ...") nor a number no one types
# or in base32's small letters and digits 2-7, as an authenticator's setup key is shown: "secret
# key 5hl2 p32u v6zl 4wxs ityv etou hrl6 lvxw" (session 26, blind170 read)
_SPACED_GROUPS = re.compile(
    r"(?<![\w-])(?:[A-Z0-9]{4}(?: [A-Z0-9]{4}){3,7}|[a-z2-7]{4}(?: [a-z2-7]{4}){3,7})(?![\w-])"
)
_HEX_GROUP = re.compile(r"[0-9A-F]{4}")
_KEY_NAMED = guarded(
    r"(?i)\b(?:key|keys|token|licen[cs]e|product\s+key|schlüssel|lizenz\w*|clave|clé|chiave"
    r"|chave|sleutel|licencia|licença|licenza|seed|totp|secret|authenticator)\b"
)
_KEY_WORDS = (*KEY_NOUNS, "token", "licen", "lizenz", "seed", "totp", "secret", "authenticator")
_IBAN_OPENING = re.compile(r"[A-Z]{2}\d{2}")  # "GB29 NWBK ...": an IBAN's first group
_NOT_A_KEY_BEFORE = guarded(
    r"(?i)\b(?:iban|serial|s/n|imei|iccid|mac|tracking|account|sort\s+code|card|order|invoice"
    r"|reference|ref)\b[^.\n]{0,25}$"
)


def spaced_key_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A key, token or licence read out in groups of four, in the sentence that names it."""
    if not any(word in lowered for word in _KEY_WORDS):
        return
    for match in _SPACED_GROUPS.finditer(text):
        groups = match.group(0).split()
        mixed = sum(any(c.isalpha() for c in g) and any(c.isdigit() for c in g) for g in groups)
        # (an authenticator's seed in small letters, fewer groups with a digit: "the seed was
        # added by hand as omam jlsf fzno ukg4 gdb6 lclv hsm5 pxti"; session 36, blind360 read)
        base32 = groups[0].islower() and mixed >= 2
        if (mixed * 2 < len(groups) and not base32) or _IBAN_OPENING.fullmatch(groups[0]):
            continue
        if all(_HEX_GROUP.fullmatch(group) for group in groups):
            continue  # a PGP key's or a certificate's fingerprint, published
        start, end = sentence_around(text, match.start())
        if not _KEY_NAMED.search(text, start, end):
            continue
        if _NOT_A_KEY_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        yield match.start(), match.end(), "mfa_seed" if groups[0].islower() else "licence_key"


# A BitLocker recovery key: eight groups of six digits (moved here from secret_detectors in
# session 26); "(?=\d)": a digit first lets the regex engine skip to the next digit. Or as
# transcribed, its groups with a thousands' separator or spaced dashes: "388.454 - 265.474 -
# ..." (session 26, blind165 read), each group a multiple of 11 as a key's are.
_RECOVERY_KEY = re.compile(r"(?=\d)(?<![\d-])\d{6}(?P<sep>[- ])\d{6}(?:(?P=sep)\d{6}){6}(?![\d-])")
_RECOVERY_KEY_SPACED = re.compile(
    r"(?<![\d.,-])\d{3}[.,]?\d{3}(?:(?:[ ]?[-–][ ]?|[ ])\d{3}[.,]?\d{3}){7}(?![\d-]|[.,]\d)"
)
_RECOVERY_GROUP = re.compile(r"\d{3}[.,]?\d{3}")


def recovery_key_hits(text: str) -> Iterator[Hit]:
    """BitLocker recovery keys, typed or transcribed."""
    for match in _RECOVERY_KEY.finditer(text):
        yield match.start(), match.end(), "bitlocker_key"
    for match in _RECOVERY_KEY_SPACED.finditer(text):
        groups = [re.sub(r"\D", "", group) for group in _RECOVERY_GROUP.findall(match.group(0))]
        if not _RECOVERY_KEY.fullmatch(match.group(0)) and all(int(g) % 11 == 0 for g in groups):
            yield match.start(), match.end(), "bitlocker_key"
