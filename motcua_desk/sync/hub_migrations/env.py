"""Alembic environment of the hub store: run only by motcua_desk.sync.hub_engine.migrate with an
open connection inside its transaction (never at import time, never from an ini file)."""

from alembic import context

from motcua_desk.sync.hub_engine import VERSION_TABLE
from motcua_desk.sync.hub_models import HubBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=HubBase.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
