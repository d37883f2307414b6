"""One writer at a time for an index folder, across threads and processes.

Several web workers, the job worker and the CLI may share one index folder (one
box, one HOME). The lexical backends lock their own files, but the vector index
is a read-modify-write of ``rows.json``: two writers at once would lose one's
rows. Every index write therefore holds ``write_lock(folder)``: an ``flock`` on
``folder/.write.lock``, re-entrant within a thread (catch-up calls update).
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_held = threading.local()  # folder -> depth, for the current thread


@contextmanager
def write_lock(folder: Path, *, blocking: bool = True) -> Iterator[bool]:
    """Hold the folder's write lock for the block; yields False if not blocking and busy."""
    key = str(Path(folder).resolve())
    depths: dict[str, int] = getattr(_held, "depths", None) or {}
    _held.depths = depths
    if depths.get(key):
        depths[key] += 1
        try:
            yield True
        finally:
            depths[key] -= 1
        return
    Path(key).mkdir(parents=True, exist_ok=True)
    handle = os.open(os.path.join(key, ".write.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        depths[key] = 1
        try:
            yield True
        finally:
            depths[key] = 0
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)
