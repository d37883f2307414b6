"""Alembic environment: runs on the connection kbassist hands it (see store.migrate)."""

from alembic import context

from kbassist.store import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through `kbassist init` (kbassist.store.migrate).")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
context.run_migrations()
