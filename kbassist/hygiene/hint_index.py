"""Which of many rules' hint words occur in a text, found in one regex scan; and the keyword
regexes' matches in the last text, shared by their readers.

A keyword rule runs its regex only when one of its hints (lower-case substrings such as
"pin", "kennwort", "vm:") occurs in the text. Asking ``hint in text`` for each of some
three hundred hints reads the text three hundred times; one alternation of every hint,
written as a trie, reads it once.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any


class HintIndex:
    """Every hint of a set of rules, and which of them a lower-cased text holds."""

    def __init__(self, hints: Iterable[str]) -> None:
        ordered = sorted(set(hints))
        # At a position, the regex takes the longest hint that starts there; the shorter
        # hints there are its prefixes, so each found hint brings its substrings.
        self._regex = re.compile(trie_pattern(ordered)) if ordered else None
        self._within = {
            hint: frozenset(other for other in ordered if other in hint) for hint in ordered
        }
        self._last: tuple[str, frozenset[str]] = ("", frozenset())

    def present(self, lowered: str) -> frozenset[str]:
        """The hints that occur in the text, each as a substring (``hint in lowered``)."""
        last = self._last  # read once: another thread may replace it
        if last[0] == lowered:  # the same text asked again by another detector
            return last[1]
        found: set[str] = set()
        if self._regex is not None:
            search, within = self._regex.search, self._within
            match = search(lowered)
            while match is not None:
                found |= within[match.group()]
                match = search(lowered, match.start() + 1)
        result = frozenset(found)
        self._last = (lowered, result)
        return result


def trie_pattern(words: Iterable[str]) -> str:
    """One regex of the words as a trie ("p(?:in|w(?:d)?)"), matching the longest at a place.

    The regex engine tries an alternation's branches one by one; as a trie, each character
    is tried against the few that may follow, about twice as fast as a flat alternation.
    """
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # a word may end here: the longer words are tried first (greedy), then the end
        return f"(?:{body})?" if "" in node else body

    return emit(root)


_SCANNED = threading.local()


def keyword_matches(regex: re.Pattern[str], haystack: str) -> list[re.Match[str]]:
    """A keyword regex's matches in a text, kept for the text's next reader.

    The keyword reader and the token model's features both need where the secret keywords
    stand; the second asks for the same text, and gets the matches without a second scan.
    Only the last text is kept, per thread.
    """
    memo: tuple[str, dict[re.Pattern[str], list[re.Match[str]]]] | None
    memo = getattr(_SCANNED, "memo", None)
    if memo is None or memo[0] != haystack:
        memo = (haystack, {})
        _SCANNED.memo = memo
    table = memo[1]
    found = table.get(regex)
    if found is None:
        found = list(regex.finditer(haystack))
        table[regex] = found
    return found
