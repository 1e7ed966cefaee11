"""The hub's tables, and the rows it hands out (see the hub store's module docstring,
`sync/hubstore.py`, for what each holds); the schema itself is made by Alembic from
`hub_migrations/`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from motcua_desk.store.types import UtcDateTime


class HubBase(DeclarativeBase):
    pass


class HubDesk(HubBase):
    __tablename__ = "hub_desks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    desk_no: Mapped[int] = mapped_column(Integer, unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    node_id: Mapped[str | None] = mapped_column(String(36), unique=True, nullable=True)
    agency_id: Mapped[str] = mapped_column(String(30), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_skew_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class HubEvent(HubBase):
    __tablename__ = "hub_events"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hub_seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    node_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(BigInteger)
    dossier_id: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[int] = mapped_column(BigInteger)
    type: Mapped[str] = mapped_column(String(32))
    hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)  # canonical JSON of Event.to_dict()
    desk_id: Mapped[int] = mapped_column(ForeignKey("hub_desks.id"))
    stored_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (UniqueConstraint("node_id", "seq", name="uq_hub_events_node_seq"),)


EVENT_COLUMNS = (
    "id",
    "hub_seq",
    "node_id",
    "seq",
    "dossier_id",
    "hlc",
    "type",
    "hash",
    "prev_hash",
    "body",
    "desk_id",
    "stored_at",
)


class HubCounter(HubBase):
    __tablename__ = "hub_counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class HubReference(HubBase):
    __tablename__ = "hub_reference"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[str] = mapped_column(Text)  # canonical JSON
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    source: Mapped[str] = mapped_column(String(300), default="")


@dataclass(frozen=True)
class DeskInfo:
    id: int
    name: str
    desk_no: int
    node_id: str | None
    agency_id: str
    active: bool
    created_at: datetime
    last_seen_at: datetime | None
    last_skew_ms: int | None
    events: int = 0


@dataclass(frozen=True)
class PullPage:
    items: list[tuple[int, str]]  # (hub_seq, canonical JSON of the event), in hub_seq order
    next: int  # the cursor to ask from next time
    more: bool  # there may be more after `next`


def desk_info(row: HubDesk, events: int = 0) -> DeskInfo:
    return DeskInfo(
        row.id,
        row.name,
        row.desk_no,
        row.node_id,
        row.agency_id,
        row.active,
        row.created_at,
        row.last_seen_at,
        row.last_skew_ms,
        events,
    )
