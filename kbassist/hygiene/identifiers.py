"""Values that name, count or stand for something and open nothing (session 18).

Read from blind105-108 (schools, logistics, PSA exports, look-alikes):

- a vehicle's identification number, named: "each trailer's VIN: the first is
  SKMNE3321P0012846";
- Windows' product ID, not its product key: "windows_product_id: 00330-80000-00000-AA714";
- a tamper seal's or a school's number: "resealed in a new envelope, seal 004833", "Código de
  centro 28074311";
- a password manager's entry named where the secret is kept: "in the password manager under
  'Network/SNMPv3'";
- an HTML attribute's name-like value: "http-equiv='Content-Type'/>";
- a factory default of one digit repeated: "the system PIN was still the factory 0000";
- a Cisco log message's name ("%LINK-3-UPDOWN") and a key's size ("new key is 2048-bit");
- a DKIM signature's body hash, in every header a mail carries: "bh=7N6BKtpR...=";
- a placeholder token of one repeated character: 'FAKE_TOKEN = "ghp_0000...0000"';
- a product key shown masked: "Clé produit : XXXXX-XXXXX-XXXXX-XXXXX-7HQK3";
- an error message quoted where a key was read: "couldn't read its encryption key from Key
  Vault: 'Forbidden, caller is not authorized'".
"""

from __future__ import annotations

import re

# A VIN: seventeen characters without I, O and Q, the last six digits (a maker's serial), where
# the text names a vehicle's number within 80 characters before.
_VIN = re.compile(r"[A-HJ-NPR-Z0-9]{11}\d{6}")
_VIN_NAMED = re.compile(
    r"(?i)\b(?:vins?|chassis|fahrgestell\w*|fahrzeug-?ident\w*|châssis|telaio|bastidor|chassi)\b"
)
# Windows' product ID (Settings > System > About), in its retail and OEM layouts
_PRODUCT_ID = re.compile(r"\d{5}-\d{5}-\d{5}-AA[A-Z0-9]{3}|\d{5}-(?:OEM|\d{3})-\d{7}-\d{5}")
# A number named by what it labels, right before it: a seal, a school or a centre
_NAMED_BEFORE = re.compile(
    r"(?i)\b(?:seal|siegel(?:nummer)?|scellé|scelle|precinto|sigillo|zegel|selo|lacre"
    r"|c[óo]digo\s+(?:de(?:l)?\s+)?(?:centro|escola|colegio)|(?:centre|center|school)\s+code"
    r"|codice\s+meccanografico|schulnummer|code\s+(?:uai|rne)|brin-?(?:nummer|code)"
    r"|(?-i:URN|DfE))\W{0,3}(?:(?:no\.?|number|nr\.?|n[º°o]\.?)\W{0,3})?$"
)
# A factory default of one digit repeated, named so: "the N870 system PIN was still the
# factory 0000" (the retrained token model took it; session 18). Not "changed from default
# 12345 which was still on the sticker": a writer labelled that one a secret.
_DEFAULT_DIGITS = re.compile(r"(\d)\1{3,7}")
_DEFAULT_BEFORE = re.compile(
    r"(?i)\b(?:factory|default|werks\w*|usine|f[áa]brica|fabbrica|fabrieks\w*)"
    r"(?:\s+(?:pin|code|setting|value|default))?\s*(?:of\s+|is\s+|was\s+|:\s*)?$"
)
# Where a secret is kept, not what it is: "credentials in the password manager under
# 'Network/SNMPv3'" (a retrained token model took the entry's name; session 18)
_VAULT_ENTRY_BEFORE = re.compile(
    r"(?i)\b(?:password\s+manager|vault|keepass|keeper|1password|bitwarden|lastpass|passbolt"
    r"|it\s?glue|hudu|passportal|dashlane)\b[^.\n]{0,40}?\b(?:under|entry|folder|item|named"
    r"|called|path)\s*:?\s*['\"‘“]?$"
)
# An HTML attribute that names, not holds: "<meta ... http-equiv='Content-Type'/>" (StackFAQ;
# a retrained token model took it; session 18)
_ATTRIBUTE_BEFORE = re.compile(r"(?i)\b(?:http-equiv|charset|class|id|type|rel|lang)\s*=\s*['\"]?$")
_LOG_MNEMONIC = re.compile(r"%[A-Z0-9_]+-\d-[A-Z0-9_]+")
_KEY_SIZE = re.compile(r"(?i)\d{3,5}-?bits?")
_BODY_HASH_BEFORE = re.compile(r"(?<![\w-])bh=$")
# a prefix or two, then one character twelve times or more: ghp_000000..., sk_live_xxxxxx...
_ONE_CHARACTER = re.compile(r"(?:[A-Za-z0-9]{1,12}[_-]){0,3}([A-Za-z0-9*])\1{11,}")
_MASKED_GROUPS = re.compile(r"(?:[Xx*]{4,6}-){2,}")
_ERROR_WORDS = re.compile(
    r"(?i)\b(?:forbidden|denied|not\s+authori[sz]ed|unauthori[sz]ed|failed|not\s+found"
    r"|invalid|expired|error|exception|timed\s+out)\b"
)


def is_identifier(text: str, start: int, end: int) -> bool:
    """Whether the value at start..end is one of the identifiers, names, sizes, hashes or
    placeholders above."""
    value = text[start:end]
    return (
        (_VIN.fullmatch(value) is not None and _vin_named(text, start))
        or _PRODUCT_ID.fullmatch(value) is not None
        or _NAMED_BEFORE.search(text, max(0, start - 40), start) is not None
        or (
            _DEFAULT_DIGITS.fullmatch(value) is not None
            and _DEFAULT_BEFORE.search(text, max(0, start - 30), start) is not None
        )
        or _VAULT_ENTRY_BEFORE.search(text, max(0, start - 80), start) is not None
        or _ATTRIBUTE_BEFORE.search(text, max(0, start - 16), start) is not None
        or _LOG_MNEMONIC.fullmatch(value) is not None
        or _KEY_SIZE.fullmatch(value) is not None
        or _BODY_HASH_BEFORE.search(text, max(0, start - 4), start) is not None
        or _ONE_CHARACTER.fullmatch(value) is not None
        or _MASKED_GROUPS.search(value) is not None
        or (value.count(" ") >= 2 and _ERROR_WORDS.search(value) is not None)
    )


def _vin_named(text: str, start: int) -> bool:
    return _VIN_NAMED.search(text, max(0, start - 80), start) is not None
