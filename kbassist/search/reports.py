"""The words of a long ticket that say what is wrong: boilerplate and pasted logs left out.

A ticket that arrives by e-mail carries banners, greetings, signatures,
disclaimers, forwarded headers and pasted logs or stack traces; compared whole,
two reports of one problem look less alike than two reports with the same
signature. ``clean_report`` keeps the prose lines, ``passages`` cuts the rest
into windows the embedding model reads whole (it stops at 256 word pieces).
Pure functions; docs/search.md says how they were checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PASSAGE_WORDS = 120  # about 170 word pieces: within MiniLM's 256 with the title in front
MAX_PASSAGES = 6

_SIGN_OFF = re.compile(
    r"^(kind|best|warm|many)?\s*(regards|thanks|thank you|cheers|sincerely|best wishes)\b[\s,.!]*"
    r"(\w+\s*){0,3}$",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^(hi|hello|hey|dear|good (morning|afternoon|evening)|morning|afternoon)\b[^.?!]{0,40}$",
    re.IGNORECASE,
)
_HEADER = re.compile(r"^(from|sent|to|cc|bcc|subject|date|reply-to|importance)\s*:", re.IGNORECASE)
_FORWARD = re.compile(r"^-{2,}\s*(original message|forwarded message)|^begin forwarded", re.I)
_BOILERPLATE = re.compile(
    r"caution|originated from outside|do not click|confidential|intended recipient|"
    r"disclaimer|privileged|registered (in|office)|company (no|number|registration)|"
    r"sent from my|get outlook for|reply above this line|please consider the environment|"
    r"unsubscribe|this (e-?mail|message) (and any|is intended|may contain)|vat (no|number)|"
    r"virus|legally|notify the sender|www\.|https?://|@\w+\.\w+|\+?\d[\d ()-]{8,}\d",
    re.IGNORECASE,
)
_LOG = re.compile(
    r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}|\b\d{1,2}:\d{2}:\d{2}\b|^\s*at [\w$.<>]+[.(]|"
    r'^\s*File ".*", line \d+|Traceback \(most recent|^\s*\[[^\]]{3,}\]|^\s*[{<]|'
    r"\w=\S+.*\w=\S+|\. \. \.|0x[0-9a-f]{6,}|\\\\|[A-Z]:\\|/(usr|var|etc|opt|home)/",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][a-z]+(?:'[a-z]+)?")


def clean_report(text: str) -> str:
    """The prose of a ticket: no banners, greetings, signatures, disclaimers or log lines."""
    kept: list[str] = []
    seen: set[str] = set()
    skipping = False  # after a sign-off, until the next forwarded message
    in_header = False
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            in_header = False
            continue
        if _FORWARD.search(line) or _HEADER.match(line):
            skipping, in_header = False, True
            continue
        if in_header or skipping:
            continue
        if _SIGN_OFF.match(line):
            skipping = True
            continue
        if _GREETING.match(line) or _BOILERPLATE.search(line) or not is_prose(line):
            continue
        key = line.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(line)
    return "\n".join(kept)


def is_prose(line: str) -> bool:
    """A line of words rather than a log entry, a trace, an address or a key/value dump."""
    if _LOG.search(line):
        return False
    tokens = line.split()
    if not tokens:
        return False
    words = [token for token in tokens if _WORD.fullmatch(token.strip(".,;:!?()\"'"))]
    return len(words) >= 3 and len(words) >= 0.6 * len(tokens)


def passages(text: str, size: int = PASSAGE_WORDS, most: int = MAX_PASSAGES) -> list[str]:
    """Windows of about ``size`` words, cut at line ends where possible; at most ``most``."""
    out: list[str] = []
    current: list[str] = []
    for line in _lines(text):
        words = line.split()
        if current and len(current) + len(words) > size:
            out.append(" ".join(current))
            current = []
        current.extend(words)
        while len(current) > size:
            out.append(" ".join(current[:size]))
            current = current[size:]
    if current:
        out.append(" ".join(current))
    return out[:most]


def _lines(text: str) -> Iterable[str]:
    return (line for line in text.splitlines() if line.strip())
