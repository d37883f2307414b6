"""Exact tokens in a query: error codes, ids, host names and quoted phrases.

A technician who types ``0x80070005``, ``event 7031``, ``KB5034441``, ``T-10234``
or ``SRV-FS01`` means that string, not its neighbours: documents holding it rank
first, the speller never touches it, and when no document holds it the search
says so. Pure functions over a parsed query; the shapes are described in
docs/search.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbassist.index.query import WORD, ParsedQuery

# Words after which a number is a code: "event 7031", "HTTP 401", "error 1603".
CODE_CONTEXT = frozenset(
    "event eventid id error err code status http smtp exit stop ndr bugcheck kb".split()
)
_STRIP = "()[]{}<>,;:!?'\"`*"
_HEX = re.compile(r"^0x[0-9a-f]{4,16}$", re.IGNORECASE)
_BARE_HEX = re.compile(r"^(?=[0-9a-f]*[a-f])(?=(?:[a-f]*[0-9]){5})[0-9a-f]{8}$", re.IGNORECASE)
# Letters then four or more digits, or letters-hyphen-digits: KB5034441, AADSTS50076,
# INC0012345, T-10234, KB-0001. (m365, win10, office365 stay words.)
_ID = re.compile(r"^[a-z]{1,8}(?:\d{4,}|-\d+)$", re.IGNORECASE)
# Letters then a zero-padded number: DC01, EXCH02, FS01 (host names, not win10 or m365).
_PADDED = re.compile(r"^[a-z]{2,8}0\d{1,3}$", re.IGNORECASE)
# Parts joined by hyphens or dots, with a digit somewhere: SRV-FS01, WKS-ACC-114,
# fw01.contoso.local, CVE-2024-21762, LAPTOP-4F2K, 802.1x; and any three-part dotted name.
_JOINED = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)+$", re.IGNORECASE)
_DOTTED_NAME = re.compile(r"^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+){2,}$", re.IGNORECASE)
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?$")
_SMTP_STATUS = re.compile(r"^[245]\.\d{1,3}\.\d{1,3}$")
_CONSTANT = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
_LONG_NUMBER = re.compile(r"^\d{5,}$")
_NUMBER = re.compile(r"^\d{3,}$")


@dataclass(frozen=True)
class ExactToken:
    """A string the query means literally: shown as typed, matched as its words in order."""

    text: str
    words: tuple[str, ...]


def exact_tokens(parsed: ParsedQuery) -> tuple[ExactToken, ...]:
    """The query's codes, ids, host names and quoted phrases, in the order typed."""
    found: dict[tuple[str, ...], ExactToken] = {}
    tokens = [token.strip(_STRIP) for token in parsed.text.split()]
    for position, token in enumerate(tokens):
        previous = tokens[position - 1].casefold() if position else ""
        if token.startswith("-") or not is_exact(token, previous):
            continue
        words = tuple(word.casefold() for word in WORD.findall(token))
        if words and words not in found:
            found[words] = ExactToken(token.rstrip("."), words)
    for phrase in parsed.phrases:
        if phrase not in found:
            found[phrase] = ExactToken(f'"{" ".join(phrase)}"', phrase)
    return tuple(found.values())


def is_exact(token: str, previous: str = "") -> bool:
    """Whether one typed token is a code, id or host name (``previous``: the word before)."""
    token = token.strip(_STRIP).rstrip(".")
    if len(token) < 3 or len(token) > 80:
        return False
    if token.startswith("\\\\"):  # a UNC path: \\server\share
        return True
    if _NUMBER.match(token):
        return bool(_LONG_NUMBER.match(token)) or previous.strip(_STRIP) in CODE_CONTEXT
    if _CONSTANT.match(token):
        return True
    if any(
        pattern.match(token)
        for pattern in (_HEX, _BARE_HEX, _ID, _PADDED, _IPV4, _SMTP_STATUS, _DOTTED_NAME)
    ):
        return True
    has_digit = any(ch.isdigit() for ch in token)
    has_letter = any(ch.isalpha() for ch in token)
    return bool(_JOINED.match(token)) and has_digit and has_letter


def protected_words(parsed: ParsedQuery) -> frozenset[str]:
    """Words the speller must leave alone because they belong to an exact token."""
    return frozenset(word for token in exact_tokens(parsed) for word in token.words)
