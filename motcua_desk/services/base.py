"""What every service shares: the clock, the unit of work, and event appending."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from motcua_desk.domain import schema
from motcua_desk.domain.dossier import DossierState, apply, fold
from motcua_desk.domain.errors import RestorePending
from motcua_desk.domain.events import Event, EventType
from motcua_desk.domain.hlc import HybridClock
from motcua_desk.domain.ids import uuid7
from motcua_desk.store import repo
from motcua_desk.store.engine import Store
from motcua_desk.store.models import EventRow
from motcua_desk.store.restore import RESTORE_PENDING

Clock = Callable[[], datetime]

# Set by restore (store.restore): while it is set the desk records nothing, since a new event
# would take a sequence number, a code or a ledger number the hub may already hold from this
# desk. Cleared when the hub has given back this desk's events (sync), or by the officer's
# explicit confirmation that there is no hub to ask (restore --confirm-offline).


def system_clock() -> datetime:
    return datetime.now(UTC)


def wall_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


class UnitOfWork:
    """One user action: one write transaction (BEGIN IMMEDIATE), committed at the end or rolled
    back whole. Appends this desk's events, chained and clocked, and refreshes projections."""

    def __init__(self, session: Session, clock: Clock) -> None:
        self.session = session
        self.now = clock()
        self._scripted = bool(getattr(clock, "scripted", False))
        self.desk = repo.own_desk(session, repo.RUN_INIT)
        self._states: dict[str, DossierState] = {}
        self._clock_checked = False

    def state(self, dossier_id: str) -> DossierState:
        if dossier_id not in self._states:
            self._states[dossier_id] = fold(dossier_id, repo.load_events(self.session, dossier_id))
        return self._states[dossier_id]

    def append(self, dossier_id: str, type_: EventType, payload: dict[str, Any],
               occurred_at: datetime | None = None) -> tuple[Event, DossierState]:
        """Make, check and store one local event; raises IllegalTransition, InvalidEvent (it
        does not fit its type's schema) or WrongClock (this computer's clock cannot be right);
        nothing is written then."""
        desk = self.desk
        if not self._clock_checked:
            pending = repo.get_setting(self.session, RESTORE_PENDING)
            if pending:
                raise RestorePending(str(pending.get("at", "")) if isinstance(pending, dict)
                                     else "")
            # A scripted clock (tests that replay a history out of order) is only held to the
            # sane window; the system clock is also held to this desk's own last event.
            last = None if self._scripted else self._last_own_recorded_at()
            schema.check_desk_clock(self.now, last)
            self._clock_checked = True
        clock = HybridClock(desk.last_hlc)
        hlc = clock.tick(wall_ms(self.now))
        event = Event(
            id=uuid7(wall_ms(self.now)), dossier_id=dossier_id, node_id=desk.node_id,
            seq=desk.last_seq + 1, hlc=hlc, type=type_,
            occurred_at=(occurred_at or self.now).astimezone(UTC), recorded_at=self.now,
            officer=desk.officer, payload=payload, prev_hash=desk.last_hash).sealed()
        schema.check_event(event)
        current = self.state(dossier_id)
        new_state = apply(current, event)  # a local event sorts last: its hlc is the newest
        if current.last_hlc >= hlc:
            # ...unless the dossier holds a pulled event whose clock was far ahead (applied
            # without moving this desk's clock): the projection is the fold, as on every replica.
            self.session.flush()
            new_state = fold(dossier_id, [*repo.load_events(self.session, dossier_id), event])
        repo.insert_event(self.session, event)
        desk.last_seq, desk.last_hash, desk.last_hlc = event.seq, event.hash, hlc
        repo.save_projection(self.session, new_state, self.now)
        self._states[dossier_id] = new_state
        return event, new_state


    def _last_own_recorded_at(self) -> datetime | None:
        if not self.desk.last_seq:
            return None
        return self.session.scalar(select(EventRow.recorded_at).where(
            EventRow.node_id == self.desk.node_id, EventRow.seq == self.desk.last_seq))


class ServiceBase:
    def __init__(self, store: Store, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock

    def unit(self):
        """Context manager yielding a UnitOfWork inside a write transaction."""
        return _UnitContext(self.store, self.clock)


class _UnitContext:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._cm = store.write()
        self._clock = clock

    def __enter__(self) -> UnitOfWork:
        session = self._cm.__enter__()
        try:
            return UnitOfWork(session, self._clock)
        except BaseException as err:
            self._cm.__exit__(type(err), err, err.__traceback__)
            raise

    def __exit__(self, *exc) -> bool | None:
        return self._cm.__exit__(*exc)

