"""Words the speller must take as right: the product vocabulary and common English.

The product vocabulary ships as ``vocabulary.txt`` beside this module (vendor,
product and tool names an MSP types: intune, fortigate, gpupdate...); an
instance adds its own in ``HOME/vocabulary.txt``. Common English comes from
pyspellchecker's word-frequency list (MIT): a real word the knowledge base
happens not to use ("draining", "flickering") is no typo. Both load on first
use and are kept for the process.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

# A word seen at least this often in pyspellchecker's English list counts as English.
# Its rarest entries include misspellings people make often enough to be counted.
ENGLISH_MIN_COUNT = 200
# Words at least this common are spellings to suggest when the index has no better one: every
# word counted as English (spreadsheet, lagging, attachments are rarer than 1,000).
COMMON_MIN_COUNT = ENGLISH_MIN_COUNT
_WORD = re.compile(r"[^\W_]+")


def read_words(text: str) -> frozenset[str]:
    """Lower-case words of a vocabulary file: one or more a line, ``#`` starts a comment."""
    words: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        words.update(word.casefold() for word in _WORD.findall(line))
    return frozenset(words)


@lru_cache(maxsize=1)
def packaged_products() -> frozenset[str]:
    """The product vocabulary that ships with kbassist."""
    text = resources.files("kbassist.index").joinpath("vocabulary.txt").read_text("utf-8")
    return read_words(text)


def product_words(extra: Path | None = None) -> frozenset[str]:
    """The shipped product vocabulary plus an instance's own file, when it exists."""
    words = packaged_products()
    if extra is not None and extra.is_file():
        words = words | read_words(extra.read_text(encoding="utf-8", errors="replace"))
    return words


@lru_cache(maxsize=1)
def _english_counts() -> dict[str, int]:
    try:
        data = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    counts = json.loads(gzip.decompress(data))
    return {str(word): int(count) for word, count in counts.items()}


@lru_cache(maxsize=4)
def english_words(min_count: int = ENGLISH_MIN_COUNT) -> frozenset[str]:
    """English words seen at least ``min_count`` times; empty when the package is missing."""
    return frozenset(w for w, n in _english_counts().items() if n >= min_count)


@lru_cache(maxsize=4)
def common_english(min_count: int = COMMON_MIN_COUNT) -> dict[str, int]:
    """The commonest English words with their counts: spellings "did you mean" may offer."""
    return {w: n for w, n in _english_counts().items() if n >= min_count}
