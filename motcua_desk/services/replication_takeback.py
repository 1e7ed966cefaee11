"""A desk restored from an older backup: its own events taken back from the hub. Part of
ReplicationService (`services/replication.py`)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from motcua_desk.domain.events import GENESIS_HASH, Event
from motcua_desk.domain.hlc import HybridClock
from motcua_desk.services.base import RESTORE_PENDING, wall_ms
from motcua_desk.services.replication_checks import precheck
from motcua_desk.services.replication_fold import Refolding
from motcua_desk.services.replication_terms import (
    PULL_CLOCK_AHEAD_MS,
    REJECTED,
    SyncIntegrityError,
    TakeBack,
)
from motcua_desk.store import replication_repo, repo

log = logging.getLogger("motcua.sync")


class TakeBackOwn(Refolding):
    """The restore-pending flag and take_back_own."""

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
            states = self._project(uow, touched, repo.load_events_many(session, touched), uow.now)
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
