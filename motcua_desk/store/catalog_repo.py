"""The reference data a desk keeps: procedures (versioned: one active row per code), departments
and the calendar's local overrides, each bound to one open session (store.repositories)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from motcua_desk.store import repo
from motcua_desk.store.models import (
    CalendarOverrideRow,
    DepartmentRow,
    DossierRow,
    ProcedureRow,
    ReferenceVersionRow,
)


class Procedures:
    def __init__(self, session: Session) -> None:
        self._session = session

    def active(self) -> Iterator[ProcedureRow]:
        """The procedures in force, by field then code."""
        return iter(
            self._session.scalars(
                select(ProcedureRow)
                .where(ProcedureRow.active.is_(True))
                .order_by(ProcedureRow.field, ProcedureRow.code)
            )
        )

    def active_of(self, code: str) -> ProcedureRow | None:
        """The version in force of one procedure."""
        return self._session.scalar(
            select(ProcedureRow).where(ProcedureRow.code == code, ProcedureRow.active.is_(True))
        )

    def any(self) -> bool:
        """Whether the catalog holds any procedure (of any version)."""
        return bool(self._session.scalar(select(func.count()).select_from(ProcedureRow)))

    def top_version(self, code: str) -> int:
        """The highest version of a procedure ever stored here (0: none)."""
        return (
            self._session.scalar(
                select(func.max(ProcedureRow.version)).where(ProcedureRow.code == code)
            )
            or 0
        )

    def retire(self, code: str) -> None:
        """Every stored version of a procedure out of force (a new one is added next)."""
        self._session.execute(
            update(ProcedureRow).where(ProcedureRow.code == code).values(active=False)
        )

    def add(self, row: ProcedureRow) -> None:
        self._session.add(row)
        self._session.flush()

    def usage(self, desk_no: int, since_year: int) -> dict[str, int]:
        """How many dossiers a desk received per procedure since `since_year` (ledger years)."""
        return {
            code: n
            for code, n in self._session.execute(
                select(DossierRow.procedure_code, func.count())
                .where(DossierRow.ledger_year >= since_year, DossierRow.desk_no == desk_no)
                .group_by(DossierRow.procedure_code)
            ).all()
        }


class Departments:
    def __init__(self, session: Session) -> None:
        self._session = session

    def active(self) -> Iterator[DepartmentRow]:
        """The departments in use, in the order they were first stored."""
        return iter(
            self._session.scalars(
                select(DepartmentRow)
                .where(DepartmentRow.active.is_(True))
                .order_by(DepartmentRow.id)
            )
        )

    def named_or_new(self, name: str) -> DepartmentRow:
        """The department of this exact name, added when there is none."""
        row = self._session.scalar(select(DepartmentRow).where(DepartmentRow.name == name))
        if row is None:
            row = DepartmentRow(name=name)
            self._session.add(row)
        return row


class Reference:
    """Versions of the reference data sets and the calendar's overrides."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def version(self, kind: str) -> int:
        row = self._session.get(ReferenceVersionRow, kind)
        return row.version if row else 0

    def bump(self, kind: str, now: datetime) -> None:
        repo.bump_reference_version(self._session, kind, now)

    def overrides(self) -> list[CalendarOverrideRow]:
        """The calendar's local overrides, by day."""
        return list(
            self._session.scalars(select(CalendarOverrideRow).order_by(CalendarOverrideRow.day))
        )

    def put_override(self, day: str, kind: str, reason: str, legal_ref: str) -> None:
        repo.put_calendar_override(self._session, day, kind, reason, legal_ref)

    def drop_override(self, day: str) -> bool:
        return repo.drop_calendar_override(self._session, day)
