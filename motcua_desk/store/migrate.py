"""Open the desk database, migrating it first: back up, refuse a newer schema, never stop
half-way (all pending migrations run in one SQLite transaction: all or nothing)."""

from __future__ import annotations

import logging
import math
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from motcua_desk.store.engine import Store, attach_codec, inspect_file, make_engine
from motcua_desk.store.errors import DatabaseTooNew, MigrationFailed

log = logging.getLogger("motcua.store")
MIGRATIONS = Path(__file__).with_name("migrations")


# Alembic is imported inside the functions that need it: start-up at head never loads it.


def alembic_config(script_location: Path | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(store_or_path: Store | Path) -> str | None:
    from alembic.runtime.migration import MigrationContext

    engine = (
        store_or_path.engine if isinstance(store_or_path, Store) else make_engine(store_or_path)
    )
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_database(
    path: Path, dest: Path, progress: Callable[[float], None] | None = None
) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others read), made
    whole before it takes its name: written to a hidden partial file in the target folder, put
    in a single-file form (no -wal beside it), checked (integrity_check), flushed to disk, then
    renamed into place. A backup killed half-way leaves only the `.partial` file, never
    something that looks like a backup. With `progress(fraction done)`, the copy goes in
    steps of 64 MB (a step restarts if another connection writes meanwhile: use it where
    nothing else writes, as before a migration), told after each step and while the copy is
    checked."""
    import os

    if dest.exists() and not dest.is_file():  # a folder, a device: never renamed over
        raise ValueError(f"{dest} is not a file a backup can be written to")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(path)
        try:
            dst = sqlite3.connect(partial)
            try:
                if progress is None:
                    src.backup(dst)
                else:
                    started = time.monotonic()
                    src.backup(
                        dst,
                        pages=16384,
                        progress=lambda _st, left, total: progress(
                            0.7 * (1 - left / max(total, 1))
                        ),
                    )
                    _tick_while_checking(dst, progress, time.monotonic() - started)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
                if progress is not None:
                    dst.set_progress_handler(None, 0)
                    progress(1.0)
                if ok != "ok":
                    raise sqlite3.DatabaseError(f"the copy does not check out: {ok}")
            finally:
                dst.close()
        finally:
            src.close()
        with open(partial, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, dest)
        if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
            fd = os.open(dest.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except BaseException:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return dest


def open_store(
    path: Path,
    *,
    backup_dir: Path | None = None,
    migrate: bool = True,
    script_location: Path | None = None,
    progress: Progress | None = None,
) -> Store:
    """Open (creating if absent) and migrate the desk database at `path`. `script_location`
    replaces the migration scripts (tests use it to run a deliberately failing migration).
    `progress(fraction, revision)` is told how an upgrade of an existing database goes (from
    the thread that runs it): 0.0 before the backup, the migrations' own steps, 1.0 at the
    end; never called for a new database or one already at the head."""
    path = Path(path)
    state = inspect_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    store = Store(engine, path)
    if not migrate:
        return store
    try:
        _migrate(store, state, backup_dir or path.parent / "backups", script_location, progress)
        if script_location is None:
            ensure_payload_dictionary(store)
    except BaseException:
        store.close()
        raise
    return store


def open_read_only(path: Path) -> Store:
    """The desk database opened for reading only, writing nothing beside it (SQLite's
    `immutable` mode: no -wal, -shm or lock files): to read a database in a read-only folder.
    Refused when a write-ahead log with content lies beside it (an immutable reader would not
    see those commits) or when the schema is not this version's (no migration is possible)."""
    from urllib.parse import quote

    from sqlalchemy import create_engine

    from motcua_desk.store.engine import json_dumps
    from motcua_desk.store.errors import StoreError

    path = Path(path)
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:
        raise StoreError(
            f"{path} is in a read-only folder and its last changes are still in "
            f"{wal.name}: open it where it can be written",
            code="read_only",
        )
    engine = create_engine(
        f"sqlite:///file:{quote(path.resolve().as_posix())}?immutable=1&uri=true",
        json_serializer=json_dumps,
    )
    attach_codec(engine, path)
    return _ours_and_current(
        Store(engine, path), path, ", which cannot be done in a read-only folder"
    )


def _ours_and_current(store: Store, path: Path, cannot_upgrade: str) -> Store:
    """`store` when its file is one of ours at this version's schema; closed and refused
    otherwise (for the stores that cannot upgrade it: `cannot_upgrade` says what to do)."""
    from motcua_desk.store.errors import NotOurDatabase, StoreError
    from motcua_desk.store.models import APPLICATION_ID

    try:
        with store.engine.connect() as conn:
            if conn.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
                raise NotOurDatabase(f"{path} is not a motcua-desk database")
            stamped = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if stamped != newest_revision_file():
            raise StoreError(
                f"{path} needs an upgrade to this version's schema{cannot_upgrade}",
                code="read_only",
            )
    except BaseException:
        store.close()
        raise
    return store


def open_query_only(path: Path, busy_timeout_ms: int = 5000) -> Store:
    """The desk database opened so that nothing can be written through it, while it sees what
    the counter writes (the lookup station): SQLite's read-only open (`mode=ro`) and, on every
    connection, `PRAGMA query_only`. Unlike open_read_only it reads the write-ahead log, so a
    dossier the counter has just changed shows at once. Refused when the file is not ours or
    its schema is not this version's (the counter program upgrades it; this cannot)."""
    from urllib.parse import quote

    from sqlalchemy import create_engine, event

    from motcua_desk.store.engine import json_dumps
    from motcua_desk.store.errors import DeskNotInitialised

    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        raise DeskNotInitialised(f"there is no desk database at {path}")
    engine = create_engine(
        f"sqlite:///file:{quote(path.resolve().as_posix())}?mode=ro&uri=true",
        json_serializer=json_dumps,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA query_only = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")

    attach_codec(engine, path)
    return _ours_and_current(
        Store(engine, path), path, ": start the counter program on it once first"
    )


def newest_revision_file(script_location: Path | None = None) -> str:
    """The head by our naming rule (revision id = the file's numeric prefix, a straight line;
    a test holds the rule): lets start-up skip loading Alembic when nothing is pending."""
    versions = (script_location or MIGRATIONS) / "versions"
    return max(p.name.split("_", 1)[0] for p in versions.glob("[0-9]*_*.py"))


_COMPACTING = ("0005", "0006")  # revisions that free many pages: VACUUM after them


def _migrate(
    store: Store,
    state: str,
    backup_dir: Path,
    script_location: Path | None,
    progress: Progress | None = None,
) -> None:
    if state == "ours":
        with store.engine.connect() as conn:
            try:
                stamped = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            except Exception:  # noqa: BLE001 - no version table yet: a new file
                stamped = None
        if stamped is not None and stamped == newest_revision_file(script_location):
            return
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config(script_location)
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    current = current_revision(store) if state == "ours" else None
    if current is not None and current not in known:
        raise DatabaseTooNew(
            f"{store.path} was written by a newer motcua-desk (schema {current}); "
            "install the newer version or open another database"
        )
    if current == head:
        return
    backup = None
    report = _monotonic(progress) if progress is not None and current is not None else _no_progress
    # of the whole upgrade: the backup (its copy and its check) 0..45 %, the scripts the rest
    report(0.0, head)
    if current is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backup_database(
            store.path,
            backup_dir / f"{store.path.stem}-{current}-{stamp}.sqlite3",
            progress=lambda done: report(0.45 * done, head),
        )
        log.info("backed up %s to %s before migrating from %s", store.path, backup, current)
    # an upgrade across 0005 (payloads packed) or 0006 (ids and hashes as bytes) compacts the
    # file after: the last 20 %
    compacts = current is not None and any(current < r <= head for r in _COMPACTING)
    end = 0.8 if compacts else 1.0
    scripts_end = end - 0.05  # then the commit: writing the log of a big rewrite takes seconds
    try:
        with store.engine.connect() as conn:
            transaction = conn.begin()
            try:
                cfg.attributes["connection"] = conn
                # a migration script reports its steps as fractions of its own work: each
                # script of the upgrade gets its own share of the scripts' part, in run order
                share = _script_shares(script, current, head)
                cfg.attributes["progress"] = share.progress(
                    lambda done: report(0.45 + (scripts_end - 0.45) * done, head)
                )
                cfg.attributes["on_version_apply"] = share.applied
                command.upgrade(cfg, "head")
            except BaseException:
                transaction.rollback()
                raise
            with ticking(
                lambda done: report(scripts_end + (end - scripts_end) * done, head),
                seconds=store.path.stat().st_size / 300e6,  # ~1 s for 100,000 dossiers
            ):
                transaction.commit()
    except Exception as err:
        where = f"; the backup is {backup}" if backup else ""
        raise MigrationFailed(
            f"could not migrate {store.path} to schema {head} ({err}); "
            f"the database was left as it was{where}"
        ) from err
    with store.engine.connect() as conn:
        if not compacts:  # (a compaction folds the log in after its VACUUM)
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        store.codec.load(conn.connection.driver_connection, again=True)  # the new dictionaries
    if compacts:
        _compact(store, lambda done: report(0.8 + 0.2 * done, head))
    log.info("migrated %s from %s to %s", store.path, current, head)
    report(1.0, head)


def _compact(store: Store, progress: Callable[[float], None]) -> None:
    """VACUUM the database (the pages the packed payloads freed go back to the disk) and fold
    the log back into the file, telling `progress` on a time estimate (see `ticking`). A
    VACUUM cut off leaves the database as it was (it is one transaction)."""
    fairy = store.engine.raw_connection()  # the driver's own: autocommit, no BEGIN of ours
    try:
        # seconds: ~60 MB/s, read + written
        with ticking(progress, seconds=max(store.path.stat().st_size / 60e6, 0.5)):
            raw = fairy.driver_connection
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        fairy.close()


@contextmanager
def ticking(progress: Callable[[float], None], seconds: float) -> Iterator[None]:
    """Tell `progress` fractions from 0 towards 0.98 on a time estimate (`seconds`), from a
    thread of its own every quarter of a second, while the block runs a statement SQLite says
    nothing during (a VACUUM, a commit); then 1.0. The block's own thread reports nothing
    meanwhile, so the two never report at once."""
    import threading

    expected = max(seconds, 0.05)
    start = time.monotonic()
    done = threading.Event()

    def ticker() -> None:
        while not done.wait(0.25):
            progress(0.98 * (1 - math.exp(-(time.monotonic() - start) / expected)))

    thread = threading.Thread(target=ticker, name="migration-progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
    progress(1.0)


def ensure_payload_dictionary(store: Store) -> bool:
    """Train the database's first payload dictionary once it holds enough events
    (store.payload_codec; a new database starts without one, its payloads text), and pack
    the payloads written as text so far, in one transaction. The codec takes the dictionary
    only once that transaction has committed. True when a dictionary was made here."""
    from motcua_desk.store.payload_codec import TRAIN_MIN, TRAIN_SAMPLE, packer_for, train

    codec = store.codec
    if codec.current is not None:
        return False
    with store.read() as session:
        raw = session.connection().connection.driver_connection
        try:
            n = raw.execute(
                "SELECT count(*) FROM (SELECT 1 FROM events LIMIT ?)", (TRAIN_MIN,)
            ).fetchone()[0]
        except sqlite3.OperationalError:  # (not a desk database at this schema)
            return False
    if n < TRAIN_MIN:
        return False
    with store.write() as session:
        raw = session.connection().connection.driver_connection
        if raw.execute("SELECT 1 FROM payload_dicts LIMIT 1").fetchone() is not None:
            made = None  # another process trained one meanwhile: take it below
        else:
            sample = [
                p.encode("utf-8")
                for (p,) in raw.execute(
                    "SELECT payload FROM events WHERE typeof(payload) = 'text' "
                    "ORDER BY rowid DESC LIMIT ?",
                    (TRAIN_SAMPLE,),
                )
            ]
            made = train(sample)
            if made is None:
                return False
            raw.execute(
                "INSERT INTO payload_dicts (no, data, trained_on, created_at) VALUES (1, ?, ?, ?)",
                (made, len(sample), datetime.now(UTC).replace(tzinfo=None).isoformat(" ")),
            )
            pack, last = packer_for(1, made), -1
            while rows := raw.execute(
                "SELECT rowid, payload FROM events WHERE rowid > ? ORDER BY rowid LIMIT 20000",
                (last,),
            ).fetchall():
                raw.executemany(
                    "UPDATE events SET payload = ? WHERE rowid = ?",
                    [(pack(p), rowid) for rowid, p in rows if isinstance(p, str)],
                )
                last = rows[-1][0]
    with store.read() as session:
        codec.load(session.connection().connection.driver_connection, again=True)
    return made is not None


Progress = Callable[[float, str], None]


def _tick_while_checking(
    conn: sqlite3.Connection, progress: Callable[[float], None], copy_s: float
) -> None:
    """Progress while SQLite checks the copy, which says nothing until it is done (a minute on
    a decade's database): from 70 % towards 100 % as time passes, in the proportion the copy
    took (the check reads every page again, and then every index), never reaching 100 % by
    itself."""
    start = time.monotonic()
    expected = max(copy_s * 2.0, 0.5)
    last = [start]

    def tick() -> int:
        now = time.monotonic()
        if now - last[0] >= 0.25:
            last[0] = now
            progress(0.7 + 0.3 * (1 - math.exp(-(now - start) / expected)))
        return 0  # go on

    conn.set_progress_handler(tick, 20_000)


# How much of an upgrade's scripts' time each script takes, roughly (measured at 100,000
# dossiers: 0004 builds the name index, 0005 packs every payload, 0006 rewrites the events
# table); the others are small.
_SCRIPT_WEIGHT = {"0004": 1.0, "0005": 1.5, "0006": 2.0}


@dataclass
class _Shares:
    """Each script's slice of 0..1, in run order; `applied` (alembic's on_version_apply)
    moves to the next script, `progress` turns a script's own fraction into the whole's."""

    bounds: list[tuple[float, float]]
    at: int = 0

    def applied(self, **_alembic) -> None:
        self.at += 1

    def progress(self, tell: Callable[[float], None]) -> Callable[[float], None]:
        def report(done: float) -> None:
            if not self.bounds:
                return
            low, high = self.bounds[min(self.at, len(self.bounds) - 1)]
            tell(low + (high - low) * min(max(done, 0.0), 1.0))

        return report


def _script_shares(script, current: str | None, head: str) -> _Shares:
    """The shares of the scripts an upgrade from `current` to `head` runs (oldest first)."""
    steps = [r.revision for r in script.iterate_revisions(head, current or "base")][::-1]
    weights = [_SCRIPT_WEIGHT.get(r, 0.1) for r in steps]
    total, bounds, low = sum(weights) or 1.0, [], 0.0
    for w in weights:
        bounds.append((low / total, (low + w) / total))
        low += w
    return _Shares(bounds)


def _no_progress(_done: float, _revision: str) -> None:
    pass


def _monotonic(progress: Progress) -> Progress:
    """`progress`, told only of fractions that do not go back (a ticking estimate may run
    ahead of the next real step; each script has its own share, see _Shares)."""
    top = [-1.0]

    def report(done: float, revision: str) -> None:
        if done >= top[0]:
            top[0] = done
            progress(done, revision)

    return report
