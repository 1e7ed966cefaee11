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

ReplicationService is composed of its parts: the pull side (`replication_pull`), the take-back
of a restored desk's own events (`replication_takeback`), the quarantine (`replication_quarantine`),
re-folding (`replication_fold`), reference data (`replication_reference`) and the saved hub
(`replication_hub`); the push side and the status are here. The settings keys, DTOs and reason
tables are in `replication_terms`, the checks that need no database in `replication_checks`;
what callers import of them is re-exported here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime

from motcua_desk.domain.events import Event
from motcua_desk.services.replication_checks import calendar_override, check_cafile
from motcua_desk.services.replication_hub import HubConnection
from motcua_desk.services.replication_pull import PullSide
from motcua_desk.services.replication_reference import ReferenceData
from motcua_desk.services.replication_takeback import TakeBackOwn
from motcua_desk.services.replication_terms import (
    CURSOR,
    HUB_ID,
    LAST_SUCCESS,
    MAX_REJECTIONS_KEPT,
    REJECTED,
    REJECTION_ADVICE,
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

# Imported from here by the CLI and the sync client; the DTOs the service's steps return.
__all__ = [
    "REJECTION_ADVICE",
    "ApplyReport",
    "QuarantineView",
    "ReplicationService",
    "SyncIntegrityError",
    "TakeBack",
    "Unparsed",
    "calendar_override",
    "check_cafile",
]

log = logging.getLogger("motcua.sync")


class ReplicationService(PullSide, TakeBackOwn, ReferenceData, HubConnection):
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
