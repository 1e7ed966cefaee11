"""Queries and writes on an open session. Every query here is served by an index: nothing reads
all dossiers (the store is sized for a million)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from motcua_desk.domain.dossier import DossierState
from motcua_desk.domain.events import Event, EventType
from motcua_desk.store import keys
from motcua_desk.store.engine import json_dumps
from motcua_desk.store.errors import DeskNotInitialised
from motcua_desk.store.models import (
    CalendarOverrideRow,
    ConflictRow,
    DeskRow,
    DossierRow,
    EventRow,
    ReferenceVersionRow,
    SequenceRow,
    SettingRow,
)
from motcua_desk.store.projection import PROJECTION_COLUMNS, projection_row
from motcua_desk.store.search import (  # noqa: F401 - re-exported (search moved there)
    Filters,
    count_where,
    fts_query,
    match_query,
    rows_where,
    search_dossiers,
)
from motcua_desk.store.types import utc_moment, utc_text

_CHUNK = 500  # ids per IN (...) list


# --- the desk's own row ---------------------------------------------------------------------

NOT_SET_UP = "this desk has not been set up yet"
RUN_INIT = "run 'motcua-desk init' (or start the window)"
RUN_INIT_BEFORE_SYNC = "run 'motcua-desk init' before syncing"


def desk_row(session: Session) -> DeskRow | None:
    """This desk's own row (identity, counters, chain head), None before it has been set up.
    The one place that knows it is row 1."""
    return session.get(DeskRow, 1)


def own_desk(session: Session, hint: str = "") -> DeskRow:
    """desk_row, or DeskNotInitialised before the desk has been set up, its message ending
    with `hint`: what to do about it."""
    desk = desk_row(session)
    if desk is None:
        raise DeskNotInitialised(f"{NOT_SET_UP}: {hint}" if hint else NOT_SET_UP)
    return desk


# --- events -------------------------------------------------------------------------------


def event_from_row(row: EventRow) -> Event:
    return Event(
        id=row.id,
        dossier_id=row.dossier_id,
        node_id=row.node_id,
        seq=row.seq,
        hlc=row.hlc,
        type=EventType(row.type),
        occurred_at=row.occurred_at,
        recorded_at=row.recorded_at,
        officer=row.officer,
        payload=row.payload,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def row_from_event(ev: Event, *, acked: bool = False, hub_seq: int | None = None) -> EventRow:
    return EventRow(
        id=ev.id,
        dossier_id=ev.dossier_id,
        node_id=ev.node_id,
        seq=ev.seq,
        hlc=ev.hlc,
        type=str(ev.type),
        occurred_at=ev.occurred_at,
        recorded_at=ev.recorded_at,
        officer=ev.officer,
        payload=dict(ev.payload),
        prev_hash=ev.prev_hash,
        hash=ev.hash,
        acked=acked,
        hub_seq=hub_seq,
    )


# The events table's columns as raw SQL reads and writes them (events_where, event_values),
# then acked and hub_seq on a write.
EVENT_COLUMNS = (
    "id",
    "dossier_id",
    "node_id",
    "seq",
    "hlc",
    "type",
    "occurred_at",
    "recorded_at",
    "officer",
    "payload",
    "prev_hash",
    "hash",
)
# The payload is read and written through the database's codec functions (store.payload_codec),
# the ids and hashes through store.keys' (schema 0006: stored as bytes, read back as text).
_READ_AS = {
    "id": "uuid_text(id)",
    "node_id": "uuid_text(node_id)",
    "payload": "payload_text(payload)",
    "prev_hash": "hash_text(prev_hash)",
    "hash": "hash_text(hash)",
}
_WRITE_AS = {
    "id": "uuid_blob(?)",
    "node_id": "uuid_blob(?)",
    "payload": "payload_pack(?)",
    "prev_hash": "hash_blob(?)",
    "hash": "hash_blob(?)",
}
EVENT_READ_COLUMNS = ", ".join(_READ_AS.get(c, c) for c in EVENT_COLUMNS)
_EVENT_SELECT = f"SELECT {EVENT_READ_COLUMNS} FROM events WHERE "
_EVENT_INSERT_COLUMNS = (*EVENT_COLUMNS, "acked", "hub_seq")
_EVENT_INSERT = (
    f"INSERT INTO events ({', '.join(_EVENT_INSERT_COLUMNS)}) VALUES "
    f"({', '.join(_WRITE_AS.get(c, '?') for c in _EVENT_INSERT_COLUMNS)})"
)


def events_where(session: Session, where: str, params: tuple) -> list[Event]:
    """Events straight from the driver, decoded as UtcDateTime and JSON would: no ORM, no
    statement compilation (this runs on every scan and for every synced event)."""
    return events_of_rows(session.connection().exec_driver_sql(_EVENT_SELECT + where, params))


def _load_payload(text: str) -> Any:
    """A stored payload: orjson (several times faster), json for what orjson refuses (an
    integer past 64 bits), so every payload json wrote reads back as json would read it."""
    try:
        return _orjson_loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


_orjson_loads = orjson.loads


def events_of_rows(rows: Iterable[Sequence[Any]]) -> list[Event]:
    """Events from rows of EVENT_COLUMNS as the driver gives them."""
    return [
        Event(
            id=r[0],
            dossier_id=r[1],
            node_id=r[2],
            seq=r[3],
            hlc=r[4],
            type=EventType(r[5]),
            occurred_at=utc_moment(r[6]),
            recorded_at=utc_moment(r[7]),
            officer=r[8],
            payload=_load_payload(r[9]),
            prev_hash=r[10],
            hash=r[11],
        )
        for r in rows
    ]


def event_values(
    ev: Event, payload: str, *, acked: bool = False, hub_seq: int | None = None
) -> tuple:
    """The stored row of an event for raw SQL, as events_where reads it back (moments as
    UtcDateTime text, the payload as the JSON text `payload`, acked as 0/1): EVENT_COLUMNS,
    then acked and hub_seq. A replica passes the canonical JSON its hash check has just
    made, so the payload is encoded once."""
    return (
        ev.id,
        ev.dossier_id,
        ev.node_id,
        ev.seq,
        ev.hlc,
        str(ev.type),
        utc_text(ev.occurred_at),
        utc_text(ev.recorded_at),
        ev.officer,
        payload,
        ev.prev_hash,
        ev.hash,
        int(acked),
        hub_seq,
    )


def insert_events(session: Session, rows: Sequence[tuple]) -> None:
    """Many events in one statement, each row made by event_values (the payload packed by the
    database's codec on the way in)."""
    session.connection().exec_driver_sql(_EVENT_INSERT, list(rows))


def load_events(session: Session, dossier_id: str) -> list[Event]:
    """All events of one dossier, in clock order."""
    return events_where(session, "dossier_id = ? ORDER BY hlc", (dossier_id,))


def load_events_many(session: Session, dossier_ids: Sequence[str]) -> dict[str, list[Event]]:
    """All events of these dossiers, by dossier."""
    out: dict[str, list[Event]] = defaultdict(list)
    for i in range(0, len(dossier_ids), _CHUNK):
        chunk = tuple(dossier_ids[i : i + _CHUNK])
        for ev in events_where(session, f"dossier_id IN ({','.join('?' * len(chunk))})", chunk):
            out[ev.dossier_id].append(ev)
    return out


_SCAN_SELECT = (
    "SELECT d.id, d.pk, "
    + ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    + " FROM dossiers d LEFT JOIN events e ON e.dossier_id = d.id WHERE d.code = ? ORDER BY e.hlc"
)


def scan_read(conn: Any, code: str, codec: Any) -> tuple[str, int, list[Event]] | None:
    """(id, pk, events in clock order) of the dossier with this exact code, or None: one
    statement on a driver connection (sqlite3), so one snapshot, through the two unique
    indexes. No session, no statement compilation, no SQL function called per value: the stored
    ids, hashes and payloads are converted here, by the same functions (store.keys, the
    payload codec) the SQL reads use, so a scan reads exactly what events_where reads."""
    rows = conn.execute(_SCAN_SELECT, (code,)).fetchall()
    if not rows:
        return None
    first = rows[0]
    if first[2] is None:  # a projection row without events (never written so; read as such)
        return first[0], first[1], []
    unpack = codec.bytes_or_none  # None where it cannot be unpacked, as payload_text()
    uuid, hexed = keys.uuid_text, keys.hash_text
    # events_of_rows' construction with the conversions inlined: feeding it converted tuples
    # costs ~4 µs a scan (6 % of it); tests/store/test_scan_read.py holds the two reads equal
    return (
        first[0],
        first[1],
        [
            Event(
                id=uuid(r[2]),
                dossier_id=r[3],
                node_id=uuid(r[4]),
                seq=r[5],
                hlc=r[6],
                type=EventType(r[7]),
                occurred_at=utc_moment(r[8]),
                recorded_at=utc_moment(r[9]),
                officer=r[10],
                payload=_load_payload(unpack(r[11])),
                prev_hash=hexed(r[12]),
                hash=hexed(r[13]),
            )
            for r in rows
        ],
    )


def dossier_key(session: Session, code: str) -> tuple[str, int] | None:
    """(id, pk) of the dossier with this exact code, through the unique index on code."""
    row = (
        session.connection()
        .exec_driver_sql("SELECT id, pk FROM dossiers WHERE code = ?", (code,))
        .first()
    )
    return (row[0], row[1]) if row else None


def insert_event(
    session: Session, ev: Event, *, acked: bool = False, hub_seq: int | None = None
) -> None:
    session.add(row_from_event(ev, acked=acked, hub_seq=hub_seq))
    session.flush()


def existing_event_ids(session: Session, ids: Iterable[str]) -> set[str]:
    ids = list(ids)
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        found.update(session.scalars(select(EventRow.id).where(EventRow.id.in_(ids[i : i + 500]))))
    return found


# --- projection ---------------------------------------------------------------------------

assert PROJECTION_COLUMNS == tuple(
    c.name for c in DossierRow.__table__.columns if c.name not in ("pk", "id")
)


def projection_values(state: DossierState) -> dict[str, Any]:
    """The projection row of a folded dossier (every column but the keys), by column."""
    return dict(zip(PROJECTION_COLUMNS, projection_row(state), strict=True))


def save_projection(session: Session, state: DossierState, now: datetime) -> None:
    """Write the folded state of one dossier into its projection row and its conflicts."""
    save_projections(session, [state], now)


def save_projections(session: Session, states: Sequence[DossierState], now: datetime) -> None:
    """Projection rows and sync exceptions of many dossiers: one read of their rows and
    conflicts per chunk, new rows inserted in one statement, changed columns updated."""
    for i in range(0, len(states), _CHUNK):
        chunk = states[i : i + _CHUNK]
        ids = [s.dossier_id for s in chunk]
        rows = {r.id: r for r in session.scalars(select(DossierRow).where(DossierRow.id.in_(ids)))}
        have: dict[str, dict[str, ConflictRow]] = defaultdict(dict)
        for c in session.scalars(select(ConflictRow).where(ConflictRow.dossier_id.in_(ids))):
            have[c.dossier_id][c.event_id] = c
        new_rows: list[dict[str, Any]] = []
        new_conflicts: list[dict[str, Any]] = []
        with session.no_autoflush:
            for state in chunk:
                values = projection_values(state)
                row = rows.get(state.dossier_id)
                if row is None:
                    new_rows.append({"id": state.dossier_id, **values})
                else:
                    for key, value in values.items():
                        if getattr(row, key) != value:
                            setattr(row, key, value)
                wanted = {c.event_id: c for c in state.conflicts}
                mine = have.get(state.dossier_id, {})
                for event_id in set(mine) - set(wanted):
                    session.delete(mine[event_id])
                new_conflicts.extend(
                    {
                        "event_id": c.event_id,
                        "dossier_id": state.dossier_id,
                        "event_type": c.event_type,
                        "node_id": c.node_id,
                        "officer": c.officer,
                        "occurred_at": c.occurred_at,
                        "status": c.status,
                        "reason": c.reason,
                        "detected_at": now,
                        "acknowledged": False,
                    }
                    for event_id, c in wanted.items()
                    if event_id not in mine
                )
        session.flush()
        if new_rows:
            insert_rows(
                session,
                DossierRow.__tablename__,
                list(new_rows[0]),
                [tuple(r.values()) for r in new_rows],
            )
        if new_conflicts:
            insert_rows(
                session,
                ConflictRow.__tablename__,
                list(new_conflicts[0]),
                [tuple(r.values()) for r in new_conflicts],
            )


def db_value(value: Any) -> Any:
    """A value as the desk's column types store it (UtcDateTime text, JSON text, 0/1)."""
    kind = type(value)
    if kind is str or kind is int or value is None:
        return value
    if kind is bool:
        return int(value)
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, dict | list):
        return json_dumps(value)  # what the engine's JSON serializer writes
    return value


def insert_rows(
    session: Session,
    table: str,
    columns: Sequence[str],
    rows: Sequence[tuple],
    *,
    convert: bool = True,
) -> None:
    """Many rows in one executemany straight to the SQLite driver (SQLAlchemy's per-row
    parameter processing costs more than the insert itself at sync volumes). With
    convert=False the values are already in their stored form (see db_value)."""
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    if convert:
        rows = [tuple(db_value(v) for v in row) for row in rows]
    session.connection().exec_driver_sql(sql, list(rows))


def dossier_by_id(session: Session, dossier_id: str) -> DossierRow | None:
    return session.scalar(select(DossierRow).where(DossierRow.id == dossier_id))


def highest_sequence_of_slot(session: Session, prefix: str, slot: int, slots: int) -> int:
    """The highest sequence number among the codes that start with `prefix` (agency-YYMMDD-)
    whose number falls in `slot` of `slots` (number % slots == slot); 0 when there is none.
    An index range scan on code, aggregated inside SQLite."""
    return (
        session.connection()
        .exec_driver_sql(
            "SELECT max(n) FROM (SELECT CAST(substr(code, ?) AS INTEGER) AS n FROM dossiers "
            "WHERE code >= ? AND code < ?) WHERE n % ? = ?",
            (len(prefix) + 1, prefix, prefix + "~", slots, slot),
        )
        .scalar()
        or 0
    )


# --- counters and settings ----------------------------------------------------------------


def next_sequence(session: Session, name: str, floor: int = 0) -> int:
    """Increment and return a named counter, never below floor + 1. Call inside a write unit."""
    row = session.get(SequenceRow, name)
    value = max(row.value if row else 0, floor) + 1
    if row is None:
        session.add(SequenceRow(name=name, value=value))
    else:
        row.value = value
    session.flush()
    return value


def bump_reference_version(session: Session, kind: str, now: datetime) -> None:
    """One more version of a reference data set (catalog, departments, calendar) made here."""
    row = session.get(ReferenceVersionRow, kind)
    if row is None:
        session.add(ReferenceVersionRow(kind=kind, version=1, updated_at=now))
    else:
        row.version += 1
        row.updated_at = now


def put_calendar_override(
    session: Session, day: str, kind: str, reason: str, legal_ref: str
) -> None:
    """Set the override of `day` (ISO date): added, or the one there replaced."""
    row = session.get(CalendarOverrideRow, day)
    if row is None:
        session.add(CalendarOverrideRow(day=day, kind=kind, reason=reason, legal_ref=legal_ref))
    else:
        row.kind, row.reason, row.legal_ref = kind, reason, legal_ref


def drop_calendar_override(session: Session, day: str) -> bool:
    """Remove the override of `day` (ISO date); False when there was none."""
    row = session.get(CalendarOverrideRow, day)
    if row is None:
        return False
    session.delete(row)
    return True


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(SettingRow, key)
    return default if row is None else row.value


def set_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value))
    else:
        row.value = value
    session.flush()
