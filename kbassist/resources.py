"""Heavy objects of one process, each a typed property built on first use and then kept.

Nothing here loads at import or at app start: the embedding model costs seconds
to import, the indexes read files, the classifier unpickles an artifact. The
index engines (``kbassist.index``) and the artifact format (``kbassist.artifacts``)
sit in the base layer with this module, so building them reaches up to no feature.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    import numpy as np

    from kbassist.artifacts import ModelSlot
    from kbassist.core import Core
    from kbassist.embedding import Embedder, ObservedEmbedder
    from kbassist.index.lexical import LexicalIndex
    from kbassist.index.vectors import VectorIndex

NOTE_MODEL = "note-classifier"
CRITERIA_ONLY = "criteria only, no trained model"


class QueryVectors:
    """Recent query embeddings of this process (queries are not worth a database row)."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, embedder: ObservedEmbedder, text: str) -> np.ndarray:
        from kbassist.index.vectors import one_thread

        with self._lock:
            if text in self._items:
                self._items.move_to_end(text)
                return self._items[text]
        with one_thread():  # see vectors.one_thread: one query, one thread
            vector = embedder.encode([text])[0]
        with self._lock:
            self._items[text] = vector
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return vector


class Resources:
    """The embedder, search indexes, query-vector cache and classifier of a Core."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self._lock = threading.RLock()
        self._embedder: ObservedEmbedder | None = None
        self._lexical: LexicalIndex | None = None
        self._vectors: VectorIndex | None = None
        self._classifier: ModelSlot | None = None
        self._classifier_source: int | None = None  # the published artifact loaded, if any
        self._classifier_checked = 0.0  # monotonic time of the last look at the database
        self._classifier_stamp: tuple[Any, ...] | None = None  # the model file's, when no artifact
        self.query_vectors = QueryVectors()
        # Credit runs of this process, reused while the data is unchanged (see compute_credit).
        self.credit_runs: dict[Any, Any] = {}
        # Set once the indexes were caught up with the database in this process.
        self.caught_up = threading.Event()

    @property
    def embedder(self) -> ObservedEmbedder:
        with self._lock:
            if self._embedder is None:
                from kbassist.embedding import ObservedEmbedder, make_embedder

                settings = self.core.settings
                inner = make_embedder(settings["EMBEDDER"], settings["EMBED_DTYPE"])
                self._embedder = ObservedEmbedder(inner)
            return self._embedder

    def share_embedder(self, embedder: Embedder) -> None:
        """Use an embedder already loaded elsewhere (benchmarks build several instances)."""
        from kbassist.embedding import ObservedEmbedder

        with self._lock:
            self._embedder = (
                embedder if isinstance(embedder, ObservedEmbedder) else ObservedEmbedder(embedder)
            )

    @property
    def lexical(self) -> LexicalIndex:
        """The lexical index (backend from KBASSIST_LEXICAL_BACKEND)."""
        with self._lock:
            if self._lexical is None:
                from kbassist.index.backends import open_index

                backend = str(self.core.settings["LEXICAL_BACKEND"])
                self._lexical = open_index(
                    backend,
                    self.core.index_dir() / f"lexical-{backend}",
                    self.core.home / "vocabulary.txt",
                )
            return self._lexical

    @property
    def vectors(self) -> VectorIndex:
        """The semantic index for the configured embedder."""
        with self._lock:
            if self._vectors is None:
                from kbassist.index.vectors import VectorIndex
                from kbassist.records import slug

                embedder = self.embedder
                path = self.core.index_dir() / f"vectors-{slug(embedder.name)}"
                rows = int(self.core.settings["VECTOR_ANN_ROWS"])
                self._vectors = VectorIndex(path, embedder.name, embedder.dim, ann_rows=rows)
            return self._vectors

    @property
    def classifier(self) -> ModelSlot:
        """The note model in use (the newest published, the instance's own, else the shipped
        one), or why none. A model published in the database by any server is picked up
        within SYNC_SECONDS; a model file rewritten on this machine (`kbassist train` in
        another process) at the next use. Neither needs a restart."""
        with self._lock:
            now = time.monotonic()
            interval = float(self.core.settings["SYNC_SECONDS"])
            published = self._classifier_source
            if self._classifier is None or now - self._classifier_checked >= interval:
                self._classifier_checked = now
                published = self._published_model()
            stamp = self.classifier_stamp() if published is None else None
            if (
                self._classifier is None
                or published != self._classifier_source
                or stamp != self._classifier_stamp
            ):
                self._classifier = self._load_classifier(published)
                self._classifier_source = published
                self._classifier_stamp = stamp
            return self._classifier

    def classifier_stamp(self) -> tuple[Any, ...] | None:
        """What identifies the note model file in use: its folder and its metadata's state."""
        from kbassist.artifacts import METADATA_FILE

        path = self.core.find_model(NOTE_MODEL)
        if path is None:
            return None
        try:
            status = (path / METADATA_FILE).stat()
        except OSError:
            return (str(path),)
        return (str(path), status.st_mtime_ns, status.st_size, status.st_ino)

    @property
    def classifier_source(self) -> int | None:
        """The id of the published artifact loaded (None: a file or no model)."""
        return self._classifier_source

    def _published_model(self) -> int | None:
        from sqlalchemy.exc import SQLAlchemyError

        from kbassist.artifacts import current_artifact

        try:
            with self.core.connect() as conn:
                found = current_artifact(conn, NOTE_MODEL)
        except SQLAlchemyError:  # database away for a moment: keep what is loaded
            return self._classifier_source
        return found[0] if found else None

    def _load_classifier(self, published: int | None) -> ModelSlot:
        # Generic checks only (our hash, library versions, embedder); the quality package
        # checks that the estimator is a note classifier of its current feature version.
        from kbassist.artifacts import ModelSlot, fetch_artifact, load_artifact, read_metadata
        from kbassist.errors import NotTrained

        if published is not None:
            with self.core.connect() as conn:
                path: Path | None = fetch_artifact(
                    conn, published, self.core.models_dir() / ".published"
                )
        else:
            path = self.core.find_model(NOTE_MODEL)
        if path is None or read_metadata(path) is None:
            return ModelSlot(None, CRITERIA_ONLY)
        try:
            model = load_artifact(path)
            if model.embedder and model.embedder != self.embedder.name:
                raise NotTrained(
                    f"The note model {model.version} was trained on {model.embedder} "
                    f"embeddings, but this instance uses {self.embedder.name} "
                    "(KBASSIST_EMBEDDER). Run `kbassist train` to retrain it with this embedder."
                )
        except NotTrained as error:
            return ModelSlot(None, f"criteria only: {error.message}", error.message)
        return ModelSlot(model, "criteria and classifier")

    def reload_classifier(self) -> None:
        """Forget the loaded classifier so the next use reads the newest artifact."""
        with self._lock:
            self._classifier = None
            self._classifier_checked = 0.0
            self._classifier_stamp = None

    @contextmanager
    def watch_embedding(self, observer: Callable[[int], None]) -> Iterator[None]:
        """Call ``observer(n)`` after every batch of n newly embedded texts, inside the block."""
        observers = self.embedder.observers
        observers.append(observer)
        try:
            yield
        finally:
            observers.remove(observer)
