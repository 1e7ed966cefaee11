"""The desk's side of replication: what to send, what came back, and what it did to the dossiers.

No network here (that is `motcua_desk.sync.client`): plain values in, DTOs out, one unit of work
per step, so a crash or a lost connection at any point leaves the desk consistent:

- `pending()` — this desk's events the hub has not acknowledged, in chain order;
  `mark_acked()` records the hub's answer (acked + hub_seq).
- `apply_pulled()` — events of other desks: known ids skipped, each new one's hash checked,
  their clocks observed, inserted, every affected dossier re-folded once, the pull cursor moved;
  all in one transaction per batch (nothing half-applied).
- reference data from the hub (catalog, departments, calendar overrides): versioned, applied only
  when newer than what the desk has.
- `counts()` — what the status bar shows: events waiting to be sent, last successful sync,
  sync exceptions, events the hub refused.

Settings keys used (table `settings`): sync.cursor, sync.last_success, sync.rejected,
sync.reference, sync.hub, sync.skew_ms, sync.calendar_days, sync.code_clashes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from motcua_desk.domain import schema
from motcua_desk.domain.dossier import DossierState, Status, fold
from motcua_desk.domain.errors import DomainError, ValidationError
from motcua_desk.domain.events import GENESIS_HASH, Event
from motcua_desk.domain.hlc import HybridClock
from motcua_desk.domain.schema import DESK_CLOCK_MIN
from motcua_desk.domain.text import nfc
from motcua_desk.services.base import RESTORE_PENDING, ServiceBase, wall_ms
from motcua_desk.store import repo
from motcua_desk.store.models import (
    CalendarOverrideRow,
    ConflictRow,
    DossierRow,
    EventRow,
    QuarantineRow,
    ReferenceVersionRow,
)
from motcua_desk.store.types import utc_text

log = logging.getLogger("motcua.sync")

CURSOR = "sync.cursor"
LAST_SUCCESS = "sync.last_success"
REJECTED = "sync.rejected"
REFERENCE = "sync.reference"
HUB = "sync.hub"
HUB_ID = "sync.hub_id"  # the identity of the hub this desk's cursor and acks refer to
SKEW = "sync.skew_ms"
CALENDAR_DAYS = "sync.calendar_days"
CODE_CLASHES = "sync.code_clashes"

_CHUNK = 500
_MAX_REJECTIONS_KEPT = 1000


class SyncIntegrityError(DomainError):
    """Something came from the hub that cannot be true. No longer raised by apply_pulled (such
    an event is quarantined and the cursor moves on); kept for callers that name it."""

    code = "sync_integrity"


# Why a pulled event was quarantined (QuarantineRow.reason). Retryable ones are tried again at
# every pull (the missing predecessor may come, the desk's clock may catch up); "wrong_clock"
# events are applied and only listed.
QUARANTINE_REASONS = {
    "invalid_event": "it does not fit its type's schema",
    "unparseable": "the hub sent something that is not an event",
    "hash_mismatch": "its content does not match its hash (altered or damaged)",
    "hub_altered": "the hub served a different content for an event this desk already holds "
                   "(the desk keeps its original)",
    "chain_broken": "it does not link to the previous event of its desk (prev_hash differs)",
    "chain_fork": "this desk already holds another event with the same desk sequence number",
    "gap": "the previous event of its desk has not arrived yet",
    "wrong_clock": "it was recorded with a clock before 2020 (applied; the times it shows are "
                   "wrong)",
    "future_clock": "it was recorded with a clock more than a day ahead of this computer's "
                    "(applied, without moving this desk's clock)",
}
RETRYABLE = frozenset(("gap",))
# A pulled clock more than a day ahead of this desk's is applied (the replicas converge) but
# not observed: it does not move the desk's hybrid clock, and it is listed. Less than that is
# observed as usual, so that what a desk with a slow clock does after seeing an event still
# folds after it (causal order). The hub refuses clocks more than 10 min ahead of its own, so
# only a hub with a wrong clock, or data from before that rule, can serve such an event.
FAR_FUTURE_MS = 24 * 3600 * 1000
PULL_CLOCK_AHEAD_MS = FAR_FUTURE_MS
_MAX_QUARANTINE = 10_000  # rows kept; beyond, new problems are only logged


@dataclass(frozen=True)
class Unparsed:
    """A pulled item the client could not turn into an Event (or that failed its schema)."""

    hub_seq: int | None
    event_id: str  # "" when it has none
    raw: str  # the item's JSON as served, bounded
    reason: str  # unparseable | invalid_event
    detail: str


@dataclass(frozen=True)
class QuarantineView:
    """One quarantined (or applied-and-listed) pulled event, for the CLI and the window.
    Field names follow ConflictView so that both fit one list."""

    event_id: str
    dossier_id: str
    dossier_code: str
    event_type: str
    node_id: str
    officer: str
    occurred_at: datetime | None
    status: str
    reason: str
    detail: str
    applied: bool
    hub_seq: int | None
    seq: int | None
    description: str  # English, for the command line
    quarantine: bool = True


@dataclass(frozen=True)
class DeskIdentity:
    node_id: str
    desk_no: int
    agency_id: str
    last_seq: int


@dataclass(frozen=True)
class ApplyReport:
    received: int  # events in the batch
    inserted: int  # new here
    dossiers: int  # projections re-folded
    conflicts: int  # sync exceptions now open on those dossiers
    cursor: int


@dataclass(frozen=True)
class TakeBack:
    taken: int  # own events the hub gave back
    moved: int  # events made here since the restore, moved after them
    conflicts: int
    last_seq: int


@dataclass(frozen=True)
class SyncCounts:
    unsent: int  # this desk's events the hub has not acknowledged
    rejected: int  # of those, refused by the hub (need IT)
    conflicts: int  # open sync exceptions
    last_success_at: datetime | None
    cursor: int
    skew_ms: int | None
    quarantined: int = 0  # of the sync exceptions, pulled events kept aside (see quarantined())


@dataclass(frozen=True)
class HubSettings:
    url: str
    token: str
    cafile: str = ""  # a CA certificate (PEM) to trust for an https hub with its own cert


def check_cafile(path: str) -> str:
    """An absolute path to a readable PEM CA certificate, or ValidationError (code cafile)."""
    import ssl
    from pathlib import Path

    text = (path or "").strip()
    if not text:
        return ""
    where = Path(text).expanduser()
    try:
        where = where.resolve()
        ssl.create_default_context(cafile=str(where))
    except FileNotFoundError as err:
        raise ValidationError("cafile", f"the CA file {text} does not exist",
                              code="cafile") from err
    except (OSError, ssl.SSLError, ValueError) as err:
        reason = getattr(err, "strerror", None) or "not a PEM certificate"
        raise ValidationError("cafile", f"the CA file {text} cannot be used ({reason})",
                              code="cafile") from err
    return str(where)


class ReplicationService(ServiceBase):
    def __init__(self, store, clock, calendar=None, catalog=None) -> None:
        super().__init__(store, clock)
        self.calendar = calendar
        self.catalog = catalog

    @classmethod
    def from_services(cls, services) -> ReplicationService:
        return cls(services._store, services.clock, services.calendar, services.catalog)

    # --- identity ---------------------------------------------------------------------------
    def identity(self) -> DeskIdentity:
        with self.store.read() as session:
            desk = repo.own_desk(session, repo.RUN_INIT_BEFORE_SYNC)
            return DeskIdentity(desk.node_id, desk.desk_no, desk.agency_id, desk.last_seq)

    # --- push side --------------------------------------------------------------------------
    def pending(self, after_seq: int = 0, limit: int = 500) -> list[Event]:
        """This desk's unacknowledged events after `after_seq`, in sequence order (served by
        the partial index ix_events_unacked)."""
        with self.store.read() as session:
            node = _node(session)
            return repo.events_where(session, "node_id = ? AND acked = 0 AND seq > ? "
                                 "ORDER BY seq LIMIT ?", (node, after_seq, limit))

    def pending_count(self) -> int:
        with self.store.read() as session:
            return _unsent(session, _node(session))

    def mark_acked(self, acks: Iterable[tuple[str, int | None]]) -> int:
        """The hub holds these events: mark them acknowledged (with their hub_seq)."""
        params = [(hub_seq, event_id) for event_id, hub_seq in acks]
        if not params:
            return 0
        with self.store.write() as session:
            session.connection().exec_driver_sql(
                "UPDATE events SET acked = 1, hub_seq = ? WHERE id = ?", params)
            rejected = dict(repo.get_setting(session, REJECTED, {}) or {})
            if rejected and any(event_id in rejected for _, event_id in params):
                for _, event_id in params:
                    rejected.pop(event_id, None)
                repo.set_setting(session, REJECTED, rejected)
        return len(params)

    def reconcile_with_hub(self, hub_id: str, head: int, node_seq: int) -> list[str]:
        """Make the desk's sync state fit the hub it is talking to, before pushing/pulling:
        - another hub than the last one (reinstalled, or another office's): push every event of
          this desk again and pull from the beginning (both idempotent);
        - the same hub, but it holds fewer events than this desk has seen (restored from an old
          backup): pull from the beginning, and push again what it lost of ours.
        Returns what was done ("new_hub", "hub_went_back", "hub_lost_ours")."""
        done: list[str] = []
        with self.store.write() as session:
            node = _node(session)
            conn = session.connection()
            known = repo.get_setting(session, HUB_ID)
            cursor = int(repo.get_setting(session, CURSOR, 0) or 0)
            if known and hub_id and known != hub_id:
                conn.exec_driver_sql("UPDATE events SET acked = 0, hub_seq = NULL "
                                     "WHERE node_id = ? AND acked = 1", (node,))
                repo.set_setting(session, CURSOR, 0)
                done.append("new_hub")
            else:
                if head < cursor:
                    repo.set_setting(session, CURSOR, 0)
                    done.append("hub_went_back")
                lost = conn.exec_driver_sql(
                    "UPDATE events SET acked = 0, hub_seq = NULL "
                    "WHERE node_id = ? AND acked = 1 AND seq > ?", (node, node_seq)).rowcount
                if lost:
                    done.append("hub_lost_ours")
            if hub_id and known != hub_id:
                repo.set_setting(session, HUB_ID, hub_id)
        for what in done:
            log.warning("sync: %s (hub %s, head %d, holds our events to %d, cursor was %d)",
                        what, hub_id, head, node_seq, cursor)
        return done

    def record_rejections(self, reasons: Mapping[str, str]) -> None:
        """Events the hub refused (they stay unsent and are offered again next time)."""
        if not reasons:
            return
        with self.store.write() as session:
            kept = dict(repo.get_setting(session, REJECTED, {}) or {})
            kept.update(reasons)
            if len(kept) > _MAX_REJECTIONS_KEPT:
                kept = dict(list(kept.items())[-_MAX_REJECTIONS_KEPT:])
            repo.set_setting(session, REJECTED, kept)

    # --- pull side --------------------------------------------------------------------------
    def cursor(self) -> int:
        with self.store.read() as session:
            return int(repo.get_setting(session, CURSOR, 0) or 0)

    def apply_pulled(self, events: Sequence[Event], next_cursor: int,
                     hub_seqs: Sequence[int | None] | None = None,
                     unparsed: Sequence[Unparsed] = ()) -> ApplyReport:
        """Apply one pulled batch in one transaction: skip known events, check each new one
        (schema, hash, its node's chain, its clock), insert those that pass (clock observed),
        re-fold each affected dossier once, move the cursor. An event that cannot be applied
        is kept in the quarantine table with why, and the cursor moves on all the same: the
        desk never stalls on what it pulls. Quarantined events waiting for something (their
        predecessor, the clock) are tried again with every batch. Applying the same batch
        twice, or batches in any order, gives the same state."""
        seqs = list(hub_seqs) if hub_seqs is not None else [None] * len(events)
        if not events and not unparsed and next_cursor <= self.cursor() \
                and not self._retryable_waiting():
            return ApplyReport(0, 0, 0, 0, self.cursor())  # nothing new: no write transaction
        checked: list[tuple[Event, int | None, str, str, str]] = []  # ev, hub_seq, payload, why
        for ev, hub_seq in zip(events, seqs, strict=True):  # CPU work before the write lock
            checked.append(_precheck(ev, hub_seq))
        with self.unit() as uow:
            session, desk = uow.session, uow.desk
            cursor = int(repo.get_setting(session, CURSOR, 0) or 0)
            retried = self._retryables(session)
            candidates = checked + [_precheck(ev, hub_seq) for ev, hub_seq in retried]
            retried_ids = {ev.id for ev, _ in retried}
            now_ms = wall_ms(uow.now)
            known = _known_hashes(session, [c[0].id for c in candidates])
            links = _chain_links(session, [c[0] for c in candidates if not c[3]])
            fresh: list[tuple[Event, int | None, str]] = []
            quarantined: list[tuple] = []
            listed: list[tuple] = []  # applied, but listed (wrong clock)
            done: set[str] = set()
            # Chain order within each node, so that events of one batch link onto each other.
            for ev, hub_seq, payload, why, detail in sorted(
                    candidates, key=lambda c: (c[0].node_id, c[0].seq)):
                if ev.id in done:
                    continue
                done.add(ev.id)
                stored = known.get(ev.id)
                if stored is not None:
                    if stored == ev.hash and why != "hash_mismatch":
                        continue  # already here: the normal repeat of a pull
                    why, detail = "hub_altered", (
                        f"the hub now serves event {ev.id} with hash {ev.hash[:12]}…; this "
                        f"desk holds it with hash {stored[:12]}… (kept)")
                if not why:
                    why, detail = _link_problem(ev, links)
                if why:
                    quarantined.append((ev, hub_seq, why, detail))
                    continue
                links[(ev.node_id, ev.seq)] = ev.hash
                known[ev.id] = ev.hash
                fresh.append((ev, hub_seq, payload))
                if ev.hlc >> 16 < DESK_MIN_WALL_MS:
                    listed.append((ev, hub_seq, "wrong_clock",
                                   f"recorded with the clock at {_wall_text(ev.hlc)}"))
                elif ev.hlc >> 16 > now_ms + FAR_FUTURE_MS:
                    listed.append((ev, hub_seq, "future_clock",
                                   f"recorded with the clock at {_wall_text(ev.hlc)}"))
            touched = list(dict.fromkeys(ev.dossier_id for ev, _, _ in fresh))
            by_dossier = repo.load_events_many(session, touched)  # what was here before this batch
            if fresh:
                clock = HybridClock(desk.last_hlc)
                for ev, _, _ in fresh:
                    # A clock far ahead of ours is applied (the replicas converge) but not
                    # observed: one desk stamped 2099 must not drag this desk's clock there.
                    if ev.hlc >> 16 <= now_ms + PULL_CLOCK_AHEAD_MS:
                        clock.observe(ev.hlc, now_ms)
                    by_dossier[ev.dossier_id].append(ev)
                desk.last_hlc = clock.last
                repo.insert_rows(session, EventRow.__table__.name, _EVENT_COLUMNS,
                        [_event_values(ev, hub_seq, payload) for ev, hub_seq, payload in fresh],
                        convert=False)
            applied_ids = [ev.id for ev, _, _ in fresh if ev.id in retried_ids]
            self._quarantine(session, uow.now, quarantined, listed, unparsed, applied_ids)
            states = self._project(session, touched, by_dossier, uow.now)
            if next_cursor > cursor:
                repo.set_setting(session, CURSOR, next_cursor)
            conflicts = sum(len(s.conflicts) for s in states)
        if quarantined or unparsed:
            log.error("sync: %d pulled event(s) quarantined: %s", len(quarantined) + len(unparsed),
                      sorted({q[2] for q in quarantined} | {u.reason for u in unparsed}))
        return ApplyReport(len(events), len(fresh), len(states), conflicts,
                           max(cursor, next_cursor))

    # --- a desk restored from an older backup ---------------------------------------------
    def own_acked_head(self) -> int:
        """The highest seq up to which every own event is known to the hub (acked): where a
        take-back from the hub starts."""
        with self.store.read() as session:
            node = _node(session)
            first_unacked = session.connection().exec_driver_sql(
                "SELECT MIN(seq) FROM events WHERE node_id = ? AND acked = 0", (node,)).scalar()
            if first_unacked is not None:
                return int(first_unacked) - 1
            return int(session.connection().exec_driver_sql(
                "SELECT COALESCE(MAX(seq), 0) FROM events WHERE node_id = ?", (node,)).scalar())

    def restore_pending(self) -> bool:
        with self.store.read() as session:
            return bool(repo.get_setting(session, RESTORE_PENDING))

    def clear_restore_pending(self) -> None:
        with self.store.write() as session:
            repo.set_setting(session, RESTORE_PENDING, None)

    def take_back_own(self, events: Sequence[Event], hub_seqs: Sequence[int | None]
                      ) -> TakeBack:
        """This desk's own events that the hub holds and this database does not (it was
        restored from an older backup), in one transaction. Each is checked (schema, hash, its
        link to the event before it) and stored as acknowledged; the desk's sequence, chain head
        and clock move past them, so nothing it records next collides with what the hub has.
        Events made here since the restore that took the same sequence numbers were never
        accepted by the hub: they are moved after the hub's (same ids, new seq and links) and
        sent next. An event the hub serves for a seq this desk holds acknowledged with another
        hash is not taken (HubAltered: the verify advice applies)."""
        pairs = sorted(zip(events, hub_seqs, strict=True), key=lambda p: p[0].seq)
        checked = [_precheck(ev, hs) for ev, hs in pairs]
        with self.unit() as uow:
            session, desk = uow.session, uow.desk
            conn = session.connection()
            node = desk.node_id
            if not checked:
                return TakeBack(0, 0, 0, desk.last_seq)
            low = checked[0][0].seq
            local = {r[0]: (r[1], r[2], bool(r[3])) for r in conn.exec_driver_sql(
                "SELECT seq, id, hash, acked FROM events WHERE node_id = ? AND seq >= ?",
                (node, low - 1))}
            prev = local.get(low - 1, (None, GENESIS_HASH if low == 1 else None, True))[1]
            taken: list[tuple[Event, int | None, str]] = []
            acks: list[tuple[int | None, str]] = []
            fork_at: int | None = None
            for ev, hub_seq, payload, why, detail in checked:
                if ev.node_id != node:
                    raise SyncIntegrityError(f"the hub answered with another desk's event "
                                             f"{ev.id} for this desk's own chain")
                if why:
                    raise SyncIntegrityError(f"this desk's event {ev.id} as the hub serves it "
                                             f"is not valid ({why}: {detail})")
                if ev.prev_hash != prev:
                    raise SyncIntegrityError(f"this desk's event {ev.id} (seq {ev.seq}) as the "
                                             "hub serves it does not link to the one before it")
                prev = ev.hash
                mine = local.get(ev.seq)
                if mine is not None and mine[0] == ev.id and mine[1] == ev.hash:
                    if not mine[2]:
                        acks.append((hub_seq, ev.id))  # sent before, its answer was lost
                    continue
                if mine is not None and mine[2]:
                    raise SyncIntegrityError(f"the hub serves event {ev.id} for seq {ev.seq}, "
                                             "where this desk holds another event the hub "
                                             "accepted: run motcua-desk verify and hub verify")
                if mine is not None and fork_at is None:
                    fork_at = ev.seq
                taken.append((ev, hub_seq, payload))
            if acks:
                conn.exec_driver_sql("UPDATE events SET acked = 1, hub_seq = ? WHERE id = ?",
                                     acks)
            refused = dict(repo.get_setting(session, REJECTED, {}) or {})
            held = {ev.id for ev, _, _, _, _ in checked}
            if refused and held & set(refused):  # the hub holds them after all
                repo.set_setting(session, REJECTED,
                                 {k: v for k, v in refused.items() if k not in held})
            moved: list[Event] = []
            if fork_at is not None:
                moved = repo.events_where(session, "node_id = ? AND seq >= ? ORDER BY seq",
                                          (node, fork_at))
                conn.exec_driver_sql("DELETE FROM events WHERE node_id = ? AND seq >= ?",
                                     (node, fork_at))
            touched = list(dict.fromkeys([ev.dossier_id for ev, _, _ in taken]
                                         + [ev.dossier_id for ev in moved]))
            now_ms = wall_ms(uow.now)
            clock = HybridClock(desk.last_hlc)
            if taken:
                repo.insert_rows(session, EventRow.__table__.name, _EVENT_COLUMNS,
                                 [_event_values(ev, hs, payload) for ev, hs, payload in taken],
                                 convert=False)
                for ev, _, _ in taken:
                    if ev.hlc >> 16 <= now_ms + PULL_CLOCK_AHEAD_MS:
                        clock.observe(ev.hlc, now_ms)
            head = conn.exec_driver_sql(
                "SELECT seq, hash FROM events WHERE node_id = ? ORDER BY seq DESC LIMIT 1",
                (node,)).first()
            last_seq, last_hash = (int(head[0]), head[1]) if head else (0, GENESIS_HASH)
            for ev in moved:  # re-chained after the hub's events, in their order
                last_seq += 1
                moved_ev = replace(ev, seq=last_seq, prev_hash=last_hash,
                                   hlc=clock.tick(now_ms)).sealed()
                repo.insert_event(session, moved_ev)
                last_hash = moved_ev.hash
            desk.last_seq, desk.last_hash, desk.last_hlc = last_seq, last_hash, clock.last
            states = self._project(session, touched, repo.load_events_many(session, touched),
                                   uow.now)
            if repo.get_setting(session, RESTORE_PENDING):
                repo.set_setting(session, RESTORE_PENDING, None)
            conflicts = sum(len(s.conflicts) for s in states)
        log.warning("sync: took back %d event(s) of this desk from the hub; %d made here since "
                    "were moved after them", len(taken), len(moved))
        return TakeBack(len(taken), len(moved), conflicts, last_seq)

    # --- quarantine ---------------------------------------------------------------------------
    def _retryable_waiting(self) -> bool:
        with self.store.read() as session:
            return session.scalar(select(func.count()).select_from(QuarantineRow).where(
                QuarantineRow.applied == False,  # noqa: E712
                QuarantineRow.reason.in_(sorted(RETRYABLE)))) > 0

    @staticmethod
    def _retryables(session: Session, limit: int = 2000) -> list[tuple[Event, int | None]]:
        out = []
        rows = session.execute(select(QuarantineRow.body, QuarantineRow.hub_seq).where(
            QuarantineRow.applied == False,  # noqa: E712
            QuarantineRow.reason.in_(sorted(RETRYABLE))).order_by(
            QuarantineRow.node_id, QuarantineRow.seq).limit(limit)).all()
        for body, hub_seq in rows:
            try:
                out.append((Event.from_dict(json.loads(body)), hub_seq))
            except (ValueError, KeyError, TypeError, OverflowError):  # pragma: no cover
                continue
        return out

    @staticmethod
    def _quarantine(session: Session, now: datetime, quarantined: list[tuple],
                    listed: list[tuple], unparsed: Sequence[Unparsed],
                    applied_ids: list[str]) -> None:
        conn = session.connection()
        if applied_ids:
            conn.exec_driver_sql("DELETE FROM quarantine WHERE event_id = ? AND applied = 0",
                                 [(i,) for i in applied_ids])
        rows = []
        for (ev, hub_seq, why, detail), applied in (
                [(q, False) for q in quarantined] + [(q, True) for q in listed]):
            try:
                body = json.dumps(ev.to_dict(), ensure_ascii=False, separators=(",", ":"))
            except (ValueError, TypeError, OverflowError):
                body = ""
            rows.append((ev.id, hub_seq, ev.node_id, ev.seq, ev.dossier_id, str(ev.type)[:32],
                         ev.hash[:64], why, detail[:500], body[:MAX_BODY_CHARS], applied))
        for u in unparsed:
            key = u.event_id or f"hub_seq:{u.hub_seq}"
            rows.append((key[:64], u.hub_seq, "", None, "", "", "", u.reason, u.detail[:500],
                         u.raw[:MAX_BODY_CHARS], False))
        if not rows:
            return
        held = session.scalar(select(func.count()).select_from(QuarantineRow)) or 0
        if held >= _MAX_QUARANTINE:
            log.error("sync: the quarantine is full (%d); not kept: %s", held,
                      [r[0] for r in rows])
            return
        conn.exec_driver_sql(
            "INSERT INTO quarantine (event_id, hub_seq, node_id, seq, dossier_id, event_type, "
            "hash, reason, detail, body, applied, detected_at, acknowledged) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) "
            "ON CONFLICT(event_id) DO UPDATE SET hub_seq = excluded.hub_seq, "
            "detail = excluded.detail, acknowledged = CASE WHEN quarantine.reason = "
            "excluded.reason THEN quarantine.acknowledged ELSE 0 END, "
            "reason = excluded.reason, applied = excluded.applied",
            [(*r, utc_text(now)) for r in rows])

    def quarantined(self, include_acknowledged: bool = False) -> list[QuarantineView]:
        """The pulled events this desk keeps aside (and those applied with a wrong clock)."""
        with self.store.read() as session:
            stmt = select(QuarantineRow, DossierRow.code).outerjoin(
                DossierRow, DossierRow.id == QuarantineRow.dossier_id)
            if not include_acknowledged:
                stmt = stmt.where(QuarantineRow.acknowledged == False)  # noqa: E712
            rows = session.execute(stmt.order_by(QuarantineRow.detected_at.desc(),
                                                 QuarantineRow.event_id).limit(1000)).all()
        out = []
        for q, code in rows:
            officer, occurred = "", None
            try:
                body = json.loads(q.body) if q.body else {}
                officer = str(body.get("officer", ""))[:100] if isinstance(body, dict) else ""
                occurred = datetime.fromisoformat(body["occurred_at"]).astimezone(UTC)
            except (ValueError, KeyError, TypeError, OverflowError, AttributeError):
                occurred = None
            what = QUARANTINE_REASONS.get(q.reason, q.reason)
            todo = QUARANTINE_ADVICE.get(q.reason, QUARANTINE_ADVICE["invalid_event"])
            out.append(QuarantineView(
                q.event_id, q.dossier_id, code or "", q.event_type, q.node_id, officer,
                occurred, "", q.reason, q.detail, q.applied, q.hub_seq, q.seq,
                f"pulled event {'listed' if q.applied else 'quarantined'}: {what}"
                f"{' (' + q.detail + ')' if q.detail else ''}. What to do: {todo}"))
        return out

    def acknowledge_quarantined(self, event_id: str) -> None:
        """Mark a quarantined event seen (it stays kept; a retryable one is still retried)."""
        with self.store.write() as session:
            row = session.get(QuarantineRow, event_id)
            if row is None:
                raise ValidationError("event_id", f"no quarantined event {event_id!r}",
                                      code="unknown_conflict")
            row.acknowledged = True

    def rejected(self) -> dict[str, str]:
        """This desk's events the hub refused, by id: the reason code."""
        with self.store.read() as session:
            return dict(repo.get_setting(session, REJECTED, {}) or {})

    def refold_all(self) -> int:
        """Rebuild every projection from the events (maintenance; also used after a bulk
        load). Returns the number of dossiers."""
        with self.store.read() as session:
            ids = list(session.scalars(select(EventRow.dossier_id).distinct()))
        for i in range(0, len(ids), _CHUNK):
            with self.unit() as uow:
                chunk = ids[i:i + _CHUNK]
                self._project(uow.session, chunk, repo.load_events_many(uow.session, chunk), uow.now)
        return len(ids)

    def _project(self, session: Session, dossier_ids: list[str],
                 by_dossier: Mapping[str, Sequence[Event]], now: datetime) -> list[DossierState]:
        """Fold each dossier from all its events and write the projections, in a few
        statements per batch (the per-dossier path costs milliseconds each)."""
        states = [fold(d, by_dossier.get(d, ())) for d in dossier_ids]
        # A dossier whose receipt has not arrived yet has no projection (its other events wait).
        states = [s for s in states if s.status != Status.NEW]
        clashes = self._code_clashes(session, states)
        states = [s for s in states if s.dossier_id not in clashes]
        repo.save_projections(session, states, now)
        return states

    @staticmethod
    def _code_clashes(session: Session, states: list[DossierState]) -> set[str]:
        """Dossiers whose code another dossier already holds (two desks set up with the same
        desk number): not projected, logged, and listed under sync.code_clashes."""
        codes: dict[str, str] = {}
        clashes: set[str] = set()
        for s in states:
            if s.code in codes:  # two new dossiers of one batch with one code
                clashes.add(s.dossier_id)
            elif s.code:
                codes[s.code] = s.dossier_id
        items = list(codes.items())
        for i in range(0, len(items), _CHUNK):
            chunk = dict(items[i:i + _CHUNK])
            for code, other in session.execute(select(DossierRow.code, DossierRow.id).where(
                    DossierRow.code.in_(list(chunk)))):
                if other != chunk[code]:
                    clashes.add(chunk[code])
        if clashes:
            log.error("dossier code clash (two desks with one desk number?): %s",
                      sorted(clashes))
            kept = set(repo.get_setting(session, CODE_CLASHES, []) or [])
            repo.set_setting(session, CODE_CLASHES, sorted(kept | clashes))
        return clashes

    # --- reference data ---------------------------------------------------------------------
    def reference_versions(self) -> dict[str, int]:
        """The hub version of each reference data set this desk has applied."""
        with self.store.read() as session:
            return dict(repo.get_setting(session, REFERENCE, {}) or {})

    def apply_reference(self, kind: str, version: int, data: Mapping[str, Any]) -> bool:
        """Apply a reference data set from the hub when it is newer than the one the desk has.
        Returns whether it was applied. Each set is validated first; a bad one changes nothing."""
        if version <= self.reference_versions().get(kind, 0):
            return False
        if kind == "catalog":
            items = data.get("procedures")
            if not isinstance(items, list):
                raise ValidationError("catalog", "the hub's catalog has no procedures list",
                                      code="file_schema")
            self._catalog().import_procedures(items, source="hub",
                                              catalog_version=data.get("catalog_version"))
        elif kind == "departments":
            items = data.get("departments")
            if not isinstance(items, list):
                raise ValidationError("departments", "the hub's set has no departments list",
                                      code="file_schema")
            self._catalog().import_departments(items)
        elif kind == "calendar":
            self._apply_calendar(data)
        else:
            log.warning("unknown reference data kind %r from the hub: ignored", kind)
            return False
        with self.store.write() as session:
            versions = dict(repo.get_setting(session, REFERENCE, {}) or {})
            versions[kind] = max(version, versions.get(kind, 0))
            repo.set_setting(session, REFERENCE, versions)
        log.info("applied %s version %d from the hub", kind, version)
        return True

    def _catalog(self):
        if self.catalog is None:
            raise RuntimeError("ReplicationService needs the catalog service for reference data")
        return self.catalog

    def _apply_calendar(self, data: Mapping[str, Any]) -> None:
        """The hub's overrides replace the ones that came from it before: days it lists are
        set, days it listed last time and dropped are removed; days added at this desk alone
        stay (until the hub lists the same day)."""
        items = data.get("overrides")
        if not isinstance(items, list):
            raise ValidationError("calendar", "the hub's calendar has no overrides list",
                                  code="file_schema")
        wanted = {}
        for item in items:
            override = calendar_override(item)
            wanted[override["day"]] = override
        with self.store.write() as session:
            before = set(repo.get_setting(session, CALENDAR_DAYS, []) or [])
            for day in before - set(wanted):
                row = session.get(CalendarOverrideRow, day)
                if row is not None:
                    session.delete(row)
            for day, o in wanted.items():
                row = session.get(CalendarOverrideRow, day)
                if row is None:
                    session.add(CalendarOverrideRow(**o))
                else:
                    row.kind, row.reason, row.legal_ref = o["kind"], o["reason"], o["legal_ref"]
            repo.set_setting(session, CALENDAR_DAYS, sorted(wanted))
            row = session.get(ReferenceVersionRow, "calendar")
            if row is None:
                session.add(ReferenceVersionRow(kind="calendar", version=1, updated_at=self.clock()))
            else:
                row.version += 1
                row.updated_at = self.clock()
        if self.calendar is not None:
            self.calendar.invalidate()

    # --- status -----------------------------------------------------------------------------
    def record_success(self, at: datetime, skew_ms: int | None = None) -> None:
        with self.store.write() as session:
            repo.set_setting(session, LAST_SUCCESS, at.isoformat())
            if skew_ms is not None:
                repo.set_setting(session, SKEW, skew_ms)

    def last_success(self) -> datetime | None:
        with self.store.read() as session:
            value = repo.get_setting(session, LAST_SUCCESS)
        return datetime.fromisoformat(value) if value else None

    def counts(self) -> SyncCounts:
        with self.store.read() as session:
            node = _node(session)
            unsent = _unsent(session, node)
            rejected = len(repo.get_setting(session, REJECTED, {}) or {})
            conflicts = session.scalar(select(func.count()).select_from(ConflictRow).where(
                ConflictRow.acknowledged == False)) or 0  # noqa: E712
            quarantined = session.scalar(select(func.count()).select_from(QuarantineRow).where(
                QuarantineRow.acknowledged == False)) or 0  # noqa: E712
            last = repo.get_setting(session, LAST_SUCCESS)
            cursor = int(repo.get_setting(session, CURSOR, 0) or 0)
            skew = repo.get_setting(session, SKEW)
        return SyncCounts(unsent, rejected, conflicts + quarantined,
                          datetime.fromisoformat(last) if last else None, cursor, skew,
                          quarantined)

    # --- where the hub is -------------------------------------------------------------------
    def hub_settings(self) -> HubSettings | None:
        """The saved hub: address and CA file from the settings table, the token from the
        token vault (never the database; see token_vault). A token left in the table by an
        older version is moved to the vault on first read."""
        from motcua_desk.services import token_vault

        with self.store.read() as session:
            value = repo.get_setting(session, HUB)
            node = _node(session) if value else ""
        if not value:
            return None
        token = value.get("token", "")
        if token:  # plain text from before: move it out of the database
            self._write_hub(value["url"] if "url" in value else "", token,
                            value.get("cafile", ""), had_token=True)
        else:
            token = token_vault.load_token(node, value.get("token_store"))
        return HubSettings(value.get("url", ""), token, value.get("cafile", ""))

    def save_hub_settings(self, url: str, token: str, cafile: str = "") -> None:
        url = (url or "").strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ValidationError("hub", f"{url!r} is not a hub address (http://host:port or "
                                  "https://host:port)", code="hub_url")
        cafile = check_cafile(cafile)
        with self.store.read() as session:
            old = repo.get_setting(session, HUB) or {}
        self._write_hub(url, token.strip(), cafile, had_token=bool(old.get("token")))

    def _write_hub(self, url: str, token: str, cafile: str, *, had_token: bool) -> None:
        from sqlalchemy import text

        from motcua_desk.services import token_vault

        with self.store.read() as session:
            node = _node(session)
        where = token_vault.store_token(node, token)
        with self.store.write() as session:
            if had_token:  # overwrite the old row's bytes, not just unlink them
                session.execute(text("PRAGMA secure_delete = ON"))
            repo.set_setting(session, HUB, {"url": url, "cafile": cafile, "token_store": where})
        if had_token:
            # The old token may still sit in WAL frames: copy them back and empty the log.
            with self.store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def calendar_override(item: Any) -> dict[str, str]:
    """One calendar override of a reference data set, validated: {day, kind, reason, legal_ref}."""
    if not isinstance(item, Mapping):
        raise ValidationError("calendar", "a calendar override is not an object",
                              code="file_schema")
    try:
        day = date.fromisoformat(str(item.get("day") or item.get("date") or ""))
    except ValueError as err:
        raise ValidationError("calendar", f"bad override date {item.get('day')!r}",
                              code="date_format") from err
    kind = item.get("kind")
    if kind not in ("off", "work"):
        raise ValidationError("calendar", f"override {day}: kind must be 'off' or 'work'",
                              code="override_kind")
    reason = nfc(str(item.get("reason") or "")).strip()
    if not reason:
        raise ValidationError("calendar", f"override {day} has no reason", code="required")
    return {"day": day.isoformat(), "kind": kind, "reason": reason[:300],
            "legal_ref": nfc(str(item.get("legal_ref") or ""))[:200]}


def _node(session: Session) -> str:
    return repo.own_desk(session, repo.RUN_INIT_BEFORE_SYNC).node_id


def _unsent(session: Session, node: str) -> int:
    return session.scalar(select(func.count()).select_from(EventRow).where(
        EventRow.node_id == node, EventRow.acked == False)) or 0  # noqa: E712




QUARANTINE_ADVICE = {
    "invalid_event": "nothing to do at the desk (the event is kept aside, the others go on); "
                     "IT: the desk that made it runs an old or altered program, check it",
    "unparseable": "IT: check the hub (its data or a proxy in between)",
    "hash_mismatch": "IT: the hub's copy of this event was altered or damaged: run "
                     "'motcua-desk hub verify' and restore the hub from a backup",
    "hub_altered": "IT: the hub's copy of this event differs from the one this desk holds "
                   "(kept): the hub's data was altered; run 'motcua-desk hub verify'",
    "chain_broken": "IT: the hub holds a chain that does not link (altered or forged "
                    "events): run 'motcua-desk hub verify'",
    "chain_fork": "IT: two different events claim one place in a desk's chain (a desk "
                  "restored from an old backup, or a forged event): run 'motcua-desk verify'",
    "gap": "nothing: it is applied by itself when the events before it arrive",
    "future_clock": "check this computer's clock and the clock of the desk that made it; the "
                    "event is applied, its times are probably wrong",
    "wrong_clock": "the dossier is handled as usual; the times of this event are wrong. Set "
                   "the clock of the desk that made it right",
}
# What to do about each reason the hub gives for refusing one of this desk's events.
REJECTION_ADVICE = {
    "gap": "nothing: it is sent again after the events before it",
    "clock_ahead": "set this computer's clock right; it is sent again and taken once the "
                   "hub's clock reaches its time",
    "invalid_event": "IT: this desk's program wrote an event the hub refuses (run "
                     "'motcua-desk verify'); the events after it wait",
    "hash_mismatch": "IT: this desk's copy of the event was altered: run 'motcua-desk verify'",
    "chain_mismatch": "IT: the event does not follow this desk's previous one on the hub "
                      "(altered rows, or another installation with this desk's token)",
    "seq_conflict": "IT: the hub holds another event in this place of this desk's chain (was "
                    "the desk restored from an old backup?)",
    "id_conflict": "IT: the hub holds another event with this id",
    "too_large": "IT: the event is larger than the hub accepts",
}
MAX_BODY_CHARS = 256 * 1024
DESK_MIN_WALL_MS = int(DESK_CLOCK_MIN.timestamp() * 1000)


def _precheck(ev: Event, hub_seq: int | None) -> tuple[Event, int | None, str, str, str]:
    """(event, hub_seq, its payload's JSON, problem code or "", detail): the checks that need
    no database (schema, hash)."""
    found = schema.event_problems(ev)
    if found:
        return ev, hub_seq, "", "invalid_event", "; ".join(found)[:500]
    digest, payload = ev.digest()
    if digest != ev.hash:
        return ev, hub_seq, payload, "hash_mismatch", f"its content hashes to {digest[:12]}…"
    return ev, hub_seq, payload, "", ""


def _known_hashes(session: Session, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    conn = session.connection()
    for i in range(0, len(ids), _CHUNK):
        chunk = tuple(ids[i:i + _CHUNK])
        out.update((r[0], r[1]) for r in conn.exec_driver_sql(
            f"SELECT id, hash FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return out


def _chain_links(session: Session, events: list[Event]) -> dict[tuple[str, int], str]:
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
                "SELECT seq, hash FROM events WHERE node_id = ? AND seq BETWEEN ? AND ?",
                (node, low - 1, high)):
            links[(node, seq)] = hash_
    return links


def _link_problem(ev: Event, links: dict[tuple[str, int], str]) -> tuple[str, str]:
    """Does `ev` link to this desk's copy of its node's previous event?"""
    held = links.get((ev.node_id, ev.seq))
    if held is not None and held != ev.hash:
        return "chain_fork", f"this desk holds another event as seq {ev.seq} of that desk"
    if ev.seq == 1:
        if ev.prev_hash != GENESIS_HASH:
            return "chain_broken", "the first event of a desk must start from the genesis hash"
        return "", ""
    before = links.get((ev.node_id, ev.seq - 1))
    if before is None:
        return "gap", f"seq {ev.seq - 1} of that desk has not arrived"
    if before != ev.prev_hash:
        return "chain_broken", f"its prev_hash is not the hash of seq {ev.seq - 1} of that desk"
    return "", ""


def _wall_text(hlc: int) -> str:
    try:
        return datetime.fromtimestamp((hlc >> 16) / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")
    except (OverflowError, ValueError, OSError):
        return "an impossible time"


_EVENT_COLUMNS = ("id", "dossier_id", "node_id", "seq", "hlc", "type", "occurred_at",
                  "recorded_at", "officer", "payload", "prev_hash", "hash", "acked", "hub_seq")


def _event_values(ev: Event, hub_seq: int | None, payload: str) -> tuple:
    """The row of a pulled event as stored (UtcDateTime text, the payload's JSON text,
    acked = 1)."""
    return (ev.id, ev.dossier_id, ev.node_id, ev.seq, ev.hlc, str(ev.type),
            utc_text(ev.occurred_at), utc_text(ev.recorded_at), ev.officer, payload,
            ev.prev_hash, ev.hash, 1, hub_seq)
