"""The lexical backends by the name a setting gives them."""

from __future__ import annotations

from pathlib import Path

from kbassist.errors import InvalidInput
from kbassist.index.lexical import LexicalIndex
from kbassist.index.tantivy_backend import TantivyIndex
from kbassist.index.whoosh_backend import WhooshIndex


def open_index(backend: str, path: Path, vocabulary_file: Path | None = None) -> LexicalIndex:
    """The backend a setting names: ``tantivy`` or ``whoosh`` (with the instance's own words)."""
    if backend == "tantivy":
        return TantivyIndex(path, vocabulary_file)
    if backend == "whoosh":
        return WhooshIndex(path, vocabulary_file)
    raise InvalidInput(
        f"Unknown lexical backend {backend!r}: set KBASSIST_LEXICAL_BACKEND to tantivy or whoosh."
    )
