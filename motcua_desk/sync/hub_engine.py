"""The hub store's engine: SQLite (one office) or PostgreSQL by URL, the SQLite file checked to be
a hub store's, and the Alembic migrations of its schema (`motcua_desk/sync/hub_migrations/`,
version table `hub_alembic_version`), run at start-up in one transaction."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from motcua_desk.domain.errors import DomainError
from motcua_desk.store.engine import configure_sqlite

log = logging.getLogger("motcua.hub")

HUB_APPLICATION_ID = 0x4D435548  # "MCUH": PRAGMA application_id of an SQLite hub store
MIGRATIONS = Path(__file__).with_name("hub_migrations")
VERSION_TABLE = "hub_alembic_version"
_PG_MIGRATION_LOCK = 0x4D435548  # advisory lock id: two hubs starting at once migrate in turn


class HubStoreError(DomainError):
    code = "hub_store_error"


def _make_engine(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        return configure_sqlite(create_engine(u), busy_timeout_ms=30000)
    if u.get_backend_name() == "postgresql":
        return create_engine(u, pool_pre_ping=True, pool_size=8, max_overflow=8)
    raise HubStoreError(
        f"the hub stores its data in SQLite or PostgreSQL, not {u.drivername}",
        code="hub_store_kind",
    )


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _check_sqlite_file(url: str) -> None:
    """Refuse an SQLite file that belongs to someone else (a desk database, say)."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return
    path = Path(u.database)
    if not path.exists() or path.stat().st_size == 0:
        return
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    except sqlite3.DatabaseError as err:
        raise HubStoreError(f"{path} is not a hub store ({err})", code="not_hub_store") from err
    finally:
        conn.close()
    if app_id != HUB_APPLICATION_ID and (app_id or tables):
        raise HubStoreError(
            f"{path} is not a motcua-desk hub store (it belongs to another "
            "program, or is a desk database)",
            code="not_hub_store",
        )


def migrate(engine: Engine) -> str:
    """Bring the hub schema to the newest revision in one transaction; refuse a newer store."""
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    with engine.connect() as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
        current = MigrationContext.configure(
            conn, opts={"version_table": VERSION_TABLE}
        ).get_current_revision()
        if current is not None and current not in known:
            raise HubStoreError(
                f"the hub store was written by a newer motcua-desk (schema "
                f"{current}); install the newer version",
                code="hub_store_newer",
            )
        if current != head:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            log.info("hub store migrated from %s to %s", current, head)
    return head
