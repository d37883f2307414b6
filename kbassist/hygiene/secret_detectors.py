"""Secrets as service desks write them, in English and six other languages.

detect-secrets (:mod:`kbassist.hygiene.secret_scanner`) finds machine-shaped secrets:
vendor tokens, high-entropy strings, basic auth in URLs. What it cannot see is
how technicians write: "temp pw Summer2025!", "Kennwort zurückgesetzt auf X",
"admin / C@stle!Fgt80", "Duo bypass code 731 204 889", a door code, a BitLocker
recovery key. The keyword rules live in :mod:`kbassist.hygiene.secret_keywords`; this
module adds what a keyword table cannot express: values written before their
keyword, user / password pairs, passwords on command lines, a password-shaped
value in a sentence about a password, and shapes that need no keyword (BitLocker
keys, product keys, credentials in URLs and connection strings, PEM blocks).

Every pattern is linear (bounded repetitions, no nested unbounded quantifiers).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from kbassist.hygiene.app_passwords import app_password_hits
from kbassist.hygiene.bracketed_values import bracketed_value_hits
from kbassist.hygiene.changed_values import changed_value_hits
from kbassist.hygiene.code_lists import (
    code_list_hits,
    labelled_code_lines_hits,
    single_backup_code_hits,
)
from kbassist.hygiene.code_sentences import sentence_code_hits
from kbassist.hygiene.command_lines import command_line_hits, config_value_hits
from kbassist.hygiene.credential_pairs import pair_hits
from kbassist.hygiene.hex_keys import hex_key_hits, recovery_key_hits, spaced_key_hits
from kbassist.hygiene.keyword_scan import Hit, Token, trim
from kbassist.hygiene.laid_out import (
    aligned_table_hits,
    chat_code_hits,
    chat_typed_hits,
    csv_hits,
    mfa_code_list_hits,
    passphrase_line_hits,
    phrase_hits,
    spoken_code_hits,
    voucher_list_hits,
    wifi_key_after_colon_hits,
    wifi_key_after_comma_hits,
    wifi_key_in_prose_hits,
)
from kbassist.hygiene.new_values import new_one_hits, reversed_hits
from kbassist.hygiene.prose_codes import prose_code_hits, sentence_around
from kbassist.hygiene.public_material import LOGGED_ON_TO, NOT_A_SECRET_SHAPE
from kbassist.hygiene.quoted_rows import row_password_hits
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.secret_keywords import secret_keyword_hits
from kbassist.hygiene.secret_scanner import PUBLIC_CONTEXT as _PUBLIC_CONTEXT
from kbassist.hygiene.spelled_letters import spelled_secret_hits
from kbassist.hygiene.table_columns import table_hits
from kbassist.hygiene.value_shapes import (
    NAMED_NOT_VALUE,
    char_classes,
    is_mention,
    value_shape_ok,
)
from kbassist.hygiene.word_passphrases import word_passphrase_hits

# --- shapes that need no keyword -----------------------------------------------------------

_PRODUCT_KEY = re.compile(r"(?<![\w-])(?!XXXXX-)[A-Z0-9]{5}(?:-[A-Z0-9]{5}){4}(?![\w-])")
# A licence key of four or more groups of four, perhaps after a short product prefix
# ("EAV-3K7N-PX2Q-9RT4-HW8M"), with letters and digits mixed in most groups (session 5):
# GUIDs (8-4-4-4-12), MAC addresses and dates never look so.
_GROUPED_KEY = re.compile(r"(?<![\w-])(?:[A-Z]{2,4}-)?[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3,7}(?![\w-])")
# Software serials read out as six groups of four digits (Adobe): no device serial looks so.
_DIGIT_SERIAL = re.compile(r"(?<![\w-])\d{4}(?:-\d{4}){5}(?![\w-])")
# "Activation: serial 0563-2244-1187-9034 / activation key 5X72KP": a software serial is a
# licence where its clause speaks of activating or licensing it (session 9); a device's is not.
_ACTIVATION_SERIAL = re.compile(
    r"(?i)\bserial\W{0,3}(?P<value>\d{4}(?:-\d{4}){3,4}"
    # or groups of capitals and digits: "activated it ... with serial E3NLCZ-7H4Q2M-..." (s. 18)
    r"|(?-i:(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{5,6}(?:-[A-Z0-9]{5,6}){3,5}))(?![\w-])"
)
_ACTIVATING_CLAUSE = re.compile(r"(?i)activat|licen[cs]|registration|register|unlock")
# Each of the three keys above holds two groups of four joined by a hyphen; one search for
# that (a class first, which the regex engine scans for quickly) spares most notes all three.
_KEY_GROUPS = re.compile(r"[A-Z\d]{4}-[A-Z\d]{4}")
# "wlan schlüssel: 4482 9910 3376 0215 8841": a FRITZ!Box's Wi-Fi key is twenty digits in
# groups of four (session 11), or run together a few words on: "wlan schlüssel vom aufkleber
# abgelesen 49883424363021389289" (session 23); "Netzwerkschlüssel der FRITZ!Box" (session 29)
_DIGIT_WIFI_KEY = re.compile(
    r"(?i)\b(?:(?:wlan|wifi|wi-fi|wpa2?)[\s-]?(?:netzwerk)?|netzwerk)(?:schlüssel|key|passwor[dt]|kennwort"
    r"|sleutel|clave|clé|chave|chiave)\b[^\n\d]{0,40}?"
    r"(?P<value>\d{4}(?:[ -]\d{4}){3,4}|\d{16,20})(?![\d-])"
    # or after a colon later in the sentence naming both: "Das WLAN ... hat nur Ziffern als
    # Schlüssel, ..., ich sage sie in Zweiergruppen an: 215347678906" (session 26, blind169)
    r"|\b(?:wlan|wifi|wi-fi)\b[^\n.:]{0,80}?\b(?:schlüssel|key|sleutel|clave|clé|chave|chiave"
    r"|passwor[dt]|kennwort|wachtwoord)\b[^\n.:\d]{0,80}:[ ]?(?P<after>\d{8,63})(?![\d-])"
)
_URL_CREDENTIALS = re.compile(
    r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\s:/@<>\"']{0,100}:(?P<value>[^\s/<>\"']{1,100})"
    r"@[\w.-]{1,253}(?=[/:?#\s]|$)"
)


def _config_key(words: str, alone: bool) -> str:
    """A config key that ends in one of the words: "device.auth.localAdminPassword", "admin_pin".

    The words end a dotted, snake_case or camelCase name (session 9); ``alone``: the word may
    also be the whole key ("Password=").
    """
    prefix = r"[\w.-]{0,40}?(?:[._-]|(?<=[a-z])(?=(?-i:P)))"
    return rf"(?:^|[;\s\"'])(?:{prefix}){'?' if alone else ''}(?:{words})"


# a connection string's or a provisioning file's password: "Pwd=...", "localAdminPassword="
_CONNECTION_PASSWORD = re.compile(
    rf"(?i){_config_key('password|pwd|passwd', alone=True)}[ \t]*=[ \t]*"
    r"(?P<value>\"[^\"\n]{1,100}\"|'[^'\n]{1,100}'|\{[^}\n]{1,100}\}|[^;\s\"'<]{1,100})"
)
# "admin_pin=3344" in a config file: a key that ends in PIN holds one (session 10); a bare
# "pin:" is prose, read by the keyword rules.
_CONFIG_PIN = re.compile(
    rf"(?i){_config_key('pin|pincode|passcode', alone=False)}"
    r"[\"']?[ \t]*[=:][ \t]*[\"']?(?P<value>\d{4,8})(?![\w.-])"
)
_CONNECTION_KEY = guarded(
    r"(?i)\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig)="
    r"(?P<value>[A-Za-z0-9+/%=_-]{16,500})"
)
# An HTTP header pasted from curl or a script: Basic is base64 of "user:password".
_AUTH_HEADER = guarded(
    # or a script's dict: "'Authorization': 'Basic YnJp...'" (session 17)
    r"(?i)\b(?:proxy-)?authorization['\"]?[ \t]*:[ \t]*['\"]?(?:basic|bearer|token|digest|ntlm"
    r"|negotiate)"
    r"[ \t]+(?P<value>[A-Za-z0-9+/._~-]{8,4000}={0,2})(?!\")"  # not Digest's 'username="4001"'
)

# Vendor token formats detect-secrets does not know, recognisable without a keyword: HubSpot
# private app tokens (pat-eu1-<GUID>: the GUID alone is no secret, with its prefix it is),
# Shopify admin tokens, Atlassian API tokens (session 5).
_VENDOR_TOKEN = guarded(
    r"(?<![\w-])(?:pat-(?:na|eu|ap)\d-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}"
    r"|shp(?:at|ss|ca|pa)_[0-9a-fA-F]{32}|ATATT[A-Za-z0-9_=-]{40,}"
    r"|AIza[0-9A-Za-z_-]{35}"  # a Google API key (session 14)
    # a GitHub fine-grained token, a GitLab runner token (session 16)
    r"|github_pat_[0-9A-Za-z_]{50,}|glrt-[0-9A-Za-z_-]{20,}"
    # a Terraform Cloud token (session 25, blind160 read), a Brevo API key (session 29)
    r"|[0-9A-Za-z]{14}\.atlasv1\.[0-9A-Za-z_=-]{60,}"
    r"|xkeysib-[0-9a-f]{64}-[0-9A-Za-z]{16}|npm_[A-Za-z0-9]{36}"  # an npm token (session 36)
    r"|KEY[0-9A-F]{32}_[0-9A-Za-z]{22}"  # a Telnyx API key (session 31, blind247)
    r"|K00\d[0-9A-Za-z+/]{27}"  # a Backblaze B2 application key (blind249)
    # a Hugging Face access token; a 1Password account's Secret Key (session 32); a Vault token,
    # an Entra app's client secret ("...new one valid 12 months, vZS8Q~wyMl..."; session 33)
    r"|hf_(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{30,40}"
    r"|A3-[A-Z0-9]{6}-[A-Z0-9]{6}(?:-[A-Z0-9]{5}){4}|[\w.~-]{3}\dQ~[\w~.-]{31,36}"
    r"|hv[sbr]\.(?=[\w-]*[a-z])(?=[\w-]*[A-Z])[\w-]{24,})(?![\w-])"
)
_VENDOR_PREFIXES = (
    "pat- shp ATATT AIza github_pat_ glrt- atlasv1 xkeysib KEY K00 hf_ A3- hv Q~ npm_".split()
)

# A Google app password is sixteen lower-case letters in four groups: "'vqkd mzpw rtnb xhls'"
# after "Created an app password for scans@..." (session 9). The shape alone is a phrase of
# four short words, so the app password must be named within 200 characters before.
# (not "format xxxx xxxx xxxx xxxx", the shape written out; session 11; Apple's: with hyphens)
# Or run together, when it is no word: "[14:24] Rob: yes its kqvnzrtwhxmbplsd" (session 12)
_APP_PASSWORD = re.compile(
    r"(?<![\w@./-])(?!x{4}[ -]x{4})(?:[a-z]{4}([ -])[a-z]{4}\1[a-z]{4}\1[a-z]{4}"
    r"|[a-z]{16})(?![\w@/-]|\.\w)"  # not in a domain or a path
)
_FOUR_CONSONANTS = re.compile(r"[^aeiouy]{4}")
# WordPress's application password: six groups of four, upper and lower case and digits
# ("1RE9 U3BI x65C hQmC mFmh yc5k"; session 23)
_WP_APP_PASSWORD = re.compile(
    r"(?<![\w-])(?=[\w ]{0,28}[a-z])(?=[\w ]{0,28}[A-Z])(?=[\w ]{0,28}\d)"
    r"[A-Za-z0-9]{4}(?: [A-Za-z0-9]{4}){5}(?![\w-])"
    # and Nextcloud's, five groups of five: "N95XP-wyy4O-Fqe1m-Svb2C-UGvDy"
    r"|(?<![\w-])(?=[\w-]{0,28}[a-z])(?=[\w-]{0,28}[A-Z])(?=[\w-]{0,28}\d)"
    r"[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){4}(?![\w-])"
)
# An Azure DevOps personal access token: 52 characters of lower-case base32, named before
# ("een Azure DevOps PAT van een ex-medewerker: psrzwjlo2gqd..."; session 23)
# (or of lower-case letters and digits, not hex: "ixsoqe6xurhifoder88uirh..."; session 24)
_DEVOPS_PAT = re.compile(
    r"(?<![\w-])(?=[a-z0-9]*[0-9])(?=(?:[a-z0-9]*[g-z]){3})[a-z0-9]{52}(?![\w-])"
)
_DEVOPS_PAT_NAME = re.compile(r"(?i)\bPAT\b|personal\s+access\s+token|devops|\btoken\b")


def _drawn_letters(value: str) -> bool:
    """Sixteen letters run together that no word has: four consonants in a row, or four vowels
    at most ("qwrufcykadubytkl"; a word of sixteen letters has six or more; session 23)."""
    return bool(_FOUR_CONSONANTS.search(value)) or sum(ch in "aeiou" for ch in value) <= 4


_APP_PASSWORD_NAME = re.compile(
    r"(?i)\bapp(?:lication)?[\s-]?(?:specific\s+)?passwor[dt]|app-?wachtwoord|app-?kennwort"
    r"|contraseña\s+de\s+(?:la\s+)?aplicaci[óo]n|mot\s+de\s+passe\s+d'application"
    r"|senha\s+de\s+app|password\s+(?:per\s+le\s+|dell')?app"
    r"|palavra-passe\s+de\s+aplica[çc][ãa]o"
)


def _shape_hits(text: str, lowered: str) -> Iterator[Hit]:
    """BitLocker and product keys, credentials in URLs, connection strings and HTTP headers."""
    yield from recovery_key_hits(text)
    if "w" in lowered:
        for match in _DIGIT_WIFI_KEY.finditer(text):
            yield match.span("value" if match.group("value") else "after") + ("wifi_key",)
    if "app" in lowered or "aplica" in lowered:
        for match in [*_APP_PASSWORD.finditer(text), *_WP_APP_PASSWORD.finditer(text)]:
            if match.re is _APP_PASSWORD and match.group(1) is None:
                if not _drawn_letters(match.group(0)):
                    continue
            if _APP_PASSWORD_NAME.search(text, max(0, match.start() - 200), match.start()):
                yield match.start(), match.end(), "password"
    for match in _DEVOPS_PAT.finditer(text) if len(text) >= 52 else ():
        if _DEVOPS_PAT_NAME.search(text, max(0, match.start() - 120), match.start()):
            yield match.start(), match.end(), "token"
    if any(prefix in text for prefix in _VENDOR_PREFIXES):
        for match in _VENDOR_TOKEN.finditer(text):
            yield (
                match.start(),
                match.end(),
                "api_key" if text.startswith("AIza", match.start()) else "token",
            )
    if "-" in text and _KEY_GROUPS.search(text):
        for match in _PRODUCT_KEY.finditer(text):
            key = match.group(0)
            if any(ch.isdigit() for ch in key) and any(ch.isalpha() for ch in key):
                yield match.start(), match.end(), "licence_key"
        for match in _DIGIT_SERIAL.finditer(text):
            yield match.start(), match.end(), "licence_key"
        for match in _ACTIVATION_SERIAL.finditer(text):
            start, end = sentence_around(text, match.start())
            if _ACTIVATING_CLAUSE.search(text, start, end):
                yield match.start("value"), match.end("value"), "licence_key"
        for match in _GROUPED_KEY.finditer(text):
            groups = [group for group in match.group(0).split("-") if len(group) == 4]
            mixed = sum(1 for g in groups if re.search(r"\d", g) and re.search(r"[A-Z]", g))
            if mixed >= 3 and mixed * 2 >= len(groups):
                yield match.start(), match.end(), "licence_key"
    if "://" in text:
        for match in _URL_CREDENTIALS.finditer(text):
            value = match.group("value")
            if not is_mention(value) and value.lower() not in {"password", "pass", "pwd"}:
                yield match.start("value"), match.end("value"), "url_credentials"
    if "=" in text:
        for match in _CONNECTION_PASSWORD.finditer(text):
            raw = match.group("value")
            token = trim(Token(match.start("value"), match.end("value"), raw.strip("{}")))
            if raw[:1] == "{":
                token = Token(token.start + 1, token.end + 1, token.text)
            if len(token.text) >= 3 and not is_mention(token.text):
                yield token.start, token.end, "connection_string"
        for match in _CONNECTION_KEY.finditer(text):
            yield match.start("value"), match.end("value"), "connection_string"
    if "pin" in lowered or "passcode" in lowered:
        for match in _CONFIG_PIN.finditer(text):
            if len(set(match.group("value"))) > 1:
                yield match.start("value"), match.end("value"), "pin"
    if "authorization" in lowered:
        for match in _AUTH_HEADER.finditer(text):
            value = match.group("value")  # prose ("Basic authentication") is one case
            if char_classes(value) >= 2 and not is_mention(value):
                yield match.start("value"), match.end("value"), "token"


# --- secrets carried in a URL ----------------------------------------------------------------

_URL = re.compile(r"\b(?:https?|wss?)://[^\s<>\"'`]{4,2000}")
_URL_SECRET_PARAM = re.compile(
    r"(?i)[?&;](?:key|api[_-]?key|apikey|token|access[_-]?token|auth|secret|client[_-]?secret"
    r"|password|passwd|pwd|pass|sig|signature|code)=(?P<value>[^&#\s]{6,500})"
)
_URL_SEGMENT = re.compile(r"/(?P<value>[A-Za-z0-9_-]{20,200})(?=[/?#]|$)")
# An Uptime Kuma push URL or a healthchecks ping URL: the path's token lets anyone post a
# status ("https://rmm.example/api/push/Kq7Vb2Rz9Mx4?status=up", session 12)
_GUID_SEGMENT = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_PUSH_SEGMENT = re.compile(r"/(?:api/push|ping)/(?P<value>[A-Za-z0-9_-]{8,64})(?=[/?#]|$)")
_URL_SECRET_WORDS = re.compile(  # an account's reset or activation link too (session 19)
    r"(?i)hook|token|key|secret|signature|sig\b|webhook|reset|activat|welcome|invit|magic"
)
# A Teams or Discord incoming webhook is its own credential, whole: anyone holding the URL
# can post (session 9).
_WEBHOOK_URL = re.compile(
    r"(?i)\bhttps://(?:[\w-]+\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com"
    r"/webhook|(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks)/[^\s<>\"'`]+?"
    r"(?=[.,;:)\]]?(?:\s|$))"
)

# A one-time secret-sharing link carries its key: whoever holds it reads the password
# (Bitwarden Send, 1Password, Password Pusher, One-Time Secret, Privnote, Yopass; session 10).
_SHARE_LINK = guarded(
    r"(?i)\bhttps://(?:send\.bitwarden\.com/#|vault\.bitwarden\.\w+/#/send/|share\.1password"
    r"\.com/s#|(?:[\w-]+\.)?pwpush\.com/(?:\w\w/)?p/|(?:[\w-]+\.)?onetimesecret\.com/secret/"
    r"|privnote\.com/|yopass\.se/#/)[\w./#=+-]*[\w=]{8}[^\s<>\"'`]*?(?=[.,;:)\]]?(?:\s|$))"
)


def _url_token_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Keys in URLs: ``?api_key=...``, ``&sig=...``, a webhook's token path segment."""
    if "://" not in text:
        return
    if "webhook" in lowered:
        for match in _WEBHOOK_URL.finditer(text):
            yield match.start(), match.end(), "token"
    for match in _SHARE_LINK.finditer(text):
        yield match.start(), match.end(), "share_link"
    for url in _URL.finditer(text):
        for match in _URL_SECRET_PARAM.finditer(url.group(0)):
            value = match.group("value")
            if not is_mention(value) and value.lower() not in {"password", "token", "secret"}:
                start = url.start() + match.start("value")
                yield start, start + len(value), "token"
        for match in _PUSH_SEGMENT.finditer(url.group(0)):
            if char_classes(match.group("value")) >= 2 and re.search(r"\d", match.group("value")):
                yield url.start() + match.start("value"), url.start() + match.end("value"), "token"
        context = text[max(0, url.start() - 80) : url.end()]
        if not _URL_SECRET_WORDS.search(context):
            continue
        for match in _URL_SEGMENT.finditer(url.group(0)):
            value = match.group("value")
            if _GUID_SEGMENT.fullmatch(value):
                continue  # an app's or a tenant's ID in a CDN path (session 16)
            if char_classes(value) >= 3 and sum(ch.isdigit() for ch in value) >= 3:
                if not _mostly_words(value):
                    start = url.start() + match.start("value")
                    yield start, start + len(value), "token"


# --- a password-shaped value in a sentence about a password -------------------------------

_PASSWORD_TOPIC = re.compile(
    # Every word below starts with one of these letters. Said first, they let the regex
    # engine skip to the next such letter instead of trying every word at every position
    # (four times faster on notes); the words still decide what matches.
    r"(?i)(?=[pkcmwsla])"
    r"(?:pass(?:wor[dt]|wd|phrase|code)|pwd|\bpw\b|\bp/w\b|kennw|contrase|mot\s+de\s+passe|mdp"
    r"|wachtw|senha|\blaps\b|admpwd|credential|\bcreds?\b|\blog-?in\b|\bsign-?in\b"
    r"|\b(?:local\s+)?admin\b)"
)
_CANDIDATE = re.compile(r"[^\s\"'<>()\[\]{}]{8,64}")
_KEY_COMBO = re.compile(r"(?i)^(?:ctrl|alt|shift|win|cmd|fn|strg|altgr)\+")


_ENTITIES = re.compile(r"^(?:&#?\w{1,8};)+|(?:&#?\w{1,8};)+$")


def _without_entities(token: Token) -> Token:
    """The token without HTML entities left around it by the PSA (&quot;AADSTS53003&quot;)."""
    text = token.text
    if "&" not in text:
        return token
    lead = len(text) - len(re.sub(r"^(?:&#?\w{1,8};)+", "", text))
    rest = _ENTITIES.sub("", text)
    return trim(Token(token.start + lead, token.start + lead + len(rest), rest))


def _mostly_words(value: str) -> bool:
    """Words run together ("MicrosoftEdgeWebView2Runtime") rather than a chosen secret."""
    return sum(len(word) for word in re.findall(r"[A-Z]?[a-z]{3,}", value)) >= 0.7 * len(value)


# "reset Bea's VPN password, told her by phone ... for the record it's Hexagon-Chalk-31": the
# value given "for the record" a sentence or two after the password (session 11)
_FOR_THE_RECORD = re.compile(
    r"(?i)\bfor\s+the\s+record,?\s+(?:it'?s|it\s+is|it\s+was|the\s+new\s+one\s+is)\s+"
    r"(?P<value>[^\s,;()]{6,64})"
)


def _for_the_record_hits(text: str, lowered: str) -> Iterator[Hit]:
    if "for the record" not in lowered:
        return
    for match in _FOR_THE_RECORD.finditer(text):
        token = trim(Token(match.start("value"), match.end("value"), match.group("value")))
        named = _PASSWORD_TOPIC.search(text, max(0, match.start() - 200), match.start())
        if named and value_shape_ok(token.text, "medium"):
            yield token.start, token.end, "password"


def _topic_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A strong password-shaped value anywhere in a sentence that talks about a password.

    "Get-LapsADPassword ... gave 7vQ!m2Lr#9KpXa", "changed from Winter2023! to a new one":
    the value needs letters, digits and a symbol, so words, host names and paths never count.
    """
    scanned_to = 0
    for topic in _PASSWORD_TOPIC.finditer(text):
        start, end = sentence_around(text, topic.start())
        start = max(start, scanned_to)
        if start >= end:
            continue
        scanned_to = end
        for match in _CANDIDATE.finditer(text, start, end):
            word = match.group(0)
            if not (_DIGIT.search(word) and _SYMBOL.search(word)):
                continue  # the cheap test first: most words have neither
            token = _without_entities(trim(Token(match.start(), match.end(), word)))
            value = token.text
            if any(mark in value for mark in ("\\", "/", "@", ":", "=")):
                continue  # paths, "HTTP/1.1", addresses, "Office16_Data:SSPI", "key=value"
            if _KEY_COMBO.match(value) or _mostly_words(value):
                continue
            if _PASSWORD_TOPIC.search(value) and not any(ch.isdigit() for ch in value):
                continue
            if value_shape_ok(value, "strong"):
                yield token.start, token.end, "password"


_DIGIT = re.compile(r"\d")
_SYMBOL = re.compile(r"[^\w.-]")

# --- a chosen word and number in a sentence about an account ------------------------------

# What an account sentence says besides "password": a reset, an unlock, a first logon.
_ACCOUNT_TOPIC = guarded(
    r"(?i)\b(?:reset|unlock(?:ed)?|log(?:ged|s)?[\s-]?(?:in|on)\s+with|sign(?:ed|s)?[\s-]?in\s+with"
    r"|(?:first|next)\s+log-?(?:in|on)|must\s+change|change\s+(?:it\s+)?at\s+(?:next\s+)?log"
    r"|one-?off|zurückgesetzt|restablec\w+|réinitialis\w+|gereset|redefinid\w+|reimpostat\w+"
    # a user locked out by what she typed: "ive typed Chainsaw4321 like 10 times and now its
    # locked" (session 9)
    r"|(?:locked(?:\s+out)?|gesperrt|bloquead[oa]|bloqu[ée]e?|geblokkeerd|bloccat[oa]|get\s+in)\b)"
)
# Welcome123, Chelsea2019, Lemon-Tree-19, Xero-Books-77: a word (or words) and a number, the
# way people choose passwords; the number never zero-padded like a host's (Kiosk-03).
_CHOSEN = re.compile(
    r"(?<![\w@./\\#-])(?P<value>[A-Z][a-z]{2,14}-?[1-9]\d{1,3}[!@#$%^&*?]{0,2}"
    r"|[a-z]{3,14}[1-9]\d{2,3}[!@#$%^&*?]{0,2}"
    r"|[A-Za-z][a-z]{1,14}(?:[-_.][A-Za-z][a-z]{1,14}){1,4}[-_.]?[1-9]\d{0,3}[!@#$%^&*?]{0,2})"
    r"(?![\w@/\\-]|\.\w)"
)
# Names that carry a version or a number without being chosen: Server2019, Office365, Room12.
_NUMBERED_NAMES = frozenset(
    """
    windows win server office exchange outlook sql visio project ubuntu debian centos rhel
    android ios macos ipados galaxy pixel surface iphone ipad latitude optiplex thinkpad excel word
    elitebook probook precision xps esxi vsphere vcenter sage quickbooks acrobat reader chrome
    firefox edge java python net dotnet intel model type gen version build release update patch
    firmware bios driver room floor level vlan port line ticket case order invoice job batch
    part rack slot unit desk site building laptop printer kiosk team group phase step day week
    month year page section item table figure chapter policy rule site store branch ward bed agent
    """.split()
)


# a workstation's name in lower case: "account locked (ws-eng-12, 3 bad attempts" (session 31)
_HOST_NAME = re.compile(r"(?:ws|pc|srv|nb|lt|dc|sw|fw|vm|rds|fs|nas|wks|dt|host|prn)-[a-z0-9-]+")


def _chosen_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A word and a number ("Welcome123") in a sentence about a password, reset or logon."""
    for match in _CHOSEN.finditer(text):
        value = match.group("value")
        words = re.findall(r"[a-z]+", value.lower())
        if any(word in _NUMBERED_NAMES for word in words) or _PASSWORD_TOPIC.fullmatch(words[0]):
            continue
        if (
            NOT_A_SECRET_SHAPE.fullmatch(value)
            or LOGGED_ON_TO.search(text, max(0, match.start() - 30), match.start())
            or _HOST_NAME.fullmatch(value)
        ):
            continue  # "logged on to ws-acc-14": a machine's name (session 11); a bucket's (30)
        start, end = sentence_around(text, match.start())
        if _PASSWORD_TOPIC.search(text, start, end) or _ACCOUNT_TOPIC.search(text, start, end):
            yield match.start("value"), match.end("value"), "password"


# --- a password by its shape alone -----------------------------------------------------------

_STRONG_SYMBOL = re.compile(r"[!@#$%^&*?~+]")
_CHOSEN_SYMBOL = re.compile(r"[!@#$%^&*?]")
_NOT_PASSWORD = re.compile(
    r"""(?x)^(?:
        [#%~+].*                      # a reference, a syslog mnemonic, an approximation
      | .*\*{3}.*                     # a masked value: sk-****a9F2 (session 9)
      | \d+(?:\.\d+){1,3}[+-][\w.]+     # a build with its commit: 2026.11.3+a7c91e2
      | [A-Z]{1,4}-[\w.-]*\#\d+        # a part or order number: ZL-80x50-#7782
      | [A-Za-z]{1,5}\#\d+            # T#20931, PO#4411: a numbered reference
      | [A-Z0-9]{5,10}\#[A-Z0-9]{3}    # 6N6E9AA#ABU: a vendor part with its region option
      | [A-Za-z]{1,6}\+.*              # Shift+F10, Ctrl+Alt+Del, Win+R
      | .*[/\\:=].*                  # paths, URLs, ratios, key=value
      | [^@]+@[\w-]+\.[\w.-]+          # an e-mail address
      | [a-z_][\w.-]{2,31}@[a-z][a-z-]*\d{0,3}  # a login at a host: deploy@web02
      | [a-z_][\w.-]{2,31}@[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+  # or at a host in capitals: CHK-WEB01
      | .*&(?:nbsp|amp|quot|apos|lt|gt|\#\d{1,6});?.*  # an HTML entity
    )$"""
)


def _password_shaped(value: str) -> bool:
    """Letters, digits and a symbol in one token, the way passwords are made: C@stle!Fgt80.

    Needs 8 or more characters with upper and lower case, or a symbol from !@#$%^&*?~+
    inside the value with at least two letters and a digit; words run together, key
    combinations, references and paths are left out.
    """
    # A question mark at the end is the question's ("w3wp.exe? No - MsMpEng.exe"), not the
    # password's (session 5): "!" stays, passwords end with it.
    value = value.rstrip("?") if value.endswith("?") else value
    if not 6 <= len(value) <= 40 or not _STRONG_SYMBOL.search(value[1:]):
        return False
    letters = sum(ch.isalpha() for ch in value)
    digits = sum(ch.isdigit() for ch in value)
    if letters < 2 or digits < 1 or _NOT_PASSWORD.match(value) or NAMED_NOT_VALUE.match(value):
        return False  # "HLX-FS02$", "wsus-*.log": a machine account, a file (session 14)
    if _mostly_words(value) and not _CHOSEN_SYMBOL.search(value):
        return False  # words run together; "Read3r!Sage" is chosen, "Office365+Teams" is not
    return len(value) >= 8 or char_classes(value) == 4


def _strong_token_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A token shaped like a chosen password, wherever it stands ("gave him Qz8#Lm2!Rw6vTn")."""
    for match in _CANDIDATE_ANY.finditer(text):
        word = match.group(0)
        if not (_DIGIT.search(word) and _STRONG_SYMBOL.search(word.rstrip(",.;:").rstrip("+"))):
            continue  # a trailing "+" names a model or a product: RB4011iGS+, Notepad++, Gen10+
        token = _without_entities(trim(Token(match.start(), match.end(), word)))
        if token.text.endswith("@") and (
            text[token.start - 1 : token.start] == "<"
            or _MAILBOX_BEFORE.search(text, max(0, token.start - 20), token.start)
        ):
            continue  # a message ID "<2026...@...>" (session 12), a mailbox "account boardroom2@"
        if _PUBLIC_CONTEXT.search(text, max(0, token.start - 60), token.start):
            continue  # "public key Zfupn0...+1Kild": a WireGuard peer's public key
        line_start = text.rfind("\n", 0, token.start) + 1
        if NOT_A_SECRET_SHAPE.fullmatch(token.text) or _SSH_KEY_LINE.match(text, line_start):
            continue  # "ssh-ed25519 AAAA... priva-support@2025": a public key's comment
        if token.text[-1] in "#>" and not text[line_start : token.start].strip():
            continue  # a switch's prompt: "TPL-SW1# show mac address-table" (session 9)
        if _password_shaped(token.text):
            yield token.start, token.end, "password"


_CANDIDATE_ANY = re.compile(r"[^\s\"'<>()\[\]{}]{6,64}")
_MAILBOX_BEFORE = re.compile(r"(?i)\b(?:account|mailbox|mbx|upn|user)\W{0,3}$")  # (session 30)
_SSH_KEY_LINE = re.compile(r"[ \t]*(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-\S+)[ \t]+AAAA")


# --- key blocks ----------------------------------------------------------------------------

_BLOCK_BEGIN = re.compile(
    r"-----BEGIN (?P<label>[A-Za-z0-9 ]{0,40}?(?:PRIVATE KEY(?: BLOCK)?|Static key V\d))-----",
    re.IGNORECASE,
)
_BLOCK_END = re.compile(
    r"-----END [A-Za-z0-9 ]{0,40}?(?:PRIVATE KEY(?: BLOCK)?|Static key V\d)-----", re.IGNORECASE
)
# The key body when the END line is missing: base64 or hex runs, on the same line or below.
_BLOCK_BODY = re.compile(r"(?:(?:\r?\n|[ \t]{1,4})[A-Za-z0-9+/=:-]{8,200}(?=\s|\Z)){0,50000}")
MAX_KEY_CHARS = 20_000


def _key_block_hits(text: str, lowered: str) -> Iterator[Hit]:
    """PEM private keys and OpenVPN static keys, from the BEGIN line to the END line."""
    if "-----begin" not in lowered:
        return
    # END lines are found once, so a header pasted many times without END stays linear.
    ends = [(m.start(), m.end()) for m in _BLOCK_END.finditer(text)]
    starts = [start for start, _ in ends]
    position = 0
    while match := _BLOCK_BEGIN.search(text, position):
        index = bisect.bisect_left(starts, match.end())
        if index < len(ends) and ends[index][0] - match.end() <= MAX_KEY_CHARS:
            end = ends[index][1]
        else:
            body = _BLOCK_BODY.match(text, match.end())
            end = body.end() if body else match.end()
        kind = "openvpn_key" if "static" in match.group("label").lower() else "private_key"
        yield match.start(), end, kind
        position = max(end, match.end())


# --- Wi-Fi name and key written as a pair ----------------------------------------------------

_WIFI_PAIR = re.compile(
    r"(?i)(?=[wsnr])"  # the first letters of the words below: see _PASSWORD_TOPIC
    # (a network in the other languages, its key "with" it: "Neues Netz MED-GERAETE mit Schlüssel
    # CqQQopyZRG1teRwlN eingetragen"; session 32, blind269 read)
    r"\b(?:wi-?fi|wlan|ssid|wireless|network|netz|netzwerk|netwerk|réseau|rete|rede)\b[ \t]*"
    r"[:=]?[ \t]*(?:ssid[ \t]*[:=]?[ \t]*)?"
    r"(?P<ssid>[\w.-]{2,32})[ \t]*(?:/|\||,?[ \t]+(?:(?:mit|with|met|con|avec|com)[ \t]+)?"
    r"(?:key|pw|pwd|pass(?:word)?|psk|passphrase"
    r"|schlüssel|passwort|kennwort|clave|clé|sleutel|senha|chiave)[ \t]*(?:[:=]|is)?)[ \t]*"
    r"(?P<value>[^\s\"'<>`]{8,63})"
)


_WIFI_PAIR_HINTS = ("wi", "wlan", "ssid", "network", "netz", "netwerk", "réseau", "rete", "rede")


def _wifi_pair_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A network and its key: "Guest wifi: ACME-Guest / Visitors2025", "SSID X, key: Y"."""
    if not any(hint in lowered for hint in _WIFI_PAIR_HINTS):
        return
    for match in _WIFI_PAIR.finditer(text):
        token = trim(Token(match.start("value"), match.end("value"), match.group("value")))
        if not is_mention(match.group("ssid")) and value_shape_ok(token.text, "medium"):
            yield token.start, token.end, "wifi_key"


DETECTORS: tuple[Callable[[str, str], Iterator[Hit]], ...] = (
    _key_block_hits,
    _wifi_pair_hits,
    _shape_hits,
    _url_token_hits,
    prose_code_hits,
    labelled_code_lines_hits,
    voucher_list_hits,
    secret_keyword_hits,
    reversed_hits,
    pair_hits,
    command_line_hits,
    config_value_hits,
    _topic_hits,
    _for_the_record_hits,
    _chosen_hits,
    _strong_token_hits,
    code_list_hits,
    single_backup_code_hits,
    table_hits,
    csv_hits,
    row_password_hits,
    phrase_hits,
    aligned_table_hits,
    passphrase_line_hits,
    mfa_code_list_hits,
    wifi_key_after_colon_hits,
    wifi_key_after_comma_hits,
    wifi_key_in_prose_hits,
    spaced_key_hits,
    hex_key_hits,
    word_passphrase_hits,
    new_one_hits,
    changed_value_hits,
    app_password_hits,
    bracketed_value_hits,
    sentence_code_hits,
    spelled_secret_hits,
    chat_code_hits,
    chat_typed_hits,
    spoken_code_hits,
)


def secret_hits(text: str, lowered: str | None = None) -> list[Hit]:
    """Every secret value the MSP detectors find, unsorted and possibly overlapping."""
    lowered = text.lower() if lowered is None else lowered
    return [hit for detector in DETECTORS for hit in detector(text, lowered)]
