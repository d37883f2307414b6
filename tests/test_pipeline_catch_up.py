"""A catch-up killed between its repairs and the gaps snapshot is finished by the next one.

The repairs (index rows rebuilt, tickets placed) commit one by one; the gaps pages read a
snapshot refreshed after them. A kill in between used to leave the snapshot behind for
good: the next catch-up found nothing to repair and so refreshed nothing.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kbassist import pipeline, store
from kbassist.core import Core


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs (not an Exception: no handler catches it)."""


def _snapshots(core: Core) -> int:
    """Snapshots written so far (the newest id: older ones are pruned)."""
    with core.connect() as conn:
        return conn.execute(select(func.max(store.gap_snapshots.c.id))).scalar_one() or 0


def test_a_kill_before_the_snapshot_is_healed_by_the_next_catch_up(
    loaded: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in loaded.resources.vectors.path.glob("*"):
        path.unlink()  # something for the catch-up to repair
    loaded = Core(loaded.settings)  # as after a restart
    before = _snapshots(loaded)

    def killed(core: Core, keep: int = 3) -> None:
        raise Killed

    with monkeypatch.context() as patched:
        patched.setattr(pipeline.gaps, "refresh_snapshot", killed)
        with pytest.raises(Killed):
            pipeline.catch_up(loaded)
    assert _snapshots(loaded) == before

    result = pipeline.catch_up(Core(loaded.settings))
    assert result.repaired == 0  # the repairs were done and committed before the kill
    assert _snapshots(loaded) == before + 1  # and yet the snapshot follows them

    pipeline.catch_up(Core(loaded.settings))
    assert _snapshots(loaded) == before + 1  # an uninterrupted catch-up clears the mark
