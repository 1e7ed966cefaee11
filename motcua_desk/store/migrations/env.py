"""Alembic environment: always run programmatically by motcua_desk.store.migrate with an open
connection (never at import time, never from an ini file's URL)."""

from alembic import context

from motcua_desk.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
    transaction_per_migration=False,
    # store.migrate moves its progress to the next script's share after each one
    on_version_apply=context.config.attributes.get("on_version_apply"),
)
with context.begin_transaction():
    context.run_migrations()
