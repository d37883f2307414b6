"""What each kind of sensitive value is called and how it is shown instead.

A :class:`Span` is one sensitive stretch of a text; ``KINDS`` names every kind the
detectors report, with its rule (``secret`` or ``personal-data``), the words a
finding uses, and its mask. A mask keeps the word that announced the value and
hides the value: a fixed ``••••••`` (it must not reveal the length), the last
digits of a phone number, the first letter and domain of an e-mail address, the
public prefix of a token format (``AKIA••••••``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

BULLETS = "••••••"  # fixed length: a mask must not reveal how long the secret was

SECRET = "secret"
PERSONAL = "personal-data"


@dataclass(frozen=True)
class Span:
    """One sensitive stretch of text and what it is shown as instead."""

    start: int
    end: int
    rule: str  # secret or personal-data
    kind: str  # what it is: "password", "wifi_key", "bitlocker_key", "phone", ...
    replacement: str

    @property
    def is_secret(self) -> bool:
        """Whether the span is a secret (otherwise it is personal data)."""
        return self.rule == SECRET

    @property
    def label(self) -> str:
        """The kind in words, for messages: "Wi-Fi key", "date of birth"."""
        return KINDS[self.kind].label if self.kind in KINDS else self.kind.replace("_", " ")


# Values hidden whole are shown as a marker that says what was there.
KEY_MARKER = "[private key removed]"
ADDRESS_MARKER = "[home address removed]"
BIRTH_MARKER = "[date of birth removed]"
ID_MARKER = "[ID number removed]"
PERSONAL_DATA_MARKER = "[personal data removed]"
SECRET_MARKERS = (KEY_MARKER,)
PERSONAL_MARKERS = (ADDRESS_MARKER, BIRTH_MARKER, ID_MARKER, PERSONAL_DATA_MARKER)


def _bullets(_: str) -> str:
    return BULLETS


def _as_is(value: str) -> str:
    return value


def _marker(marker: str) -> Callable[[str], str]:
    def shown(_: str) -> str:
        return marker

    return shown


# Public prefixes of token formats: keeping one tells the reader which system the key
# belonged to without exposing the key.
_PUBLIC_PREFIX = re.compile(
    r"^(?:AKIA|ASIA|gh[pousr]_|github_pat_|xox[abposr]-|[sr]k_(?:live|test)_|AIza|sk-|glpat-"
    r"|SG\.|npm_|pypi-|eyJ|pat-(?:na|eu|ap)\d-|shp(?:at|ss|ca|pa)_|ATATT)"
)


def _keep_prefix(value: str) -> str:
    prefix = _PUBLIC_PREFIX.match(value)
    return (prefix.group(0) if prefix else "") + BULLETS


def _mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return f"{local[:1]}•••@{domain}"


def _mask_digits(keep: int) -> Callable[[str], str]:
    def mask_value(value: str) -> str:
        digits = sum(ch.isdigit() for ch in value)
        seen = 0
        out = []
        for ch in value:
            if ch.isdigit():
                seen += 1
                out.append(ch if seen > digits - keep else "•")
            elif ch.isalpha():
                out.append("•")
            else:
                out.append(ch)
        return "".join(out)

    return mask_value


@dataclass(frozen=True)
class Kind:
    """How one kind of sensitive value is named and shown."""

    rule: str
    label: str
    mask: Callable[[str], str] = _bullets


KINDS: dict[str, Kind] = {
    "password": Kind(SECRET, "password"),
    "credential_pair": Kind(SECRET, "password"),
    "pin": Kind(SECRET, "PIN"),
    "voicemail_pin": Kind(SECRET, "voicemail PIN"),
    "wifi_key": Kind(SECRET, "Wi-Fi key"),
    "wifi_voucher": Kind(SECRET, "guest Wi-Fi voucher"),
    "door_code": Kind(SECRET, "door or alarm code"),
    "mfa_code": Kind(SECRET, "MFA or bypass code"),
    "card_code": Kind(SECRET, "card security code"),
    "temporary_access_pass": Kind(SECRET, "Temporary Access Pass"),
    "recovery_code": Kind(SECRET, "recovery code"),
    "mfa_seed": Kind(SECRET, "MFA seed"),
    "bitlocker_key": Kind(SECRET, "BitLocker recovery key"),
    "private_key": Kind(SECRET, "private key", _marker(KEY_MARKER)),
    "openvpn_key": Kind(SECRET, "OpenVPN static key", _marker(KEY_MARKER)),
    "wireguard_key": Kind(SECRET, "WireGuard private key"),
    "preshared_key": Kind(SECRET, "pre-shared key"),
    "connection_string": Kind(SECRET, "connection-string password"),
    "url_credentials": Kind(SECRET, "password in a URL"),
    "share_link": Kind(SECRET, "password-sharing link"),
    "licence_key": Kind(SECRET, "licence key"),
    "api_key": Kind(SECRET, "API key", _keep_prefix),
    "cloud_access_key": Kind(SECRET, "cloud access key", _keep_prefix),
    "token": Kind(SECRET, "access token", _keep_prefix),
    "client_secret": Kind(SECRET, "client secret"),
    "snmp_community": Kind(SECRET, "SNMP community string"),
    "secret": Kind(SECRET, "secret"),
    "phone": Kind(PERSONAL, "personal phone number", _mask_digits(2)),
    "email": Kind(PERSONAL, "personal e-mail address", _mask_email),
    "home_address": Kind(PERSONAL, "home address", _marker(ADDRESS_MARKER)),
    "date_of_birth": Kind(PERSONAL, "date of birth", _marker(BIRTH_MARKER)),
    "national_id": Kind(PERSONAL, "national ID number", _marker(ID_MARKER)),
    "bank_account": Kind(PERSONAL, "bank detail", _mask_digits(2)),
    "payment_card": Kind(PERSONAL, "payment card number", _mask_digits(4)),
    # What an earlier mask left (kbassist.hygiene.remnants): shown as it is.
    "masked_secret": Kind(SECRET, "masked secret", _as_is),
    "masked_personal": Kind(PERSONAL, "masked piece of personal data", _as_is),
}
