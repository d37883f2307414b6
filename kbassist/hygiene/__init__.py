"""Secrets and personal data in notes and articles: find them, and mask them.

Two rules, both blocking. ``secret``: any password (temporary, initial, old or
new), PIN, Wi-Fi key or voucher, door code, MFA or bypass code, recovery code or
key, private key, API key or token, connection string or URL with a password,
licence key. ``personal-data``: a personal phone number or e-mail, a home
address, a date of birth, a national ID, a bank detail or a payment card; names,
work e-mail addresses and work extensions are work identity and are left alone.
A mention without its value ("reset the password", "key is in the vault") is not
a secret.

Three sources, merged into one list of spans: detect-secrets' plugins for
machine-shaped secrets (:mod:`kbassist.hygiene.secret_scanner`), the MSP
detectors for what technicians write in prose
(:mod:`kbassist.hygiene.secret_detectors` over the keyword table in
:mod:`kbassist.hygiene.secret_keywords`) and the personal-data detectors
(:mod:`kbassist.hygiene.personal_detectors`). What was masked before stays
recognisable (:mod:`kbassist.hygiene.remnants`), so a note stored masked still
carries its blocking finding.

``mask`` is applied before anything is stored and again before anything is
shown: the value is replaced and the word that announced it stays readable
("temp pw ••••••"). It masks the whole text, however long.
"""

from kbassist.hygiene.kinds import BULLETS, KINDS, PERSONAL, SECRET, Kind, Span
from kbassist.hygiene.masking import find_sensitive, mask, sensitive_spans

__all__ = [
    "BULLETS",
    "KINDS",
    "PERSONAL",
    "SECRET",
    "Kind",
    "Span",
    "find_sensitive",
    "mask",
    "sensitive_spans",
]
