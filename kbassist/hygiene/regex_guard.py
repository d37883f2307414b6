"""A hot regex compiled with a lookahead of the characters its matches can start with.

Python's regex engine tries a pattern at every place of a text. A pattern that opens with
``\\b`` or a lookbehind and then an alternation of words ("\\b(?:code|pin|combination)...")
enters its alternation at each place before it fails; one that opens with a one-character
lookahead (``(?=[cp])``) fails at once where no match can start, about twice as fast over a
note with no match (session 6 wrote such guards by hand; tests/test_regex_guards.py checks
those). :func:`guarded` writes the guard from the pattern itself, so it is exact by
construction: the class holds every character a match's first consumed character can be, and
the guard is left out where that cannot be told (a pattern that may match the empty string, or
one opening with ``.``, a negated class or a back-reference) and where it would let nearly
every character through (a word's character may start a match).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any

try:  # the standard library's regex parser (sre_parse) and its opcodes; private, hence this
    C: Any = importlib.import_module("re._parser")
    # Zero-width openings, passed over: a match's first character is what comes after them
    _ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
    _REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}
    _CATEGORIES = {
        C.CATEGORY_DIGIT: r"\d",
        C.CATEGORY_NOT_DIGIT: r"\D",
        C.CATEGORY_SPACE: r"\s",
        C.CATEGORY_NOT_SPACE: r"\S",
        C.CATEGORY_WORD: r"\w",
        C.CATEGORY_NOT_WORD: r"\W",
    }
except (ImportError, AttributeError):  # pragma: no cover - another Python: no guards
    C = None
# Classes a guard holding one of them lets nearly every place of a text through
_BROAD = (r"\w", r"\W", r"\S", r"\D")
_LEADING_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")


class _Unknown(Exception):
    """The first character of a match cannot be told from this pattern."""


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """The body of a character class that holds the first character of every match, or None
    when it cannot be told. Compiled with the pattern's flags, the class folds case as the
    pattern does."""
    if C is None:
        return None
    parsed = C.parse(pattern, flags)
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    items: list[str] = []
    try:
        if _first(list(parsed), items, ignore_case):
            return None  # the pattern may match the empty string
    except _Unknown:
        return None
    return "".join(dict.fromkeys(items))


def _first(ops: list, items: list[str], ignore_case: bool) -> bool:
    """Add to items what can start a match of ops; True when ops can match the empty string."""
    for op, arg in ops:
        if op in _ZERO_WIDTH:
            continue
        if op == C.LITERAL:
            items.append(_escaped(arg))
            return False
        if op == C.IN:
            items.extend(_class_items(arg))
            return False
        if op == C.SUBPATTERN:
            _, added, _, body = arg
            if added & re.IGNORECASE and not ignore_case:
                raise _Unknown  # "(?i:...)" inside a case-sensitive pattern
            if not _first(list(body), items, ignore_case):
                return False
            continue
        if op == C.ATOMIC_GROUP:
            if not _first(list(arg), items, ignore_case):
                return False
            continue
        if op == C.BRANCH:
            if not any([_first(list(branch), items, ignore_case) for branch in arg[1]]):
                return False
            continue
        if op in _REPEATS:
            low, _, body = arg
            if not _first(list(body), items, ignore_case) and low > 0:
                return False
            continue
        raise _Unknown  # ".", a negated literal, a back-reference...
    return True


def _class_items(members: list) -> list[str]:
    out = []
    for op, arg in members:
        if op == C.LITERAL:
            out.append(_escaped(arg))
        elif op == C.RANGE:
            out.append(f"{_escaped(arg[0])}-{_escaped(arg[1])}")
        elif op == C.CATEGORY and arg in _CATEGORIES:
            out.append(_CATEGORIES[arg])
        else:
            raise _Unknown  # a negated class: anything else may start a match
    return out


def _escaped(code: int) -> str:
    """A character as it stands in a class: itself, escaped where it means something there."""
    character = chr(code)
    if character.isprintable() and not character.isspace():
        return re.escape(character)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else (f"\\U{code:08x}")
    )


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` with its first characters' lookahead put in front (after
    the pattern's own leading flags), or without one when they cannot be told. The regex
    matches exactly what the pattern matches."""
    characters = first_characters(pattern, flags)
    if characters is None or any(broad in characters for broad in _BROAD):
        return re.compile(pattern, flags)  # none, or one that lets nearly every place through
    opening = _LEADING_FLAGS.match(pattern)
    cut = opening.end() if opening else 0
    regex = re.compile(f"{pattern[:cut]}(?=[{characters}]){pattern[cut:]}", flags)
    GUARDED.append((regex, pattern, flags))
    return regex


# Each guarded regex with the pattern and flags it was written from: the tests compare them.
GUARDED: list[tuple[re.Pattern[str], str, int]] = []


def kept_matches(
    regex: re.Pattern[str], text: str, refused: Callable[[re.Match[str]], bool]
) -> Iterator[re.Match[str]]:
    """The regex's matches in the text that ``refused`` lets stand. After a refused match the
    search goes on from its next character, where a later start may make a match of its own
    ("tax code ... PIN two four ..."); after a kept one, from its end."""
    at = 0
    while (match := regex.search(text, at)) is not None:
        if refused(match):
            at = match.start() + 1
            continue
        yield match
        at = max(match.end(), match.start() + 1)
