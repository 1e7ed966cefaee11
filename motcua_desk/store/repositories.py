"""Repositories: the queries of each concern, bound to one open session. The unit of work owns
a set of them over its write transaction (services.base.UnitOfWork); a read owns a set over a
read session (ServiceBase.reading). Services ask them, and write no SQL of their own."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from motcua_desk.domain.dossier import DossierState, Status
from motcua_desk.domain.events import Event, EventType
from motcua_desk.store import numbering, repo
from motcua_desk.store.blob_reads import FileRefs
from motcua_desk.store.catalog_repo import Departments, Procedures, Reference
from motcua_desk.store.models import ConflictRow, DeskRow, DossierRow, EventRow
from motcua_desk.store.report_reads import ReportReads

# The statuses of a dossier still being worked on (due dates run).
_PROCESSING = (str(Status.RECEIVED), str(Status.IN_PROCESS))


class Events:
    """The event log (append-only)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def of(self, dossier_id: str) -> list[Event]:
        """All events of one dossier, in clock order."""
        return repo.load_events(self._session, dossier_id)

    def of_many(self, dossier_ids: Sequence[str]) -> dict[str, list[Event]]:
        return repo.load_events_many(self._session, dossier_ids)

    def add(self, event: Event) -> None:
        repo.insert_event(self._session, event)

    def recorded_at(self, node_id: str, seq: int) -> datetime | None:
        """When a desk recorded its event number `seq` (by the unique index on node, seq)."""
        return self._session.scalar(
            select(EventRow.recorded_at).where(EventRow.node_id == node_id, EventRow.seq == seq)
        )

    def any_of_node(self, node_id: str) -> bool:
        """Whether a desk has recorded any event (issued any code)."""
        return (
            self._session.scalar(select(EventRow.id).where(EventRow.node_id == node_id).limit(1))
            is not None
        )

    def ids_of_types_between(
        self, types: Sequence[EventType], start: datetime, end: datetime
    ) -> list[tuple[str, str]]:
        """(event id, dossier id) of the events of these types that occurred in [start, end),
        by the index on type and time."""
        return [
            (i, d)
            for i, d in self._session.execute(
                select(EventRow.id, EventRow.dossier_id).where(
                    EventRow.type.in_([str(t) for t in types]),
                    EventRow.occurred_at >= start,
                    EventRow.occurred_at < end,
                )
            ).all()
        ]

    def with_dossiers_between(
        self, types: Sequence[EventType], start: datetime, end: datetime
    ) -> list[tuple[EventRow, DossierRow]]:
        """The events of these types that occurred in [start, end) with their dossiers' rows,
        in the order they occurred."""
        return [
            (e, d)
            for e, d in self._session.execute(
                select(EventRow, DossierRow)
                .join(DossierRow, DossierRow.id == EventRow.dossier_id)
                .where(
                    EventRow.type.in_([str(t) for t in types]),
                    EventRow.occurred_at >= start,
                    EventRow.occurred_at < end,
                )
                .order_by(EventRow.occurred_at)
            ).all()
        ]


class Dossiers:
    """The dossiers' projection rows (the fold of their events) and their numbering."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def key(self, code: str) -> tuple[str, int] | None:
        """(id, pk) of the dossier with this exact code."""
        return repo.dossier_key(self._session, code)

    def pk_of(self, dossier_id: str) -> int:
        """The row number of a dossier (0 when it has no row)."""
        row = repo.dossier_by_id(self._session, dossier_id)
        return row.pk if row else 0

    def save(self, state: DossierState, now: datetime) -> None:
        repo.save_projection(self._session, state, now)

    def next_code_and_ledger(self, desk: DeskRow, day: date) -> tuple[str, int]:
        """See store.numbering.next_code_and_ledger."""
        return numbering.next_code_and_ledger(self._session, desk, day)

    def next_ledger_number(self, desk: DeskRow, year: int) -> int:
        """See store.numbering.next_ledger_number (a dossier that came with its own code)."""
        return numbering.next_ledger_number(self._session, desk, year)

    def search(self, **kwargs: Any) -> list[DossierRow]:
        """See repo.search_dossiers."""
        return repo.search_dossiers(self._session, **kwargs)

    def received_between(
        self, start: datetime, end: datetime, desk_no: int | None = None
    ) -> list[DossierRow]:
        """The dossiers received in [start, end) (by one desk, or by all), in ledger order."""
        clauses = [DossierRow.received_at >= start, DossierRow.received_at < end]
        if desk_no is not None:
            clauses.append(DossierRow.desk_no == desk_no)
        rows = repo.rows_where(self._session, *clauses)
        rows.sort(key=lambda r: (r.ledger_year, r.desk_no, r.ledger_number))
        return rows

    def today(
        self,
        only: str | None,
        *,
        now: datetime,
        day_start: datetime,
        day_end: datetime,
        soon_end: datetime,
        waiting_since: Sequence[tuple[str, datetime]],
        limit: int = 200,
    ) -> dict[str, Any]:
        """The today panel: each list's count (only=None) or the rows of one list (`only`),
        each list by its index. waiting_since: (department, moment) pairs: a dossier held by
        that department since before that moment has waited too long."""
        processing = DossierRow.status.in_(list(_PROCESSING))
        waiting = [
            and_(DossierRow.location == dept, DossierRow.location_since < threshold)
            for dept, threshold in waiting_since
        ]
        queries = {
            "due_today": (
                and_(processing, DossierRow.due_at >= now, DossierRow.due_at < day_end),
                DossierRow.due_at,
            ),
            "due_soon": (
                and_(
                    processing,
                    DossierRow.extended.is_(False),
                    DossierRow.due_at >= day_end,
                    DossierRow.due_at <= soon_end,
                ),
                DossierRow.due_at,
            ),
            "overdue": (and_(processing, DossierRow.due_at < now), DossierRow.due_at),
            "waiting_long": (
                and_(
                    DossierRow.status == str(Status.IN_PROCESS), or_(*waiting) if waiting else False
                ),
                DossierRow.location_since,
            ),
            "results_waiting": (
                DossierRow.status.in_(
                    [str(Status.RESULT_READY), str(Status.REFUSED_AFTER_APPRAISAL)]
                ),
                DossierRow.result_at,
            ),
            "received_today": (
                and_(DossierRow.received_at >= day_start, DossierRow.received_at < day_end),
                DossierRow.received_at,
            ),
        }
        out: dict[str, Any] = {}
        for kind, (clause, order) in queries.items():
            if only is None:
                out[kind] = repo.count_where(self._session, clause)
            elif kind == only:
                out[kind] = repo.rows_where(self._session, clause, order_by=order, limit=limit)
        return out


class Conflicts:
    """The sync exceptions: events a fold kept out (conflicts of the projection)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def open_of(self, dossier_id: str) -> list[ConflictRow]:
        """One dossier's exceptions not yet marked seen."""
        return list(
            self._session.scalars(
                select(ConflictRow).where(
                    ConflictRow.dossier_id == dossier_id, ConflictRow.acknowledged.is_(False)
                )
            )
        )

    def listing(self, include_acknowledged: bool = False) -> list[tuple[ConflictRow, str]]:
        """(exception, its dossier's code), newest first."""
        stmt = select(ConflictRow, DossierRow.code).join(
            DossierRow, DossierRow.id == ConflictRow.dossier_id
        )
        if not include_acknowledged:
            stmt = stmt.where(ConflictRow.acknowledged.is_(False))
        return [
            (c, code)
            for c, code in self._session.execute(
                stmt.order_by(ConflictRow.detected_at.desc())
            ).all()
        ]

    def acknowledge(self, event_id: str) -> bool:
        """Mark one exception seen; False when there is none of that event."""
        row = self._session.get(ConflictRow, event_id)
        if row is None:
            return False
        row.acknowledged = True
        return True


class Settings:
    """The desk's key/value settings."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str, default: Any = None) -> Any:
        return repo.get_setting(self._session, key, default)

    def set(self, key: str, value: Any) -> None:
        repo.set_setting(self._session, key, value)


class Repositories:
    """The repositories of one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.events = Events(session)
        self.dossiers = Dossiers(session)
        self.conflicts = Conflicts(session)
        self.settings = Settings(session)
        self.procedures = Procedures(session)
        self.departments = Departments(session)
        self.reference = Reference(session)
        self.reports = ReportReads(session)
        self.files = FileRefs(session)

    def desk(self) -> DeskRow | None:
        """This desk's own row, None before it has been set up."""
        return repo.desk_row(self.session)

    def own_desk(self, hint: str = "") -> DeskRow:
        """This desk's own row, or DeskNotInitialised (see repo.own_desk)."""
        return repo.own_desk(self.session, hint)

    def new_desk(self, node_id: str, created_at: datetime, genesis_hash: str) -> DeskRow:
        """The desk's own row, made when it is set up: no event yet, its chain at genesis."""
        row = DeskRow(
            id=1,
            node_id=node_id,
            created_at=created_at,
            last_seq=0,
            last_hash=genesis_hash,
            last_hlc=0,
        )
        self.session.add(row)
        return row

    def flush(self) -> None:
        self.session.flush()
