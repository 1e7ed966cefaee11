"""Put a backup in place of the desk database, so that it cannot reissue a code.

The backup is checked (one of our databases, whole, not the file itself), the current
database is checkpointed and kept aside with its -wal and -shm (never left beside the restored
file, where SQLite would replay a stale log over it), and the restored file is prepared before
it takes the database's name:
- the counters that must never go back (the day's code sequence, the yearly ledger number) are
  raised to what the replaced database had reached, when it can still be read;
- `restore.pending` is set when the desk syncs with a hub (the hub may hold events this desk
  made after the backup) or when the replaced database could not be read: until a sync has
  taken those events back, or the officer confirms there is no hub to ask, the desk records
  nothing (services.base.UnitOfWork).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from motcua_desk.store.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
RESTORE_PENDING = "restore.pending"  # the same key as services.base.RESTORE_PENDING
HUB_KEYS = ("sync.hub_id", "sync.hub")


class RestoreRefused(StoreError):
    """The file cannot be restored (not ours, damaged, another desk's, the database in use).
    `reason` says which, for the window to translate (the message is the English): missing,
    not_sqlite, wal_content, not_ours, damaged, unreadable, never_set_up, in_use, itself,
    other_desk; `path` is the file it is about."""

    code = "restore_refused"

    def __init__(self, message: str, *, reason: str, path: Path | str) -> None:
        super().__init__(message, reason=reason, path=str(path))


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept_aside: Path | None  # the replaced database (with its -wal/-shm beside it, same name)
    floors_carried: bool  # counters raised to the replaced database's
    pending: bool  # the desk must sync (or the officer confirm) before recording anything
    last_seq: int  # this desk's last event in the restored file
    replaced_last_seq: int | None  # and in the replaced database, when it could be read


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        return sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True, timeout=0.5)
    return sqlite3.connect(path, timeout=0.5)


def check_backup(src: Path) -> tuple[str, int]:
    """(node_id, last_seq) of a file that is one of our desk databases, whole; RestoreRefused
    with the reason otherwise."""
    from motcua_desk.store.models import APPLICATION_ID

    if src.is_dir():
        raise RestoreRefused(f"{src} is a folder, not a backup file", reason="folder", path=src)
    if not src.is_file():
        raise RestoreRefused(f"{src}: no such file", reason="missing", path=src)
    with open(src, "rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise RestoreRefused(
            f"{src} is not a database file (not SQLite)", reason="not_sqlite", path=src
        )
    wal = Path(f"{src}-wal")
    if wal.exists() and wal.stat().st_size:
        raise RestoreRefused(
            f"{src} has a -wal file with content beside it: it is a database "
            "in use, not a backup (make one with 'motcua-desk backup')",
            reason="wal_content",
            path=src,
        )
    try:
        conn = _connect(src, readonly=True)
        try:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise RestoreRefused(
                    f"{src} is not a motcua-desk database", reason="not_ours", path=src
                )
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                raise RestoreRefused(
                    f"{src} is damaged ({ok}): choose another backup", reason="damaged", path=src
                )
            row = conn.execute("SELECT node_id, last_seq FROM desk WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as err:
        raise RestoreRefused(
            f"{src} cannot be read as a desk database ({err})", reason="unreadable", path=src
        ) from err
    if row is None:
        raise RestoreRefused(
            f"{src} is a desk database that was never set up: nothing to restore",
            reason="never_set_up",
            path=src,
        )
    return str(row[0]), int(row[1] or 0)


def _current_state(path: Path) -> tuple[str | None, int | None, dict[str, int]]:
    """(node_id, last_seq, counters) of the database being replaced; Nones and {} when it
    cannot be read. Refused when another program holds it (the window is open)."""
    if not path.exists():
        return None, None, {}
    try:
        conn = sqlite3.connect(path, timeout=0.5, isolation_level=None)
    except sqlite3.Error:
        return None, None, {}
    try:
        try:
            # Exclusive locking mode also sees a connection that is open and idle (the window
            # keeps one): do not pull the database from under another program.
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            conn.execute("COMMIT")
        except sqlite3.OperationalError as err:
            if "locked" in str(err) or "busy" in str(err):
                raise RestoreRefused(
                    f"{path} is in use: close the window (and any other motcua-desk command) first",
                    reason="in_use",
                    path=path,
                ) from err
            return None, None, {}
        except sqlite3.DatabaseError:
            return None, None, {}
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # the -wal folded in
            row = conn.execute("SELECT node_id, last_seq FROM desk WHERE id = 1").fetchone()
            counters = {
                str(n): int(v) for n, v in conn.execute("SELECT name, value FROM sequences")
            }
        except sqlite3.Error:
            return None, None, {}
        if row is None:
            return None, 0, counters
        return str(row[0]), int(row[1] or 0), counters
    finally:
        conn.close()


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def restore_database(
    src: Path, path: Path, *, now: datetime | None = None, other_desk: bool = False
) -> RestoreResult:
    """Restore the backup `src` as the desk database `path` (see the module docstring). A
    backup of another desk installation is refused unless `other_desk` (or the current
    database has recorded nothing yet: a new PC set up before the restore)."""
    src, path = Path(src), Path(path)
    now = now or datetime.now(UTC)
    if path.exists() and src.resolve() == path.resolve():
        raise RestoreRefused(
            f"{src} is the desk database itself, not a backup of it", reason="itself", path=src
        )
    node, last_seq = check_backup(src)
    cur_node, cur_seq, counters = _current_state(path)
    if cur_node is not None and cur_node != node and (cur_seq or 0) > 0 and not other_desk:
        raise RestoreRefused(
            f"{src} is a backup of another desk installation (node {node[:8]}, this one is "
            f"{cur_node[:8]}); to replace this desk by it anyway, add --other-desk",
            reason="other_desk",
            path=src,
        )
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    partial = path.with_name(f".{path.name}.restore.partial")
    for leftover in (partial, Path(f"{partial}-journal")):
        leftover.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, partial)
    try:
        conn = _connect(partial)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
            settings = dict(conn.execute("SELECT key, value FROM settings"))
            has_hub = any(settings.get(k) not in (None, "null") for k in HUB_KEYS)
            carried = cur_seq is not None
            for name, value in counters.items():
                conn.execute(
                    "INSERT INTO sequences (name, value) VALUES (?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET value = MAX(value, excluded.value)",
                    (name, value),
                )
            pending = has_hub or not carried
            if pending:
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                    "SET value = excluded.value",
                    (
                        RESTORE_PENDING,
                        json.dumps(
                            {
                                "at": now.astimezone(UTC).isoformat(),
                                "file": str(src),
                                "last_seq": last_seq,
                                "hub": has_hub,
                            },
                            ensure_ascii=False,
                        ),
                    ),
                )
            conn.commit()
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":  # pragma: no cover - checked before the copy
                raise RestoreRefused(
                    f"the copy of {src} does not check out: {ok}", reason="damaged", path=src
                )
        finally:
            conn.close()
        _fsync(partial)
        kept: Path | None = None
        if path.exists():
            kept = path.with_name(f"{path.name}.before-restore-{stamp}")
            # the log files first: a -wal left beside the restored file would be replayed
            # over it (it was checkpointed and emptied above when the file could be read)
            for suffix in ("-wal", "-shm"):
                side = Path(f"{path}{suffix}")
                if side.exists():
                    os.replace(side, Path(f"{kept}{suffix}"))
            os.replace(path, kept)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(partial, path)
        _fsync(path)
    except BaseException:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return RestoreResult(src, kept, carried, pending, last_seq, cur_seq)
