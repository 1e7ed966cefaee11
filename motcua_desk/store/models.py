"""The desk's tables. `events` is the source of truth; `dossiers` is a projection of it that can
be rebuilt at any time; the rest is reference data, settings and counters."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from motcua_desk.store.types import HashKey, PackedJSON, UtcDateTime, UuidKey

# "MCUD": PRAGMA application_id of every desk database, so a foreign SQLite file is refused.
APPLICATION_ID = 0x4D435544


class Base(DeclarativeBase):
    pass


class DeskRow(Base):
    """The one row that says who this desk is, and the head of its event chain."""

    __tablename__ = "desk"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    node_id: Mapped[str] = mapped_column(String(36), unique=True)
    agency_id: Mapped[str] = mapped_column(String(30))
    agency_name: Mapped[str] = mapped_column(String(200))
    parent_name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(100))
    desk_no: Mapped[int] = mapped_column(Integer)
    desk_slots: Mapped[int] = mapped_column(Integer, default=10)
    officer: Mapped[str] = mapped_column(String(100), default="")
    officer_phone: Mapped[str] = mapped_column(String(20), default="")
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    last_hlc: Mapped[int] = mapped_column(BigInteger, default=0)


class EventRow(Base):
    __tablename__ = "events"

    # Schema 0006: ids and hashes as bytes (store.keys); the ORM converts them both ways.
    id: Mapped[str] = mapped_column(UuidKey, primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(36))
    node_id: Mapped[str] = mapped_column(UuidKey)
    seq: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[int] = mapped_column(BigInteger)
    type: Mapped[str] = mapped_column(String(32))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    officer: Mapped[str] = mapped_column(String(100))
    # Schema 0005: packed (store.payload_codec); the ORM packs and unpacks it through SQL.
    payload: Mapped[dict[str, Any]] = mapped_column(PackedJSON)
    prev_hash: Mapped[str] = mapped_column(HashKey)
    hash: Mapped[str] = mapped_column(HashKey)
    # Sync bookkeeping: acked = the hub has stored it; hub_seq = the hub's sequence, when known.
    acked: Mapped[bool] = mapped_column(Boolean, default=False)
    hub_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)

    __table_args__ = (
        UniqueConstraint("node_id", "seq", name="uq_events_node_seq"),
        Index("ix_events_dossier", "dossier_id", "hlc"),
        Index("ix_events_unacked", "node_id", "seq", sqlite_where=text("acked = 0")),
        Index("ix_events_type_time", "type", "occurred_at"),
    )


class DossierRow(Base):
    """Projection of a dossier's events (a cache of the fold)."""

    __tablename__ = "dossiers"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    status: Mapped[str] = mapped_column(String(32))
    national_status: Mapped[int] = mapped_column(Integer)
    procedure_code: Mapped[str] = mapped_column(String(20))
    procedure_name: Mapped[str] = mapped_column(String(400))
    field: Mapped[str] = mapped_column(String(100), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    applicant_name: Mapped[str] = mapped_column(String(100))
    search_name: Mapped[str] = mapped_column(String(100))  # folded, fed to the FTS index
    id_number: Mapped[str] = mapped_column(String(12), default="")
    phone: Mapped[str] = mapped_column(String(15), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    sets: Mapped[int] = mapped_column(Integer, default=1)
    channel: Mapped[str] = mapped_column(String(10), default="direct")
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    original_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    result_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    returned_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    returned_to: Mapped[str] = mapped_column(String(100), default="")
    return_method: Mapped[str] = mapped_column(String(10), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    location_since: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    desk_no: Mapped[int] = mapped_column(Integer, default=0)
    ledger_year: Mapped[int] = mapped_column(Integer, default=0)
    ledger_number: Mapped[int] = mapped_column(Integer, default=0)
    supplement_count: Mapped[int] = mapped_column(Integer, default=0)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    conflict_count: Mapped[int] = mapped_column(Integer, default=0)
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    last_hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    # Schema 0003: date of birth and sex of the applicant, the queue ticket, the fees.
    applicant_birth_date: Mapped[str] = mapped_column(String(10), default="")  # YYYY-MM-DD
    applicant_sex: Mapped[str] = mapped_column(String(6), default="")  # male | female
    queue_ticket: Mapped[str] = mapped_column(String(12), default="")
    fee_paid: Mapped[int] = mapped_column(BigInteger, default=0)  # đồng, all payments
    fee_method: Mapped[str] = mapped_column(String(10), default="")  # of the last payment
    fee_receipt_ref: Mapped[str] = mapped_column(String(100), default="")  # the last one
    # Schema 0004: the search filters as words of the name index (store.projection.facets).
    facets: Mapped[str] = mapped_column(String(120), default="")

    __table_args__ = (
        Index("ix_dossiers_status_due", "status", "due_at"),
        Index(
            "ix_dossiers_birth",
            "applicant_birth_date",
            sqlite_where=text("applicant_birth_date != ''"),
        ),
        Index("ix_dossiers_ticket", "queue_ticket", sqlite_where=text("queue_ticket != ''")),
        Index("ix_dossiers_received", "received_at"),
        Index("ix_dossiers_id_number", "id_number"),
        Index("ix_dossiers_phone", "phone"),
        Index("ix_dossiers_location", "location", "location_since"),
        Index("ix_dossiers_ledger", "ledger_year", "desk_no", "ledger_number"),
        Index("ix_dossiers_returned", "returned_at"),
        Index("ix_dossiers_conflicts", "conflict_count", sqlite_where=text("conflict_count > 0")),
    )


class ConflictRow(Base):
    """A sync exception: an event the deterministic order made illegal."""

    __tablename__ = "conflicts"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(36), index=True)
    event_type: Mapped[str] = mapped_column(String(32))
    node_id: Mapped[str] = mapped_column(String(36))
    officer: Mapped[str] = mapped_column(String(100))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(40))
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime)
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)


class QuarantineRow(Base):
    """A pulled event this desk keeps but does not apply (applied = False: it fails its schema,
    its hash or its node's chain, or its clock is far ahead), or applies and lists (applied =
    True: recorded with a clock before 2020). Retryable ones (gap, clock_ahead) are tried again
    at each pull; `body` is the event as the hub served it (the evidence)."""

    __tablename__ = "quarantine"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    hub_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    node_id: Mapped[str] = mapped_column(String(36), default="")
    seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    dossier_id: Mapped[str] = mapped_column(String(36), default="")
    event_type: Mapped[str] = mapped_column(String(32), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    applied: Mapped[bool] = mapped_column(Boolean, default=False)
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime)
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_quarantine_node_seq", "node_id", "seq"),)


class ProcedureRow(Base):
    __tablename__ = "procedures"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(400))
    name_fold: Mapped[str] = mapped_column(String(400))
    field: Mapped[str] = mapped_column(String(100), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    effective_date: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(String(20), default="seed")
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (Index("ix_procedures_active", "active", "code"),)


class DepartmentRow(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short: Mapped[str] = mapped_column(String(20), default="")
    step_working_days: Mapped[float] = mapped_column(Float, default=3)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CalendarOverrideRow(Base):
    __tablename__ = "calendar_overrides"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # ISO date
    kind: Mapped[str] = mapped_column(String(4))  # off | work
    reason: Mapped[str] = mapped_column(String(300))
    legal_ref: Mapped[str] = mapped_column(String(200), default="")


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class SequenceRow(Base):
    """Counters that must never go back: the day's code sequence, the yearly ledger number."""

    __tablename__ = "sequences"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class PayloadDictRow(Base):
    """A dictionary the events' payloads are compressed with (schema 0005,
    store.payload_codec): never changed or deleted once written."""

    __tablename__ = "payload_dicts"

    no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    trained_on: Mapped[int] = mapped_column(Integer)  # payloads in its sample
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReferenceVersionRow(Base):
    """Version of each reference data set (catalog, departments, calendar) held here."""

    __tablename__ = "reference_versions"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


__all__ = [
    "APPLICATION_ID",
    "Base",
    "DeskRow",
    "EventRow",
    "DossierRow",
    "ConflictRow",
    "ProcedureRow",
    "DepartmentRow",
    "CalendarOverrideRow",
    "SettingRow",
    "SequenceRow",
    "ReferenceVersionRow",
    "PayloadDictRow",
]
