"""Alembic environment: migrations run on the connection the store hands over (never a config URL)."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the store runs migrations
    raise RuntimeError("QCY migrations run through qcy_workstation.db.store.upgrade()")

context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
