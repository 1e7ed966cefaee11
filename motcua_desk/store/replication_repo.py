"""The replication's queries and writes on an open session: this desk's chain and its acks, the
events pulled from other desks, the quarantine, and the calendar the hub sends.

The service (`motcua_desk.services.replication`) decides; this module only reads and writes.
The hot paths (a pull of thousands of events) go straight to the SQLite driver, in chunks of
ids per IN (...) list, through the store's own event-row codec (`repo.event_values`,
`repo.events_where`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from motcua_desk.domain.events import Event
from motcua_desk.store import repo
from motcua_desk.store.models import ConflictRow, DossierRow, EventRow, QuarantineRow
from motcua_desk.store.types import utc_text

_CHUNK = 500  # ids per IN (...) list


# --- this desk's chain and what the hub acknowledged ----------------------------------------


def own_node(session: Session) -> str:
    """This desk's node id; DeskNotInitialised (run init before syncing) before it is set up."""
    return repo.own_desk(session, repo.RUN_INIT_BEFORE_SYNC).node_id


def unacked_events(session: Session, node: str, after_seq: int, limit: int) -> list[Event]:
    """This desk's unacknowledged events after `after_seq`, in sequence order (served by the
    partial index ix_events_unacked)."""
    return repo.events_where(
        session,
        "node_id = uuid_blob(?) AND acked = 0 AND seq > ? ORDER BY seq LIMIT ?",
        (node, after_seq, limit),
    )


def count_unsent(session: Session, node: str) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(EventRow)
            .where(EventRow.node_id == node, EventRow.acked == False)  # noqa: E712
        )
        or 0
    )


def mark_acked(session: Session, acks: Sequence[tuple[int | None, str]]) -> None:
    """Each (hub_seq, event_id): the hub holds that event."""
    session.connection().exec_driver_sql(
        "UPDATE events SET acked = 1, hub_seq = ? WHERE id = uuid_blob(?)", list(acks)
    )


def unack_own(session: Session, node: str, after_seq: int | None = None) -> int:
    """Mark this desk's acknowledged events (all, or those after `after_seq`) unsent again;
    how many were."""
    sql = "UPDATE events SET acked = 0, hub_seq = NULL WHERE node_id = uuid_blob(?) AND acked = 1"
    if after_seq is None:
        return session.connection().exec_driver_sql(sql, (node,)).rowcount
    return session.connection().exec_driver_sql(sql + " AND seq > ?", (node, after_seq)).rowcount


def acked_head(session: Session, node: str) -> int:
    """The highest seq up to which every event of `node` is acknowledged."""
    conn = session.connection()
    first_unacked = conn.exec_driver_sql(
        "SELECT MIN(seq) FROM events WHERE node_id = uuid_blob(?) AND acked = 0", (node,)
    ).scalar()
    if first_unacked is not None:
        return int(first_unacked) - 1
    return int(
        conn.exec_driver_sql(
            "SELECT COALESCE(MAX(seq), 0) FROM events WHERE node_id = uuid_blob(?)", (node,)
        ).scalar()
    )


def chain_from(session: Session, node: str, low: int) -> dict[int, tuple[str, str, bool]]:
    """{seq: (id, hash, acked)} of the events of `node` from seq `low` on."""
    return {
        r[0]: (r[1], r[2], bool(r[3]))
        for r in session.connection().exec_driver_sql(
            "SELECT seq, uuid_text(id), hash_text(hash), acked FROM events "
            "WHERE node_id = uuid_blob(?) AND seq >= ?",
            (node, low),
        )
    }


def cut_chain(session: Session, node: str, from_seq: int) -> list[Event]:
    """Take the events of `node` from seq `from_seq` on out of the log; they are returned, in
    order, to be stored again (only for a desk's own events the hub never accepted)."""
    cut = repo.events_where(
        session, "node_id = uuid_blob(?) AND seq >= ? ORDER BY seq", (node, from_seq)
    )
    session.connection().exec_driver_sql(
        "DELETE FROM events WHERE node_id = uuid_blob(?) AND seq >= ?", (node, from_seq)
    )
    return cut


def chain_head(session: Session, node: str) -> tuple[int, str] | None:
    """(seq, hash) of the last event of `node`, None when it has none."""
    head = (
        session.connection()
        .exec_driver_sql(
            "SELECT seq, hash_text(hash) FROM events WHERE node_id = uuid_blob(?) "
            "ORDER BY seq DESC LIMIT 1",
            (node,),
        )
        .first()
    )
    return (int(head[0]), head[1]) if head else None


# --- events pulled from other desks ---------------------------------------------------------


def known_hashes(session: Session, ids: Sequence[str]) -> dict[str, str]:
    """{event id: hash} of those of `ids` this desk holds."""
    out: dict[str, str] = {}
    conn = session.connection()
    for i in range(0, len(ids), _CHUNK):
        chunk = tuple(ids[i : i + _CHUNK])
        out.update(
            (r[0], r[1])
            for r in conn.exec_driver_sql(
                "SELECT uuid_text(id), hash_text(hash) FROM events "
                f"WHERE id IN ({','.join(['uuid_blob(?)'] * len(chunk))})",
                chunk,
            )
        )
    return out


def chain_links(session: Session, events: Iterable[Event]) -> dict[tuple[str, int], str]:
    """{(node, seq): hash} of what this desk holds around these events (one range query per
    node)."""
    spans: dict[str, list[int]] = {}
    for ev in events:
        span = spans.setdefault(ev.node_id, [ev.seq, ev.seq])
        span[0], span[1] = min(span[0], ev.seq), max(span[1], ev.seq)
    links: dict[tuple[str, int], str] = {}
    conn = session.connection()
    for node, (low, high) in spans.items():
        for seq, hash_ in conn.exec_driver_sql(
            "SELECT seq, hash_text(hash) FROM events WHERE node_id = uuid_blob(?) "
            "AND seq BETWEEN ? AND ?",
            (node, low - 1, high),
        ):
            links[(node, seq)] = hash_
    return links


def insert_acked(session: Session, events: Iterable[tuple[Event, int | None, str]]) -> None:
    """Store events the hub holds, each (event, hub_seq, its payload's canonical JSON as its
    hash was computed over), acknowledged, in one statement."""
    repo.insert_events(
        session,
        [
            repo.event_values(ev, payload, acked=True, hub_seq=hub_seq)
            for ev, hub_seq, payload in events
        ],
    )


def dossier_ids_with_events(session: Session) -> list[str]:
    return list(session.scalars(select(EventRow.dossier_id).distinct()))


def code_holders(session: Session, codes: Sequence[str]) -> dict[str, str]:
    """{code: dossier id} of the dossiers that hold these codes (the unique index on code)."""
    out: dict[str, str] = {}
    for i in range(0, len(codes), _CHUNK):
        chunk = list(codes[i : i + _CHUNK])
        out.update(
            session.execute(
                select(DossierRow.code, DossierRow.id).where(DossierRow.code.in_(chunk))
            ).all()
        )
    return out


def open_conflict_count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(ConflictRow).where(ConflictRow.acknowledged == False)  # noqa: E712
        )
        or 0
    )


# --- the quarantine -------------------------------------------------------------------------


class QuarantineEntry(NamedTuple):
    """One row of the quarantine as the replication writes it."""

    event_id: str
    hub_seq: int | None
    node_id: str
    seq: int | None
    dossier_id: str
    event_type: str
    hash: str
    reason: str
    detail: str
    body: str
    applied: bool


def quarantine_body(ev: Event) -> str:
    """The event as kept in the quarantine (its wire form, compact JSON); "" when it cannot
    be written (the event then is kept by its other columns only)."""
    try:
        return json.dumps(ev.to_dict(), ensure_ascii=False, separators=(",", ":"))
    except (ValueError, TypeError, OverflowError):
        return ""


def waiting_count(session: Session, reasons: Iterable[str]) -> int:
    """Quarantined events, not applied, kept for one of these (retryable) reasons."""
    return (
        session.scalar(
            select(func.count())
            .select_from(QuarantineRow)
            .where(
                QuarantineRow.applied == False,  # noqa: E712
                QuarantineRow.reason.in_(sorted(reasons)),
            )
        )
        or 0
    )


def waiting_events(
    session: Session, reasons: Iterable[str], limit: int
) -> list[tuple[Event, int | None]]:
    """The quarantined events kept for one of these reasons, not applied, each with its hub
    sequence, in chain order of each node (bodies that no longer read as events are left)."""
    out = []
    rows = session.execute(
        select(QuarantineRow.body, QuarantineRow.hub_seq)
        .where(
            QuarantineRow.applied == False,  # noqa: E712
            QuarantineRow.reason.in_(sorted(reasons)),
        )
        .order_by(QuarantineRow.node_id, QuarantineRow.seq)
        .limit(limit)
    ).all()
    for body, hub_seq in rows:
        try:
            out.append((Event.from_dict(json.loads(body)), hub_seq))
        except (ValueError, KeyError, TypeError, OverflowError):  # pragma: no cover
            continue
    return out


def release_applied(session: Session, event_ids: Sequence[str]) -> None:
    """Quarantined events that have now been applied leave the quarantine."""
    session.connection().exec_driver_sql(
        "DELETE FROM quarantine WHERE event_id = ? AND applied = 0", [(i,) for i in event_ids]
    )


def quarantine_size(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(QuarantineRow)) or 0


def open_quarantine_count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(QuarantineRow)
            .where(QuarantineRow.acknowledged == False)  # noqa: E712
        )
        or 0
    )


def keep_quarantined(session: Session, entries: Sequence[QuarantineEntry], now: datetime) -> None:
    """Insert these rows, or update the row of an event kept before (a changed reason makes it
    unacknowledged again)."""
    session.connection().exec_driver_sql(
        "INSERT INTO quarantine (event_id, hub_seq, node_id, seq, dossier_id, event_type, "
        "hash, reason, detail, body, applied, detected_at, acknowledged) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) "
        "ON CONFLICT(event_id) DO UPDATE SET hub_seq = excluded.hub_seq, "
        "detail = excluded.detail, acknowledged = CASE WHEN quarantine.reason = "
        "excluded.reason THEN quarantine.acknowledged ELSE 0 END, "
        "reason = excluded.reason, applied = excluded.applied",
        [(*e, utc_text(now)) for e in entries],
    )


def quarantined_with_codes(
    session: Session, include_acknowledged: bool, limit: int = 1000
) -> list[tuple[QuarantineRow, str | None]]:
    """Quarantine rows, newest first, each with the code of its dossier when this desk has it."""
    stmt = select(QuarantineRow, DossierRow.code).outerjoin(
        DossierRow, DossierRow.id == QuarantineRow.dossier_id
    )
    if not include_acknowledged:
        stmt = stmt.where(QuarantineRow.acknowledged == False)  # noqa: E712
    return list(
        session.execute(
            stmt.order_by(QuarantineRow.detected_at.desc(), QuarantineRow.event_id).limit(limit)
        ).all()
    )


def acknowledge_quarantined(session: Session, event_id: str) -> bool:
    """Mark a quarantine row seen; False when there is none for this event."""
    row = session.get(QuarantineRow, event_id)
    if row is None:
        return False
    row.acknowledged = True
    return True


# --- the hub's calendar, and the hub's token --------------------------------------------------


def replace_calendar(
    session: Session, dropped: Iterable[str], wanted: Mapping[str, Mapping[str, str]], now: datetime
) -> None:
    """Remove the overrides of the days `dropped`, set those of `wanted` ({day: {day, kind,
    reason, legal_ref}}), and count a new version of the calendar."""
    for day in dropped:
        repo.drop_calendar_override(session, day)
    for day, o in wanted.items():
        repo.put_calendar_override(session, day, o["kind"], o["reason"], o["legal_ref"])
    repo.bump_reference_version(session, "calendar", now)


def secure_delete(session: Session) -> None:
    """From here on in this transaction, overwrite deleted or replaced bytes (a secret)."""
    session.execute(text("PRAGMA secure_delete = ON"))
