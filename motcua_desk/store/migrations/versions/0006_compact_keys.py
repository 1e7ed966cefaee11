"""events: ids and hashes stored as bytes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

An event's id and node id were 36-character UUID text, its hash and previous hash 64-character
hex text: 200 bytes of every row, and again in the id index and the (node_id, seq) index. They
are now stored as the bytes they spell (store.keys): 16 for a canonical UUID (lowercase, with
its dashes), 32 for a hash of 64 lowercase hex digits. A value of any other shape (a row edited
by hand) stays the text it is, so the conversion loses nothing and refuses nothing; reading
gives back the same text. The bytes sort as the text does, so every index keeps its order.

The dossier id stays text: the dossiers, conflicts and quarantine tables join on it.

The table is rebuilt: the rows are copied in rowid order (rowids kept) into a table declared
with BLOB columns, in batches with progress, then the old one is dropped, the new one renamed
and its indexes made. The planner's statistics of the table, if it had any, are kept.
store.migrate compacts the file (VACUUM) after this revision, outside its transaction.

Frozen: this file describes schema 0006 as released; later changes go in new revisions.
"""
import math
import threading
import time
from contextlib import contextmanager

from alembic import context, op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_BATCH = 50_000
_HEX = frozenset("0123456789abcdef")


def _reporter():
    """The progress callback store.migrate hands the scripts (fractions of this script's work),
    or one that does nothing (the script run some other way)."""
    attributes = getattr(context.config, "attributes", {}) if context.config else {}
    return attributes.get("progress") or (lambda _done: None)


@contextmanager
def _ticking(report, low: float, high: float, seconds: float):
    """Report from `low` towards `high` on a time estimate, from a thread of its own every
    quarter of a second, while the block runs statements SQLite says nothing during (dropping
    the old table frees every page of it: half a minute for a million dossiers)."""
    start, done = time.monotonic(), threading.Event()

    def tick():
        while not done.wait(0.25):
            elapsed = time.monotonic() - start
            report(low + (high - low) * 0.98 * (1 - math.exp(-elapsed / max(seconds, 0.05))))

    thread = threading.Thread(target=tick, name="migration-0006-progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
    report(high)


def _uuid_bytes(value):
    if (type(value) is str and len(value) == 36
            and value[8] == value[13] == value[18] == value[23] == "-"):
        digits = value[:8] + value[9:13] + value[14:18] + value[19:23] + value[24:]
        if _HEX.issuperset(digits):
            return bytes.fromhex(digits)
    return value


def _hash_bytes(value):
    if type(value) is str and len(value) == 64 and _HEX.issuperset(value):
        return bytes.fromhex(value)
    return value


_COLUMNS = ("id, dossier_id, node_id, seq, hlc, type, occurred_at, recorded_at, officer, "
            "payload, prev_hash, hash, acked, hub_seq")
_CONVERTED = ("m6_uuid(id), dossier_id, m6_uuid(node_id), seq, hlc, type, occurred_at, "
              "recorded_at, officer, payload, m6_hash(prev_hash), m6_hash(hash), acked, hub_seq")


def upgrade() -> None:
    conn = op.get_bind()
    report = _reporter()
    raw = conn.connection.driver_connection
    raw.create_function("m6_uuid", 1, _uuid_bytes, deterministic=True)
    raw.create_function("m6_hash", 1, _hash_bytes, deterministic=True)
    has_stats = conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar()
    stats = [tuple(r) for r in conn.exec_driver_sql(
        "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'events'")] if has_stats else []
    op.execute(
        "CREATE TABLE events_0006 ("
        "id BLOB NOT NULL, dossier_id VARCHAR(36) NOT NULL, node_id BLOB NOT NULL, "
        "seq INTEGER NOT NULL, hlc BIGINT NOT NULL, type VARCHAR(32) NOT NULL, "
        "occurred_at VARCHAR(26) NOT NULL, recorded_at VARCHAR(26) NOT NULL, "
        "officer VARCHAR(100) NOT NULL, payload JSON NOT NULL, prev_hash BLOB NOT NULL, "
        "hash BLOB NOT NULL, acked BOOLEAN NOT NULL, hub_seq BIGINT, "
        "PRIMARY KEY (id), CONSTRAINT uq_events_node_seq UNIQUE (node_id, seq))"
    )
    low, high, total = conn.exec_driver_sql(
        "SELECT min(rowid), max(rowid), count(*) FROM events").one()
    if total:
        last, done = low - 1, 0
        while last < high:
            upto = last + _BATCH
            done += conn.exec_driver_sql(
                f"INSERT INTO events_0006 (rowid, {_COLUMNS}) SELECT rowid, {_CONVERTED} "
                "FROM events WHERE rowid > ? AND rowid <= ? ORDER BY rowid", (last, upto)
            ).rowcount
            last = upto
            report(0.7 * min(done / total, 1.0))
    copied = conn.exec_driver_sql("SELECT count(*) FROM events_0006").scalar()
    if copied != (total or 0):
        raise RuntimeError(f"events: {copied} rows copied of {total}")
    # (seconds measured: about 7 µs an event to drop, 2 µs to index)
    with _ticking(report, 0.7, 0.88, (total or 0) * 7.5e-6):
        op.execute("DROP TABLE events")
    op.execute("ALTER TABLE events_0006 RENAME TO events")
    with _ticking(report, 0.88, 0.99, (total or 0) * 2e-6):
        op.execute("CREATE INDEX ix_events_dossier ON events (dossier_id, hlc)")
        op.execute("CREATE INDEX ix_events_type_time ON events (type, occurred_at)")
        op.execute("CREATE INDEX ix_events_unacked ON events (node_id, seq) WHERE acked = 0")
    if stats:
        conn.exec_driver_sql(
            "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('events', ?, ?)", stats)
    report(1.0)


def downgrade() -> None:
    raise NotImplementedError("the desk database never goes back a version; restore a backup")
