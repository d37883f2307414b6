"""Names and fields of pasted tool output that look like secrets and are none (session 16).

Long reports paste logs, headers and command output, and their identifiers have a secret's
shape: a message header's name ("X-MS-Exchange-Organization-AuthAs"), a cipher suite
("AES-256-CTS-HMAC-SHA1-96"), a DKIM signature's tags (``h=``, ``bh=``, ``b=``: published with
every message), the SMTP server's base64 prompts ("334 VXNlcm5hbWU6" is "Username:"), an
IPsec SPI, a Windows component's package name (its ``~31bf3856ad364e35~amd64~`` key token is
Microsoft's public one), an LDAP distinguished name, a key vault's path, a log field's empty
value ("tokeninfo=,"), a protocol's number ("PAP(c023)"), a Win32 error's code, an AWS access
key's ID (it names the key; the secret key is the secret), a device's display name. blind86
(long reports) and blind87 (cloud) raised each of them as a false alarm.
"""

from __future__ import annotations

import base64
import binascii
import re

from kbassist.hygiene.public_material import word_start
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.value_shapes import value_shape_ok

# A header's name: "X-MS-Exchange-Organization-SCL", "X-Forwarded-For" (letters only)
_HEADER_NAME = re.compile(r"X-[A-Za-z]+(?:-[A-Za-z]+)+")
# A cipher suite or a Kerberos encryption type: two algorithm names or more, joined by '-'/'_'
_ALGORITHM = (
    r"(?:AES\d*|HMAC|SHA\d*|CBC|GCM|CTS|CCM|RSA|ECDHE|ECDSA|DHE|DES|3DES|RC4|MD5|CHACHA20"
    r"|POLY1305|TLS|WITH|PSK|KRB5|NTLM)"
)
_ALGORITHM_PIECE = guarded(rf"(?i){_ALGORITHM}")
_PIECES = re.compile(r"[-_]")
# A DKIM or ARC signature's tag: the header list, the body hash, the signature itself
_SIGNATURE_HEADER = re.compile(r"(?i)\b(?:DKIM-Signature|ARC-Message-Signature|ARC-Seal):")
_SIGNATURE_TAG = re.compile(r"(?:^|[\s;])(?:b|bh|h)=$")
_SIGNATURE_REACH = 1200
# SMTP AUTH LOGIN's prompts, as the server sends them in base64
_SMTP_PROMPTS = frozenset({"Username:", "Password:", "username:", "password:"})
# An IPsec SPI ("SPIs: 9c41e07a2b83f5d1_i"), a log's or an event's ID, a key token in a
# Windows package's name ("Package_for_RollupFix~31bf3856ad364e35~amd64~~17763.5820.1.8")
_SPI_BEFORE = re.compile(r"(?i)\bSPIs?\W{0,3}$")
_PACKAGE = re.compile(r"(?i)~(?:amd64|x86|wow64|arm64|msil|neutral)~")
# An LDAP distinguished name's part ("paganiriva,DC=local"), a log's key with an empty value
# ("ret=0,tokeninfo=,"), a key vault's path ("kv-ngt-prod/sims-sync-secret")
_DN_OR_EMPTY = re.compile(
    r"(?i)[\w-]*,(?:dc|ou|cn|o)=[\w-]*|[\w-]*,[a-z_]+=|[a-z0-9]+(?:-[a-z0-9]+)+/[a-z0-9]+(?:-[a-z0-9]+)+"
)
# A protocol's name and number, cut at its parenthesis: "Protocol:PAP(c023)"
_PROTOCOL_NUMBER = re.compile(r"[A-Za-z]{2,8}\((?:0x)?[0-9A-Fa-f]{2,6}")
# A Win32 or event error's code: "Win32 error:The user name or password is incorrect. Code: 1326"
# (not a mistake: "son code avait été supprimé par erreur ... code 8164 donné"; session 23)
_ERROR_CODE_BEFORE = re.compile(
    r"(?i)(?<!par )(?<!by )(?<!in )\b(?:error|fehler|erreur)\b[^\n]{0,80}\bcode\W{0,3}$"
    # an installer that failed with its code: "El instalador ... fallaba con el código 1603"
    # (session 32, blind262 read)
    r"|\b(?:failed|fails|failing|crashed|exited|fallaba|fall[óo]|falhou|falhava|falliva"
    r"|fallito|[ée]chou[ée]e?|échouait|mislukte|mislukt)\s+(?:with|con|com|avec|met)\s+"
    r"(?:(?:the|el|o|le|il|de|exit|return)\s+)?(?:code|c[óo]digo|codice)\W{0,3}$"
)
# An AWS access key's ID: it names the key, like a user name (writers never label it alone;
# with its secret key after it, it is masked with the pair)
_ACCESS_KEY_ID = re.compile(r"(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}")
# A device's or a host's name in a JSON field ("displayName": "TD-TAB-GI-03")
_NAME_FIELD_BEFORE = guarded(
    r"(?i)[\"']?(?:display_?name|device_?name|host_?name|computer_?name|name)[\"']?\s*[:=]\s*[\"']?$"
)
_ASSET_NAME = re.compile(r"[A-Z0-9]{2,6}(?:-[A-Z0-9]{1,8}){2,5}")

# Not values either (session 16): a PEM block's marker ("-----BEGIN", "KEY-----\n"); the host
# after a URL's placeholder password ("postgres://USER:PASSWORD@localhost:5432/db"); a
# PowerShell parameter after a variable ("-Password $pw -Exportable:$false"); a German compound
# of an acronym and a noun ("Kennwörter der alten IMAP-Postfächer"); a name in the possessive
# ("given to Coldharbour's marketing lead"); a piece of a percent-encoded URL
_NOT_VALUES = re.compile(
    r"-{5}[A-Z ]*|[A-Z ]*-{5}(?:\\n)?"
    r"|@(?:[\w-]+\.)*(?:[\w-]+\.[a-z]{2,}|localhost)(?::\d+)?(?:/\S*)?"
    r"|-[A-Za-z]+:\$?\w+|[A-Z][A-Z0-9]{1,5}-[A-ZÄÖÜ][a-zäöüß]{3,}|[A-Z][a-z]+['’]s"
    r"|\d{1,2}:\d{2}(?:[ap]m)?,\S*"  # a time glued to the next word: "9:37am,ph_technical"
    # a protocol and its version: "NTLMv2", "SNMPv3", "SMBv1", "TLSv1.2" (session 17)
    r"|(?i:ntlm|smb|snmp|tls|ssl|ssh|ldap|wpa|ike|http|sftp|ftp|nfs|rdp|ipv)v?\d(?:\.\d)?"
    # a document management system's document ID: "LON!4471236.2" (session 17)
    r"|[A-Z]{2,8}!\d{4,10}(?:\.\d{1,3})?"
    # a device named by its brand: "het wachtwoord van de Ziggo-modem" (session 17)
    r"|[A-Z][\w]+-(?i:modem|router|box|switch|printer|laptop|server|nas|camera|tablet)"
)
# A value X-ed out at its end ("https://hooks.slack.com/services/T01.../B00.../XXXXXXXX"), a key
# block whose body is left out ("-----BEGIN PRIVATE KEY-----\n[REDACTED]\n-----END ...")
_MASKED_TAIL = re.compile(r"(?:[Xx]{8,}|\*{8,})/?$")
_KEY_RUN = re.compile(r"[A-Za-z0-9+/=]{12,}")
# a query's name and '=' inside a percent-encoded URL ("%3ftenant%3d5ae9...", "ticket%3d");
# base64's padding ("...MQ4%3D") ends a value and follows no name
_ENCODED_QUERY = re.compile(r"(?i)(?:^|%26|%3f)[a-z_]{2,}%3d(?!$)|^[a-z_]{2,}%3d$")
# A documentation placeholder for a password: "Password=myPassword;" (Microsoft's sample)
_PLACEHOLDER = re.compile(
    # (the word alone: "MyPassword1!" is someone's password)
    r"(?i)(?:my|your|some)[-_]?(?:password|passwd|pwd|pass|secret)(?=$|[;,&\s])"
    r"|not[-_]a[-_]real[-_]\w+"  # a test fixture's fallback: 'not-a-real-password' (session 16)
)
# A number and its unit: "re-auth timer is 3600 s" (session 16)
_WITH_UNIT = re.compile(
    r"[ \t]?(?:s|secs?|seconds|ms|min|mins|minutes|h|hrs|hours|days|[KMG]B|%)\b"
)
# A commit named before its hash: "(commit 6b917f39...)"
# (not an SNMPv3 user's "auth sha <passphrase>": session 18)
_COMMIT_BEFORE = re.compile(r"(?i)\b(?:commit|revision|rev|(?<!auth )sha)\W{0,3}$")
# A client secret's description, shown with its expiry: 'Client secret : "crm-sync-2024",
# expires 12/06/2025' (the value itself the portal shows once)
_DESCRIPTION_AFTER = re.compile(r"[\"']?,?[ \t]+expires[ \t]+\d")


def _decodes_to_prompt(value: str) -> bool:
    if len(value) % 4 or not value.isascii():
        return False
    try:
        return base64.b64decode(value, validate=True).decode("ascii") in _SMTP_PROMPTS
    except (binascii.Error, UnicodeDecodeError):
        return False


def _empty_block(text: str, start: int) -> bool:
    """Whether the key block opening at start holds no run of twelve key characters between
    its BEGIN and END lines ("[REDACTED]", "..."): its body was left out."""
    body_start = text.find("-----", start + 10) + 5
    body_end = text.find("-----END", body_start)
    if body_start < 5 or body_end == -1:
        return False
    body = text[body_start:body_end].replace("\\n", " ")
    return _KEY_RUN.search(body) is None


_CELL_BREAK = {separator: re.compile(rf"{separator}(?! )") for separator in (",", ";")}


def csv_fragment(text: str, start: int, end: int, ruled: bool = False) -> bool:
    """Whether a value spans cells of a CSV row ("BLP-POS1,CZC1482KQ7,HP",
    "jolmedo;Dirección;hoy"): a line with three separators or more is a row, and a cell's
    own value holds none of them (password columns are read by laid_out.csv_hits; session 16)."""
    value = text[start:end].strip(",;")
    for separator in (",", ";"):
        if _CELL_BREAK[separator].search(value):  # "a,b" is a row's cells; "a, b" prose
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line = text[line_start : len(text) if line_end == -1 else line_end]
            if line.count(separator) >= 3:
                # a rule's span over cells keeps a cell that holds a password's shape
                # ("Cruc1ble!Heat,ssl=False,..."): its own value, read past its end
                return not ruled or not any(
                    value_shape_ok(cell, "strict") and "@" not in cell
                    for cell in value.split(separator)
                )
    return False


def _is_cipher(value: str) -> bool:
    """Two algorithm names or more, and numbers: "AES-256-CTS-HMAC-SHA1-96", "TLS_AES_128"."""
    pieces = _PIECES.split(value)
    named = sum(1 for piece in pieces if _ALGORITHM_PIECE.fullmatch(piece))
    return named >= 2 and all(
        piece.isdigit() or _ALGORITHM_PIECE.fullmatch(piece) for piece in pieces
    )


def _pair_follows(text: str, end: int) -> bool:
    """Whether the secret half of a key pair follows: the ID is then masked with it. The
    word alone is not enough: "The key's secret is not in our docs" gives none (session 17)."""
    after = text[end : end + 160]
    lowered = after.lower()
    return ("secret" in lowered or "password" in lowered) and _SECRET_HALF.search(after) is not None


# the secret half itself: an AWS secret access key is 40 characters of base64
_SECRET_HALF = re.compile(r"(?=[A-Za-z0-9/+=]*\d)[A-Za-z0-9/+=]{16,}")


def _error_code(text: str, start: int) -> bool:
    return _ERROR_CODE_BEFORE.search(text, max(0, start - 120), start) is not None


def _in_signature(text: str, start: int) -> bool:
    """Whether start opens a DKIM or ARC signature's h=, bh= or b= value (or is 'b=' itself)."""
    tagged = text.startswith(("b=", "bh=", "h="), start) or bool(
        _SIGNATURE_TAG.search(text, max(0, start - 4), start)
    )
    return tagged and bool(_SIGNATURE_HEADER.search(text, max(0, start - _SIGNATURE_REACH), start))


_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")


def is_output_name(text: str, start: int, end: int) -> bool:
    """Whether the value at start..end is a name or field of pasted output, not a secret."""
    value = text[start:end]
    whole = text[word_start(text, start) : end]
    return (
        _HEADER_NAME.fullmatch(value) is not None
        or _is_cipher(value)
        or (_ACCESS_KEY_ID.fullmatch(value) is not None and not _pair_follows(text, end))
        or _DN_OR_EMPTY.fullmatch(value) is not None
        or _decodes_to_prompt(value)
        or ("~" in whole and _PACKAGE.search(whole) is not None)
        or (_PROTOCOL_NUMBER.fullmatch(value) is not None and text.startswith(")", end))
        or (value.isdigit() and _error_code(text, start))
        or _SPI_BEFORE.search(text, max(0, start - 8), start) is not None
        or (
            _ASSET_NAME.fullmatch(value) is not None
            and _NAME_FIELD_BEFORE.search(text, max(0, start - 20), start) is not None
        )
        or ("=" in text[max(0, start - 4) : start + 3] and _in_signature(text, start))
        or _NOT_VALUES.fullmatch(value) is not None
        or _ENCODED_QUERY.search(value) is not None
        or _MASKED_TAIL.search(value) is not None
        or (value.startswith("-----BEGIN") and _empty_block(text, start))
        or _PLACEHOLDER.match(value) is not None
        or (value.isdigit() and _WITH_UNIT.match(text, end) is not None)
        or (value.isalnum() and _COMMIT_BEFORE.search(text, max(0, start - 10), start) is not None)
        # a device's or a shell's prompt at a line's start: "admin@SAN01> show controllers",
        # "asterisk*CLI> pjsip show registrations" (session 33, blind298 read)
        or (
            text.startswith(">", end)
            and _LINE_START.search(text, max(0, start - 8), start) is not None
        )
        or (
            text[start - 1 : start] in "\"'"
            and _DESCRIPTION_AFTER.match(text, end) is not None
            and "secret" in text[max(0, start - 40) : start].lower()
        )
    )
