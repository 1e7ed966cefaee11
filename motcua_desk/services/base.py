"""What every service shares: the clock, the unit of work, and event appending."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from motcua_desk.domain import schema
from motcua_desk.domain.dossier import DossierState, apply, fold
from motcua_desk.domain.errors import RestorePending
from motcua_desk.domain.events import Event, EventType
from motcua_desk.domain.hlc import HybridClock
from motcua_desk.domain.ids import uuid7
from motcua_desk.store import repo
from motcua_desk.store.engine import Store, StoreSession
from motcua_desk.store.repositories import Repositories
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


class UnitOfWork(Repositories):
    """One user action: one write transaction (BEGIN IMMEDIATE), committed at the end or rolled
    back whole. Owns the repositories of that transaction (events, dossiers, conflicts,
    settings). Appends this desk's events, chained and clocked, and refreshes projections."""

    def __init__(self, session: StoreSession, clock: Clock) -> None:
        super().__init__(session)
        self.now = clock()
        self._scripted = bool(getattr(clock, "scripted", False))
        self.desk = repo.own_desk(session, repo.RUN_INIT)
        # Each dossier this unit has touched: its events (read once, then each appended one
        # added) and their fold. The write transaction holds the database's only write lock, so
        # nothing else changes them meanwhile.
        self._states: dict[str, DossierState] = {}
        self._events: dict[str, list[Event]] = {}
        self._clock_checked = False

    def state(self, dossier_id: str) -> DossierState:
        if dossier_id not in self._states:
            self._events[dossier_id] = events = self.events.of(dossier_id)
            self._states[dossier_id] = fold(dossier_id, events)
        return self._states[dossier_id]

    def events_of(self, dossier_id: str) -> list[Event]:
        """The dossier's events as they stand in this unit, the ones it appended included (what
        the log now holds: the same events as a fresh read, in no particular order)."""
        self.state(dossier_id)
        return list(self._events[dossier_id])

    def append(
        self,
        dossier_id: str,
        type_: EventType,
        payload: dict[str, Any],
        occurred_at: datetime | None = None,
    ) -> tuple[Event, DossierState]:
        """Make, check and store one local event; raises IllegalTransition, InvalidEvent (it
        does not fit its type's schema) or WrongClock (this computer's clock cannot be right);
        nothing is written then."""
        desk = self.desk
        if not self._clock_checked:
            pending = self.settings.get(RESTORE_PENDING)
            if pending:
                raise RestorePending(
                    str(pending.get("at", "")) if isinstance(pending, dict) else ""
                )
            # A scripted clock (tests that replay a history out of order) is only held to the
            # sane window; the system clock is also held to this desk's own last event.
            last = None if self._scripted else self._last_own_recorded_at()
            schema.check_desk_clock(self.now, last)
            self._clock_checked = True
        clock = HybridClock(desk.last_hlc)
        hlc = clock.tick(wall_ms(self.now))
        event = Event(
            id=uuid7(wall_ms(self.now)),
            dossier_id=dossier_id,
            node_id=desk.node_id,
            seq=desk.last_seq + 1,
            hlc=hlc,
            type=type_,
            occurred_at=(occurred_at or self.now).astimezone(UTC),
            recorded_at=self.now,
            officer=desk.officer,
            payload=payload,
            prev_hash=desk.last_hash,
        ).sealed()
        schema.check_event(event)
        current = self.state(dossier_id)
        new_state = apply(current, event)  # a local event sorts last: its hlc is the newest
        if current.last_hlc >= hlc:
            # ...unless the dossier holds a pulled event whose clock was far ahead (applied
            # without moving this desk's clock): the projection is the fold, as on every replica.
            self.session.flush()
            new_state = fold(dossier_id, [*self.events.of(dossier_id), event])
        self.events.add(event)
        desk.last_seq, desk.last_hash, desk.last_hlc = event.seq, event.hash, hlc
        self.dossiers.save(new_state, self.now)
        self._states[dossier_id] = new_state
        self._events[dossier_id].append(event)
        return event, new_state

    def _last_own_recorded_at(self) -> datetime | None:
        if not self.desk.last_seq:
            return None
        return self.events.recorded_at(self.desk.node_id, self.desk.last_seq)


class ServiceBase:
    def __init__(self, store: Store, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock

    def unit(self):
        """Context manager yielding a UnitOfWork inside a write transaction."""
        return _UnitScope(self.store, self.clock)

    @contextmanager
    def reading(self) -> Iterator[Repositories]:
        """The repositories of a read session (no write lock; nothing is committed)."""
        with self.store.read() as session:
            yield Repositories(session)

    @contextmanager
    def writing(self) -> Iterator[Repositories]:
        """The repositories of a write transaction that records no event (a setting, a sync
        exception marked seen): committed at the end, rolled back whole on an error. Unlike
        unit(), it works before the desk has been set up."""
        with self.store.write() as session:
            yield Repositories(session)


class _UnitScope:
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
