"""A server process's link to the shared database: local indexes and classifier kept current.

Several app servers share one database, each with its own index folder (and on
one server several web workers share that folder). Every change the indexes
must follow moves the database's ``records`` counter (``pipeline.changed``).
Each server process runs ``IndexSync`` in a background thread: every
``SYNC_SECONDS`` it reads the counter (one tiny query) and compares it with the
generation the folder was last caught up to (``generation.json`` in the index
folder). When the database moved, one process of the folder takes the index
write lock and runs ``search.indexing.catch_up``; the others see the files
change and reopen them. The classifier is checked on the same beat
(``Resources.classifier`` reloads a newly published model).

``readiness`` is what ``/readyz`` reports: the database answers, the folder is
caught up, and this process has its models loaded.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from kbassist import store
from kbassist.core import Core
from kbassist.index.lock import write_lock

log = logging.getLogger("kbassist.sync")

GENERATION_FILE = "generation.json"
SYNC_LOCK = ".sync.lock"  # held by the one process of a folder that catches it up

_syncs: weakref.WeakKeyDictionary[Core, IndexSync] = weakref.WeakKeyDictionary()
_syncs_lock = threading.Lock()


@dataclass
class SyncState:
    """What this process last saw: the database's counter, the folder's, and any trouble."""

    database: int | None = None
    index: int | None = None
    behind_since: float | None = None  # wall-clock time the folder was first seen behind
    error: str = ""
    caught_up_once: bool = False  # this process ran its own catch-up since it started
    warmed: bool = False  # the embedding model and the classifier are loaded
    last_catch_up: dict[str, Any] = field(default_factory=dict)

    @property
    def behind(self) -> bool:
        return self.database is None or self.index is None or self.index < self.database

    def lag_seconds(self, now: float | None = None) -> float:
        if self.behind_since is None:
            return 0.0
        return max(0.0, (now or time.time()) - self.behind_since)


def read_generation(core: Core) -> int | None:
    """The counter value the index folder was last caught up to (None: never)."""
    try:
        data = json.loads((core.index_dir() / GENERATION_FILE).read_text(encoding="utf-8"))
        return int(data["records"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_generation(core: Core, value: int) -> None:
    path = core.index_dir() / GENERATION_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{GENERATION_FILE}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"records": value, "at": time.time()}), encoding="utf-8")
    os.replace(temporary, path)


class IndexSync:
    """Keeps one process's view of its index folder and classifier in step with the database."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.state = SyncState()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self) -> SyncState:
        """One check (and a catch-up when the database moved); the state after it."""
        with self._lock:
            try:
                self._warm()
                self._check()
                self.state.error = ""
            except SQLAlchemyError as error:
                self.state.error = f"database unreachable: {type(error).__name__}"
                log.warning("sync: %s", self.state.error)
            except Exception as error:  # keep the thread alive; /readyz reports it
                self.state.error = f"{type(error).__name__}: {error}"
                log.exception("sync failed")
            return self.state

    def _check(self) -> None:
        from kbassist.search.indexing import catch_up

        state = self.state
        with self.core.connect() as conn:
            state.database = store.read_counter(conn, store.RECORDS_COUNTER)
        state.index = read_generation(self.core)
        if state.caught_up_once and not state.behind:
            state.behind_since = None
            return
        if state.behind and state.behind_since is None:
            state.behind_since = time.time()
        # A process's first catch-up waits its turn (it checks the folder against the
        # database after a crash or an upgrade); later ones leave it to whoever holds it.
        folder = self.core.index_dir()
        with write_lock(folder, blocking=not state.caught_up_once, name=SYNC_LOCK) as acquired:
            if not acquired:
                return
            state.index = read_generation(self.core)
            if state.caught_up_once and not state.behind:
                return
            with self.core.connect() as conn:
                # Read before catching up: a change during it moves the counter again.
                target = store.read_counter(conn, store.RECORDS_COUNTER)
            started = time.monotonic()
            touched = catch_up(self.core)
            if not state.caught_up_once:
                from kbassist.quality import service as quality

                quality.catch_up(self.core)  # notes scored by another model version
            write_generation(self.core, target)
            state.index, state.caught_up_once = target, True
            state.last_catch_up = {
                "records": touched,
                "seconds": round(time.monotonic() - started, 3),
                "generation": target,
            }
            if touched:
                log.info("index caught up", extra=state.last_catch_up)
        if not state.behind:
            state.behind_since = None

    def _warm(self) -> None:
        resources = self.core.resources
        if not self.state.warmed:
            resources.embedder.encode(["warm up"])  # load the model before the first search
        resources.classifier  # noqa: B018 - loads, or reloads a newly published model
        self.state.warmed = True

    def start(self) -> threading.Thread:
        """Tick now and then every SYNC_SECONDS in a daemon thread (once per process)."""
        if self._thread is not None and self._thread.is_alive():
            return self._thread
        interval = float(self.core.settings["SYNC_SECONDS"])

        def loop() -> None:
            self.tick()
            while not self._stop.wait(interval):
                self.tick()

        self._thread = threading.Thread(target=loop, name="kbassist-sync", daemon=True)
        self._thread.start()
        return self._thread

    def stop(self) -> None:
        self._stop.set()


def sync_for(core: Core) -> IndexSync:
    """The IndexSync of a Core (one per process)."""
    with _syncs_lock:
        found = _syncs.get(core)
        if found is None:
            found = _syncs[core] = IndexSync(core)
        return found


@dataclass(frozen=True)
class Readiness:
    ready: bool
    reasons: tuple[str, ...]
    details: dict[str, Any]


def readiness(core: Core) -> Readiness:
    """Can this process serve: database reachable, index folder caught up, models loaded?"""
    sync = sync_for(core)
    reasons: list[str] = []
    details: dict[str, Any] = {}
    try:
        with core.connect() as conn:
            database = store.read_counter(conn, store.RECORDS_COUNTER)
        details["database"] = "ok"
    except SQLAlchemyError as error:
        database = None
        details["database"] = "unreachable"
        reasons.append(f"database unreachable ({type(error).__name__})")
    index = read_generation(core)
    details["index_generation"] = index
    details["database_generation"] = database
    if database is not None and (index is None or index < database):
        behind = "never caught up" if index is None else f"{database - index} changes behind"
        reasons.append(f"search index behind the database ({behind})")
    details["index_lag_seconds"] = round(sync.state.lag_seconds(), 3)
    if not sync.state.warmed:
        reasons.append("models not loaded yet")
    if sync.state.error:
        reasons.append(f"sync: {sync.state.error}")
    details["models"] = "loaded" if sync.state.warmed else "loading"
    return Readiness(not reasons, tuple(reasons), details)
