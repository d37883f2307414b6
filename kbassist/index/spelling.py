"""Typo handling: nearest spellings from an index's own vocabulary, and "did you mean".

Two uses, with two levels of caution. For ranking, an unknown or rare word is
expanded to its nearest spellings in the index (``Speller.correct``): an extra
term costs little when wrong. For the "did you mean" text (``Speller.suggest``)
a word is replaced only when nothing says it is right: never a negation (a
"cant" corrected to "can" says the opposite), never a word the corpus, the
product vocabulary or common English holds, never part of a code or host name,
and only when one spelling clearly wins: the nearest, reached by a likely slip
of the fingers (a letter left out, a neighbouring key), with no rival as near
and about as common. When one word of a query is doubtful, the query gets no
suggestion at all.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from kbassist.index.query import ParsedQuery
from kbassist.index.wordforms import (
    all_forms,
    inflection_of,
    regular_form,
    related_forms,
    right_forms,
)

# Words that turn a statement into its opposite, with the apostrophe-less spellings
# people type. They are never replaced and never put in place of another word.
# "wouldn't" reaches the speller as "wouldn" and "t": those halves are negations too.
NEGATIONS = frozenset(
    "not no nor never none nothing nobody neither without unable cannot cant dont doesnt "
    "didnt isnt wasnt arent werent wont wouldnt shouldnt couldnt hasnt havent hadnt aint "
    "mustnt neednt don doesn didn isn wasn aren weren wouldn shouldn couldn hasn haven hadn "
    "ain mustn needn".split()
)


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
    # "Did you mean" picks a spelling only when it is this many times as common in the
    # index as the next one equally near ("dsk": disk or desk?); otherwise it says nothing.
    CLEAR_WINNER = 5.0
    SHORT = 4  # words this short change only by an added letter or a swap
    PRODUCT_COUNT = 1000  # a product word's rank among English spellings: a common word's
    # A known word the index lacks, one likely slip from an index word this many times as
    # common in English, may be a slip itself ("login lop": loop): no suggestion for its query.
    REAL_WORD_RATIO = 10.0

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        *,
        products: Collection[str] = (),
        english: Collection[str] = (),
        common: Mapping[str, int] | None = None,
    ) -> None:
        self.vocabulary = {w: n for w, n in vocabulary.items() if correctable(w)}
        self.products = frozenset(products)
        self.english = english
        # Common English words are spellings to suggest too ("instaling": installing), after
        # any the index holds; their counts (from English text) only rank them among themselves.
        self.common = {w: n for w, n in (common or {}).items() if correctable(w)}
        # Product words are right as typed, and spellings to suggest ranked like a common
        # English word: a product the index never mentions ("axcess") is no likelier than
        # the common word one letter away ("access").
        for word in self.products:
            if correctable(word) and word not in self.vocabulary:
                self.common[word] = max(self.common.get(word, 0), self.PRODUCT_COUNT)
        self._deletes: dict[str, list[str]] | None = None

    def _neighbours(self) -> dict[str, list[str]]:
        if self._deletes is None:
            deletes: dict[str, list[str]] = {}
            for word in sorted(self.vocabulary.keys() | self.common.keys()):
                for variant in _deletions(word):
                    deletes.setdefault(variant, []).append(word)
            self._deletes = deletes
        return self._deletes

    def _within_reach(self, word: str) -> list[tuple[str, int]]:
        """Known spellings within 1 edit (words up to 4 letters) or 2 edits, with the distance."""
        neighbours = self._neighbours()
        seen: set[str] = set()
        for variant in _deletions(word):
            seen.update(neighbours.get(variant, ()))
        seen.discard(word)
        most = 1 if len(word) <= 4 else 2
        near = ((candidate, edit_distance(word, candidate)) for candidate in seen)
        return [(candidate, distance) for candidate, distance in near if distance <= most]

    def candidates(self, word: str, limit: int = 3) -> tuple[tuple[str, int, int], ...]:
        """Up to ``limit`` (spelling, distance, frequency) from the index, nearest first."""
        if not correctable(word):
            return ()
        ranked = [
            (candidate, distance, self.vocabulary[candidate])
            for candidate, distance in self._within_reach(word)
            if candidate in self.vocabulary
        ]
        ranked.sort(key=lambda item: (item[1], -item[2], item[0]))
        return tuple(ranked[:limit])

    def _spellings(self, word: str) -> list[tuple[str, int, int, int]]:
        """(spelling, distance, index frequency, English count), nearest first."""
        ranked = [
            (candidate, distance, self.vocabulary.get(candidate, 0), self.common.get(candidate, 0))
            for candidate, distance in self._within_reach(word)
            if candidate not in NEGATIONS
        ]
        ranked.sort(key=_nearest_first)
        return ranked

    def correct(self, word: str) -> Correction | None:
        """Spellings to search for too: a word that is unknown, or rare beside a common twin."""
        frequency = self.vocabulary.get(word, 0)
        if frequency > self.RARE or not correctable(word) or word in NEGATIONS:
            return None
        if word in self.products or word in self.english:
            return None  # right as typed: "draining" is no typo of "training"
        found = self.candidates(word)
        if frequency:
            found = tuple(c for c in found if c[1] == 1 and c[2] >= self.DOMINANCE * frequency)
        if not found:
            return None
        return Correction(word, tuple(candidate for candidate, _, _ in found[:2]))

    def prepare(self) -> None:
        """Build the neighbourhood table now rather than on the first unknown word."""
        self._neighbours()

    def known(self, word: str) -> bool:
        """Whether a word is right as typed: in the index, the product vocabulary or English."""
        return word in self.vocabulary or word in self.products or word in self.english

    def suggest(self, word: str) -> str | None:
        """The one spelling "did you mean" may put in place of ``word``, or None.

        None unless the best spelling is clearly better than keeping the word:
        - the word is no known word nor a regular form of known ones (``scheduler``,
          ``resync``, ``bootloop``, British ``organisation``), nor a negation misspelt
          (``dosnt`` must not become "dost");
        - the spelling keeps the first letter (typos rarely hit it; user names do);
        - a word of up to four letters changes only by an added letter or a swap (a
          three-letter acronym is one substitution from many others: api, app);
        - a spelling only common English vouches for (not the index, not the product
          words) is one edit away;
        - it is the nearest spelling (the index's words first among equally near ones),
          and one edit away it is a likely slip (``likely_slip``: not "offine" for office);
        - no other spelling as near, from the same source and as likely a slip, is
          nearly as common.
        A known stem with a misspelt ending gets its right form (``jamed``: jammed).
        """
        return self._verdict(word)[0]

    def suggestions(self, words: Iterable[str]) -> dict[str, str]:
        """The spellings "did you mean" puts in place of ``words``: none at all while one
        of them is doubtful, since the query shown would still hold a typo: a typo with
        no clear spelling ("dsk": disk or desk?) or none in reach, or a rare word one
        likely slip from a much commoner index word ("login lop": loop)."""
        out: dict[str, str] = {}
        for word in dict.fromkeys(words):
            spelling, doubtful = self._verdict(word)
            if doubtful:
                return {}
            if spelling:
                out[word] = spelling
        return out

    def _verdict(self, word: str) -> tuple[str | None, bool]:
        """(the spelling or None, whether ``word`` looks misspelt with no clear spelling)."""
        if not correctable(word) or word in NEGATIONS:
            return None, False
        if self.known(word):
            return None, self._real_word_slip(word)
        if regular_form(word, self.known, self._domain):
            return None, False
        if self._near_negation(word):
            return None, False  # a misspelt negation must not become a word that drops it
        found = self._inflected(word, self._spellings(word))
        right = {f: stem for f, stem in right_forms(word, self.known).items() if f not in NEGATIONS}
        if right:
            return self._right_form(word, right, found)
        if not found:
            return None, True  # a typo with nothing in reach: the query would still hold it
        best = found[0]
        if best[0][0] != word[0]:
            return None, False  # "mbrown" is a user name, not brown
        if len(word) <= self.SHORT and not _adds_or_swaps(word, best[0]):
            return None, False
        if not best[2] and best[1] > 1:
            return None, False  # two edits reach some English word from most names ("priya")
        return self._clear_winner(word, best, found)

    def _right_form(
        self, word: str, right: dict[str, str], found: list[tuple[str, int, int, int]]
    ) -> tuple[str | None, bool]:
        """A known stem with a misspelt ending ("jamed", "deliverd"): its right form
        (jammed, delivered), whatever word the letters are nearer to (james, delivery),
        unless a word one likely slip away, no form of the same stem, is commoner English
        ("reder": reader, not redder)."""
        if len(right) > 1:
            return None, True
        ((form, stem),) = right.items()
        if len(word) <= self.SHORT and not _adds_or_swaps(word, form):
            return None, True  # "jabr" is no jab + er: a short word takes one letter at most
        count = self.common.get(form, 0)
        same = all_forms(stem)
        others = [
            c
            for c in found
            if c[1] == 1 and c[0] not in same and c[0][0] == word[0] and likely_slip(word, c[0])
        ]
        if any(c[3] > count for c in others):
            return None, True
        return form, False

    def _clear_winner(
        self, word: str, best: tuple[str, int, int, int], found: list[tuple[str, int, int, int]]
    ) -> tuple[str | None, bool]:
        """``best`` when no other spelling as near is about as likely, else unsure."""
        likely = best[1] == 1 and likely_slip(word, best[0])
        if best[1] == 1 and not likely:
            # "offine": office needs an n typed for a c (keys apart, different sounds), a
            # slip too unlikely to stand on; offline, the index's word too, needs only a
            # dropped letter. The one index word a likely slip away wins, else nothing.
            likelier = [
                c
                for c in found
                if c[1] == 1 and c[2] > 0 and c[0][0] == word[0] and likely_slip(word, c[0])
            ]
            if len(likelier) != 1:
                return None, True
            best, likely = likelier[0], True
        rivals = [c for c in found if c is not best and c[1] == best[1]]
        rivals = [c for c in rivals if (c[2] > 0) == (best[2] > 0)]
        if likely:
            # A spelling only an unlikely slip reaches is no rival to a likely one
            # ("batery": battery, not bakery, r for k).
            rivals = [c for c in rivals if likely_slip(word, c[0])]
        if rivals:
            rival = rivals[0]
            # Compare like with like: index frequencies, else English counts.
            mine, theirs = (best[2], rival[2]) if best[2] else (best[3], rival[3])
            if mine < self.CLEAR_WINNER * theirs:
                return None, True
        return best[0], False

    def _real_word_slip(self, word: str) -> bool:
        """Whether a known word looks like a slip for a much commoner index word one
        likely slip away ("login lop": loop), as a rare English word the index lacks.
        Another form of the same word is no such slip ("timed" beside time)."""
        if not self.REAL_WORD_RATIO or word in self.vocabulary or word in self.products:
            return False
        count = self.common.get(word, 0)
        relatives = related_forms(word, self.known)
        for candidate, distance in self._within_reach(word):
            if distance != 1 or self.vocabulary.get(candidate, 0) <= self.RARE:
                continue
            if candidate in relatives or word in all_forms(candidate):
                continue
            if len(word) <= self.SHORT and not _adds_or_swaps(word, candidate):
                continue
            if not likely_slip(word, candidate):
                continue
            if self.common.get(candidate, 0) >= self.REAL_WORD_RATIO * max(count, 1):
                return True
        return False

    def _domain(self, word: str) -> bool:
        """The index's and the product words (not all of English)."""
        return word in self.vocabulary or word in self.products

    def _near_negation(self, word: str) -> bool:
        """Whether ``word`` is one slip from a negation ("dosnt", "canot", "havnt")."""
        return any(
            abs(len(word) - len(negation)) <= 1 and edit_distance(word, negation) <= 1
            for negation in NEGATIONS
        )

    def _inflected(
        self, word: str, found: list[tuple[str, int, int, int]]
    ) -> list[tuple[str, int, int, int]]:
        """Spellings with a bare stem of ``word`` swapped for its right inflection: for
        ``prioritys``, priority gives way to priorities; a stem with no known form goes."""
        out: dict[str, tuple[str, int, int, int]] = {}
        for candidate in found:
            spellings = inflection_of(word, candidate[0], self.known)
            if spellings is None:
                out.setdefault(candidate[0], candidate)
                continue
            for spelling in sorted(spellings - NEGATIONS - {word}):
                out.setdefault(
                    spelling,
                    (
                        spelling,
                        # One slip (a wrong ending), however many letters it takes to fix.
                        min(edit_distance(word, spelling), candidate[1]),
                        self.vocabulary.get(spelling, 0),
                        self.common.get(spelling, 0),
                    ),
                )
        return sorted(out.values(), key=_nearest_first)


# QWERTY rows: a key's neighbours are beside it and the touching keys of the rows above and below.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWEL_LETTERS = frozenset("aeiouy")
# Letters that stand for the same sound often enough to be typed for each other.
_SOUND_ALIKE = frozenset(
    frozenset(pair) for pair in ("ck", "cs", "kq", "sz", "dt", "bp", "gj", "fv", "vw", "mn", "xz")
)


def _keyboard() -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {}
    for row, keys in enumerate(_ROWS):
        for column, key in enumerate(keys):
            found = near.setdefault(key, set())
            found.update(keys[max(column - 1, 0) : column + 2])
            # Row r's key c touches keys c and c+1 of row r-1 (the rows are staggered).
            if row > 0:
                found.update(_ROWS[row - 1][column : column + 2])
            if row + 1 < len(_ROWS):
                found.update(_ROWS[row + 1][max(column - 1, 0) : column + 1])
    for key, found in near.items():
        for other in found:
            near.setdefault(other, set()).add(key)
    return {key: frozenset(found - {key}) for key, found in near.items()}


_NEIGHBOURS = _keyboard()


def _alike(typed: str, meant: str) -> bool:
    """Whether one letter typed for another is a likely slip: a neighbouring key, a
    vowel for a vowel, or a letter for one that sounds the same."""
    if typed == meant:
        return True
    if typed in _VOWEL_LETTERS and meant in _VOWEL_LETTERS:
        return True
    return meant in _NEIGHBOURS.get(typed, ()) or frozenset((typed, meant)) in _SOUND_ALIKE


def likely_slip(typed: str, spelling: str) -> bool:
    """Whether ``typed`` is ``spelling`` with one common slip: a letter left out, two
    neighbours swapped, a neighbouring or same-sounding letter typed for the right one,
    or a letter added beside a letter it repeats or touches on the keyboard. A slip
    such as "offine" for office (n for c) is rarer than a dropped letter (offline)."""
    if len(spelling) == len(typed) + 1:
        return True
    if len(spelling) + 1 == len(typed):
        for i in range(len(typed)):
            if typed[:i] + typed[i + 1 :] == spelling:
                around = typed[max(i - 1, 0) : i] + typed[i + 1 : i + 2]
                if any(_alike(typed[i], letter) for letter in around):
                    return True
        return False
    if len(spelling) != len(typed):
        return False
    differ = [i for i, (a, b) in enumerate(zip(typed, spelling, strict=True)) if a != b]
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        i = differ[0]
        return typed[i] == spelling[i + 1] and typed[i + 1] == spelling[i]
    return len(differ) == 1 and _alike(typed[differ[0]], spelling[differ[0]])


def _nearest_first(candidate: tuple[str, int, int, int]) -> tuple[int, bool, int, int, str]:
    """Nearest first; at one distance the index's own words (the domain's), the commonest
    first, then English words by their count."""
    word, distance, frequency, count = candidate
    return distance, frequency == 0, -frequency, -count, word


def _adds_or_swaps(typed: str, spelling: str) -> bool:
    """Whether ``spelling`` is ``typed`` with one letter added or two neighbours swapped."""
    if len(spelling) == len(typed) + 1:
        return any(spelling[:i] + spelling[i + 1 :] == typed for i in range(len(spelling)))
    if len(spelling) == len(typed):
        return any(
            typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :] == spelling
            for i in range(len(typed) - 1)
        )
    return False


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


def suggestion_text(parsed: ParsedQuery, replacements: Mapping[str, str]) -> str | None:
    """The query as typed with each misspelt word replaced by its spelling.

    A word typed in capitals (``PAC``, ``MDT``) is an acronym, kept as typed, unless
    the whole query is in capitals.
    """
    if not replacements:
        return None
    text = parsed.text
    shouting = not any(ch.islower() for ch in text)

    def spelt(match: re.Match[str]) -> str:
        typed = match.group(0)
        if not shouting and len(typed) > 1 and typed.isupper():
            return typed
        return replacements.get(typed.casefold(), typed)

    for word in replacements:
        # A whole word only, and never inside a code, host name, address or path
        # (SRV-FS01, fw01.local, jsmith@contoso.com, \\server\share, /admin/users).
        pattern = re.compile(rf"(?<![\w.\\/@-]){re.escape(word)}(?![\w\\/@-]|\.\w)", re.IGNORECASE)
        text = pattern.sub(spelt, text)
    return text if text.casefold() != parsed.text.casefold() else None
