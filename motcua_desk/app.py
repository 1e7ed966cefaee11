"""Composition root: paths, logging, the store, the services, and (later) the window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from motcua_desk import paths

if TYPE_CHECKING:  # imported inside the functions: the window paints before SQLAlchemy loads
    from motcua_desk.services import Clock, Services

log = logging.getLogger("motcua")


def setup_logging(level: int = logging.INFO) -> Path:
    """A rotating log file in the user data directory the officer can send to IT."""
    path = paths.log_file()
    root = logging.getLogger()
    if any(getattr(h, "_motcua", False) for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._motcua = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def open_services(
    db_path: Path | None = None,
    *,
    create: bool = True,
    clock: Clock | None = None,
    read_only: bool = False,
    progress: Callable[[float, str], None] | None = None,
) -> Services:
    """Open (and migrate) the desk database and build the services on it. With create=False
    a missing database is an error and no file is made. read_only=True opens it for reading
    only, writing nothing beside it (a database in a read-only folder; see
    store.migrate.open_read_only): any action then fails as a read-only database."""
    from motcua_desk.services import build_services, system_clock
    from motcua_desk.store.engine import inspect_file
    from motcua_desk.store.errors import DeskNotInitialised
    from motcua_desk.store.migrate import open_store

    db_path = Path(db_path or paths.default_db_path())
    if read_only:
        from motcua_desk.store.migrate import open_read_only

        if not db_path.exists():
            raise DeskNotInitialised(f"there is no desk database at {db_path}")
        return build_services(open_read_only(db_path), clock or system_clock)
    if not create and inspect_file(db_path) == "new":
        raise DeskNotInitialised(
            f"there is no desk database at {db_path}: run 'motcua-desk init' first"
        )
    store = open_store(db_path, backup_dir=paths.backup_dir(db_path), progress=progress)
    services = build_services(store, clock or system_clock)
    if create:
        services.catalog.ensure_seed()
    return services


def run_window(db_path: Path | None = None) -> int:
    """Open the counter window on the desk database (default: the user data directory).
    Qt is imported here, not at the top of this module, so the command line never loads it.
    The database is opened (and migrated) by the window's DB worker, on its own thread, after
    the window has been painted: the factory below runs there."""
    from motcua_desk.ui.platform_check import xcb_problem

    problem = xcb_problem()
    if problem:
        log.error("%s", problem)
        print(f"motcua-desk: {problem}", file=sys.stderr)
        return 2

    from motcua_desk.ui.application import run

    db = Path(db_path) if db_path else paths.default_db_path()
    log.info("starting the window on %s", db)

    def sync_engine(
        replication, *, hub_url: str = "", token: str = "", on_status=None, cafile: str = ""
    ):
        """Runs on the window's sync thread, over the DB worker's replication service: the
        engine on the hub given (trusting `cafile` for https), or the one saved in the desk
        database with its CA file (SyncError code no_hub when there is none)."""
        from motcua_desk.sync.client import SyncEngine

        return SyncEngine(
            replication, hub_url=hub_url, token=token, on_status=on_status, verify=cafile or True
        )

    def services(progress=None):
        return open_services(db, progress=progress)

    return run(db, services, sync_factory=sync_engine)


def open_lookup_services(db_path: Path | None = None, *, clock: Clock | None = None) -> Services:
    """The desk database opened for the lookup station: read-only (SQLite `mode=ro` and
    `PRAGMA query_only` on every connection), seeing what the counter writes; no migration,
    no seed, nothing written beside it but SQLite's own shared-memory index."""
    from motcua_desk.services import build_services, system_clock
    from motcua_desk.store.migrate import open_query_only

    db_path = Path(db_path or paths.default_db_path())
    return build_services(open_query_only(db_path), clock or system_clock)


def run_kiosk(db_path: Path | None = None, *, windowed: bool = False) -> int:
    """The lookup station (`motcua-desk kiosk`): full screen (or a window), read-only."""
    from motcua_desk.ui.platform_check import xcb_problem

    problem = xcb_problem()
    if problem:
        log.error("%s", problem)
        print(f"motcua-desk: {problem}", file=sys.stderr)
        return 2
    from motcua_desk.store.engine import inspect_file
    from motcua_desk.store.errors import NotOurDatabase

    db = Path(db_path) if db_path else paths.default_db_path()
    try:
        if inspect_file(db) == "new":
            print(f"motcua-desk: error: there is no desk database at {db}", file=sys.stderr)
            return 2
    except NotOurDatabase as err:
        print(f"motcua-desk: error: {err}", file=sys.stderr)
        return 2
    from motcua_desk.ui.kiosk import run

    log.info("starting the lookup station on %s (read-only)", db)
    return run(lambda: open_lookup_services(db), windowed=windowed)
