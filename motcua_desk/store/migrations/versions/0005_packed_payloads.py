"""events.payload packed with a dictionary trained on the database's own payloads

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

An event's payload was its JSON text, about 280 bytes (770 for a receipt), most of it the same
keys, units, officers and procedure snapshots again and again. It is now stored as one byte
naming a dictionary of `payload_dicts`, then a Zstandard frame of the JSON's UTF-8 bytes made
with that dictionary (store.payload_codec): a few dozen bytes. Reading gives back the same
text byte for byte, so every event's hash still checks (issue 13: the database a third the
size).

The dictionary (32 KB) is trained here on up to 20,000 payloads spread over the whole table.
A database with fewer than 1,000 events gets none yet: its payloads stay text, and the store
trains one when it has enough (store.migrate). store.migrate compacts the file (VACUUM) after
this revision, outside the migration's transaction.

Frozen: this file describes schema 0005 as released; later changes go in new revisions.
"""
from datetime import UTC, datetime

import zstandard
from alembic import context, op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_DICT_BYTES = 32 * 1024
_LEVEL = 3
_TRAIN_MIN = 1000
_SAMPLE = 20_000
_BATCH = 20_000


def _reporter():
    """The progress callback store.migrate hands the scripts (fractions of this script's work),
    or one that does nothing (the script run some other way)."""
    attributes = getattr(context.config, "attributes", {}) if context.config else {}
    return attributes.get("progress") or (lambda _done: None)


def _sample(conn, low: int, high: int) -> list[bytes]:
    """Up to _SAMPLE text payloads at rowids spread evenly from `low` to `high`."""
    step = max((high - low + 1) / _SAMPLE, 1.0)
    rowids = sorted({low + int(i * step) for i in range(_SAMPLE) if low + int(i * step) <= high})
    out: list[bytes] = []
    for i in range(0, len(rowids), 500):
        chunk = rowids[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        out.extend(
            p.encode("utf-8") for (p,) in conn.exec_driver_sql(
                f"SELECT payload FROM events WHERE rowid IN ({marks}) "
                "AND typeof(payload) = 'text'", tuple(chunk))
        )
    return out


def upgrade() -> None:
    conn = op.get_bind()
    report = _reporter()
    op.execute(
        "CREATE TABLE payload_dicts (no INTEGER NOT NULL PRIMARY KEY, data BLOB NOT NULL, "
        "trained_on INTEGER NOT NULL, created_at VARCHAR(26) NOT NULL)"
    )
    low, high, total = conn.exec_driver_sql(
        "SELECT min(rowid), max(rowid), count(*) FROM events").one()
    if not total or total < _TRAIN_MIN:
        return  # too few payloads to train on: they stay text (store.migrate trains later)
    sample = _sample(conn, low, high)
    if len(sample) < _TRAIN_MIN:
        return
    try:
        data = zstandard.train_dictionary(_DICT_BYTES, sample).as_bytes()
    except zstandard.ZstdError:
        return  # payloads too alike or too few to train on: they stay text
    report(0.05)
    conn.exec_driver_sql(
        "INSERT INTO payload_dicts (no, data, trained_on, created_at) VALUES (1, ?, ?, ?)",
        (data, len(sample),
         datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")),
    )
    packer = zstandard.ZstdCompressor(
        level=_LEVEL, dict_data=zstandard.ZstdCompressionDict(data),
        write_checksum=False, write_dict_id=False)
    # the whole frame is checked by reading it back before the text is replaced
    reader = zstandard.ZstdDecompressor(dict_data=zstandard.ZstdCompressionDict(data))
    last, done = low - 1, 0
    while True:
        rows = conn.exec_driver_sql(
            "SELECT rowid, payload FROM events WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (last, _BATCH)).fetchall()
        if not rows:
            break
        packed = []
        for rowid, payload in rows:
            if isinstance(payload, str):
                raw = payload.encode("utf-8")
                blob = b"\x01" + packer.compress(raw)
                if reader.decompress(blob[1:]) != raw:
                    raise RuntimeError(f"event row {rowid}: its payload does not pack back")
                packed.append((blob, rowid))
        conn.exec_driver_sql("UPDATE events SET payload = ? WHERE rowid = ?", packed)
        last = rows[-1][0]
        done += len(rows)
        report(0.05 + 0.95 * done / total)


def downgrade() -> None:
    raise NotImplementedError("the desk database never goes back a version; restore a backup")
