"""One writer at a time for an index folder, across threads and processes.

Several web workers, the job worker and the CLI may share one index folder (one
box, one HOME). The lexical backends lock their own files, but the vector index
is a read-modify-write of ``rows.json``: two writers at once would lose one's
rows. Every index write therefore holds ``write_lock(folder)``: an ``flock`` on
``folder/.write.lock``, re-entrant within a thread. The server processes of one
folder also elect the one that catches it up with another lock file
(``jobs.sync``), so a long catch-up never holds up a job's index writes.
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
def write_lock(folder: Path, *, blocking: bool = True, name: str = ".write.lock") -> Iterator[bool]:
    """Hold the folder's lock ``name`` for the block; yields False if not blocking and busy."""
    key = os.path.join(str(Path(folder).resolve()), name)
    depths: dict[str, int] = getattr(_held, "depths", None) or {}
    _held.depths = depths
    if depths.get(key):
        depths[key] += 1
        try:
            yield True
        finally:
            depths[key] -= 1
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    handle = os.open(key, os.O_RDWR | os.O_CREAT, 0o644)
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
