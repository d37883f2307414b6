"""Heavy objects of one process, each built on first use and then kept.

Nothing here loads at import or at app start: the embedding model costs seconds
to import, the indexes read files, the classifier unpickles an artifact.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kbassist.core import Core
    from kbassist.embedding import ObservedEmbedder


class Resources:
    """Lazily loaded embedder, search indexes and classifier of a Core."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self._lock = threading.RLock()
        self._cache: dict[str, Any] = {}

    def _get(self, name: str, build):  # type: ignore[no-untyped-def]
        with self._lock:
            if name not in self._cache:
                self._cache[name] = build()
            return self._cache[name]

    def reset(self, *names: str) -> None:
        """Forget loaded objects (all, or the named ones) so the next use reloads them."""
        with self._lock:
            for name in names or list(self._cache):
                self._cache.pop(name, None)

    @property
    def embedder(self) -> ObservedEmbedder:
        from kbassist.embedding import ObservedEmbedder, make_embedder

        settings = self.core.settings
        return self._get(
            "embedder",
            lambda: ObservedEmbedder(make_embedder(settings["EMBEDDER"], settings["EMBED_DTYPE"])),
        )

    @contextmanager
    def watch_embedding(self, observer: Callable[[int], None]) -> Iterator[None]:
        """Call ``observer(n)`` after every batch of n newly embedded texts, inside the block."""
        observers = self.embedder.observers
        observers.append(observer)
        try:
            yield
        finally:
            observers.remove(observer)

    def get(self, name: str, build):  # type: ignore[no-untyped-def]
        """Any other heavy object (indexes, classifier), built once by ``build()``."""
        return self._get(name, build)
