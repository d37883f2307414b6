"""mask stored text again with this release's detectors

Revision ID: 0007
Revises: 0006

0003 masked what its release's detectors found. Later releases find more
(passwords in more languages, PINs, recovery codes, key files...), and a
reviewer's reason and comment were stored as typed for a while after 0003; this
passes every stored free-text column through today's ``kbassist.hygiene.mask``
once more, plus the columns added since 0003 that hold typed text (a family's
name given by a manager, a job's error). Masking leaves masked text as it is,
so rows that hold nothing new are not touched. Content hashes stay (re-ingest
stays idempotent). Only when some row changed are the search indexes marked
for a full rebuild, as 0003 does.
"""

import importlib.util
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Added after 0003: table -> (key, plain text columns)
LATER: dict[str, tuple[str, tuple[str, ...]]] = {
    "families": ("id", ("name",)),
    "jobs": ("id", ("error",)),
}


def upgrade() -> None:
    from kbassist.hygiene import mask

    earlier = _revision_0003()
    connection = op.get_bind()
    changed = 0
    for name, (keys, columns, lists) in earlier.PLAIN.items():
        changed += earlier._remask(connection, name, keys, columns, lists, mask)
    for name, (key, columns) in LATER.items():
        changed += earlier._remask(connection, name, (key,), columns, (), mask)
    for name, key in earlier.FINDINGS.items():
        changed += earlier._remask_findings(connection, name, key, mask)
    for name in earlier.NAMES:
        changed += earlier._remask_names(connection, name, mask)
    if not changed:
        return
    meta = sa.table("meta", sa.column("key"), sa.column("value"))
    connection.execute(sa.delete(meta).where(meta.c.key == earlier.STALE_KEY))
    connection.execute(
        sa.insert(meta).values(key=earlier.STALE_KEY, value=f"0007: {changed} rows masked again")
    )


def _revision_0003() -> Any:
    """0003's module, loaded by path (Alembic loads revisions as files, not as a package)."""
    path = Path(__file__).with_name("0003_mask_stored_text.py")
    spec = importlib.util.spec_from_file_location("kbassist_migration_0003", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    # What was masked is gone: there is nothing to restore.
    pass
