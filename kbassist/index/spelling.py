"""Typo handling: nearest spellings from an index's own vocabulary, and "did you mean".

Unknown words are expanded to their nearest spellings in the index (``Speller``),
which also gives the suggestion shown above the results.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kbassist.index.query import ParsedQuery


@dataclass(frozen=True)
class Correction:
    word: str
    suggestions: tuple[str, ...]  # best first


class Speller:
    """Nearest spellings from an index vocabulary (word -> document frequency).

    Candidates come from a one-deletion neighbourhood (SymSpell style), which
    catches every single edit and most double ones; they are then ranked by
    true edit distance, then frequency, then the word itself.
    """

    RARE = 2  # a word this rare may itself be a typo of a much commoner word
    DOMINANCE = 20  # ...if the commoner word is this many times as frequent

    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        self.vocabulary = {w: n for w, n in vocabulary.items() if correctable(w)}
        self._deletes: dict[str, list[str]] | None = None

    def _neighbours(self) -> dict[str, list[str]]:
        if self._deletes is None:
            deletes: dict[str, list[str]] = {}
            for word in sorted(self.vocabulary):
                for variant in _deletions(word):
                    deletes.setdefault(variant, []).append(word)
            self._deletes = deletes
        return self._deletes

    def candidates(self, word: str, limit: int = 3) -> tuple[tuple[str, int, int], ...]:
        """Up to ``limit`` (spelling, distance, frequency), nearest and commonest first."""
        if not correctable(word):
            return ()
        neighbours = self._neighbours()
        seen: set[str] = set()
        for variant in _deletions(word):
            seen.update(neighbours.get(variant, ()))
        seen.discard(word)
        most = 1 if len(word) <= 4 else 2
        ranked = []
        for candidate in seen:
            distance = edit_distance(word, candidate)
            if distance <= most:
                ranked.append((candidate, distance, self.vocabulary[candidate]))
        ranked.sort(key=lambda item: (item[1], -item[2], item[0]))
        return tuple(ranked[:limit])

    def correct(self, word: str) -> Correction | None:
        """Suggestions for a word that is unknown, or rare beside a common near-twin."""
        frequency = self.vocabulary.get(word, 0)
        if frequency > self.RARE or not correctable(word):
            return None
        found = self.candidates(word)
        if frequency:
            found = tuple(c for c in found if c[1] == 1 and c[2] >= self.DOMINANCE * frequency)
        if not found:
            return None
        return Correction(word, tuple(candidate for candidate, _, _ in found[:2]))


def correctable(word: str) -> bool:
    # Codes and numbers are never "corrected": 0x80070005 and 0x80070050 are different errors.
    return word.isalpha() and 3 <= len(word) <= 30


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(first: str, second: str) -> int:
    """Optimal string alignment distance (a transposition counts as one edit)."""
    if first == second:
        return 0
    rows = [list(range(len(second) + 1))]
    for i, a in enumerate(first, 1):
        row = [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def suggestion_text(parsed: ParsedQuery, corrections: Sequence[Correction]) -> str | None:
    """The query as typed with each misspelt word replaced by its best spelling."""
    if not corrections:
        return None
    text = parsed.text
    for correction in corrections:
        pattern = re.compile(rf"(?<![^\W_]){re.escape(correction.word)}(?![^\W_])", re.IGNORECASE)
        text = pattern.sub(correction.suggestions[0], text)
    return text if text.casefold() != parsed.text.casefold() else None
