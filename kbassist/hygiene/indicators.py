"""Values in security reports and automation code that look like secrets and are none.

Read in session 17 from blind94 (phishing reports) and blind96 (MSP tooling):

- a defanged indicator of compromise: "remetente faturacao@texteis-barce1os[.]pt";
- a Bitcoin address in a sextortion mail: it receives money and opens nothing;
- Safe Links' ``sdata=`` signature and a mail's tracking parameters;
- a reference to a secret, not its value: Terraform's
  ``data.azurerm_key_vault_secret.smtp_source.value``, an environment variable's name
  (``ANSIBLE_VAULT_PASSWORD_FILE=``), a function call (``sha1(device_uid``);
- a hash the text names as one: "dedup key as sha1(...) ... Keys: 546ab014...";
- base64 that decodes to JSON holding no secret's field (a queue message's body);
- a value retracted as something else: "pin for the dock is 0448 - ignore that, 0448 is the
  asset tag";
- an entry of a banned-password list, or a value tried against it and rejected: "custom
  banned password list ... Entries ...: Penrose, Summer2025, Homes123", "tried setting
  Penrose2025! on a test account, rejected";
- an access card's facility code: "26-bit with facility code 117"; a SIM's or a card's last
  digits: "SIM ending 4471";
- a table's cell after a result column's "pass": "| 3-pass overwrite | pass | DC-44810 |"
  (blind98's wipe certificates).
"""

from __future__ import annotations

import base64
import binascii
import json
import re

from kbassist.hygiene.regex_guard import guarded

_DEFANGED = ("[.]", "[@]", "[:]", "(.)", "[dot]")
# and Monero's (session 18): "Monedero Monero alternativo en la nota: 4t2MyCx..."
_BITCOIN = re.compile(
    r"bc1[02-9ac-hj-np-z]{25,87}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|4[1-9A-HJ-NP-Za-km-z]{94}"
)
_BITCOIN_NAMED = re.compile(
    r"(?i)bitcoin|\bbtc\b|wallet|crypto|monero|\bxmr\b|monedero|portefeuille|carteira|portafoglio"
)
_TRACKING_PARAMETER = re.compile(
    r"[?&](?:sdata|utm_[a-z]+|fbclid|gclid|mc_eid|_hsenc|_hsmi|mkt_tok)=$"
)
_REFERENCE = re.compile(r"(?:data|var|local|module)\.[\w.\[\]\"'-]+")
_ENVIRONMENT_NAME = re.compile(r"[A-Z]{2,}(?:_[A-Z]{2,})+")
_CALL = re.compile(r"[A-Za-z_]\w*\(")
_HEX_DIGEST = re.compile(r"[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}")
_HASH_NAMED = guarded(
    r"(?i)\b(?:sha-?1|sha-?256|sha-?512|md5|hash(?:es|ed)?|digest|checksum|fingerprint"
    r"|thumbprint)\b"
)
# base64 of a JSON object, alone or after its field's name ('data":"eyJ0aWNrZXQi...')
# (a vendor's token that wraps such JSON after its prefix, "glc_eyJvIjoi...", is a token)
_BASE64_JSON = re.compile(r"(?:^|(?<=[\"':=]))eyJ[A-Za-z0-9+/_-]{13,}={0,2}$")
_BANNED_LIST = re.compile(
    r"(?i)\b(?:banned|blocked|forbidden|disallowed|prohibited|verbotene?|prohibid[ao]s?|interdits?"
    r"|verboden|proibid[ao]s?|vietat[ei])\s+(?:password|passwort|kennwort|wachtwoord|contraseña"
    r"|mot\s+de\s+passe|senha|word)s?\b|\bpassword\s+(?:block|black|deny|ban)[\s-]?list"
)
_REJECTED_AFTER = re.compile(
    r"(?i)[^.\n]{0,40}\b(?:rejected|refused|abgelehnt|rechazad[ao]|refusé)"
)
_TRIED_BEFORE = re.compile(r"(?i)\b(?:tried|test(?:ed)?|probiert|getest|probad[ao]|essayé)\b")
# the last digits of a SIM or a card: "PUK for SIM ending 4471 is 48201937"
_ENDING_BEFORE = re.compile(r"(?i)\bending(?:\s+in)?[ \t]+$")
# an access card's format field: "26-bit with facility code 117"
_CARD_FORMAT_BEFORE = re.compile(r"(?i)\b(?:facility|site)\s+code[ \t]*:?[ \t]*$")
_RESULT_CELL_BEFORE = re.compile(r"(?i)\|[ \t]*(?:pass(?:ed)?|fail(?:ed)?)[ \t]*\|[ \t]*$")
_SECRET_FIELD = re.compile(r"(?i)pass|secret|token|key|auth|cred|pwd|pin")
_OTHER_THING = (
    r"(?:is|was|are)\s+(?:just\s+|only\s+)?(?:the|an?|our|its)\s+(?:[\w-]+\s+)?(?:asset\s+tag"
    r"|serial|ticket|order|model|part|extension|room|tag|invoice|reference|id|phone|number)\b"
)

_OTHER_AFTER = re.compile(rf"\s+{_OTHER_THING}", re.IGNORECASE)


def is_indicator_or_reference(text: str, start: int, end: int) -> bool:
    """Whether the value at start..end is an indicator, an address, a reference or a
    declared non-secret of the kinds above."""
    value = text[start:end]
    return (
        text.startswith(_DEFANGED, end)
        or text[max(0, start - 3) : start] in _DEFANGED
        or _bitcoin(text, start, value)
        or _TRACKING_PARAMETER.search(text, max(0, start - 12), start) is not None
        or _REFERENCE.fullmatch(value) is not None
        or _ENVIRONMENT_NAME.fullmatch(value) is not None
        or _CALL.match(value) is not None
        or (
            _HEX_DIGEST.fullmatch(value) is not None
            and _HASH_NAMED.search(text, max(0, start - 150), start) is not None
        )
        or _RESULT_CELL_BEFORE.search(text, max(0, start - 24), start) is not None
        or _CARD_FORMAT_BEFORE.search(text, max(0, start - 24), start) is not None
        or (value.isdigit() and _ENDING_BEFORE.search(text, max(0, start - 12), start) is not None)
        or _banned(text, start, end)
        or _plain_json(value)
        or _retracted(text, start, end, value)
    )


def _banned(text: str, start: int, end: int) -> bool:
    """An entry of a banned-password list named up to 300 characters before on its line, or a
    value tried as a test and rejected right after."""
    line_start = text.rfind("\n", 0, start) + 1
    if _BANNED_LIST.search(text, max(line_start, start - 300), start):
        return True
    return (
        _REJECTED_AFTER.match(text, end) is not None
        and _TRIED_BEFORE.search(text, max(line_start, start - 60), start) is not None
    )


def _bitcoin(text: str, start: int, value: str) -> bool:
    if not _BITCOIN.fullmatch(value):
        return False
    return value.startswith("bc1") or bool(_BITCOIN_NAMED.search(text, max(0, start - 80), start))


def _plain_json(value: str) -> bool:
    """A lone base64 value (not a JWT's three parts) that decodes to JSON with no secret's
    field: '{"message":{"data":"eyJ0aWNrZXRJZCI6NDgyMTMs..."}}'."""
    found = _BASE64_JSON.search(value)
    if found is None or "." in value:
        return False
    body = found.group(0)
    try:
        decoded = json.loads(base64.b64decode(body + "=" * (-len(body) % 4), validate=False))
    except (binascii.Error, ValueError):
        return False
    return isinstance(decoded, dict) and not any(_SECRET_FIELD.search(key) for key in decoded)


def _retracted(text: str, start: int, end: int, value: str) -> bool:
    """The value declared something else, here or later: "ignore that, 0448 is the asset
    tag"."""
    if len(value) > 12:
        return False
    stop = min(len(text), end + 200)
    if not (text.isascii() and value.isascii()):
        later = re.compile(rf"(?<![\w-]){re.escape(value)}\s+{_OTHER_THING}", re.IGNORECASE)
        return later.search(text, start, stop) is not None
    # ASCII: the same search without compiling a regex per value (each compiled one pushed
    # others out of the re module's cache): case-folded, the value where no word or dash
    # stands right before it, the other thing's words after it
    window, needle = text[start:stop].lower(), value.lower()
    found = window.find(needle)
    while found != -1:
        at = start + found
        before = text[at - 1] if at else " "
        if not (before.isalnum() or before in "_-") and _OTHER_AFTER.match(
            text, at + len(value), stop
        ):
            return True
        found = window.find(needle, found + 1)
    return False
