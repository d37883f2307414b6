"""Passwords passed to commands: ``sqlcmd -P X``, ``--password=X``, ``net use /user:x X``,
``net user name X``, ``mysql -pX``, ``ConvertTo-SecureString 'X'``, ``redis-cli -a X``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit, Token, trim
from kbassist.hygiene.regex_guard import guarded
from kbassist.hygiene.value_shapes import is_mention, value_shape_ok

_CLI_FLAG = re.compile(
    r"(?=[-/])"  # a flag starts with either: see secret_detectors._PASSWORD_TOPIC
    r"(?<![\w-])(?P<flag>-{1,2}(?:p|P|pw|pwd|pass|passwd|password|Password|AccountPassword"
    r"|passphrase|secret|token|Token|apikey|api-key"
    # a product's own password flag: "-vncpw X", "--db-pass X", "-adminpassword X" (session 15)
    r"|(?!(?:by|com|sur|tres)pass)(?-i:[a-z][a-z-]{1,12})(?:pw|pwd|pass|passwd|password))"
    r"|/(?:p|pw|pass|password))"
    r"(?:[ \t]+|[=:])(?!-)(?P<value>\"[^\"\n]{1,100}\"|'[^'\n]{1,100}'|[^\s\"'<>()]{1,100})"
)
_SECURE_STRING = re.compile(
    r"(?i)ConvertTo-SecureString[ \t]+(?:-String[ \t]+)?"
    r"(?P<value>\"[^\"\n]{1,100}\"|'[^'\n]{1,100}')"
)
_NET_USE = re.compile(r"(?i)/user:[^\s/]{1,100}[ \t]+(?P<value>[^\s/\"'<>]{3,100})")
# "net use Y: \\NAS\backup 8rndS5-2kfTd /user:NAS\backup": the password after the share,
# before the user (session 24, blind152 read)
_NET_USE_SHARE = re.compile(
    r"(?i)\bnet\s+use\s+(?:[a-z]:\s+|\*\s+)?\\\\[^\s]+[ \t]+(?P<value>[^\s/\"'<>*]{3,100})"
    r"(?=[ \t]+/user:)"
)
# "lftp -u paie_dupuis,of5Rwv@m0K5a sftp://...": lftp's user and password after a comma;
# "echo 8eab... > /etc/zabbix/agent.psk": a key written into its file (session 24)
_LFTP_USER = re.compile(
    r"\blftp\b[^\n|;]{0,80}?(?<![\w-])-u[ \t]+[^\s,]{1,64},(?P<value>[^\s\"'<>]{3,100})"
)
_ECHO_INTO_KEY = re.compile(
    r"\becho[ \t]+(?P<value>\"[^\"\n]{6,200}\"|'[^'\n]{6,200}'|[^\s\"'<>|]{6,200})[ \t]*>>?[ \t]*"
    # (or a password file: "echo '...' > /volume1/scripts/.rsync_pass"; session 31, blind242)
    r"\S*(?:\.psk|\.key|secret|token|passw(?:or)?d|pass\b|_pass|\.pass|pwd|cred)\S*"
)
# "net user svc_backup Pa55-Vault-91 /add": the password after the account's name.
_NET_USER = re.compile(r"(?i)\bnet\s+user\s+[^\s/]{1,64}[ \t]+(?P<value>[^\s/*\"'<>]{3,100})")
# An SQL account's password in its statement: "ALTER USER 'root'@'localhost' IDENTIFIED BY
# 'HuKf...'", "CREATE LOGIN app WITH PASSWORD = 'x'", "ALTER ROLE app WITH PASSWORD 'x'"
# (session 37, blind374 read)
_SQL_PASSWORD = guarded(
    r"(?i)\b(?:identified\s+(?:with\s+\w+\s+)?by(?:\s+password)?|with\s+(?:login\s+)?password"
    r"(?:\s*=)?|\bpassword\s*=(?=\s*'))\s*'(?P<value>[^'\n]{4,128})'"
)
# "redis-cli -h 10.8.1.20 -a 'Kq8v...'": redis-cli's -a is its password (session 7).
# redis.conf's "requirepass X" and "masterauth X" too (session 12)
_REDIS_AUTH = guarded(
    r"(?:\bredis-cli\b[^\n|;]{0,120}?(?<![\w-])(?:-a|--pass|--askpass)"
    r"|(?i:\b(?:requirepass|masterauth)))[ \t]+"
    r"(?P<value>\"[^\"\n]{1,100}\"|'[^'\n]{1,100}'|[^\s\"'<>()|]{1,100})"
)
# "snmpwalk -v2c -c gskt-ro-44x 10.12.0.2": the net-snmp tools' -c is the community (-A and
# -X SNMPv3's passphrases); the defaults public and private open nothing a reader does not
# know (session 10).
_SNMP_COMMAND = guarded(
    r"\bsnmp(?:walk|get|getnext|bulkwalk|bulkget|set|table|trap|netstat|df|status)\b[^\n|;]{0,200}"
)
_SNMP_COMMUNITY = re.compile(
    r"(?<![\w-])-[cAX][ \t]*(?P<value>\"[^\"\n]{1,64}\"|'[^'\n]{1,64}'|[^\s\"'<>()|]{1,64})"
)
# "+ snmp-server community public-bees RO": Cisco's and HP's config line names the community
# next, whatever its shape, before its access or view (session 11).
_SNMP_SERVER = re.compile(
    r"(?im)\bsnmp-server[ \t]+community[ \t]+(?P<value>[^\s\"'<>]{1,64})"
    r"(?=[ \t]+(?:ro|rw|view|\d+)\b|[ \t]*$)"
)
# In prose, the community changed "to" its value: "Changed the read-only community on all six
# HPE switches and in PRTG to emberth6noc" (session 31, blind250 read)
_COMMUNITY_SET_TO = guarded(
    r"(?i)\b(?:changed|set|updated|reset|rotated)\s+(?:the\s+)?(?:snmp\s+)?(?:(?:read-only|read-write"
    r"|ro|rw)\s+)?community(?:\s+string)?\b[^.\n]{0,60}?\bto\s+"
    r"(?P<value>[^\s\"'<>(),;]{4,64}?)[.,;)]?(?=\s|$)"
)
# "snmp-server user monitor MONGRP v3 auth sha Ms7pQ2... priv aes 128 Jd3nR8...": an SNMPv3
# user's two passphrases in clear (not after "encrypted": those are localised keys; session 18)
_SNMP_USER = re.compile(
    r"(?im)\bsnmp-server[ \t]+user[ \t]+\S+[ \t]+\S+[ \t]+v3[ \t]+auth[ \t]+(?:md5|sha\S*)[ \t]+"
    r"(?P<value>[^\s\"'<>]{4,64})(?:[ \t]+priv[ \t]+(?:des|3des|aes(?:[ \t]+\d+)?)[ \t]+"
    r"(?P<priv>[^\s\"'<>]{4,64}))?"
)
# mysql -uroot -pS3cret!: the password glued to its switch; quoted too: "7z a -tzip -mem=AES256
# -p'Orchard.saddle.3494' certs.zip" (session 31, blind242 read)
_GLUED_P = guarded(
    r"(?<![\w-])-p(?:(?P<value>[^\s\"'<>()]{4,100})|(?P<q>['\"])(?P<quoted>[^'\"\n]{4,100})(?P=q))"
)


def command_line_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Passwords passed to commands: sqlcmd -P X, --password=X, net use /user:x X."""
    if "-" in text or "/" in text:
        for match in _CLI_FLAG.finditer(text):
            raw = match.group("value")
            quoted = raw[:1] in "\"'" and raw[-1:] == raw[:1] and len(raw) > 2
            token = trim(Token(match.start("value"), match.end("value"), raw))
            if token.text.startswith("-") or token.text.startswith("$"):
                continue
            flag = match.group("flag").lstrip("-/").lower()
            kind = "token" if flag in {"token", "apikey", "api-key", "secret"} else "password"
            # (or drawn letters joined by "_": "sqlcmd ... -P lrezeSNPi_tozvSQe"; session 35)
            joined = token.text.replace("_", "")
            if value_shape_ok(token.text, "medium", quoted) or (
                joined != token.text and value_shape_ok(joined, "medium", quoted)
            ):
                yield token.start, token.end, kind
    if "securestring" in lowered:
        for match in _SECURE_STRING.finditer(text):
            if not is_mention(match.group("value")[1:-1]):  # '<password>' is a placeholder
                yield match.start("value") + 1, match.end("value") - 1, "password"
    if " -p" in text:
        for match in _GLUED_P.finditer(text):
            group = "value" if match.group("value") else "quoted"
            value = match.group(group)
            sql = any(word in lowered for word in ("mysql", "mariadb", "mysqldump"))
            level = "medium" if group == "quoted" else "strict" if sql else "strong"
            if not is_mention(value) and value_shape_ok(value, level, group == "quoted"):
                yield match.start(group), match.end(group), "password"
    if "redis-cli" in lowered or "requirepass" in lowered or "masterauth" in lowered:
        for match in _REDIS_AUTH.finditer(text):
            token = trim(Token(match.start("value"), match.end("value"), match.group("value")))
            quoted = match.group("value")[:1] in "\"'"
            if value_shape_ok(token.text, "medium", quoted):
                yield token.start, token.end, "password"
    if "snmp" in lowered:
        found = [
            match
            for command in _SNMP_COMMAND.finditer(text)
            for match in _SNMP_COMMUNITY.finditer(text, command.start(), command.end())
        ]
        for match in [*found, *_SNMP_SERVER.finditer(text)]:
            value = match.group("value")
            token = trim(Token(match.start("value"), match.end("value"), value))
            if token.text.lower() not in ("public", "private") and not is_mention(token.text):
                yield token.start, token.end, "snmp_community"
        for match in _COMMUNITY_SET_TO.finditer(text):
            value = match.group("value")
            if value.lower() not in ("public", "private") and value_shape_ok(value, "medium"):
                yield match.start("value"), match.end("value"), "snmp_community"
        for match in _SNMP_USER.finditer(text):
            for group in ("value", "priv"):
                if match.group(group) and not is_mention(match.group(group)):
                    yield match.start(group), match.end(group), "password"
    if "net user" in lowered:
        yield from _shaped_values(_NET_USER, text)
    if "identified" in lowered or "password" in lowered:
        yield from _shaped_values(_SQL_PASSWORD, text)
    if "/user:" in lowered:
        for match in _NET_USE.finditer(text):
            token = trim(Token(match.start("value"), match.end("value"), match.group("value")))
            if value_shape_ok(token.text, "medium"):
                yield token.start, token.end, "password"
    if "net use" in lowered:
        yield from _shaped_values(_NET_USE_SHARE, text)
    if "lftp" in lowered:
        yield from _shaped_values(_LFTP_USER, text)
    if "echo" in lowered:
        for match in _ECHO_INTO_KEY.finditer(text):
            token = trim(Token(match.start("value"), match.end("value"), match.group("value")))
            if not is_mention(token.text) and not token.text.startswith("$"):
                yield token.start, token.end, "secret"
    if "sasl_passwd" in lowered or ".pgpass" in lowered:
        yield from _password_file_hits(text)


def _shaped_values(pattern: re.Pattern[str], text: str) -> Iterator[Hit]:
    """The pattern's values that have a password's shape, as passwords."""
    for match in pattern.finditer(text):
        if value_shape_ok(match.group("value"), "medium"):
            yield match.start("value"), match.end("value"), "password"


# A password file's lines under its name: Postfix's sasl_passwd ("[smtp.mailgun.org]:587
# alerts@mg.example.co.uk:4c9e1a7b..."), PostgreSQL's .pgpass ("db01:5432:*:app:Pa55word")
# (session 15). The lines that follow the file's name, up to a blank line.
_PASSWORD_FILE = re.compile(r"(?i)(?:sasl_passwd|\.pgpass)\b[^\n]*\n")
_SASL_LINE = re.compile(r"[ \t]*\[?[\w.-]+\]?(?::\d+)?[ \t]+[^\s:]+:(?P<value>\S{4,200})[ \t]*")
_PGPASS_LINE = re.compile(r"[ \t]*[^\s:]+:(?:\d+|\*):[^\s:]+:[^\s:]+:(?P<value>\S{4,200})[ \t]*")


def _password_file_hits(text: str) -> Iterator[Hit]:
    for heading in _PASSWORD_FILE.finditer(text):
        position = heading.end()
        for _ in range(12):
            line_end = text.find("\n", position)
            line_end = len(text) if line_end == -1 else line_end
            line = _SASL_LINE.fullmatch(text, position, line_end) or _PGPASS_LINE.fullmatch(
                text, position, line_end
            )
            if line is None:
                break
            if not is_mention(line.group("value")):
                yield line.start("value"), line.end("value"), "password"
            position = line_end + 1


# A Wi-Fi profile's key in its XML or JSON ("<keyMaterial>Pallet-Rek-7731-Kade </keyMaterial>",
# '"keyMaterial": "..."'); a login encoded for a Basic header in code
# ("GetBytes('ourmsp+ROyZ...:Z045BF7SM2l1FS04')", "btoa('api:...')") (session 16)
_KEY_MATERIAL = re.compile(
    r"(?i)<keyMaterial>[ \t]*(?P<xml>[^<\s][^<\n]{0,100}?)[ \t]*</keyMaterial>"
    r"|\"keyMaterial\"[ \t]*:[ \t]*\"(?P<json>[^\"\n]{4,100})\""
)
# curl's login: "curl -u grafana:Pr0m-Sc4pe_2291 https://..." (session 16)
_CURL_USER = guarded(
    r"\bcurl\b[^\n|;]{0,120}?(?<![\w-])(?:-u|--user)[ \t]+['\"]?(?P<user>[^\s:'\"]{1,64}):"
    r"(?P<value>[^\s'\"@]{1,100})"
)
# an API key sent as the user with a dummy password ("-u 'KEY:x'", BambooHR's and
# Freshdesk's way; session 18)
_API_KEY_USER = re.compile(r"[A-Za-z0-9_-]{20,64}")
# A Wi-Fi QR code's payload (session 16):
# "WIFI:T:WPA;S:Hawkridge-Guests;P:Appletree-Barrel-55;H:false;;"
_WIFI_QR = guarded(r"(?i)\bWIFI:(?:[A-Z]:(?:\\;|[^;\n])*;){0,4}?P:(?P<value>(?:\\;|[^;\n]){4,64})")
_ENCODED_LOGIN = re.compile(
    r"(?:GetBytes|b64encode|btoa|encodeToString|Base64\.encode)\([ \t]*b?['\"]"
    r"[^'\":\s]{1,80}:(?P<value>[^'\"\s]{4,100})['\"]"
)


# A Cisco IOS password of type 0, in clear: "username installer privilege 15 password 0
# Bx7vqT3mWk", "enable secret 0 ...", "tacacs-server key 0 ..." (session 20)
# Or a routing protocol's or a key chain's key, in clear: "ip ospf message-digest-key 1 md5
# 4C7Rc4zA", "ip ospf authentication-key ...", "key-string ..." (session 29, blind211 read)
# Or a secret typed in clear for the device to hash, "username netops privilege 15
# algorithm-type scrypt secret dN=wiNnWZ9imdk"; a cellular profile's CHAP or PAP password, "lte
# profile create 1 apn.example chap agence325 YG6T52=b*x-2YS" (session 31, blind242 read)
_CLEAR_TYPE = guarded(
    r"(?im)\b(?:(?:password|secret|key)[ \t]+0|message-digest-key[ \t]+\d+[ \t]+md5(?:[ \t]+0)?"
    r"|authentication-key(?:[ \t]+0)?|key-string(?:[ \t]+0)?"
    r"|algorithm-type[ \t]+(?:scrypt|sha256|md5)[ \t]+secret"
    r"|profile[ \t]+create[ \t]+\d+[ \t]+\S+[ \t]+(?:chap|pap|pap_chap|chap_pap)[ \t]+\S+)"
    r"[ \t]+(?P<value>[^\s\"'<>]{4,100})"
)


# An OpenWrt (UCI) option holding a secret: "option key 'DPSGlCFegJgfPuAE'", "option password
# '...'" (session 27, blind186 read)
_UCI_OPTION = guarded(
    r"(?m)^[ \t]*option[ \t]+(?P<name>key|password|psk|sae_password|auth_secret|acct_secret)"
    r"[ \t]+['\"]?(?P<value>[^\s'\"]{4,100})['\"]?[ \t]*$"
)


# An XML element named for a secret, its value inside: "<Password>3uwh...</Password>",
# "<account.1.password>NU4E...</account.1.password>", "<digicode>494985</digicode>" (session
# 28, blind199 read); the element's last word names it
_XML_SECRET = guarded(
    r"(?i)<(?P<tag>(?:[\w-]+[.:_-])*(?P<name>password|passwd|pwd|passphrase|psk|secret|apikey"
    r"|api_key|sharedkey|digicode|doorcode|accesscode|alarmcode|pin|pincode))>"
    r"(?P<value>[^<>\s]{3,200})</(?P=tag)>"
)
_XML_KINDS = {"psk": "wifi_key", "digicode": "door_code", "doorcode": "door_code"}
# A config or export line whose key opens with a code's word and names whose or what it opens:
# "codigo_usuario_panel: 7852" (session 31, blind242 read)
_CODE_KEY_LINE = guarded(
    r"(?im)^[ \t-]*(?:c[óo]digo|codice|code|pin)_(?:usuario|utente|utilisateur|user|benutzer"
    r"|gebruiker|utilizador|panel|alarma?|allarme|master|maestro|acceso|accesso|porta|puerta"
    r"|door)(?:_\w+)?[ \t]*[:=][ \t]*['\"]?(?P<value>\d{4,8})['\"]?[ \t]*$"
)

# A controller's "show" output, the name dotted out to its value: "PSK.......................
# 9Te5PzJIQMf3Hi2J" (a Cisco WLC's "show wlan"; session 33, blind298 read)
_DOTTED_SECRET = guarded(
    r"(?im)^[ \t]*(?P<name>psk|pre-?shared[ \t]+key|passphrase|password|shared[ \t]+secret"
    r"|radius[ \t]+secret)[ \t]*\.{3,}[ \t]*(?P<value>[^\s.][^\s]{5,99})[ \t]*$"
)
_DOTTED_NOT_VALUES = frozenset({"enabled", "disabled", "none", "hidden", "configured"})


def config_value_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A Wi-Fi profile's key material; a password encoded into a Basic header by code or
    given to curl's -u; a Cisco password of type 0; an OpenWrt option's key; a key or a
    password dotted out to its value in a controller's "show" output."""
    if "...." in text:
        for match in _DOTTED_SECRET.finditer(text):
            value = match.group("value")
            if value.lower() not in _DOTTED_NOT_VALUES and not is_mention(value):
                kind = "password" if "pass" in match.group("name").lower() else "preshared_key"
                yield match.start("value"), match.end("value"), kind
    if "</" in text:
        for match in _XML_SECRET.finditer(text):
            if not is_mention(match.group("value")):
                kind = _XML_KINDS.get(match.group("name").lower(), "password")
                yield match.start("value"), match.end("value"), kind
    if "_" in text:
        for match in _CODE_KEY_LINE.finditer(text):
            yield match.start("value"), match.end("value"), "door_code"
    if "option " in text:
        for match in _UCI_OPTION.finditer(text):
            if not is_mention(match.group("value")):
                kind = "wifi_key" if match.group("name") in ("key", "sae_password") else "password"
                yield match.start("value"), match.end("value"), kind
    if "keymaterial" in lowered:
        for match in _KEY_MATERIAL.finditer(text):
            group = "xml" if match.group("xml") else "json"
            if not is_mention(match.group(group)):
                yield match.start(group), match.end(group), "wifi_key"
    if "wifi:" in lowered:
        for match in _WIFI_QR.finditer(text):
            if not match.group("value").startswith("<") and not is_mention(match.group("value")):
                yield match.start("value"), match.end("value"), "wifi_key"
    if "curl" in lowered:
        for match in _CURL_USER.finditer(text):
            value = match.group("value")
            if value in ("x", "X") and _API_KEY_USER.fullmatch(match.group("user")):
                yield match.start("user"), match.end("user"), "api_key"
            elif len(value) >= 3 and not is_mention(value) and not value.startswith("$"):
                yield match.start("value"), match.end("value"), "password"
    if " 0 " in text or "-key" in text or "key-" in text or "-type" in text or "create" in text:
        for match in _CLEAR_TYPE.finditer(text):
            if not is_mention(match.group("value")):
                yield match.start("value"), match.end("value"), "password"
    if "(" in text:
        for match in _ENCODED_LOGIN.finditer(text):
            if not is_mention(match.group("value")):
                yield match.start("value"), match.end("value"), "password"
