"""Secrets announced by a keyword: the keyword table and the value policies.

Each rule says which words announce a kind of secret ("pw", "Kennwort", "contraseña",
"mot de passe", "wachtwoord", "senha", "Türcode", "Duo bypass code", "voicemail PIN"...)
and which policy judges the word that follows (a password shape, a PIN's digits, a list
of codes, a licence key's groups). :mod:`kbassist.hygiene.keyword_scan` does the reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kbassist.hygiene.keyword_scan import (
    GROUPED_CODE,
    LIST_WORDS,
    TECHNICAL,
    Hit,
    KeywordRule,
    Policy,
    Reading,
    Tokens,
    compile_rule,
    is_mention,
    keyword_hits,
    looks_generated,
    trim,
    value_shape_ok,
)

# --- keyword rules -------------------------------------------------------------------------

_PASSWORD_WORDS = (
    r"p(?=[ \t]?:)|pass(?:wor[dt])?s?|passwd|pass-?phrase|passcode|pwd|pw|p/w|pword"
    r"|app[ -]?password"
    r"|kennw(?:ort|örter)|passw(?:ort|örter)|(?:initial|start|einmal)passwort"
    r"|contrase(?:ñ|n)as?|claves?(?:\s+de\s+acceso)?|mots?\s+de\s+passe|mdp|wachtwoord(?:en)?"
    r"|senhas?|palavra-passe|parola\s+d'ordine|encryption\s+(?:password|passphrase|key)"
    r"|backup\s+(?:password|passphrase)|vault\s+password|restore\s+(?:password|key)"
)

SECRET_RULES: tuple[KeywordRule, ...] = (
    KeywordRule(
        "voicemail_pin",
        r"(?:voice-?mail|voice\s+mail|vm|mailbox|sprachbox|anrufbeantworter|buzón(?:\s+de\s+voz)?"
        r"|messagerie(?:\s+vocale)?|correio\s+de\s+voz|segreteria(?:\s+telefonica)?)"
        r"[\s-]?(?:pin|passcode|password|code|passwort|kennwort|contraseña|clave|mot\s+de\s+passe"
        r"|code\s+secret|wachtwoord|senha|codice)",
        "digits",
        (
            "voicemail",
            "voice mail",
            "voice-mail",
            "vm ",
            "vm-",
            "vm:",
            "mailbox",
            "sprachbox",
            "buzón",
            "messagerie",
            "correio de voz",
            "segreteria",
            "anrufbeantworter",
        ),
    ),
    KeywordRule(
        "door_code",
        r"(?:(?:front|back|main|side|rear|office|server\s+room|comms\s+room)\s+)?"
        r"(?:door|gate|alarm|keypad|entry|entrance|building|lock-?box|key\s?safe|key\s?box"
        r"|padlock|cabinet|garage|access|burglar\s+alarm|intruder\s+alarm|safe|vault)"
        r"[\s-]?(?:(?:access|panel|system|pad|box|lock|entry|engineer|installer|master|user"
        r"|admin|service|set/unset|arm/disarm|set|unset|arm|disarm|remote)\s+)?"
        r"(?:code|pin|combo|combination)s?"
        r"|(?:the\s+)?combination"
        r"|tür-?codes?|tor-?code|alarm-?codes?|zugangs-?codes?|schlüsseltresor(?:-?code)?|digicodes?"
        r"|codes?\s+(?:de\s+(?:la\s+)?porte|porte|d'accès|(?:de\s+l')?alarme|d'entrée)"
        r"|códigos?\s+(?:de\s+|do\s+|da\s+)?(?:la\s+)?(?:puerta|alarma|acceso|acesso|portón"
        r"|entrada|porta|alarme|cofre|caja\s+fuerte)(?:\s+(?:ao|al|a\s+la|à|do|da|de\s+la)"
        r"\s+(?:alarme|alarma|porta|puerta|edifício|edificio|prédio))?"
        r"|deur-?codes?|toegangs-?codes?|codici?\s+(?:della\s+|dell')?(?:porta|allarme|cancello)",
        "door",
        (
            "door",
            "gate",
            "alarm",
            "keypad",
            "entry",
            "entrance",
            "building",
            "lockbox",
            "lock-box",
            "key safe",
            "keysafe",
            "key box",
            "keybox",
            "padlock",
            "cabinet",
            "garage",
            "access code",
            "access pin",
            "safe",
            "vault",
            "combination",
            "tür",
            "torcode",
            "tor-code",
            "zugangs",
            "schlüsseltresor",
            "digicode",
            "porte",
            "puerta",
            "portón",
            "porta",
            "deur",
            "toegang",
            "cancello",
            "allarme",
            "alarma",
            "acceso",
            "entrada",
            "entrée",
            "d'accès",
            "código",
            "códigos",
        ),
    ),
    KeywordRule(
        "wifi_voucher",
        r"(?:guest\s+(?:wi-?fi\s+|wireless\s+|network\s+)?)?vouchers?(?:\s+codes?)?"
        r"|guest\s+(?:wi-?fi\s+|wireless\s+)?(?:codes?|pass(?:es)?|tickets?)"
        r"|hotspot\s+(?:codes?|tickets?)|wi-?fi\s+(?:access\s+)?codes?"
        r"|gast(?:zugangs?|wlan)-?codes?|gutschein-?codes?|códigos?\s+(?:de\s+)?(?:invitado|wi-?fi)"
        r"|codes?\s+(?:wi-?fi\s+)?invités?",
        "codes",
        (
            "voucher",
            "guest",
            "hotspot",
            "wifi code",
            "wi-fi code",
            "wifi access",
            "wi-fi access",
            "gast",
            "gutschein",
            "invitado",
            "invité",
        ),
    ),
    KeywordRule(
        "mfa_code",
        r"(?:mfa|2fa|2-fa|two[\s-]factor|otp|totp|one[\s-]time|verification|authenticator|sms|text"
        r"|sign[\s-]?in|login|duo(?:\s+mobile)?(?:\s+bypass)?|bypass|security|verify|okta)"
        r"[\s-]?(?:codes?|pins?|pass-?codes?|tokens?)"
        r"|otp|duo\s+passcodes?|(?:bestätigungs|sicherheits|einmal|verifizierungs|anmelde)-?codes?"
        r"|códigos?\s+de\s+(?:verificación|seguridad|un\s+solo\s+uso|verificação|segurança|acceso)"
        r"|codes?\s+(?:de\s+(?:vérification|sécurité|connexion)|à\s+usage\s+unique)"
        r"|(?:verificatie|beveiligings)-?codes?|eenmalige\s+codes?"
        r"|codici?\s+(?:di\s+)?(?:verifica|sicurezza|otp)|bypass",
        "mfa",
        (
            "mfa",
            "2fa",
            "2-fa",
            "factor",
            "otp",
            "one-time",
            "one time",
            "verification",
            "authenticator",
            "sms",
            "text code",
            "sign-in",
            "signin",
            "sign in",
            "login",
            "duo",
            "bypass",
            "security code",
            "security pin",
            "verify",
            "okta",
            "bestätigung",
            "sicherheitscode",
            "sicherheits-code",
            "einmal",
            "verifizierung",
            "anmeldecode",
            "verificación",
            "seguridad",
            "solo uso",
            "verificação",
            "segurança",
            "vérification",
            "sécurité",
            "connexion",
            "usage unique",
            "verificatie",
            "beveiligings",
            "eenmalige",
            "verifica",
            "sicurezza",
            "código de acceso",
            "codice otp",
        ),
    ),
    KeywordRule(
        "recovery_code",
        r"(?:backup|recovery|rescue|emergency|scratch|2fa\s+recovery|mfa\s+recovery)[\s-]?"
        r"(?:codes?|keys?|phrases?)"
        r"|wiederherstellungs-?(?:codes?|schlüssel)|notfall-?codes?|códigos?\s+de\s+(?:recuperación"
        r"|respaldo|recuperação|backup)|codes?\s+de\s+(?:récupération|secours)"
        r"|clés?\s+de\s+récupération|herstel-?(?:codes?|sleutels?)|back-?up-?codes"
        r"|codici\s+di\s+(?:backup|recupero)|chiave\s+di\s+ripristino|chaves?\s+de\s+recuperação",
        "codes",
        (
            "backup code",
            "backup-code",
            "backupcode",
            "backup key",
            "backup phrase",
            "recovery",
            "rescue",
            "emergency",
            "scratch",
            "wiederherstellung",
            "notfall",
            "recuperación",
            "respaldo",
            "recuperação",
            "récupération",
            "secours",
            "herstel",
            "back-up-code",
            "codici di backup",
            "ripristino",
            "recupero",
            "códigos de backup",
            "código de backup",
        ),
    ),
    KeywordRule(
        "pin",
        r"(?:(?:sim|puk|windows\s+hello|hello|phone|handset|desk\s+phone|device|user|admin|card"
        r"|badge|printer|copier|mfd|release|print)[\s-]?)?(?:pin|pin-?code|pincode|puk)(?:-?nummer)?"
        r"|geheimzahl|códigos?\s+pin|codes?\s+pin|codice\s+pin"
        r"|(?:unlock|screen[\s-]?lock|lock[\s-]?screen|device|phone|handset)[\s-]?(?:pass)?codes?",
        "digits",
        (
            " pin",
            "\npin",
            "-pin",
            "(pin",
            ">pin",
            "pin:",
            "pin-",
            "pincode",
            "puk",
            "geheimzahl",
            "unlock",
            "lock",
            "device code",
            "phone code",
            "handset code",
            "passcode",
        ),
    ),
    KeywordRule(
        "mfa_seed",
        r"(?:totp|otp|mfa|2fa|authenticator)[\s_-]?(?:seed|secret|key)|seed",
        "token",
        ("seed", "totp secret", "otp secret", "mfa secret", "2fa secret", "authenticator"),
    ),
    KeywordRule(
        "licence_key",
        r"(?:product|licen[cs]e|activation|serial|registration|mak|kms|volume(?:\s+licen[cs]e)?"
        r"|windows|office|cd|install(?:ation)?|unlock)[\s-]?(?:keys?|codes?)"
        r"|mak|lizenz-?(?:schlüssel|code)|produkt-?schlüssel|aktivierungs-?(?:schlüssel|code)"
        r"|clave\s+de\s+(?:producto|licencia|activación)|clés?\s+(?:de\s+produit|de\s+licence"
        r"|d'activation)|licentie-?(?:sleutel|code)|product-?sleutel|chave\s+(?:do\s+produto"
        r"|de\s+licença|de\s+ativação)|chiave\s+(?:di\s+)?(?:prodotto|licenza|attivazione)"
        r"|codice\s+(?:di\s+)?licenza",
        "licence",
        (
            "product key",
            "product code",
            "product-key",
            "licen",
            "activation",
            "serial key",
            "registration key",
            "registration code",
            " mak",
            "mak:",
            "(mak",
            "kms",
            "volume",
            "windows key",
            "office key",
            "cd key",
            "cd-key",
            "install key",
            "installation key",
            "unlock",
            "lizenz",
            "produktschlüssel",
            "produkt-schlüssel",
            "aktivierung",
            "clave de producto",
            "clave de licencia",
            "clave de activación",
            "clé de produit",
            "clé de licence",
            "clé d'activation",
            "productsleutel",
            "chave do produto",
            "chave de licença",
            "chave de ativação",
            "chiave",
            "codice di licenza",
        ),
    ),
    KeywordRule(
        "wifi_key",
        r"(?:wi-?fi|wlan|wireless|ssid|wpa[23]?(?:-?psk)?|wpa[23]?\s+personal|guest\s+network"
        r"|staff\s+network|network|netzwerk|hotspot)[\s-]?(?:security\s+)?"
        r"(?:keys?|password|pw|pwd|pass|passphrase|passwort|kennwort|schlüssel|psk|secret|sleutel"
        r"|wachtwoord|clave|contraseña|clé|chave|senha|chiave|code)"
        r"|(?:clave|contraseña|clé|mot\s+de\s+passe|wachtwoord|senha|chave|password|passwort"
        r"|kennwort|key)\s+(?:del\s+|de\s+la\s+|de\s+l'|de\s+|du\s+|do\s+|da\s+"
        r"|van\s+(?:de\s+|het\s+)?|della\s+|dell'|for\s+(?:the\s+)?|für\s+(?:das\s+)?)?"
        r"(?:wi-?fi|wlan|red\s+wi-?fi|réseau\s+wi-?fi|guest\s+wi-?fi|staff\s+wi-?fi|ssid)",
        "wifi",
        (
            "wi-fi",
            "wifi",
            "wlan",
            "ssid",
            "wpa",
            "wireless",
            "network key",
            "network password",
            "network security",
            "netzwerkschlüssel",
            "netzwerk-schlüssel",
            "hotspot",
            "staff network",
            "guest network",
        ),
        frozenset({"network key", "network password"}),
    ),
    KeywordRule(
        "preshared_key",
        r"psk|pre-?shared[\s-]?(?:key|secret)|presharedkey|ipsec[\s-]?(?:key|secret)"
        r"|ike[\s-]?(?:key|secret)|vpn[\s-]?(?:key|secret)|shared[\s-]?secret|radius[\s-]?secret",
        "token",
        (
            "psk",
            "pre-shared",
            "preshared",
            "pre shared",
            "ipsec key",
            "ipsec secret",
            "ike key",
            "ike secret",
            "vpn key",
            "vpn secret",
            "shared secret",
            "shared-secret",
            "radius secret",
        ),
    ),
    KeywordRule(
        "private_key",
        r"private[\s_-]?key|privatekey|priv[\s_-]?key",
        "token",
        ("priv",),
    ),
    KeywordRule(
        "client_secret",
        r"(?:client|app(?:lication)?|oauth)[\s_-]?secret(?:[\s_-]?value)?",
        "token",
        ("secret",),
    ),
    KeywordRule(
        "api_key",
        r"api[\s_-]?(?:key|secret|token)|apikey|x-api-key|subscription[\s_-]?key"
        r"|access[\s_-]?key(?:[\s_-]?id)?|secret[\s_-]?(?:access[\s_-]?)?key|account[\s_-]?key"
        r"|integration[\s_-]?key|(?:storage|sas)[\s_-]?key",
        "token",
        (
            "api",
            "access key",
            "access_key",
            "access-key",
            "accesskey",
            "secret key",
            "secret_key",
            "secret-key",
            "secretkey",
            "secret access",
            "account key",
            "account_key",
            "accountkey",
            "integration key",
            "storage key",
            "sas key",
            "subscription key",
        ),
    ),
    KeywordRule(
        "token",
        r"(?:access|auth|bearer|refresh|personal[\s_-]?access|pat|sas|bot|webhook|session"
        r"|install(?:ation)?|enrol(?:l)?ment|registration|agent|deployment|site|provisioning)"
        r"[\s_-]?tokens?|tokens?|bearer",
        "token",
        ("token", "bearer"),
        frozenset({"token", "tokens", "bearer"}),
    ),
    KeywordRule(
        "snmp_community",
        r"(?:snmp[\s_-]?)?(?:(?:ro|rw|read|write)[\s_-]?)?community(?:[\s_-]?(?:string|name))?",
        "token",
        ("community",),
        frozenset({"community"}),
    ),
    KeywordRule("secret", r"secret", "token", ("secret",), frozenset({"secret"})),
    KeywordRule(
        "temporary_access_pass",
        r"temporary\s+access\s+pass(?:code)?|access\s+pass|befristeter\s+zugriffspass"
        r"|pase\s+de\s+acceso\s+temporal|passe\s+d'accès\s+temporaire"
        r"|tijdelijke\s+toegangspas|passe\s+de\s+acesso\s+temporário"
        r"|pass\s+di\s+accesso\s+temporaneo",
        "token",
        (
            "access pass",
            "zugriffspass",
            "pase de acceso",
            "passe d'accès",
            "toegangspas",
            "passe de acesso",
            "pass di accesso",
        ),
    ),
    KeywordRule(
        "secret",
        r"keys?|schlüssel|claves?|clés?|sleutels?"
        r"|chaves?|chiavi|chiave",
        "key",
        ("key", "schlüssel", "clave", "clé", "sleutel", "chave", "chiav"),
    ),
    KeywordRule(
        "password",
        _PASSWORD_WORDS,
        "password",
        (
            "pass",
            "pw",
            "pwd",
            "kennw",
            "contrase",
            "clave",
            "mdp",
            "wachtw",
            "senha",
            "parola",
            "encryption",
            "backup",
            "vault",
            "restore",
            "p/w",
            "p:",
            "p :",
        ),
        frozenset({"pass", "passes", "clave", "claves"}),
    ),
)

# --- value policies ------------------------------------------------------------------------


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _level(reading: Reading) -> str:
    if reading.distant:
        return "strict"
    return "loose" if reading.explicit else "medium" if reading.linked else "strict"


def _single(check: Callable[[str, str, Reading, bool], bool]) -> Policy:
    """A policy whose value is the one candidate word."""

    def policy(
        rule: KeywordRule, key: str, tokens: Tokens, reading: Reading
    ) -> tuple[int, int] | None:
        token = trim(tokens[reading.index])
        if not token.text:
            return None
        if key in rule.ambiguous and not reading.explicit:
            # "pass to L2", "token as before": an everyday word needs a ':' or a real verb,
            # unless what follows could only be generated ("SIP secret 9vK2pQ7xL4").
            generated = reading.index == 0 and looks_generated(token.text)
            if (not reading.linked or reading.weak_only) and not generated:
                return None
        if check(token.text, key, reading, token.quoted):
            return reading.index, reading.index
        return None

    return policy


# Microsoft app passwords: sixteen lower-case letters, shown in groups of four or not.
_APP_PASSWORD = re.compile(r"[a-z]{16}")


def _password(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    if "app" in key and _APP_PASSWORD.fullmatch(value) and (reading.explicit or reading.linked):
        return True
    if "code" in key and _pin(value, key, reading, quoted):
        return True  # a passcode is often digits only: "Zoom meeting passcode 882195"
    return value_shape_ok(value, _level(reading), quoted)


_PHRASE_WORD = re.compile(r"[a-zà-ÿ]{2,15}|\d{1,4}")


def _password_or_phrase(
    rule: KeywordRule, key: str, tokens: Tokens, reading: Reading
) -> tuple[int, int] | None:
    """A password, or after "passphrase:" a phrase of words ("amber lantern quietly folds 42")."""
    found = _single(_password)(rule, key, tokens, reading)
    if found is not None or "phrase" not in key or not reading.explicit:
        return found
    last = reading.index
    while tokens.has(last + 1) and last - reading.index < 7:
        word = tokens[last]
        if not _PHRASE_WORD.fullmatch(word.text) or is_mention(word.text):
            break
        last += 1
    words = tokens.span(reading.index, last)
    plain = [w for w in words if _PHRASE_WORD.fullmatch(trim(w).text)]
    if len(plain) >= 3 and not any(is_mention(trim(w).text) for w in plain[:1]):
        return reading.index, reading.index + len(plain) - 1
    return None


def _key(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    """After the bare word "key": a grouped product key, or a value with symbols and digits."""
    if GROUPED_CODE.fullmatch(value):
        return _digits(value) >= 2
    if "\\" in value or len(value) < 8 or not any(ch.isdigit() for ch in value):
        return False
    level = "strong" if not (reading.explicit or reading.linked) or reading.distant else "strict"
    return value_shape_ok(value, level, quoted) or (
        len(value) >= 20 and value_shape_ok(value, "strict", quoted)
    )


def _wifi(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    return (len(value) >= 8 or quoted) and value_shape_ok(value, _level(reading), quoted)


def _token(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    """Keys and tokens are generated: long, and never without a digit."""
    if not quoted and (len(value) < 8 or not any(ch.isdigit() for ch in value)):
        return False
    return value_shape_ok(value, _level(reading), quoted)


def _pin(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    digits = value.strip("#*")
    return digits.isdigit() and 4 <= len(digits) <= 10 and len(set(digits)) > 1


_DOOR_CODE = re.compile(r"[A-Za-z0-9]{1,10}(?:-[A-Za-z0-9]{1,10}){0,3}")


def _door(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    """A keypad or access code: 3-16 letters and digits, perhaps in groups (TPX-44-918)."""
    core = value.strip("#*")
    return (
        bool(_DOOR_CODE.fullmatch(core))
        and 3 <= len(core) <= 16
        and 3 <= _digits(core)
        and not TECHNICAL.match(core)
    )


_LICENCE = re.compile(r"[A-Za-z0-9]{4,8}(?:-[A-Za-z0-9]{4,8}){2,7}")


def _licence(value: str, key: str, reading: Reading, quoted: bool) -> bool:
    if _LICENCE.fullmatch(value):
        return _digits(value) >= 1
    return reading.explicit and len(value) >= 12 and value_shape_ok(value, "medium", quoted)


_CODE_ITEM = re.compile(r"(?=[A-Za-z-]*\d)[A-Za-z0-9]{3,12}(?:-[A-Za-z0-9]{2,12}){0,4}")
_DIGIT_GROUP = re.compile(r"\d[\d-]{1,12}")


def _run(tokens: Tokens, first: int, item: re.Pattern[str]) -> int:
    """Index of the last token of a list of items starting at first ("a, b and c")."""
    last, i = first, first + 1
    while tokens.has(i) and i - first < 24:
        word = trim(tokens[i]).text
        if item.fullmatch(word):
            last = i
        elif tokens[i].text.lower() not in LIST_WORDS:
            break
        if tokens[i].text[-1:] in ".;" and not item.fullmatch(tokens[i].text):
            break
        i += 1
    return last


def _codes(rule: KeywordRule, key: str, tokens: Tokens, reading: Reading) -> tuple[int, int] | None:
    first = reading.index
    word = trim(tokens[first]).text
    # Generated codes mix letters and digits ("7tpd3wcz": two digits) or are all digits.
    if not _CODE_ITEM.fullmatch(word) or is_mention(word) or _digits(word) < 2:
        return None
    return first, _run(tokens, first, _CODE_ITEM)


def _mfa(rule: KeywordRule, key: str, tokens: Tokens, reading: Reading) -> tuple[int, int] | None:
    first = reading.index
    if not _DIGIT_GROUP.fullmatch(trim(tokens[first]).text):
        return None
    last = _run(tokens, first, _DIGIT_GROUP)
    digits = "".join(trim(t).text for t in tokens.span(first, last))
    longest = max(len(d) for d in re.findall(r"\d+", digits.replace("-", "")))
    total = _digits(digits)
    return (first, last) if longest >= 6 or 6 <= total <= 10 else None


SECRET_POLICIES: dict[str, Policy] = {
    "password": _password_or_phrase,
    "key": _single(_key),
    "wifi": _single(_wifi),
    "token": _single(_token),
    "digits": _single(_pin),
    "door": _single(_door),
    "licence": _single(_licence),
    "codes": _codes,
    "mfa": _mfa,
}

_COMPILED = tuple(compile_rule(rule) for rule in SECRET_RULES)


# Keys that are not secrets: "public key", "registry key", "host key", "foreign key".
_NOT_SECRET_KEY = re.compile(
    r"(?i)(?:public|pub|host|registry|reg|hot|primary|foreign|sort|recovery\s+key\s+id|ssh-\w+)"
    r"[\s_-]*$"
)


def _refine(kind: str, text: str, start: int, end: int) -> str:
    """A more specific kind from the words around the keyword."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 60) : end].lower()
    if kind == "secret" and _NOT_SECRET_KEY.search(text[max(line_start, start - 30) : start]):
        return ""
    if kind == "pin" and re.search(
        r"voice-?\s?mail|\bvm\b|mailbox|sprachbox|buzón|messagerie", before
    ):
        return "voicemail_pin"
    if kind in {"password", "preshared_key", "secret"} and re.search(
        r"wi-?fi|wlan|\bssid|\bwpa|wireless", before
    ):
        return "wifi_key"
    if kind == "private_key" and re.search(r"[A-Za-z0-9+/]{42,43}=$", text[start:end]):
        return "wireguard_key"
    if kind == "secret" and GROUPED_CODE.search(text[max(start, end - 48) : end]):
        return "licence_key"
    if kind in {"password", "api_key"} and re.search(
        r"(?:server|data source|database|initial catalog|uid|user id|host|provider)\s*=", before
    ):
        return "connection_string"
    return kind


def secret_keyword_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Secret values announced by a keyword, in any of the seven languages."""
    return keyword_hits(text, lowered, _COMPILED, SECRET_POLICIES, _refine)
