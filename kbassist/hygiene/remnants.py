"""What a mask left behind: recognised so that a text stored masked keeps its finding.

Notes and articles are masked before they are stored, so the stored text holds
``temp pw ••••••`` where the password was. The score of that note must still
say that a secret was written in it (the review queue puts such notes first,
and the password must be rotated), so the marks a mask leaves are read back as
spans of their own. Their replacement is the text itself: masking a masked text
changes nothing.

- A run of two or more bullets with no digit, no ``@`` and one group, perhaps
  after a token's public prefix (``••••••``, ``AKIA••••••``), or
  ``[private key removed]``: a secret.
- Bullets beside kept digits or an ``@`` (``••••• ••••17``, ``j•••@gmail.com``),
  bullets in several groups (``•••• •••• •••• 4242``) or a bracketed personal
  marker (``[home address removed]``): personal data.

A single bullet is a list marker, never a mask.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.kinds import PERSONAL_MARKERS, SECRET_MARKERS

# Tokens holding a run of 2+ bullets, with the tokens of the same value that follow
# ("+•• •••• ••••17", "•••• •••• •••• 4242").
_MASKED = re.compile(r"[^\s•]{0,80}•{2,}[^\s]{0,80}(?:[ \t-][^\s•]{0,20}•{2,}[^\s]{0,80}){0,8}")
_TRIM = "\"'“”«»()[]{}<>.,;:!?"


def _kind(value: str) -> str:
    groups = re.findall(r"•+", value)
    if "@" in value or any(ch.isdigit() for ch in value) or len(groups) > 1:
        return "masked_personal"
    return "masked_secret"


def remnant_hits(text: str) -> Iterator[Hit]:
    """Spans of what a mask left in the text, as (start, end, kind)."""
    if "••" in text:
        for match in _MASKED.finditer(text):
            value = match.group(0)
            start = match.start() + len(value) - len(value.lstrip(_TRIM))
            end = match.end() - (len(value) - len(value.rstrip(_TRIM)))
            if start < end:
                yield start, end, _kind(text[start:end])
    if "removed]" in text:
        for marker, kind in (
            *((m, "masked_secret") for m in SECRET_MARKERS),
            *((m, "masked_personal") for m in PERSONAL_MARKERS),
        ):
            position = text.find(marker)
            while position != -1:
                yield position, position + len(marker), kind
                position = text.find(marker, position + len(marker))
