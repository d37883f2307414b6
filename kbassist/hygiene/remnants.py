"""What a mask left behind: recognised so that a text stored masked keeps its finding.

Notes and articles are masked before they are stored, so the stored text holds
``temp pw ••••••`` where the password was. The score of that note must still
say that a secret was written in it (the review queue puts such notes first,
and the password must be rotated), so the marks a mask leaves are read back as
spans of their own. Their replacement is the text itself: masking a masked text
changes nothing.

- A run of exactly six bullets (the mask's fixed length) in one group, perhaps after a
  token's public prefix (``••••••``, ``AKIA••••••``, ``scan:••••••@10.0.0.5``), or
  ``[private key removed]``: a secret. Another number of bullets in one group was typed
  by a person ("Password: ••••••••" on a screenshot) and reveals nothing.
- Bullets before kept digits or an e-mail domain (``••••• ••••17``,
  ``j•••@gmail.com``), bullets in several groups (``•••• •••• •••• 4242``) or a
  bracketed personal marker (``[home address removed]``): personal data.

A single bullet is a list marker, never a mask.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.kinds import BULLETS, PERSONAL_MARKERS, SECRET_MARKERS

# A run of 2+ bullets with what a mask keeps around it: a token's public prefix (AKIA),
# more groups of bullets (a phone number's), the last digits, an e-mail domain.
_MASKED = re.compile(
    r"[A-Za-z0-9_+-]{0,12}•{2,}(?:[ -]?•+){0,8}(?:[ -]?\d{1,4})?"
    r"(?:@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})?"
)
# A secret's mask is always exactly BULLETS: any other run of bullets was typed by someone.
_OUR_BULLETS = re.compile(rf"(?<!•){BULLETS}(?!•)")
_EMAIL_TAIL = re.compile(r"@[A-Za-z0-9.-]+\.[A-Za-z]{2,24}$")


def _kind(value: str) -> str:
    groups = re.findall(r"•+", value)
    # a phone's or an account's kept digits follow its last bullets: "••••• ••••17"; one group
    # of bullets, a space and a number is a secret's mask before a number ("-c •••••• 10.2.0.1")
    kept_digits = re.search(r"•\d", value) or (len(groups) > 1 and re.search(r"•[ -]\d", value))
    if _EMAIL_TAIL.search(value) or kept_digits or len(groups) > 1:
        return "masked_personal"
    return "masked_secret"


def remnant_hits(text: str) -> Iterator[Hit]:
    """Spans of what a mask left in the text, as (start, end, kind)."""
    if "••" in text:
        for match in _MASKED.finditer(text):
            if text[match.end() : match.end() + 1].isalnum():
                continue  # "sk_live_••••••••4f2a": typed over a key's middle, no mask of ours
            kind = _kind(match.group(0))
            if kind == "masked_secret" and not _OUR_BULLETS.search(match.group(0)):
                continue  # "'Password: ••••••••'" on a screenshot: a placeholder, not our mask
            yield match.start(), match.end(), kind
    if "removed]" in text:
        for marker, kind in (
            *((m, "masked_secret") for m in SECRET_MARKERS),
            *((m, "masked_personal") for m in PERSONAL_MARKERS),
        ):
            position = text.find(marker)
            while position != -1:
                yield position, position + len(marker), kind
                position = text.find(marker, position + len(marker))
