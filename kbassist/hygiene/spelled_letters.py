"""Values read out in the NATO alphabet: "read it to her over the phone: Kilo Seven Delta Two
Zulu Nine", "the new one ... which is bravo echo alpha charlie hotel 2 0 2 4 exclamation".

A run of four or more spelling words (NATO letters, English digit words, single digits and a
few spoken symbols) with at least two NATO letters is what it spells: ``K7D2Z9``,
``BEACH2024!``. :mod:`kbassist.hygiene.spoken_digits` puts the spelled value in the text's
place and runs the rules over it, as it does for digits said in words (session 16; blind82's
two such notes, read in session 15, were the last known misses of this kind).
"""

from __future__ import annotations

import re

from kbassist.hygiene.hint_index import trie_pattern

_NATO = {
    word: word[0].upper()
    for word in """alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett
    kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky
    xray x-ray yankee zulu""".split()
}
_SPOKEN = {
    **{
        w: str(d) for d, w in enumerate("zero one two three four five six seven eight nine".split())
    },
    "oh": "0",
    "exclamation": "!",
    "hash": "#",
    "hashtag": "#",
    "dash": "-",
    "hyphen": "-",
    "underscore": "_",
    "dot": ".",
}
_WORDS = sorted({*_NATO, *_SPOKEN}, key=len, reverse=True)
_PIECE_WORD = rf"(?:(?:{trie_pattern(_WORDS)})(?![\w-])|\d(?!\w))"
_RUN = re.compile(rf"(?i)(?<![\w-]){_PIECE_WORD}(?:[ \t]*,?[ \t]+{_PIECE_WORD}){{3,}}")
_PIECE = re.compile(rf"(?i){_PIECE_WORD}")
_ANY_NATO = re.compile(trie_pattern(sorted(_NATO, key=len, reverse=True)))


def spelled_runs(text: str, lowered: str) -> list[tuple[int, int, str]]:
    """(start, end, the value spelled) for each run with two NATO letters or more."""
    if not _ANY_NATO.search(lowered):
        return []
    runs = []
    for match in _RUN.finditer(text):
        pieces = [piece.group(0).lower() for piece in _PIECE.finditer(match.group(0))]
        if sum(piece in _NATO for piece in pieces) < 2:
            continue
        spelled = "".join(_NATO.get(piece) or _SPOKEN.get(piece) or piece for piece in pieces)
        runs.append((match.start(), match.end(), spelled))
    return runs
