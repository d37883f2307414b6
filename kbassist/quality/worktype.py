"""Request or fault: what kind of work a closure note closes (pure functions of text).

The labelling guide says a ticket that is a request with no fault (a new starter,
a change, an install, access) meets no ``problem`` and has no cause; it is judged
by whether it is repeatable and checked. The note alone often does not say which
kind of work it was ("Created AD user h.rowe by copying the reception template"),
the ticket's title usually does ("New starter - reception"). These cues read
both, in the seven languages of the lexicon; the title earns no criterion by
itself, it only tells a request from a fault.
"""

from __future__ import annotations

import math

from kbassist.quality.cues import Lexicon, tokenize
from kbassist.quality.lexicon import WORK_GROUPS

WORK_LEXICON = Lexicon.build(WORK_GROUPS)
LEAD_TOKENS = 12  # the note's opening words, where "New starter ..." or "Request from" sits
WORK_NAMES = (
    "title_given",
    "title_request",
    "title_fault",
    "title_request_only",
    "lead_request",
    "lead_fault",
    "request_no_fault",
)


def _counts(text: str) -> tuple[int, int]:
    tokens = tokenize(text.lower())
    request = fault = 0
    for group, *_ in WORK_LEXICON.matches(tokens):
        if WORK_LEXICON.names[group] == "request":
            request += 1
        else:
            fault += 1
    return request, fault


def work_values(title: str, plain: str) -> dict[str, float]:
    """Request and fault cues of the ticket's title and of the note's opening words."""
    title = " ".join((title or "").split())[:300]
    title_request, title_fault = _counts(title) if title else (0, 0)
    lead = " ".join(tokenize(plain[:400].lower())[:LEAD_TOKENS])
    lead_request, lead_fault = _counts(lead)
    request_only = title_request > 0 and title_fault == 0
    return {
        "title_given": float(bool(title)),
        "title_request": math.log1p(title_request),
        "title_fault": math.log1p(title_fault),
        "title_request_only": float(request_only),
        "lead_request": math.log1p(lead_request),
        "lead_fault": math.log1p(lead_fault),
        "request_no_fault": float(
            (request_only or (lead_request > 0 and not title)) and lead_fault == 0
        ),
    }
