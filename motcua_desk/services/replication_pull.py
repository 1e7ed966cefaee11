"""The pull side of the replication: other desks' events applied, one batch per transaction.
Part of ReplicationService (`services/replication.py`)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from motcua_desk.domain.events import Event
from motcua_desk.domain.hlc import HybridClock
from motcua_desk.services.base import wall_ms
from motcua_desk.services.file_sync import note_pulled_files
from motcua_desk.services.replication_checks import link_problem, precheck, wall_text
from motcua_desk.services.replication_fold import Refolding
from motcua_desk.services.replication_quarantine import Quarantine
from motcua_desk.services.replication_terms import (
    CURSOR,
    DESK_MIN_WALL_MS,
    FAR_FUTURE_MS,
    PULL_CLOCK_AHEAD_MS,
    ApplyReport,
    Unparsed,
)
from motcua_desk.store import replication_repo, repo

log = logging.getLogger("motcua.sync")


class PullSide(Refolding, Quarantine):
    """The pull cursor and apply_pulled."""

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
            retried = self._retryables(uow)
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
                note_pulled_files(uow, [ev for ev, _, _ in fresh])  # files to fetch, same commit
            applied_ids = [ev.id for ev, _, _ in fresh if ev.id in retried_ids]
            self._quarantine(uow, uow.now, quarantined, listed, unparsed, applied_ids)
            states = self._project(uow, touched, by_dossier, uow.now)
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
            len(events),
            len(fresh),
            len(states),
            conflicts,
            max(cursor, next_cursor),
            tuple(s.code for s in states if s.code),
        )
