"""The desk's side of replication: what to send, what came back, and what it did to the dossiers.

No network here (that is `motcua_desk.sync.client`) and no SQL (that is
`motcua_desk.store.replication_repo`): plain values in, DTOs out, one unit of work per step, so
a crash or a lost connection at any point leaves the desk consistent:

- `pending()` — this desk's events the hub has not acknowledged, in chain order;
  `mark_acked()` records the hub's answer (acked + hub_seq).
- `apply_pulled()` — events of other desks: known ids skipped, each new one's hash checked,
  their clocks observed, inserted, every affected dossier re-folded once, the pull cursor moved;
  all in one transaction per batch (nothing half-applied).
- reference data from the hub (catalog, departments, calendar overrides): versioned, applied only
  when newer than what the desk has.
- `counts()` — what the status bar shows: events waiting to be sent, last successful sync,
  sync exceptions, events the hub refused.

The settings keys, DTOs and reason tables are in `replication_terms`, the checks that need no
database in `replication_checks`; both are re-exported here, where callers import them from.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from motcua_desk.domain.dossier import DossierState, Status, fold
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.events import GENESIS_HASH, Event
from motcua_desk.domain.hlc import HybridClock
from motcua_desk.services.base import RESTORE_PENDING, wall_ms
from motcua_desk.services.replication_checks import (
    calendar_override,
    check_cafile,
    link_problem,
    precheck,
    wall_text,
)
from motcua_desk.services.replication_hub import HubConnection
from motcua_desk.services.replication_reference import ReferenceData
from motcua_desk.services.replication_terms import (
    CODE_CLASHES,
    CURSOR,
    DESK_MIN_WALL_MS,
    FAR_FUTURE_MS,
    HUB_ID,
    LAST_SUCCESS,
    MAX_BODY_CHARS,
    MAX_QUARANTINE,
    MAX_REJECTIONS_KEPT,
    PULL_CLOCK_AHEAD_MS,
    QUARANTINE_ADVICE,
    QUARANTINE_REASONS,
    REJECTED,
    REJECTION_ADVICE,
    RETRYABLE,
    SKEW,
    ApplyReport,
    DeskIdentity,
    QuarantineView,
    SyncCounts,
    SyncIntegrityError,
    TakeBack,
    Unparsed,
)
from motcua_desk.store import replication_repo, repo
from motcua_desk.store.replication_repo import QuarantineEntry

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Imported from here by the CLI and the sync client (the rest is used here).
__all__ = [
    "REJECTION_ADVICE",
    "ReplicationService",
    "Unparsed",
    "calendar_override",
    "check_cafile",
]

log = logging.getLogger("motcua.sync")

_CHUNK = 500  # dossiers re-folded per unit of work by refold_all


class ReplicationService(ReferenceData, HubConnection):
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
            node = replication_repo.own_node(session)
            return replication_repo.unacked_events(session, node, after_seq, limit)

    def pending_count(self) -> int:
        with self.store.read() as session:
            return replication_repo.count_unsent(session, replication_repo.own_node(session))

    def mark_acked(self, acks: Iterable[tuple[str, int | None]]) -> int:
        """The hub holds these events: mark them acknowledged (with their hub_seq)."""
        params = [(hub_seq, event_id) for event_id, hub_seq in acks]
        if not params:
            return 0
        with self.store.write() as session:
            replication_repo.mark_acked(session, params)
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
            node = replication_repo.own_node(session)
            known = repo.get_setting(session, HUB_ID)
            cursor = int(repo.get_setting(session, CURSOR, 0) or 0)
            if known and hub_id and known != hub_id:
                replication_repo.unack_own(session, node)
                repo.set_setting(session, CURSOR, 0)
                done.append("new_hub")
            else:
                if head < cursor:
                    repo.set_setting(session, CURSOR, 0)
                    done.append("hub_went_back")
                lost = replication_repo.unack_own(session, node, after_seq=node_seq)
                if lost:
                    done.append("hub_lost_ours")
            if hub_id and known != hub_id:
                repo.set_setting(session, HUB_ID, hub_id)
        for what in done:
            log.warning(
                "sync: %s (hub %s, head %d, holds our events to %d, cursor was %d)",
                what,
                hub_id,
                head,
                node_seq,
                cursor,
            )
        return done

    def record_rejections(self, reasons: Mapping[str, str]) -> None:
        """Events the hub refused (they stay unsent and are offered again next time)."""
        if not reasons:
            return
        with self.store.write() as session:
            kept = dict(repo.get_setting(session, REJECTED, {}) or {})
            kept.update(reasons)
            if len(kept) > MAX_REJECTIONS_KEPT:
                kept = dict(list(kept.items())[-MAX_REJECTIONS_KEPT:])
            repo.set_setting(session, REJECTED, kept)

    # --- pull side --------------------------------------------------------------------------
    def cursor(self) -> int:
        with self.store.read() as session:
            return int(repo.get_setting(session, CURSOR, 0) or 0)

    def apply_pulled(
        self,
        events: Sequence[Event],
        next_cursor: int,
        hub_seqs: Sequence[int | None] | None = None,
        unparsed: Sequence[Unparsed] = (),
        *,
        schema_checked: bool = False,
    ) -> ApplyReport:
        """Apply one pulled batch in one transaction: skip known events, check each new one
        (schema, hash, its node's chain, its clock), insert those that pass (clock observed),
        re-fold each affected dossier once, move the cursor. An event that cannot be applied
        is kept in the quarantine table with why, and the cursor moves on all the same: the
        desk never stalls on what it pulls. Quarantined events waiting for something (their
        predecessor, the clock) are tried again with every batch. Applying the same batch
        twice, or batches in any order, gives the same state. `schema_checked`: the caller
        has checked each event's wire form against its schema (the client's pull_page does, at
        the border), so it is not checked twice; the hash and everything else still are."""
        seqs = list(hub_seqs) if hub_seqs is not None else [None] * len(events)
        if (
            not events
            and not unparsed
            and next_cursor <= self.cursor()
            and not self._retryable_waiting()
        ):
            return ApplyReport(0, 0, 0, 0, self.cursor())  # nothing new: no write transaction
        checked: list[tuple[Event, int | None, str, str, str]] = []  # ev, hub_seq, payload, why
        for ev, hub_seq in zip(events, seqs, strict=True):  # CPU work before the write lock
            checked.append(precheck(ev, hub_seq, schema_checked=schema_checked))
        with self.unit() as uow:
            session, desk = uow.session, uow.desk
            cursor = int(repo.get_setting(session, CURSOR, 0) or 0)
            retried = self._retryables(session)
            candidates = checked + [precheck(ev, hub_seq) for ev, hub_seq in retried]
            retried_ids = {ev.id for ev, _ in retried}
            now_ms = wall_ms(uow.now)
            known = replication_repo.known_hashes(session, [c[0].id for c in candidates])
            links = replication_repo.chain_links(session, [c[0] for c in candidates if not c[3]])
            fresh: list[tuple[Event, int | None, str]] = []
            quarantined: list[tuple] = []
            listed: list[tuple] = []  # applied, but listed (wrong clock)
            done: set[str] = set()
            # Chain order within each node, so that events of one batch link onto each other.
            for ev, hub_seq, payload, why, detail in sorted(
                candidates, key=lambda c: (c[0].node_id, c[0].seq)
            ):
                if ev.id in done:
                    continue
                done.add(ev.id)
                stored = known.get(ev.id)
                if stored is not None:
                    if stored == ev.hash and why != "hash_mismatch":
                        continue  # already here: the normal repeat of a pull
                    why, detail = (
                        "hub_altered",
                        (
                            f"the hub now serves event {ev.id} with hash {ev.hash[:12]}…; this "
                            f"desk holds it with hash {stored[:12]}… (kept)"
                        ),
                    )
                if not why:
                    why, detail = link_problem(ev, links)
                if why:
                    quarantined.append((ev, hub_seq, why, detail))
                    continue
                links[(ev.node_id, ev.seq)] = ev.hash
                known[ev.id] = ev.hash
                fresh.append((ev, hub_seq, payload))
                if ev.hlc >> 16 < DESK_MIN_WALL_MS:
                    listed.append(
                        (
                            ev,
                            hub_seq,
                            "wrong_clock",
                            f"recorded with the clock at {wall_text(ev.hlc)}",
                        )
                    )
                elif ev.hlc >> 16 > now_ms + FAR_FUTURE_MS:
                    listed.append(
                        (
                            ev,
                            hub_seq,
                            "future_clock",
                            f"recorded with the clock at {wall_text(ev.hlc)}",
                        )
                    )
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
                replication_repo.insert_acked(session, fresh)
            applied_ids = [ev.id for ev, _, _ in fresh if ev.id in retried_ids]
            self._quarantine(session, uow.now, quarantined, listed, unparsed, applied_ids)
            states = self._project(session, touched, by_dossier, uow.now)
            if next_cursor > cursor:
                repo.set_setting(session, CURSOR, next_cursor)
            conflicts = sum(len(s.conflicts) for s in states)
        if quarantined or unparsed:
            log.error(
                "sync: %d pulled event(s) quarantined: %s",
                len(quarantined) + len(unparsed),
                sorted({q[2] for q in quarantined} | {u.reason for u in unparsed}),
            )
        return ApplyReport(
            len(events), len(fresh), len(states), conflicts, max(cursor, next_cursor)
        )

    # --- a desk restored from an older backup ---------------------------------------------
    def own_acked_head(self) -> int:
        """The highest seq up to which every own event is known to the hub (acked): where a
        take-back from the hub starts."""
        with self.store.read() as session:
            return replication_repo.acked_head(session, replication_repo.own_node(session))

    def restore_pending(self) -> bool:
        with self.store.read() as session:
            return bool(repo.get_setting(session, RESTORE_PENDING))

    def clear_restore_pending(self) -> None:
        with self.store.write() as session:
            repo.set_setting(session, RESTORE_PENDING, None)

    def take_back_own(self, events: Sequence[Event], hub_seqs: Sequence[int | None]) -> TakeBack:
        """This desk's own events that the hub holds and this database does not (it was
        restored from an older backup), in one transaction. Each is checked (schema, hash, its
        link to the event before it) and stored as acknowledged; the desk's sequence, chain head
        and clock move past them, so nothing it records next collides with what the hub has.
        Events made here since the restore that took the same sequence numbers were never
        accepted by the hub: they are moved after the hub's (same ids, new seq and links) and
        sent next. An event the hub serves for a seq this desk holds acknowledged with another
        hash is not taken (HubAltered: the verify advice applies)."""
        pairs = sorted(zip(events, hub_seqs, strict=True), key=lambda p: p[0].seq)
        checked = [precheck(ev, hs) for ev, hs in pairs]
        with self.unit() as uow:
            session, desk = uow.session, uow.desk
            node = desk.node_id
            if not checked:
                return TakeBack(0, 0, 0, desk.last_seq)
            low = checked[0][0].seq
            local = replication_repo.chain_from(session, node, low - 1)
            prev = local.get(low - 1, (None, GENESIS_HASH if low == 1 else None, True))[1]
            taken: list[tuple[Event, int | None, str]] = []
            acks: list[tuple[int | None, str]] = []
            fork_at: int | None = None
            for ev, hub_seq, payload, why, detail in checked:
                if ev.node_id != node:
                    raise SyncIntegrityError(
                        f"the hub answered with another desk's event "
                        f"{ev.id} for this desk's own chain"
                    )
                if why:
                    raise SyncIntegrityError(
                        f"this desk's event {ev.id} as the hub serves it "
                        f"is not valid ({why}: {detail})"
                    )
                if ev.prev_hash != prev:
                    raise SyncIntegrityError(
                        f"this desk's event {ev.id} (seq {ev.seq}) as the "
                        "hub serves it does not link to the one before it"
                    )
                prev = ev.hash
                mine = local.get(ev.seq)
                if mine is not None and mine[0] == ev.id and mine[1] == ev.hash:
                    if not mine[2]:
                        acks.append((hub_seq, ev.id))  # sent before, its answer was lost
                    continue
                if mine is not None and mine[2]:
                    raise SyncIntegrityError(
                        f"the hub serves event {ev.id} for seq {ev.seq}, "
                        "where this desk holds another event the hub "
                        "accepted: run motcua-desk verify and hub verify"
                    )
                if mine is not None and fork_at is None:
                    fork_at = ev.seq
                taken.append((ev, hub_seq, payload))
            if acks:
                replication_repo.mark_acked(session, acks)
            refused = dict(repo.get_setting(session, REJECTED, {}) or {})
            held = {ev.id for ev, _, _, _, _ in checked}
            if refused and held & set(refused):  # the hub holds them after all
                repo.set_setting(
                    session, REJECTED, {k: v for k, v in refused.items() if k not in held}
                )
            moved: list[Event] = []
            if fork_at is not None:
                moved = replication_repo.cut_chain(session, node, fork_at)
            touched = list(
                dict.fromkeys(
                    [ev.dossier_id for ev, _, _ in taken] + [ev.dossier_id for ev in moved]
                )
            )
            now_ms = wall_ms(uow.now)
            clock = HybridClock(desk.last_hlc)
            if taken:
                replication_repo.insert_acked(session, taken)
                for ev, _, _ in taken:
                    if ev.hlc >> 16 <= now_ms + PULL_CLOCK_AHEAD_MS:
                        clock.observe(ev.hlc, now_ms)
            head = replication_repo.chain_head(session, node)
            last_seq, last_hash = head if head else (0, GENESIS_HASH)
            for ev in moved:  # re-chained after the hub's events, in their order
                last_seq += 1
                moved_ev = replace(
                    ev, seq=last_seq, prev_hash=last_hash, hlc=clock.tick(now_ms)
                ).sealed()
                repo.insert_event(session, moved_ev)
                last_hash = moved_ev.hash
            desk.last_seq, desk.last_hash, desk.last_hlc = last_seq, last_hash, clock.last
            states = self._project(
                session, touched, repo.load_events_many(session, touched), uow.now
            )
            if repo.get_setting(session, RESTORE_PENDING):
                repo.set_setting(session, RESTORE_PENDING, None)
            conflicts = sum(len(s.conflicts) for s in states)
        log.warning(
            "sync: took back %d event(s) of this desk from the hub; %d made here since "
            "were moved after them",
            len(taken),
            len(moved),
        )
        return TakeBack(len(taken), len(moved), conflicts, last_seq)

    # --- quarantine ---------------------------------------------------------------------------
    def _retryable_waiting(self) -> bool:
        with self.store.read() as session:
            return replication_repo.waiting_count(session, RETRYABLE) > 0

    @staticmethod
    def _retryables(session: Session, limit: int = 2000) -> list[tuple[Event, int | None]]:
        return replication_repo.waiting_events(session, RETRYABLE, limit)

    @staticmethod
    def _quarantine(
        session: Session,
        now: datetime,
        quarantined: list[tuple],
        listed: list[tuple],
        unparsed: Sequence[Unparsed],
        applied_ids: list[str],
    ) -> None:
        if applied_ids:
            replication_repo.release_applied(session, applied_ids)
        rows = []
        for (ev, hub_seq, why, detail), applied in [(q, False) for q in quarantined] + [
            (q, True) for q in listed
        ]:
            body = replication_repo.quarantine_body(ev)
            rows.append(
                QuarantineEntry(
                    ev.id,
                    hub_seq,
                    ev.node_id,
                    ev.seq,
                    ev.dossier_id,
                    str(ev.type)[:32],
                    ev.hash[:64],
                    why,
                    detail[:500],
                    body[:MAX_BODY_CHARS],
                    applied,
                )
            )
        for u in unparsed:
            key = u.event_id or f"hub_seq:{u.hub_seq}"
            rows.append(
                QuarantineEntry(
                    key[:64],
                    u.hub_seq,
                    "",
                    None,
                    "",
                    "",
                    "",
                    u.reason,
                    u.detail[:500],
                    u.raw[:MAX_BODY_CHARS],
                    False,
                )
            )
        if not rows:
            return
        held = replication_repo.quarantine_size(session)
        if held >= MAX_QUARANTINE:
            log.error("sync: the quarantine is full (%d); not kept: %s", held, [r[0] for r in rows])
            return
        replication_repo.keep_quarantined(session, rows, now)

    def quarantined(self, include_acknowledged: bool = False) -> list[QuarantineView]:
        """The pulled events this desk keeps aside (and those applied with a wrong clock)."""
        with self.store.read() as session:
            rows = replication_repo.quarantined_with_codes(session, include_acknowledged)
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
            out.append(
                QuarantineView(
                    q.event_id,
                    q.dossier_id,
                    code or "",
                    q.event_type,
                    q.node_id,
                    officer,
                    occurred,
                    "",
                    q.reason,
                    q.detail,
                    q.applied,
                    q.hub_seq,
                    q.seq,
                    f"pulled event {'listed' if q.applied else 'quarantined'}: {what}"
                    f"{' (' + q.detail + ')' if q.detail else ''}. What to do: {todo}",
                )
            )
        return out

    def acknowledge_quarantined(self, event_id: str) -> None:
        """Mark a quarantined event seen (it stays kept; a retryable one is still retried)."""
        with self.store.write() as session:
            if not replication_repo.acknowledge_quarantined(session, event_id):
                raise ValidationError(
                    "event_id", f"no quarantined event {event_id!r}", code="unknown_conflict"
                )

    def rejected(self) -> dict[str, str]:
        """This desk's events the hub refused, by id: the reason code."""
        with self.store.read() as session:
            return dict(repo.get_setting(session, REJECTED, {}) or {})

    def refold_all(self) -> int:
        """Rebuild every projection from the events (maintenance; also used after a bulk
        load). Returns the number of dossiers."""
        with self.store.read() as session:
            ids = replication_repo.dossier_ids_with_events(session)
        for i in range(0, len(ids), _CHUNK):
            with self.unit() as uow:
                chunk = ids[i : i + _CHUNK]
                self._project(
                    uow.session, chunk, repo.load_events_many(uow.session, chunk), uow.now
                )
        return len(ids)

    def _project(
        self,
        session: Session,
        dossier_ids: list[str],
        by_dossier: Mapping[str, Sequence[Event]],
        now: datetime,
    ) -> list[DossierState]:
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
        for code, other in replication_repo.code_holders(session, list(codes)).items():
            if other != codes[code]:
                clashes.add(codes[code])
        if clashes:
            log.error("dossier code clash (two desks with one desk number?): %s", sorted(clashes))
            kept = set(repo.get_setting(session, CODE_CLASHES, []) or [])
            repo.set_setting(session, CODE_CLASHES, sorted(kept | clashes))
        return clashes

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
            node = replication_repo.own_node(session)
            unsent = replication_repo.count_unsent(session, node)
            rejected = len(repo.get_setting(session, REJECTED, {}) or {})
            conflicts = replication_repo.open_conflict_count(session)
            quarantined = replication_repo.open_quarantine_count(session)
            last = repo.get_setting(session, LAST_SUCCESS)
            cursor = int(repo.get_setting(session, CURSOR, 0) or 0)
            skew = repo.get_setting(session, SKEW)
        return SyncCounts(
            unsent,
            rejected,
            conflicts + quarantined,
            datetime.fromisoformat(last) if last else None,
            cursor,
            skew,
            quarantined,
        )
