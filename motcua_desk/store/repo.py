"""Queries and writes on an open session. Every query here is served by an index: nothing reads
all dossiers (the store is sized for a million)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, text
from sqlalchemy.orm import Session

from motcua_desk.domain.dossier import DossierState
from motcua_desk.domain.events import Event, EventType
from motcua_desk.domain.text import fold
from motcua_desk.store.models import (
    ConflictRow,
    DossierRow,
    EventRow,
    SequenceRow,
    SettingRow,
)

# --- events -------------------------------------------------------------------------------

def event_from_row(row: EventRow) -> Event:
    return Event(
        id=row.id, dossier_id=row.dossier_id, node_id=row.node_id, seq=row.seq, hlc=row.hlc,
        type=EventType(row.type), occurred_at=row.occurred_at, recorded_at=row.recorded_at,
        officer=row.officer, payload=row.payload, prev_hash=row.prev_hash, hash=row.hash)


def row_from_event(ev: Event, *, acked: bool = False, hub_seq: int | None = None) -> EventRow:
    return EventRow(
        id=ev.id, dossier_id=ev.dossier_id, node_id=ev.node_id, seq=ev.seq, hlc=ev.hlc,
        type=str(ev.type), occurred_at=ev.occurred_at, recorded_at=ev.recorded_at,
        officer=ev.officer, payload=dict(ev.payload), prev_hash=ev.prev_hash, hash=ev.hash,
        acked=acked, hub_seq=hub_seq)


_EVENTS_OF_DOSSIER = (
    "SELECT id, dossier_id, node_id, seq, hlc, type, occurred_at, recorded_at, officer, payload, "
    "prev_hash, hash FROM events WHERE dossier_id = ? ORDER BY hlc")


def _utc(text_value: str) -> datetime:
    return datetime.fromisoformat(text_value).replace(tzinfo=UTC)


def load_events(session: Session, dossier_id: str) -> list[Event]:
    """All events of one dossier. The hot path of a scan: a prepared statement straight to the
    driver (no ORM, no SQL compilation), decoded here the way UtcDateTime and JSON would."""
    rows = session.connection().exec_driver_sql(_EVENTS_OF_DOSSIER, (dossier_id,))
    return [Event(id=r[0], dossier_id=r[1], node_id=r[2], seq=r[3], hlc=r[4], type=EventType(r[5]),
                  occurred_at=_utc(r[6]), recorded_at=_utc(r[7]), officer=r[8],
                  payload=json.loads(r[9]), prev_hash=r[10], hash=r[11]) for r in rows]


def dossier_key(session: Session, code: str) -> tuple[str, int] | None:
    """(id, pk) of the dossier with this exact code, through the unique index on code."""
    row = session.connection().exec_driver_sql(
        "SELECT id, pk FROM dossiers WHERE code = ?", (code,)).first()
    return (row[0], row[1]) if row else None


def insert_event(session: Session, ev: Event, *, acked: bool = False,
                 hub_seq: int | None = None) -> None:
    session.add(row_from_event(ev, acked=acked, hub_seq=hub_seq))
    session.flush()


def existing_event_ids(session: Session, ids: Iterable[str]) -> set[str]:
    ids = list(ids)
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        found.update(session.scalars(select(EventRow.id).where(EventRow.id.in_(ids[i:i + 500]))))
    return found


# --- projection ---------------------------------------------------------------------------

def save_projection(session: Session, state: DossierState, now: datetime) -> DossierRow:
    """Write the folded state of one dossier into its projection row and its conflicts."""
    row = session.scalar(select(DossierRow).where(DossierRow.id == state.dossier_id))
    if row is None:
        row = DossierRow(id=state.dossier_id)
        session.add(row)
    applicant = state.applicant
    proc = state.procedure
    values: dict[str, Any] = {
        "code": state.code, "status": str(state.status),
        "national_status": state.national_status,
        "procedure_code": proc.get("code", ""), "procedure_name": proc.get("name", ""),
        "field": proc.get("field", ""), "department": state.lead_department,
        "applicant_name": applicant.get("name", ""), "search_name": fold(applicant.get("name", "")),
        "id_number": applicant.get("id_number", ""), "phone": applicant.get("phone", ""),
        "address": applicant.get("address", ""), "email": applicant.get("email", ""),
        "sets": state.sets, "channel": state.channel, "received_at": state.received_at,
        "due_at": state.due_at, "original_due_at": state.original_due_at,
        "result_at": state.result_at, "returned_at": state.returned_at,
        "returned_to": state.returned_to, "return_method": state.return_method,
        "location": state.location, "location_since": state.location_since,
        "desk_no": state.desk_no, "ledger_year": int(state.ledger.get("year", 0)),
        "ledger_number": int(state.ledger.get("number", 0)),
        "supplement_count": state.supplement_count, "extended": state.extended,
        "conflict_count": len(state.conflicts), "event_count": state.event_count,
        "last_hlc": state.last_hlc,
    }
    for key, value in values.items():
        if getattr(row, key, None) != value:
            setattr(row, key, value)
    _save_conflicts(session, state, now)
    session.flush()
    return row


def _save_conflicts(session: Session, state: DossierState, now: datetime) -> None:
    wanted = {c.event_id: c for c in state.conflicts}
    have = {r.event_id: r for r in session.scalars(
        select(ConflictRow).where(ConflictRow.dossier_id == state.dossier_id))}
    for event_id in set(have) - set(wanted):
        session.delete(have[event_id])
    for event_id, c in wanted.items():
        if event_id not in have:
            session.add(ConflictRow(
                event_id=c.event_id, dossier_id=state.dossier_id, event_type=c.event_type,
                node_id=c.node_id, officer=c.officer, occurred_at=c.occurred_at,
                status=c.status, reason=c.reason, detected_at=now, acknowledged=False))


def dossier_by_code(session: Session, code: str) -> DossierRow | None:
    return session.scalar(select(DossierRow).where(DossierRow.code == code))


def dossier_by_id(session: Session, dossier_id: str) -> DossierRow | None:
    return session.scalar(select(DossierRow).where(DossierRow.id == dossier_id))


def codes_of_day(session: Session, prefix: str) -> list[str]:
    """Codes that start with `prefix` (agency-YYMMDD-): an index range scan on code."""
    return list(session.scalars(
        select(DossierRow.code).where(DossierRow.code >= prefix, DossierRow.code < prefix + "~")))


# --- search -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    status: Sequence[str] = ()
    field: str = ""
    received_from: datetime | None = None  # UTC-aware bounds
    received_to: datetime | None = None
    department: str = ""


def _filter_clauses(f: Filters) -> list:
    clauses = []
    if f.status:
        clauses.append(DossierRow.status.in_(list(f.status)))
    if f.field:
        clauses.append(DossierRow.field == f.field)
    if f.department:
        clauses.append(DossierRow.department == f.department)
    if f.received_from:
        clauses.append(DossierRow.received_at >= f.received_from)
    if f.received_to:
        clauses.append(DossierRow.received_at < f.received_to)
    return clauses


def fts_query(terms: Sequence[str]) -> str:
    """Every folded word must appear, each as a prefix ("ngu van d" finds Nguyễn Văn Đức)."""
    return " ".join(f'"{t}"*' for t in terms)


def search_dossiers(session: Session, *, terms: Sequence[str] = (), code_prefix: str = "",
                    digits: str = "", filters: Filters = Filters(), limit: int = 50,
                    before_pk: int | None = None) -> list[DossierRow]:
    """Newest first (by pk), `limit` rows, keyset-paged with before_pk."""
    clauses = _filter_clauses(filters)
    if code_prefix:
        clauses.append(and_(DossierRow.code >= code_prefix, DossierRow.code < code_prefix + "~"))
    if digits:
        if len(digits) == 12:
            clauses.append(DossierRow.id_number == digits)
        elif len(digits) in (10, 11) and digits.startswith("0"):
            clauses.append(DossierRow.phone == digits)
        else:
            hi = digits + ":"  # ':' sorts right after '9'
            clauses.append(or_(and_(DossierRow.id_number >= digits, DossierRow.id_number < hi),
                               and_(DossierRow.phone >= digits, DossierRow.phone < hi)))
    if terms and not clauses:
        # Straight down the FTS index, newest rowid first, stopping at `limit`: no sort of
        # every match (a common family name matches a third of all dossiers).
        sql = "SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH :q"
        params: dict[str, Any] = {"q": fts_query(terms), "n": limit}
        if before_pk is not None:
            sql += " AND rowid < :before"
            params["before"] = before_pk
        pks = list(session.execute(text(sql + " ORDER BY rowid DESC LIMIT :n"), params).scalars())
        if not pks:
            return []
        rows = session.scalars(select(DossierRow).where(DossierRow.pk.in_(pks)))
        return sorted(rows, key=lambda r: -r.pk)
    stmt = select(DossierRow)
    if terms:
        fts = text("SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH :q").bindparams(
            q=fts_query(terms)).columns(rowid=DossierRow.pk.type).subquery()
        stmt = stmt.join(fts, fts.c.rowid == DossierRow.pk)
    if before_pk is not None:
        clauses.append(DossierRow.pk < before_pk)
    if clauses:
        stmt = stmt.where(and_(*clauses))
    return list(session.scalars(stmt.order_by(DossierRow.pk.desc()).limit(limit)))


def rows_where(session: Session, *clauses, order_by=None, limit: int | None = None
               ) -> list[DossierRow]:
    stmt = select(DossierRow).where(and_(*clauses))
    if order_by is not None:
        stmt = stmt.order_by(order_by)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def count_where(session: Session, *clauses) -> int:
    return session.scalar(select(func.count()).select_from(DossierRow).where(and_(*clauses))) or 0


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


def delete_all(session: Session, model) -> None:
    session.execute(delete(model))
