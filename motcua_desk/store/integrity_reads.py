"""The integrity check's reads (services/integrity.py): every statement it runs, each on the
sqlite3 connection under a read session (`driver(session)`), in the session's snapshot. Chain
checks are aggregates and anti-joins that SQLite answers from the (node_id, seq) index, with
no row per event coming up to Python; the content pass is store/integrity_scan.py's."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from motcua_desk.store.integrity_scan import _EVENT_COLS, _SCAN_COLS
from motcua_desk.store.projection import PROJECTION_COLUMNS

Row = tuple[Any, ...]


def driver(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session, inside the session's read transaction."""
    return session.connection().connection.driver_connection


# --- chains -----------------------------------------------------------------------------------


def node_groups(raw: sqlite3.Connection) -> list[Row]:
    """(node, count, min seq, max seq) of every node."""
    return raw.execute(
        "SELECT uuid_text(node_id), count(*), min(seq), max(seq) FROM events GROUP BY node_id"
    ).fetchall()


def bad_starts(raw: sqlite3.Connection, genesis: str) -> list[Row]:
    """(node, id, dossier id) of each seq-1 event that does not start from `genesis`."""
    return raw.execute(
        "SELECT uuid_text(node_id), uuid_text(id), dossier_id FROM events "
        "WHERE seq = 1 AND prev_hash <> hash_blob(?)",
        (genesis,),
    ).fetchall()


def broken_links(raw: sqlite3.Connection) -> list[Row]:
    """(node, seq, id, dossier id, previous id) of each event whose prev_hash is not the hash
    of its node's previous event."""
    return raw.execute(
        "SELECT uuid_text(a.node_id), a.seq, uuid_text(a.id), a.dossier_id, uuid_text(b.id) "
        "FROM events a "
        "JOIN events b ON b.node_id = a.node_id AND b.seq = a.seq - 1 "
        "WHERE a.prev_hash <> b.hash"
    ).fetchall()


def node_top(raw: sqlite3.Connection, node: str) -> Row | None:
    """(seq, hash, id, dossier id) of a node's newest event."""
    return raw.execute(
        "SELECT seq, hash_text(hash), uuid_text(id), dossier_id FROM events "
        "WHERE node_id = uuid_blob(?) ORDER BY seq DESC LIMIT 1",
        (node,),
    ).fetchone()


def event_at(raw: sqlite3.Connection, node: str, seq: int) -> Row | None:
    """(hash, id, dossier id) of seq `seq` of `node`."""
    return raw.execute(
        "SELECT hash_text(hash), uuid_text(id), dossier_id FROM events "
        "WHERE node_id = uuid_blob(?) AND seq = ?",
        (node, seq),
    ).fetchone()


def hole_ends(raw: sqlite3.Connection, node: str) -> list[Row]:
    """(seq, id, dossier id) of each event of `node` right after a run of missing seqs."""
    return raw.execute(
        "SELECT a.seq, uuid_text(a.id), a.dossier_id FROM events a "
        "WHERE a.node_id = uuid_blob(?) AND a.seq > 1 "
        "AND NOT EXISTS (SELECT 1 FROM events b WHERE b.node_id = a.node_id AND "
        "b.seq = a.seq - 1) ORDER BY a.seq",
        (node,),
    ).fetchall()


def seq_before(raw: sqlite3.Connection, node: str, seq: int) -> int:
    """The highest seq of `node` below `seq` (0 when none)."""
    return (
        raw.execute(
            "SELECT max(seq) FROM events WHERE node_id = uuid_blob(?) AND seq < ?", (node, seq)
        ).fetchone()[0]
        or 0
    )


def tail_rows(raw: sqlite3.Connection, node: str, after: int, limit: int) -> list[Row]:
    """Up to `limit` events of `node` after seq `after`, in seq order (content-scan columns)."""
    return raw.execute(
        f"SELECT {_SCAN_COLS} FROM events WHERE node_id = uuid_blob(?) AND seq > ? "
        "ORDER BY seq LIMIT ?",
        (node, after, limit),
    ).fetchall()


def max_event_rowid(raw: sqlite3.Connection) -> int:
    return raw.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0


# --- rows and their events ----------------------------------------------------------------------


def row_and_dossier_counts(raw: sqlite3.Connection) -> tuple[int, int]:
    """(rows in the dossiers table, distinct dossier ids among the events)."""
    rows = raw.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    ids = raw.execute("SELECT count(DISTINCT dossier_id) FROM events").fetchone()[0]
    return rows, ids


def rows_without_events(raw: sqlite3.Connection) -> list[Row]:
    """(id, code) of each dossier row that has no event."""
    return raw.execute(
        "SELECT id, code FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM events e "
        "WHERE e.dossier_id = d.id)"
    ).fetchall()


def dossiers_without_row(raw: sqlite3.Connection) -> list[str]:
    """The dossier ids that have events but no row."""
    return [
        r[0]
        for r in raw.execute(
            "SELECT DISTINCT dossier_id FROM events e WHERE NOT EXISTS (SELECT 1 FROM "
            "dossiers d WHERE d.id = e.dossier_id)"
        )
    ]


def event_rows(raw: sqlite3.Connection, dossier_id: str) -> list[Row]:
    """A dossier's events as stored (store.integrity_scan's event columns)."""
    return raw.execute(
        f"SELECT {_EVENT_COLS} FROM events WHERE dossier_id = ?", (dossier_id,)
    ).fetchall()


def scan_rows_of(raw: sqlite3.Connection, dossier_ids: Sequence[str]) -> list[Row]:
    """The events of these dossiers (content-scan columns; at most 500 ids a call)."""
    marks = ",".join("?" * len(dossier_ids))
    return raw.execute(
        f"SELECT {_SCAN_COLS} FROM events WHERE dossier_id IN ({marks})", tuple(dossier_ids)
    ).fetchall()


def projection_rows_of(raw: sqlite3.Connection, dossier_ids: Sequence[str]) -> dict[str, Row]:
    """id -> (id, PROJECTION_COLUMNS...) of these dossiers' rows (at most 500 ids a call)."""
    marks = ",".join("?" * len(dossier_ids))
    cols = ", ".join(PROJECTION_COLUMNS)
    return {
        r[0]: r
        for r in raw.execute(
            f"SELECT id, {cols} FROM dossiers WHERE id IN ({marks})", tuple(dossier_ids)
        )
    }
